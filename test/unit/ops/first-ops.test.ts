/** Hand-computed values and error messages for reductions, softmax, comparisons, joins and indexing. */
import * as nn from "nnlab";
import { expectClose, flat } from "../helpers";

const t64 = (v: nn.NestedArray) => nn.tensor(v, { dtype: "float64" });

describe("max / min reductions", () => {
  test("values over an axis and over all axes", () => {
    const x = nn.tensor([[1, 5, 3], [4, 2, 6]]);
    expect(nn.max(x, 1).toArray()).toEqual([5, 6]);
    expect(nn.min(x, 0).toArray()).toEqual([1, 2, 3]);
    expect(nn.max(x).item()).toBe(6);
    expect(nn.max(x, 1, true).shape).toEqual([2, 1]);
    expect(x.min([0, 1]).item()).toBe(1);
  });
  test("tied maxima share the gradient equally (torch.amax)", () => {
    const x = nn.tensor([3, 1, 3, 3], { requiresGrad: true });
    nn.max(x).backward();
    expectClose(x.grad!.data, [1 / 3, 0, 1 / 3, 1 / 3], 1e-7);
  });
  test("NaN wins, as NumPy", () => {
    expect(Number.isNaN(nn.max(nn.tensor([1, NaN, 2])).item())).toBe(true);
  });
});

describe("argmax / argmin", () => {
  test("last axis by default, first index on ties", () => {
    const x = nn.tensor([[1, 7, 7], [9, 0, 2]]);
    expect(nn.argmax(x).toArray()).toEqual([1, 0]);
    expect(nn.argmin(x).toArray()).toEqual([0, 1]);
    expect(nn.argmax(x, 0).toArray()).toEqual([1, 0, 0]);
    expect(nn.argmax(x).requiresGrad).toBe(false);
  });
  test("a bad axis names the op and the rank", () => {
    expect(() => nn.argmax(nn.tensor([1, 2]), 2)).toThrow("argmax: axis 2 is out of range for a tensor of rank 1");
  });
});

describe("logSumExp / softmax / logSoftmax", () => {
  test("logSumExp is stable for large inputs (hand: 1000 + ln 2)", () => {
    expectClose([nn.logSumExp(t64([1000, 1000])).item()], [1000 + Math.log(2)], 1e-14);
    expectClose([nn.logSumExp(t64([-1000, -1000])).item()], [-1000 + Math.log(2)], 1e-14);
    expect(nn.logSumExp(t64([-Infinity, -Infinity])).item()).toBe(-Infinity);
  });
  test("softmax of [1, 2, 3] (hand: e^k / Σ e^k)", () => {
    const e = [1, 2, 3].map(Math.exp);
    const s = e.reduce((a, b) => a + b);
    expectClose(nn.softmax(t64([1, 2, 3])).data, e.map((v) => v / s), 1e-15);
    expectClose(nn.logSoftmax(t64([1, 2, 3])).data, e.map((v) => Math.log(v / s)), 1e-15);
  });
  test("softmax along axis 0 normalizes columns; logSoftmax of huge logits stays finite", () => {
    const y = nn.softmax(t64([[1, 2], [3, 4]]), 0);
    expectClose(nn.sum(y, 0).data, [1, 1], 1e-15);
    expectClose(nn.logSoftmax(t64([0, 1000])).data, [-1000, 0], 1e-15);
  });
});

describe("comparisons and where", () => {
  test("0/1 masks with broadcasting and no gradient", () => {
    const a = nn.tensor([[1, 2, 3]], { requiresGrad: true });
    expect(nn.greater(a, 2).toArray()).toEqual([[0, 0, 1]]);
    expect(nn.greaterEqual(a, 2).toArray()).toEqual([[0, 1, 1]]);
    expect(nn.less(a, nn.tensor([[2], [4]])).toArray()).toEqual([[1, 0, 0], [1, 1, 1]]);
    expect(nn.lessEqual(a, 2).toArray()).toEqual([[1, 1, 0]]);
    expect(nn.equal(a, 2).toArray()).toEqual([[0, 1, 0]]);
    expect(nn.notEqual(a, 2).toArray()).toEqual([[1, 0, 1]]);
    expect(nn.greater(a, 2).requiresGrad).toBe(false);
  });
  test("shape mismatch names the op and both shapes", () => {
    expect(() => nn.equal(nn.zeros([2, 3]), nn.zeros([4]))).toThrow("equal: shapes [2, 3] and [4] cannot be broadcast together");
  });
  test("where selects and routes gradients", () => {
    const a = nn.tensor([1, 2, 3], { requiresGrad: true });
    const b = nn.tensor([10, 20, 30], { requiresGrad: true });
    const y = nn.where(nn.tensor([1, 0, 1]), a, b);
    expect(y.toArray()).toEqual([1, 20, 3]);
    y.mul(nn.tensor([1, 2, 3])).sum().backward();
    expect(a.grad!.toArray()).toEqual([1, 0, 3]);
    expect(b.grad!.toArray()).toEqual([0, 2, 0]);
    expect(nn.where(nn.greater(a, 1), a, 0).toArray()).toEqual([0, 2, 3]);
  });
  test("where with a non-tensor condition says so", () => {
    expect(() => nn.where([1, 0] as unknown as nn.Tensor, 1, 2)).toThrow("where: condition must be a Tensor");
  });
});

