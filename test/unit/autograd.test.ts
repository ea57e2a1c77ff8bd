import * as nn from "nnlab";
import { expectClose, flat, reference } from "./helpers";

describe("elementwise functions match PyTorch (float64)", () => {
  const ref = reference.torch_elementwise;
  for (const name of Object.keys(ref.functions)) {
    test(name, () => {
      const x = nn.tensor(ref.x, { dtype: "float64", requiresGrad: true });
      const f = (nn as unknown as Record<string, (t: nn.Tensor) => nn.Tensor>)[name];
      const y = f(x);
      y.sum().backward();
      expectClose(y.data, ref.functions[name].value, 1e-12);
      expectClose(x.grad!.data, ref.functions[name].grad, 1e-12);
    });
  }
});

describe("a 2-2-1 sigmoid network on XOR matches PyTorch", () => {
  const ref = reference.torch_xor_221;
  const build = () => {
    const model = nn.sequential([
      nn.layers.dense({ units: 2, activation: "sigmoid", inputShape: [2] }),
      nn.layers.dense({ units: 1, activation: "sigmoid" }),
    ]);
    model.weights.forEach((w, i) => w.data.set(flat(ref.initial[i])));
    return model;
  };

  test("forward pass, BCE loss and every parameter's gradient (1e-5 relative, float32)", () => {
    const model = build();
    const pred = model.call(nn.tensor(ref.x), true);
    expectClose(pred.data, flat(ref.prediction), 1e-5);
    const loss = nn.losses.binaryCrossentropy(nn.tensor(ref.y), pred).mean();
    expectClose([loss.item()], [ref.loss], 1e-5);
    const grads = nn.gradientsOf(loss, model.trainableWeights);
    grads.forEach((g, i) => expectClose(g, flat(ref.grads[i]), 1e-5));
  });

  test("three SGD steps with momentum 0.9 give PyTorch's weights and losses", async () => {
    const model = build();
    model.compile({ optimizer: nn.optimizers.sgd({ learningRate: ref.sgd.learningRate, momentum: ref.sgd.momentum }), loss: "binary_crossentropy" });
    for (const step of ref.sgd.steps) {
      const h = await model.fit(ref.x, ref.y, { epochs: 1, batchSize: 4, shuffle: false, verbose: 0 });
      expectClose([h.history.loss[0]], [step.loss], 1e-5);
      model.weights.forEach((w, i) => expectClose(w.data, flat(step.weights[i]), 1e-5));
    }
  });
});

/** Central finite differences in float64: d sum(f(x) · probe) / dx. */
function numericGrad(f: (x: nn.Tensor) => nn.Tensor, x: nn.Tensor, probe: nn.Tensor): number[] {
  const h = 1e-6;
  return Array.from(x.data, (_, i) => {
    const plus = x.clone();
    plus.data[i] += h;
    const minus = x.clone();
    minus.data[i] -= h;
    const value = (t: nn.Tensor) => nn.noGrad(() => f(t).mul(probe).sum().item());
    return (value(plus) - value(minus)) / (2 * h);
  });
}

describe("gradients agree with finite differences (float64)", () => {
  const rng = new nn.Random(7);
  const rand = (shape: number[]) => nn.tensor(Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal()), { shape });
  // Each case makes its constant operands once, then returns the function of x under test.
  const cases: [string, number[], () => (x: nn.Tensor) => nn.Tensor][] = [
    ["matmul (left operand)", [3, 4], () => { const b = rand([4, 2]); return (x) => x.matmul(b); }],
    ["matmul (right operand)", [4, 2], () => { const a = rand([3, 4]); return (x) => a.matmul(x); }],
    ["broadcast add of a bias row", [4], () => { const a = rand([3, 4]); return (x) => a.add(x); }],
    ["broadcast mul of a column", [3, 1], () => { const a = rand([3, 4]); return (x) => a.mul(x); }],
    ["div by a broadcast tensor", [1, 4], () => { const a = rand([2, 4]); return (x) => a.div(x.square().add(1)); }],
    ["sum over axis 1", [2, 3, 4], () => (x) => x.sum(1)],
    ["mean over axes [0, 2] keeping dims", [2, 3, 4], () => (x) => x.mean([0, 2], true)],
    ["transpose with a permutation", [2, 3, 4], () => (x) => x.transpose([2, 0, 1])],
    ["reshape", [2, 6], () => (x) => x.reshape([3, -1]).square()],
    ["log of sigmoid", [5], () => (x) => x.sigmoid().log()],
    ["maximum with a tensor", [6], () => { const b = rand([6]); return (x) => nn.maximum(x, b); }],
    ["gatherRows with a repeated row", [3, 2], () => (x) => nn.gatherRows(x, [2, 0, 2])],
  ];
  for (const [name, shape, makeF] of cases) {
    test(name, () => {
      const f = makeF();
      const x = rand(shape);
      x.requiresGrad = true;
      const out = f(x);
      const probe = rand([...out.shape]);
      out.mul(probe).sum().backward();
      expectClose(x.grad!.data, numericGrad(f, x, probe), 1e-6);
    });
  }
});

describe("autodiff mechanics", () => {
  test("a value used twice accumulates both paths: d(x·x + x)/dx = 2x + 1", () => {
    const x = nn.tensor([3], { dtype: "float64", requiresGrad: true });
    x.mul(x).add(x).sum().backward();
    expect(x.grad!.data[0]).toBe(7);
  });

  test("backward accumulates into .grad until zeroGrad, like PyTorch", () => {
    const x = nn.tensor([2], { requiresGrad: true });
    x.square().sum().backward();
    x.square().sum().backward();
    expect(x.grad!.data[0]).toBe(8);
    x.zeroGrad();
    expect(x.grad).toBeNull();
  });

  test("noGrad records nothing", () => {
    const x = nn.tensor([1, 2], { requiresGrad: true });
    const y = nn.noGrad(() => x.mul(2));
    expect(y.requiresGrad).toBe(false);
    expect(y.gradFn).toBeNull();
  });

  test("σ(20) in float64 prints 0.9999999979", () => {
    const s = nn.tensor([20], { dtype: "float64" }).sigmoid();
    expect(s.data[0].toFixed(10)).toBe("0.9999999979");
    expect(s.toString()).toContain("0.9999999979");
  });
});
