/**
 * Binary ops take a number on either side (`nn.mul(0.5, t)` as well as `nn.mul(t, 0.5)`), and
 * name the op and the argument for anything else. Expected values are hand computations.
 */
import * as nn from "nnlab";
import { expectClose } from "../helpers";

/** Values of f(x) and dΣf/dx for a leaf x. */
function valueAndGrad(xs: number[], f: (x: nn.Tensor) => nn.Tensor, dtype: "float32" | "float64" = "float64"): { y: number[]; g: number[]; out: nn.Tensor } {
  const x = nn.tensor(xs, { dtype, requiresGrad: true });
  const out = f(x);
  nn.sum(out).backward();
  return { y: Array.from(out.data), g: Array.from(x.grad!.data), out };
}

describe("a number as the first operand", () => {
  const xs = [-2, 0.5, 4];
  test.each<[string, (x: nn.Tensor) => nn.Tensor, number[], number[]]>([
    ["mul(0.5, x)", (x) => nn.mul(0.5, x), [-1, 0.25, 2], [0.5, 0.5, 0.5]],
    ["add(3, x)", (x) => nn.add(3, x), [1, 3.5, 7], [1, 1, 1]],
    ["sub(1, x)", (x) => nn.sub(1, x), [3, 0.5, -3], [-1, -1, -1]],
    // d(1/x)/dx = −1/x².
    ["div(1, x)", (x) => nn.div(1, x), [-0.5, 2, 0.25], [-0.25, -4, -1 / 16]],
    ["maximum(0, x)", (x) => nn.maximum(0, x), [0, 0.5, 4], [0, 1, 1]],
    ["minimum(1, x)", (x) => nn.minimum(1, x), [-2, 0.5, 1], [1, 1, 0]],
    // d(2^x)/dx = 2^x · ln 2.
    ["pow(2, x)", (x) => nn.pow(2, x), [0.25, Math.SQRT2, 16], [0.25 * Math.LN2, Math.SQRT2 * Math.LN2, 16 * Math.LN2]],
  ])("%s: values and gradient", (_name, f, y, g) => {
    const r = valueAndGrad(xs, f);
    expectClose(r.y, y, 1e-12);
    expectClose(r.g, g, 1e-12);
    expect(r.out.dtype).toBe("float64");
    expect(r.out.shape).toEqual([3]);
  });

  test("the number takes the tensor's dtype (float32 stays float32)", () => {
    const y = nn.mul(0.1, nn.tensor([1, 2]));
    expect(y.dtype).toBe("float32");
    expect(Array.from(y.data)).toEqual([Math.fround(0.1), Math.fround(Math.fround(0.1) * 2)]);
  });

  test("comparisons: a number on the left compares the other way round", () => {
    const x = nn.tensor([-1, 0, 1]);
    expect(Array.from(nn.greater(0, x).data)).toEqual([1, 0, 0]);
    expect(Array.from(nn.greaterEqual(0, x).data)).toEqual([1, 1, 0]);
    expect(Array.from(nn.less(0, x).data)).toEqual([0, 0, 1]);
    expect(Array.from(nn.lessEqual(0, x).data)).toEqual([0, 1, 1]);
    expect(Array.from(nn.equal(0, x).data)).toEqual([0, 1, 0]);
    expect(Array.from(nn.notEqual(0, x).data)).toEqual([1, 0, 1]);
  });

  test("where: numbers on either side, or both (then the condition's dtype)", () => {
    const c = nn.tensor([1, 0, 1], { dtype: "float64" });
    const r = valueAndGrad([5, 6, 7], (x) => nn.where(c, 1, x));
    expect(r.y).toEqual([1, 6, 1]);
    expect(r.g).toEqual([0, 1, 0]);
    const both = nn.where(c, 2, -2);
    expect(Array.from(both.data)).toEqual([2, -2, 2]);
    expect(both.dtype).toBe("float64");
  });
});

describe("pow with tensors on both sides", () => {
  test("x^y: values and both gradients (∂/∂x = y·x^(y−1), ∂/∂y = x^y·ln x)", () => {
    const x = nn.tensor([2, 3, 0.5], { dtype: "float64", requiresGrad: true });
    const y = nn.tensor([3, 0.5, -1], { dtype: "float64", requiresGrad: true });
    const z = nn.pow(x, y);
    nn.sum(z).backward();
    expectClose(Array.from(z.data), [8, Math.sqrt(3), 2], 1e-12);
    expectClose(Array.from(x.grad!.data), [12, 0.5 / Math.sqrt(3), -4], 1e-12);
    expectClose(Array.from(y.grad!.data), [8 * Math.LN2, Math.sqrt(3) * Math.log(3), 2 * Math.log(0.5)], 1e-12);
  });

  test("at base 0 with exponent ≥ 0 the exponent's gradient is 0 (as PyTorch), not NaN", () => {
    const x = nn.tensor([0, 0], { dtype: "float64" });
    const y = nn.tensor([2, 0], { dtype: "float64", requiresGrad: true });
    nn.sum(nn.pow(x, y)).backward();
    expect(Array.from(y.grad!.data)).toEqual([0, 0]);
  });

  test("a constant exponent is unchanged: x^3, derivative 3x²", () => {
    const r = valueAndGrad([2, -1], (x) => nn.pow(x, 3));
    expect(r.y).toEqual([8, -1]);
    expect(r.g).toEqual([12, 3]);
  });
});

describe("operands that are neither a Tensor nor a number", () => {
  const t = nn.zeros([2]);
  test.each<[string, () => unknown, string]>([
    ["null first", () => nn.mul(null as unknown as number, t), "mul: argument a must be a Tensor or a number, got null"],
    ["undefined second", () => nn.add(t, undefined as unknown as number), "add: argument b must be a Tensor or a number, got undefined"],
    ["a string", () => nn.sub(t, "2" as unknown as number), 'sub: argument b must be a Tensor or a number, got string "2"'],
    ["an array suggests nn.tensor", () => nn.div([1, 2] as unknown as number, t), "div: argument a must be a Tensor or a number, got an array; wrap it with nn.tensor([1,2])"],
    ["an object", () => nn.maximum(t, {} as unknown as number), "maximum: argument b must be a Tensor or a number, got an object (Object)"],
    ["minimum", () => nn.minimum(true as unknown as number, t), "minimum: argument a must be a Tensor or a number, got boolean"],
    ["a comparison", () => nn.greater([0] as unknown as number, t), "greater: argument a must be a Tensor or a number, got an array; wrap it with nn.tensor([0])"],
    ["where's branches", () => nn.where(t, "x" as unknown as number, t), 'where: argument a must be a Tensor or a number, got string "x"'],
    ["pow's exponent", () => nn.pow(t, "2" as unknown as number), 'pow: argument exponent must be a Tensor or a number, got string "2"'],
    ["pow's base", () => nn.pow(null as unknown as number, 2), "pow: argument base must be a Tensor or a number, got null"],
  ])("%s", (_name, f, message) => {
    expect(f).toThrow(TypeError);
    expect(f).toThrow(message);
  });
});
