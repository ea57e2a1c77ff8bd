/** The autodiff user API: grad/grads/valueAndGrad(s), gradient tapes, checkGrad and their errors. */
import * as nn from "nnlab";
import { expectClose } from "../helpers";

const f64 = (v: nn.NestedArray) => nn.tensor(v, { dtype: "float64" });

describe("function transforms", () => {
  test("grad of x² + x is 2x + 1 (hand)", () => {
    const df = nn.grad((x) => x.square().add(x));
    expectClose(df(f64([-1, 0, 2.5])).data, [-1, 1, 6], 1e-15);
  });
  test("grad of a non-scalar function seeds ones (tfjs), or takes dy", () => {
    const df = nn.grad((x) => x.mul(x));
    expectClose(df(f64([1, 2])).data, [2, 4], 1e-15);
    expectClose(df(f64([1, 2]), f64([10, 0])).data, [20, 0], 1e-15);
  });
  test("grads of √(x² + y²) at (3, 4) are (0.6, 0.8) (hand: x/z, y/z)", () => {
    const [dx, dy] = nn.grads((x, y) => x.square().add(y.square()).sqrt())([f64(3), f64(4)]);
    expectClose([dx.item(), dy.item()], [0.6, 0.8], 1e-15);
  });
  test("valueAndGrad and valueAndGrads return the value computed once", () => {
    const { value, grad } = nn.valueAndGrad((w) => w.sub(3).square().sum())(f64([1]));
    expect(value.item()).toBe(4);
    expect(grad.toArray()).toEqual([-4]);
    expect(value.requiresGrad).toBe(false);
    const r = nn.valueAndGrads((a, b) => a.mul(b).sum())([f64([2, 3]), f64([5, 7])]);
    expect(r.value.item()).toBe(31);
    expect(r.grads.map((g) => g.toArray())).toEqual([[5, 7], [2, 3]]);
  });
  test("an argument the function ignores gets zeros; the argument itself is not changed", () => {
    const x = f64([1, 2]);
    const [gx, gy] = nn.grads((a) => a.sum())([x, f64([5])]);
    expect(gx.toArray()).toEqual([1, 1]);
    expect(gy.toArray()).toEqual([0]);
    expect(x.requiresGrad).toBe(false);
    expect(x.grad).toBeNull();
  });
  test("works inside noGrad (recording is switched on for f)", () => {
    const g = nn.noGrad(() => nn.grad((x) => x.exp().sum())(f64([0])));
    expect(g.toArray()).toEqual([1]);
    expect(nn.isGradEnabled()).toBe(true);
  });
  test("clear errors", () => {
    expect(() => nn.grad((x) => x)([1, 2] as unknown as nn.Tensor)).toThrow("grad: the argument must be a Tensor, got an array (wrap it with nn.tensor)");
    expect(() => nn.grads((x) => x)(f64(1) as unknown as nn.Tensor[])).toThrow("grads: arguments must be an array of tensors, got object");
    expect(() => nn.grad((() => 3) as unknown as (x: nn.Tensor) => nn.Tensor)(f64(1))).toThrow("grad: the differentiated value must be a Tensor, got number");
    expect(() => nn.grad((x) => x.mul(2))(f64([1, 2]), f64([1]))).toThrow("grad: output gradient must have the target's shape [2], got [1]");
    expect(() => nn.grad(3 as unknown as (x: nn.Tensor) => nn.Tensor)(f64(1))).toThrow("grad: expected a function of tensors, got number");
  });
});

