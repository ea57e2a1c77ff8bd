/**
 * Every differentiable op against PyTorch (test/fixtures/torch/ops.py): forward values and the
 * gradients of Σ y ⊙ P, in float64 (1e-10 relative) and float32 (1e-5 relative).
 */
import * as nn from "nnlab";
import { expectClose, flat, torchFixture } from "../helpers";

type Op = (...xs: nn.Tensor[]) => nn.Tensor;

/** The nnlab spelling of each fixture case (same names as in ops.py). */
export const OPS: Record<string, Op> = {
  neg: (x) => x.neg(),
  exp: (x) => x.exp(),
  log: (x) => x.log(),
  sqrt: (x) => x.sqrt(),
  square: (x) => x.square(),
  abs: (x) => x.abs(),
  pow_2_5: (x) => x.pow(2.5),
  pow_3: (x) => nn.pow(x, 3),
  clip: (x) => x.clip(-0.5, 0.5),
  sigmoid: (x) => x.sigmoid(),
  tanh: (x) => x.tanh(),
  relu: (x) => x.relu(),
  sign: (x) => x.sign(),
  log1p: (x) => x.log1p(),
  expm1: (x) => x.expm1(),
  log2: (x) => x.log2(),
  log10: (x) => x.log10(),
  sin: (x) => x.sin(),
  cos: (x) => x.cos(),
  tan: (x) => x.tan(),
  atan: (x) => x.atan(),
  sinh: (x) => x.sinh(),
  cosh: (x) => x.cosh(),
  reciprocal: (x) => x.reciprocal(),
  rsqrt: (x) => x.rsqrt(),
  erf: (x) => x.erf(),
  floor: (x) => x.floor(),
  ceil: (x) => x.ceil(),
  round: (x) => x.round(),
  add: (a, b) => a.add(b),
  sub: (a, b) => a.sub(b),
  mul: (a, b) => a.mul(b),
  div: (a, b) => a.div(b),
  maximum: (a, b) => a.maximum(b),
  minimum: (a, b) => nn.minimum(a, b),
  where: (a, b) => nn.where(nn.tensor([[1, 0, 1]]), a, b),
  sum_axis1: (x) => x.sum(1),
  sum_all: (x) => nn.sum(x),
  mean_axes02_keep: (x) => x.mean([0, 2], true),
  prod_axis0: (x) => x.prod(0),
  max_axis1: (x) => x.max(1),
  max_ties: (x) => nn.max(x),
  min_axis0_keep: (x) => x.min(0, true),
  variance_axis1: (x) => x.variance(1),
  variance_all: (x) => nn.variance(x),
  std_axis0: (x) => x.std(0),
  norm_axis1: (x) => x.norm(2, 1),
  norm_l1: (x) => nn.norm(x, 1),
  cumsum_axis1: (x) => x.cumsum(1),
  logSumExp_axis1: (x) => x.logSumExp(1),
  logSumExp_large: (x) => nn.logSumExp(x, 0),
  softmax_last: (x) => x.softmax(),
  softmax_axis0: (x) => nn.softmax(x, 0),
  logSoftmax_last: (x) => x.logSoftmax(),
  logSoftmax_axis1: (x) => nn.logSoftmax(x, 1),
  matmul_2d: (a, b) => a.matmul(b),
  matmul_rows: (a, b) => nn.matmul(a, b),
  matmul_batched_broadcast: (a, b) => nn.matmul(a, b),
  matmul_transposeB: (a, b) => nn.matmul(a, b, { transposeB: true }),
  matmul_transposeA: (a, b) => a.matmul(b, { transposeA: true }),
  matmul_vector_matrix: (a, b) => nn.matmul(a, b),
  matmul_matrix_vector: (a, b) => nn.matmul(a, b),
  reshape: (x) => x.reshape([3, 4]),
  transpose_perm: (x) => x.transpose([2, 0, 1]),
  concat_axis1: (a, b) => nn.concat([a, b], 1),
  stack_axis1: (a, b) => nn.stack([a, b], 1),
  slice: (x) => x.slice([1, 0, 2], [2, -1, -1]),
  gather_axis1: (x) => x.gather([2, 0, 2], 1),
  squeeze: (x) => x.squeeze(1),
  expandDims: (x) => x.expandDims(1),
};

const fixture = torchFixture("ops");

test("every fixture case has an nnlab spelling and vice versa", () => {
  expect(Object.keys(OPS).sort()).toEqual(Object.keys(fixture.cases).sort());
});

describe.each([
  ["float64", 1e-10],
  ["float32", 1e-5],
] as const)("%s matches PyTorch", (dtype, tol) => {
  test.each(Object.keys(fixture.cases))("%s", (name) => {
    const c = fixture.cases[name];
    const ref = c[dtype];
    const xs = c.inputs.map((v: nn.NestedArray, i: number) => nn.tensor(v, { dtype, requiresGrad: true, shape: c.shapes[i] }));
    const y = OPS[name](...xs);
    expect(y.shape).toEqual(c.float64.shape);
    expect(y.dtype).toBe(dtype);
    expectClose(y.data, flat(ref.y), tol);
    y.mul(nn.tensor(ref.probe, { dtype })).sum().backward();
    xs.forEach((x: nn.Tensor, i: number) => expectClose(x.grad ? x.grad.data : new Float64Array(x.size), flat(ref.grads[i]), tol));
  });
});
