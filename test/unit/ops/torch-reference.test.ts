/**
 * Every differentiable op against PyTorch (test/fixtures/torch/ops.py): forward values and the
 * gradients of Σ y ⊙ P, in float64 (1e-10 relative) and float32 (1e-5 relative).
 */
import * as nn from "nnlab";
import { expectClose, flat, torchFixture } from "../helpers";
import { OPS } from "./op-cases";

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