describe("gradient tape", () => {
  test("watch, compute, gradient: values and gradients stay inspectable (hand-computed)", () => {
    const w = f64([0.5]);
    const tape = nn.gradientTape();
    expect(tape.watch(w, "w")).toBe(w);
    const loss = nn.sigmoid(w.mul(2)).sub(1).square().sum();
    const dw = tape.gradient(loss, w);
    // d/dw (σ(2w) − 1)² = 2(σ(2w) − 1)·σ(2w)(1 − σ(2w))·2
    const s = 1 / (1 + Math.exp(-1));
    expectClose(dw.data, [4 * (s - 1) * s * (1 - s)], 1e-15);
    expect(tape.entries).toHaveLength(1);
    expect(tape.entries[0].name).toBe("w");
    expect(tape.toString()).toBe(`w [1]\n  value [0.5]\n  grad  [${(4 * (s - 1) * s * (1 - s)).toFixed(10)}]`);
  });
  test("sources as a record and as an array; a source not on the path gets zeros", () => {
    const tape = nn.gradientTape({ persistent: true });
    const [w, b, unused] = tape.watch([f64([2]), f64([1]), f64([9])], "p");
    const y = w.mul(3).add(b);
    const g = tape.gradient(y.sum(), { w, b, unused });
    expect([g.w.item(), g.b.item(), g.unused.item()]).toEqual([3, 1, 0]);
    const list = tape.gradient(y.square().sum(), [w, b]);
    expect(list.map((t) => t.item())).toEqual([42, 14]); // 2·7·3, 2·7
    expect(tape.entries.map((e) => e.name)).toEqual(["p[0]", "p[1]"]);
  });
  test("gradients with respect to an intermediate tensor (the δ of a layer)", () => {
    const tape = nn.gradientTape();
    const x = tape.watch(f64([1, 2]));
    const z = x.mul(2);
    const y = z.square().sum();
    const dz = tape.gradient(y, z);
    expect(dz.toArray()).toEqual([4, 8]);
  });
  test("model weights need no watch; a non-scalar target takes an output gradient", () => {
    const w = nn.tensor([[1, 2], [3, 4]], { dtype: "float64", requiresGrad: true });
    const tape = nn.gradientTape();
    const y = nn.matmul(f64([[1, 1]]), w);
    const dw = tape.gradient(y, w, f64([[1, 0]]));
    expect(dw.toArray()).toEqual([[1, 0], [1, 0]]);
  });
  test("a non-persistent tape refuses a second gradient; clear errors", () => {
    const tape = nn.gradientTape();
    const x = tape.watch(f64([1]));
    const y = x.square().sum();
    tape.gradient(y, x);
    expect(() => tape.gradient(y, x)).toThrow("gradientTape.gradient: this tape has already computed gradients; create it with nn.gradientTape({ persistent: true })");
    const t2 = nn.gradientTape();
    const plain = f64([1]);
    expect(() => t2.gradient(plain.square().sum(), plain)).toThrow("gradientTape.gradient: the target was not computed from any watched tensor or weight");
    expect(() => t2.watch(3 as unknown as nn.Tensor)).toThrow("gradientTape.watch: expected a Tensor or an array of tensors, got number");
    const t3 = nn.gradientTape();
    const a = t3.watch(f64([1, 2]));
    expect(() => t3.gradient(a.mul(2), a)).toThrow("gradientTape.gradient: the target must be a scalar, got shape [2]; pass an output gradient of that shape");
    expect(() => t3.gradient(a.sum(), [a, 5 as unknown as nn.Tensor])).toThrow("gradientTape.gradient: source 1 is not a Tensor");
  });
  test("an unused tape says so when printed", () => {
    expect(String(nn.gradientTape())).toBe("GradientTape(watching 0 tensors, no gradients yet)");
  });
});

describe("checkGrad", () => {
  test("reports errors near 1e-10 for a correct gradient", () => {
    const w = f64([[0.1, -0.2], [0.3, 0.4]]);
    const r = nn.checkGrad((x) => nn.softmax(x.matmul(w)), [f64([[1, 2]])]);
    expect(r.passed).toBe(true);
    expect(r.maxRelativeError).toBeLessThan(1e-8);
    expect(r.inputs[0].analytic.shape).toEqual([1, 2]);
    expect(r.probe.shape).toEqual([1, 2]);
  });
  test("catches a wrong derivative, even one a plain sum would hide", () => {
    // d/dx sin is cos; claiming −cos must fail.
    const wrongSin = (x: nn.Tensor) => nn.unaryOp("wrongSin", x, Math.sin, (v) => -Math.cos(v));
    const r = nn.checkGrad(wrongSin, f64([0.3, 1.2]));
    expect(r.passed).toBe(false);
    expect(r.maxRelativeError).toBeGreaterThan(0.5);
    // A softmax whose backward forgot the −Σg·y term: Σ softmax is constant, so only a probe shows it.
    expect(nn.checkGrad((x) => nn.softmax(x), f64([0.1, 0.5, -0.3])).passed).toBe(true);
    const brokenSoftmax = (x: nn.Tensor) => {
      const y = nn.softmax(x);
      y.gradFn = { op: "broken", inputs: [x], backward: (g) => [Float64Array.from(g, (gi, i) => gi * y.data[i])] };
      return y;
    };
    expect(nn.checkGrad(brokenSoftmax, f64([0.1, 0.5, -0.3])).passed).toBe(false);
  });
  test("clear errors", () => {
    expect(() => nn.checkGrad((x) => x, [])).toThrow("checkGrad: inputs must be a Tensor or a non-empty array of tensors");
    expect(() => nn.checkGrad((x) => x, [3 as unknown as nn.Tensor])).toThrow("checkGrad: input 0 is not a Tensor (got number)");
    expect(() => nn.checkGrad((x) => x, f64([1]), { epsilon: 0 })).toThrow("checkGrad: epsilon must be a positive number, got 0");
  });
});

describe("enableGrad", () => {
  test("records inside noGrad and restores the state", () => {
    const x = nn.tensor([1], { requiresGrad: true });
    const y = nn.noGrad(() => nn.enableGrad(() => x.mul(2)));
    expect(y.requiresGrad).toBe(true);
    expect(nn.noGrad(() => x.mul(2)).requiresGrad).toBe(false);
  });
});