describe("oneHot, gather, slice", () => {
  test("oneHot rows for labels", () => {
    expect(nn.oneHot([0, 2], 3).toArray()).toEqual([[1, 0, 0], [0, 0, 1]]);
    expect(nn.oneHot(nn.tensor([[1], [0]]), 2).shape).toEqual([2, 1, 2]);
    expect(() => nn.oneHot([3], 3)).toThrow("oneHot: index 3 (position 0) is not an integer in [0, 3)");
    expect(() => nn.oneHot([0], 0)).toThrow("oneHot: depth must be a positive integer, got 0");
  });
  test("gather along axes; repeated indices add gradients", () => {
    const x = nn.tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true });
    expect(nn.gather(x, [2, 0], 1).toArray()).toEqual([[3, 1], [6, 4]]);
    const y = nn.gather(x, [1, 1, 0]);
    expect(y.toArray()).toEqual([[4, 5, 6], [4, 5, 6], [1, 2, 3]]);
    y.sum().backward();
    expect(x.grad!.toArray()).toEqual([[1, 1, 1], [2, 2, 2]]);
    expect(nn.gather(x, [[0], [1]], 0).shape).toEqual([2, 1, 3]);
    expect(() => nn.gather(x, [2])).toThrow("gather: index 2 (position 0) is not an integer in [0, 2)");
  });
  test("slice takes a box; -1 runs to the end", () => {
    const x = nn.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]], { requiresGrad: true });
    const y = nn.slice(x, [1, 1], [2, -1]);
    expect(y.toArray()).toEqual([[5, 6], [8, 9]]);
    y.sum().backward();
    expect(x.grad!.toArray()).toEqual([[0, 0, 0], [0, 1, 1], [0, 1, 1]]);
    expect(nn.slice(x, [-1]).toArray()).toEqual([[7, 8, 9]]);
    expect(() => nn.slice(x, [2, 0], [2, 1])).toThrow("slice: begin [2,0] with size [2,1] is out of bounds for shape [3, 3] (axis 0: start 2, length 2, dimension 3)");
  });
});

describe("concat, stack, squeeze, expandDims", () => {
  test("concat along axis 1 and its gradient split", () => {
    const a = nn.tensor([[1, 2], [3, 4]], { requiresGrad: true });
    const b = nn.tensor([[5], [6]], { requiresGrad: true });
    const y = nn.concat([a, b], 1);
    expect(y.toArray()).toEqual([[1, 2, 5], [3, 4, 6]]);
    y.mul(nn.tensor([[1, 2, 3], [4, 5, 6]])).sum().backward();
    expect(a.grad!.toArray()).toEqual([[1, 2], [4, 5]]);
    expect(b.grad!.toArray()).toEqual([[3], [6]]);
  });
  test("concat shape mismatch names both shapes", () => {
    expect(() => nn.concat([nn.zeros([2, 3]), nn.zeros([3, 2])], 1)).toThrow(
      "concat: shapes must agree except along axis 1, but tensor 0 has shape [2, 3] and tensor 1 has shape [3, 2]",
    );
    expect(() => nn.concat([])).toThrow("concat: expected a non-empty array of tensors, got an empty array");
  });
  test("stack on a new axis", () => {
    const a = nn.tensor([1, 2]);
    const b = nn.tensor([3, 4]);
    expect(nn.stack([a, b]).toArray()).toEqual([[1, 2], [3, 4]]);
    expect(nn.stack([a, b], 1).toArray()).toEqual([[1, 3], [2, 4]]);
    expect(nn.stack([a, b], -1).shape).toEqual([2, 2]);
    expect(() => nn.stack([a, nn.zeros([3])])).toThrow("stack: all tensors must have the same shape, but tensor 0 has shape [2] and tensor 1 has shape [3]");
  });
  test("squeeze and expandDims", () => {
    const x = nn.zeros([1, 3, 1]);
    expect(nn.squeeze(x).shape).toEqual([3]);
    expect(nn.squeeze(x, 0).shape).toEqual([3, 1]);
    expect(() => nn.squeeze(x, 1)).toThrow("squeeze: axis 1 of shape [1, 3, 1] has length 3, expected 1");
    expect(nn.expandDims(nn.zeros([3])).shape).toEqual([1, 3]);
    expect(nn.expandDims(nn.zeros([3]), -1).shape).toEqual([3, 1]);
  });
});

describe("sign, variance, std", () => {
  test("sign", () => expect(nn.sign(nn.tensor([-2, 0, 3])).toArray()).toEqual([-1, 0, 1]));
  test("biased variance and std (hand: [1, 2, 3, 4] → 1.25)", () => {
    const x = t64([[1, 2], [3, 4]]);
    expectClose([nn.variance(x).item()], [1.25], 1e-15);
    expectClose([nn.std(x).item()], [Math.sqrt(1.25)], 1e-15);
    expectClose(nn.variance(x, 0).data, [1, 1], 1e-15);
    expectClose(flat(nn.variance(x, 1, true).toArray()), [0.25, 0.25], 1e-15);
  });
});
