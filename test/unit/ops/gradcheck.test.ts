/** Finite-difference gradient checks (float64, nn.checkGrad) for every op, at the PyTorch fixture inputs. */
import * as nn from "nnlab";
import { torchFixture } from "../helpers";
import { OPS } from "./op-cases";

const fixture = torchFixture("ops");
// A maximum with ties has no derivative there (one-sided slopes differ); PyTorch's tie rule is checked in torch-reference.
const NOT_DIFFERENTIABLE_AT_INPUT = new Set(["max_ties"]);

describe("autodiff agrees with central differences for every op", () => {
  test.each(Object.keys(OPS).filter((n) => !NOT_DIFFERENTIABLE_AT_INPUT.has(n)))("%s", (name) => {
    const c = fixture.cases[name];
    const inputs = c.inputs.map((v: nn.NestedArray, i: number) => nn.tensor(v, { dtype: "float64", shape: c.shapes[i] }));
    const result = nn.checkGrad(OPS[name], inputs);
    expect(result.inputs).toHaveLength(inputs.length);
    expect(result.maxRelativeError).toBeLessThan(1e-7);
    expect(result.passed).toBe(true);
  });
});

describe("more ops and edge cases under gradient checking", () => {
  const rng = new nn.Random(3);
  const rand = (shape: number[]) => nn.tensor(Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal()), { shape });
  const cases: [string, () => { fn: (...x: nn.Tensor[]) => nn.Tensor; inputs: nn.Tensor[] }][] = [
    ["prod with a zero factor", () => ({ fn: (x) => x.prod(1), inputs: [nn.tensor([[0, 2, 3], [1, 0, 0]], { dtype: "float64" })] })],
    ["gather with repeated rows (axis 0)", () => ({ fn: (x) => nn.gather(x, [[1, 1], [0, 2]]), inputs: [rand([3, 2])] })],
    ["gatherRows", () => ({ fn: (x) => nn.gatherRows(x, [2, 0, 2]), inputs: [rand([3, 2])] })],
    ["stack along the last axis", () => ({ fn: (a, b, c) => nn.stack([a, b, c], -1), inputs: [rand([2, 2]), rand([2, 2]), rand([2, 2])] })],
    ["concat along axis 0 of three", () => ({ fn: (a, b, c) => nn.concat([a, b, c]), inputs: [rand([1, 3]), rand([2, 3]), rand([1, 3])] })],
    ["where broadcasting all three", () => ({ fn: (a, b) => nn.where(nn.tensor([[1], [0]]), a, b), inputs: [rand([3]), rand([2, 1])] })],
    ["logSumExp over all axes keeping dims", () => ({ fn: (x) => x.logSumExp(undefined, true), inputs: [rand([2, 3])] })],
    ["softmax along a middle axis", () => ({ fn: (x) => x.softmax(1), inputs: [rand([2, 3, 2])] })],
    ["cumsum along the last axis of a 3-D tensor", () => ({ fn: (x) => x.cumsum(-1), inputs: [rand([2, 2, 3])] })],
    ["norm over all axes, Infinity norm", () => ({ fn: (x) => nn.add(x.norm(), x.norm(Infinity)), inputs: [rand([2, 3])] })],
    ["std over all axes", () => ({ fn: (x) => x.std(), inputs: [rand([2, 3])] })],
    ["matmul with a 1-D left operand and a batched right one", () => ({ fn: (a, b) => nn.matmul(a, b), inputs: [rand([3]), rand([2, 3, 2])] })],
    ["matmul with both operands transposed", () => ({ fn: (a, b) => nn.matmul(a, b, { transposeA: true, transposeB: true }), inputs: [rand([2, 3, 4]), rand([2, 5, 3])] })],
    ["matmul of a dense layer with transposeB", () => ({ fn: (a, b) => nn.matmul(a, b, { transposeB: true }), inputs: [rand([2, 2, 3]), rand([4, 3])] })],
    ["mixed float32/float64 matmul", () => ({ fn: (a) => nn.matmul(a, nn.tensor([[0.5], [-1]])), inputs: [rand([3, 2])] })],
    ["a composite: softmax cross-entropy by hand", () => ({
      fn: (z) => nn.logSoftmax(z).mul(nn.oneHot([2, 0], 3, { dtype: "float64" })).sum().neg(),
      inputs: [rand([2, 3])],
    })],
  ];
  test("cast to float32 and back (a wide step: float32 rounding would swamp a small one)", () => {
    const result = nn.checkGrad((x) => x.cast("float32").cast("float64").mul(3).sum(), [rand([3])], { epsilon: 0.0625 });
    expect(result.maxRelativeError).toBeLessThan(1e-5);
    expect(Array.from(result.inputs[0].analytic.data)).toEqual([3, 3, 3]);
  });
  test.each(cases)("%s", (_name, make) => {
    const { fn, inputs } = make();
    const result = nn.checkGrad(fn, inputs);
    expect(result.maxRelativeError).toBeLessThan(1e-7);
  });
});
