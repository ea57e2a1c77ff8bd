/** Tensor creation, dtypes, conversions, backward() and the seeded generator. */
import * as nn from "nnlab";
import { expectClose } from "../helpers";

describe("creation", () => {
  test("shapes and dtypes", () => {
    expect(nn.tensor([[1, 2, 3]]).shape).toEqual([1, 3]);
    expect(nn.tensor(Float64Array.of(1, 2)).dtype).toBe("float64");
    expect(nn.tensor(Float32Array.of(1, 2, 3, 4), { shape: [2, 2] }).toArray()).toEqual([[1, 2], [3, 4]]);
    expect(nn.tensor(nn.tensor([1, 2]), { dtype: "float64" }).dtype).toBe("float64");
    expect(nn.fill([2], 7).toArray()).toEqual([7, 7]);
    expect(nn.ones([2], { dtype: "float64" }).dtype).toBe("float64");
    expect(nn.scalar(3).rank).toBe(0);
  });
  test("clear errors", () => {
    expect(() => nn.tensor([[1, 2], [3]])).toThrow("tensor: ragged nested array: [1] should have 2 entries, got 1");
    expect(() => nn.tensor([1, "a"] as unknown as number[])).toThrow("tensor: expected a number at [1], got string");
    expect(() => nn.tensor([1, 2, 3], { shape: [2, 2] })).toThrow("tensor: 3 values cannot have shape [2, 2]");
    expect(() => nn.tensor([1], { dtype: "int8" as nn.DType })).toThrow('tensor: dtype must be one of float32, float64, got "int8"');
    expect(() => nn.zeros([2, -1])).toThrow("fill: a shape must be a list of non-negative integers, got [2,-1]");
    expect(() => nn.setDefaultDType("float16" as nn.DType)).toThrow('setDefaultDType: dtype must be one of float32, float64, got "float16"');
    expect(() => new nn.Tensor(new Float32Array(3), [2, 2])).toThrow("Tensor: 3 values do not fill shape [2, 2] (4 values)");
  });
  test("mixing dtypes computes in float64", () => {
    expect(nn.add(nn.tensor([1]), nn.tensor([1], { dtype: "float64" })).dtype).toBe("float64");
    expect(nn.tensor([1.1]).cast("float64").dtype).toBe("float64");
  });
});

describe("conversions", () => {
  test("dataSync, arraySync, detach, clone", () => {
    const t = nn.tensor([[1, 2]], { requiresGrad: true });
    expect(t.dataSync()).toEqual([1, 2]);
    expect(t.arraySync()).toEqual([[1, 2]]);
    const d = t.mul(2).detach();
    expect(d.requiresGrad).toBe(false);
    const c = t.clone();
    c.data[0] = 9;
    expect(t.data[0]).toBe(1);
    expect(t.T.shape).toEqual([2, 1]);
  });
});

describe("backward", () => {
  test("a non-scalar tensor takes dThis; gradients accumulate until zeroGrad", () => {
    const x = nn.tensor([1, 2], { requiresGrad: true });
    x.mul(3).backward(nn.tensor([1, 10]));
    expect(x.grad!.toArray()).toEqual([3, 30]);
    x.mul(3).backward(nn.tensor([1, 1]));
    expect(x.grad!.toArray()).toEqual([6, 33]);
    x.zeroGrad();
    expect(x.grad).toBeNull();
  });
  test("clear errors", () => {
    const x = nn.tensor([1, 2], { requiresGrad: true });
    expect(() => x.mul(3).backward(nn.tensor([1]))).toThrow("backward(): gradient shape [1] does not match tensor shape [2]");
    expect(() => nn.tensor(1).backward()).toThrow("backward(): this tensor does not require a gradient");
  });
  test("erf matches Python's math.erf in its tails", () => {
    expectClose(nn.tensor([-4.5, 3.5, 5.5, 7], { dtype: "float64" }).erf().data, [-0.9999999998033839, 0.9999992569016276, 0.9999999999999927, 1], 1e-15);
  });
});

describe("seeded generator", () => {
  test("same seed, same sequence; ints and permutations stay in range", () => {
    const a = new nn.Random(5);
    const b = new nn.Random(5);
    expect([a.uniform(), a.normal(), a.normal(), a.int(10)]).toEqual([b.uniform(), b.normal(), b.normal(), b.int(10)]);
    const p = a.permutation(20);
    expect([...p].sort((u, v) => u - v)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    nn.setSeed(3);
    const first = nn.random().uniform();
    nn.setSeed(3);
    expect(nn.random().uniform()).toBe(first);
    expect(() => new nn.Random(NaN)).toThrow("seed must be a finite number, got NaN");
  });
});
