/**
 * add, sub and mul in every broadcast layout against PyTorch (test/fixtures/torch/elementwise_layouts.py):
 * the tiled loops (equal shapes, a bias row or block over leading axes, a scalar on either side)
 * and the generic index-map loop (a column, both sides broadcast, a middle axis), forward and
 * gradients, in float64 (1e-10) and float32 (1e-5); mixed dtypes; gradient accumulation when a
 * tensor feeds several ops; relu's gradient for non-finite upstream values.
 */
import * as nn from "nnlab";
import { expectClose, flat, torchFixture } from "../helpers";

const fixture = torchFixture("elementwise_layouts");
const call = (op: string, a: nn.Tensor, b: nn.Tensor): nn.Tensor => (op === "add" ? nn.add(a, b) : op === "sub" ? nn.sub(a, b) : nn.mul(a, b));

describe.each([
  ["float64", 1e-10],
  ["float32", 1e-5],
] as const)("add/sub/mul layouts match PyTorch (%s)", (dtype, tol) => {
  test.each(Object.keys(fixture.cases))("%s", (name) => {
    const c = fixture.cases[name];
    const ref = c[dtype];
    const [a, b] = c.inputs.map((v: nn.NestedArray, i: number) => nn.tensor(v, { dtype, requiresGrad: true, shape: c.shapes[i] }));
    const y = call(c.op, a, b);
    expect(y.shape).toEqual(nn.tensor(ref.y).shape);
    expect(y.dtype).toBe(dtype);
    expectClose(y.data, flat(ref.y), tol);
    const [ga, gb] = nn.gradientsOf(nn.sum(nn.mul(y, nn.tensor(ref.probe, { dtype }))), [a, b]);
    expect(ga.length).toBe(a.size);
    expect(gb.length).toBe(b.size);
    expect(ga).toBeInstanceOf(dtype === "float64" ? Float64Array : Float32Array);
    expectClose(ga, flat(ref.grads[0]), tol);
    expectClose(gb, flat(ref.grads[1]), tol);
  });
});

test.each(["add", "sub", "mul"])("%s of float32 [5, 4] and float64 [4]: float64 out, each gradient in its input's dtype (PyTorch)", (op) => {
  const m = fixture.mixed[op];
  expect(m.dtypes).toEqual(["torch.float64", "torch.float32", "torch.float64"]);
  const a = nn.tensor(m.a, { dtype: "float32", requiresGrad: true });
  const b = nn.tensor(m.b, { dtype: "float64", requiresGrad: true });
  const y = call(op, a, b);
  expect(y.dtype).toBe("float64");
  expectClose(y.data, flat(m.y), 1e-10);
  const [ga, gb] = nn.gradientsOf(nn.sum(nn.mul(y, nn.tensor(m.probe, { dtype: "float64" }))), [a, b]);
  expect(ga).toBeInstanceOf(Float32Array);
  expect(gb).toBeInstanceOf(Float64Array);
  expectClose(ga, flat(m.grads[0]), 1e-6);
  expectClose(gb, flat(m.grads[1]), 1e-10);
});

describe("gradients of a tensor that feeds several ops add up (PyTorch)", () => {
  const acc = fixture.accumulation;
  const w = nn.tensor(acc.w, { dtype: "float64" });

  test("(x + x) · w: both operands of one add are x", () => {
    const x = nn.tensor(acc.x, { dtype: "float64", requiresGrad: true });
    const [gx] = nn.gradientsOf(nn.sum(nn.mul(nn.add(x, x), w)), [x]);
    expectClose(gx, flat(acc.self_add), 1e-12);
  });

  test("Σ(x + y)·w + Σ 3x + Σ x·y: x's three contributions, y's two, neither changes the other", () => {
    const x = nn.tensor(acc.x, { dtype: "float64", requiresGrad: true });
    const y = nn.tensor(acc.y, { dtype: "float64", requiresGrad: true });
    const loss = nn.add(nn.add(nn.sum(nn.mul(nn.add(x, y), w)), nn.sum(nn.mul(x, 3))), nn.sum(nn.mul(x, y)));
    const [gx, gy] = nn.gradientsOf(loss, [x, y]);
    expectClose(gx, flat(acc.fan_out.x), 1e-12);
    expectClose(gy, flat(acc.fan_out.y), 1e-12);
  });

  test("the gradients of a + b are separate arrays: changing one leaves the other (both are 2·1 = 2 by hand)", () => {
    const a = nn.tensor([1, 2, 3], { requiresGrad: true });
    const b = nn.tensor([4, 5, 6], { requiresGrad: true });
    const [ga, gb] = nn.gradientsOf(nn.sum(nn.mul(nn.add(a, b), 2)), [a, b]);
    expect(Array.from(ga)).toEqual([2, 2, 2]);
    ga[0] = 100;
    expect(Array.from(gb)).toEqual([2, 2, 2]);
  });

  test("backward() twice accumulates .grad without changing the first backward's values (d(a + b)/da = 1 by hand)", () => {
    const a = nn.tensor([1, 2], { requiresGrad: true });
    const b = nn.tensor([3, 4], { requiresGrad: true });
    nn.sum(nn.add(a, b)).backward();
    nn.sum(nn.add(a, b)).backward();
    expect(Array.from(a.grad!.data)).toEqual([2, 2]);
    expect(Array.from(b.grad!.data)).toEqual([2, 2]);
  });
});

test("relu passes no gradient where x ≤ 0, even an infinite or NaN one (PyTorch's threshold_backward)", () => {
  const r = fixture.relu_nonfinite;
  const x = nn.tensor(r.x, { dtype: "float64", requiresGrad: true });
  nn.relu(x).backward(nn.tensor(r.upstream.map(Number), { dtype: "float64" }));
  expect(Array.from(x.grad!.data)).toEqual(r.grad.map(Number));
});
