// Optimizer options in Keras 3's order (clip → weight decay → update), learning rate changes during
// training, ids, configs, state, every error message, and the inventory's worked numbers N23, N29.
import * as nn from "nnlab";
import { expectClose } from "../helpers";

const O = nn.optimizers;
const w64 = (values: number[], name = "w") => {
  const t = nn.tensor(values, { dtype: "float64" });
  t.name = name;
  return t;
};
const g64 = (values: number[]) => Float64Array.from(values);

describe("common options, by hand (float64, exact)", () => {
  test("clipnorm rescales each gradient to norm ≤ clipnorm: g = [3, 4], clipnorm 1 → [0.6, 0.8]", () => {
    const w = w64([0, 0]);
    const b = w64([0]);
    O.sgd({ learningRate: 1, clipnorm: 1 }).applyGradients([g64([3, 4]), g64([0.5])], [w, b]);
    expectClose(w.data, [-0.6, -0.8], 1e-15);
    expectClose(b.data, [-0.5], 1e-15); // already within the norm
  });

  test("globalClipnorm rescales all gradients together: joint norm 13 → ×1/13", () => {
    const w = w64([0, 0]);
    const b = w64([0]);
    O.sgd({ learningRate: 1, globalClipnorm: 1 }).applyGradients([g64([3, 4]), g64([12])], [w, b]);
    expectClose([...w.data, ...b.data], [-3 / 13, -4 / 13, -12 / 13], 1e-15);
  });

  test("clipvalue clamps every element; the caller's gradient arrays are not modified", () => {
    const w = w64([0, 0, 0]);
    const g = g64([-2, 0.1, 5]);
    O.sgd({ learningRate: 1, clipvalue: 0.5 }).applyGradients([g], [w]);
    expectClose(w.data, [0.5, -0.1, -0.5], 1e-15);
    expect(Array.from(g)).toEqual([-2, 0.1, 5]);
  });

  test("weight decay shrinks w by w·wd·lr before the update, after clipping (Keras order)", () => {
    const w = w64([2]);
    // clip g = 10 → 1; decay: 2 − 2·0.1·0.5 = 1.9; step: 1.9 − 0.5·1 = 1.4.
    O.sgd({ learningRate: 0.5, weightDecay: 0.1, clipvalue: 1 }).applyGradients([g64([10])], [w]);
    expectClose(w.data, [1.4], 1e-15);
  });

  test("learningRate is settable between steps (what callbacks do) and read as a number", () => {
    const opt = O.adam({ learningRate: 0.1 });
    const w = w64([1]);
    opt.applyGradients([g64([1])], [w]);
    opt.learningRate = 0.01;
    expect(opt.learningRate).toBe(0.01);
    const before = w.data[0];
    opt.applyGradients([g64([1])], [w]);
    // Step 2 of Adam with constant gradient 1: m = 0.19, v = 0.001999, α = 0.01·√(1−0.999²)/(1−0.9²).
    const alpha = (0.01 * Math.sqrt(1 - 0.999 ** 2)) / (1 - 0.9 ** 2);
    expectClose([before - w.data[0]], [(alpha * 0.19) / (Math.sqrt(1 - 0.999 ** 2) + 1e-7)], 1e-12);
    expect(opt.iterations).toBe(2);
  });
});

describe("ids, configs and state", () => {
  test("compile ids resolve to Keras's defaults", () => {
    const expected: Record<string, [string, number]> = {
      sgd: ["SGD", 0.01], adam: ["Adam", 0.001], rmsprop: ["RMSprop", 0.001], adagrad: ["Adagrad", 0.001],
      adadelta: ["Adadelta", 0.001], adamw: ["AdamW", 0.001], adamax: ["Adamax", 0.001], nadam: ["Nadam", 0.001], RMSprop: ["RMSprop", 0.001],
    };
    for (const [id, [className, lr]] of Object.entries(expected)) {
      const opt = O.getOptimizer(id, "compile: optimizer");
      expect([opt.className, opt.learningRate]).toEqual([className, lr]);
    }
    expect(O.adamW().weightDecay).toBe(0.004);
    expect(O.adam().getConfig()).toEqual({
      name: "Adam", learningRate: 0.001, weightDecay: null, clipnorm: null, clipvalue: null, globalClipnorm: null,
      beta1: 0.9, beta2: 0.999, epsilon: 1e-7, amsgrad: false,
    });
  });

  test("optimizerFromConfig rebuilds every optimizer from its JSON config", () => {
    const all = [O.sgd({ momentum: 0.5, nesterov: true, clipnorm: 2 }), O.adagrad({ initialAccumulatorValue: 0.2 }), O.adadelta({ rho: 0.9 }),
      O.rmsprop({ centered: true, momentum: 0.3 }), O.adam({ amsgrad: true, weightDecay: 0.01 }), O.adamW({ weightDecay: 0.1 }), O.adamax({ beta2: 0.99 }),
      O.nadam({ globalClipnorm: 1 })];
    for (const opt of all) {
      const copy = O.optimizerFromConfig(JSON.parse(JSON.stringify(opt.getConfig())));
      expect(copy.constructor).toBe(opt.constructor);
      expect(copy.getConfig()).toEqual(opt.getConfig());
    }
  });

  test("getState lists each variable's slots by name; compile uses a given instance as is", () => {
    const opt = O.rmsprop({ momentum: 0.9, centered: true });
    const w = w64([1, 2], "dense/kernel");
    opt.applyGradients([g64([0.5, -0.5])], [w]);
    const state = opt.getState();
    expect(state.map((s) => [s.variable, Object.keys(s.slots)])).toEqual([["dense/kernel", ["velocity", "momentum", "averageGradient"]]]);
    expectClose(state[0].slots.velocity, [0.025, 0.025], 1e-15);
    expect(O.getOptimizer(opt, "x")).toBe(opt);
  });
});

describe("errors name the optimizer, the option, the expected and the actual", () => {
  test.each([
    [() => O.sgd({ clipnorm: 1, clipvalue: 1 }), /SGD: only one of clipnorm, clipvalue and globalClipnorm can be set, got clipnorm=1, clipvalue=1, globalClipnorm=null/],
    [() => O.adam({ learningRate: -1 }), /Adam: learningRate must be a finite number ≥ 0 or a learning-rate schedule, got -1/],
    [() => O.adam({ learningRate: "fast" as never }), /Adam: learningRate must be a finite number ≥ 0 or a learning-rate schedule, got "fast"/],
    [() => O.adam({ beta1: 1 }), /Adam: beta1 must be in \[0, 1\), got 1/],
    [() => O.rmsprop({ rho: -0.1 }), /RMSprop: rho must be in \[0, 1\), got -0.1/],
    [() => O.sgd({ momentum: 1.5 }), /SGD: momentum must be in \[0, 1\), got 1.5/],
    [() => O.sgd({ clipnorm: 0 }), /SGD: clipnorm must be a finite number > 0 \(or null\), got 0/],
    [() => O.adagrad({ weightDecay: -0.1 }), /Adagrad: weightDecay must be a finite number ≥ 0 \(or null\), got -0.1/],
    [() => O.adamW({ weightDecay: null }), /AdamW: weightDecay must be a number ≥ 0, got null/],
    [() => O.adam().applyGradients([g64([1])], []), /Adam.applyGradients: 1 gradients for 0 variables/],
    [() => O.adam().applyGradients([g64([1])], [w64([1, 2], "dense/bias")]), /Adam.applyGradients: gradient 0 has 1 values but variable dense\/bias has 2/],
    [() => O.getOptimizer("adamm", "compile: optimizer"), /compile: optimizer: unknown optimizer "adamm". Valid optimizers: adadelta, adagrad, adam, adamax, adamw, nadam, rmsprop, sgd/],
    [() => O.optimizerFromConfig({ name: "Lion", learningRate: 1 }), /optimizerFromConfig: name: unknown optimizer "Lion"/],
    [() => (O.sgd().learningRate = NaN), /SGD: learningRate must be a finite number ≥ 0 or a learning-rate schedule, got null/],
  ])("%#", (make, message) => expect(make).toThrow(message));
});

describe("worked numbers (inventory Part 3)", () => {
  test("N23: L(b) = (b − 20)² from b = −5 with η = 1 zig-zags −5 → 45 → −5 (the notes' 'b = 5' is −5); η = 0.1 converges", () => {
    const run = (lr: number, steps: number) => {
      const b = nn.tensor([-5], { dtype: "float64", requiresGrad: true });
      const opt = O.sgd({ learningRate: lr });
      const path: number[] = [];
      const grads: number[] = [];
      for (let i = 0; i < steps; i++) {
        const [g] = nn.gradientsOf(nn.square(nn.sub(b, 20)).sum(), [b]);
        grads.push(g[0]);
        opt.applyGradients([g], [b]);
        path.push(b.data[0]);
      }
      return { path, grads };
    };
    const zigzag = run(1, 4);
    expect(zigzag.grads.slice(0, 2)).toEqual([-50, 50]);
    expect(zigzag.path).toEqual([45, -5, 45, -5]);
    expect(Math.abs(run(0.1, 100).path.at(-1)! - 20)).toBeLessThan(1e-8);
  });

  test("N29 momentum unroll: β = 0.5, gradients 1, 2, 3, 4 → v₄ = 6.125 (Keras keeps m = −lr·v)", () => {
    const opt = O.sgd({ learningRate: 1, momentum: 0.5 });
    const w = w64([0]);
    for (const g of [1, 2, 3, 4]) opt.applyGradients([g64([g])], [w]);
    expectClose(opt.getSlot(w, "momentum")!, [-6.125], 1e-15);
  });

  test("N29 Adam step 1 (g = 0.5, η = 0.001): bias correction makes the step ≈ η; without it 0.0031616", () => {
    const opt = O.adam({ learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
    const w = w64([0]);
    opt.applyGradients([g64([0.5])], [w]);
    // Keras adds ε to √v (not √v̂): step = η·m̂/(√v̂ + ε/√(1 − β₂)) = 0.001·0.5/(0.5 + 1e-7/√0.001).
    expectClose([-w.data[0]], [(0.001 * 0.5) / (0.5 + 1e-7 / Math.sqrt(0.001))], 1e-12);
    // The paper's (and PyTorch's) ε placement gives 0.0009999998 (inventory N29); the difference is 6e-9.
    expect(Math.abs(-w.data[0] - 0.0009999998)).toBeLessThan(1e-8);
    // The notes' uncorrected formula (E-S2-29): m = 0.05, v = 0.00025 → 0.0031616, three times too large.
    expect(opt.getSlot(w, "momentum")![0]).toBeCloseTo(0.05, 15);
    expect(opt.getSlot(w, "velocity")![0]).toBeCloseTo(0.00025, 15);
    expectClose([(0.001 * 0.05) / Math.sqrt(0.00025 + 1e-7)], [0.0031616], 1e-5);
  });

  test("N29 EWMA: β = 0.9 on [1, 1, 1] from 0 → 0.1, 0.19, 0.271; bias-corrected 1, 1, 1 (Adam's m)", () => {
    const opt = O.adam({ beta1: 0.9 });
    const w = w64([0]);
    const m: number[] = [];
    for (let t = 1; t <= 3; t++) {
      opt.applyGradients([g64([1])], [w]);
      m.push(opt.getSlot(w, "momentum")![0]);
    }
    expectClose(m, [0.1, 0.19, 0.271], 1e-15);
    expectClose(m.map((v, i) => v / (1 - 0.9 ** (i + 1))), [1, 1, 1], 1e-15);
  });

  test("N29 backstitch on f(w) = w², w₀ = 1, lr 0.1, α 0.3: 1.06 then 0.7844 (plain SGD: 0.8)", () => {
    const w = nn.tensor([1], { dtype: "float64", requiresGrad: true });
    const grad = () => nn.gradientsOf(nn.square(w).sum(), [w])[0];
    // Backstitch: a small step up the gradient (lr·α), then a step down with lr·(1 + α).
    O.sgd({ learningRate: 0.1 * 0.3 }).applyGradients([grad().map((g) => -g)], [w]);
    expectClose(w.data, [1.06], 1e-15);
    O.sgd({ learningRate: 0.1 * 1.3 }).applyGradients([grad()], [w]);
    expectClose(w.data, [0.7844], 1e-15);
    const plain = nn.tensor([1], { dtype: "float64" });
    O.sgd({ learningRate: 0.1 }).applyGradients([g64([2])], [plain]);
    expectClose(plain.data, [0.8], 1e-15);
  });
});

describe("misspelt options", () => {
  test("an unknown option is an error that lists the valid ones (Keras rejects unknown kwargs too)", () => {
    expect(() => nn.optimizers.adam({ learning_rate: 0.1 } as never)).toThrow(
      'Adam: unknown option "learning_rate". Valid options: learningRate, weightDecay, clipnorm, clipvalue, globalClipnorm, beta1, beta2, epsilon, amsgrad',
    );
    expect(() => nn.optimizers.sgd({ lr: 0.1, momentom: 0.9 } as never)).toThrow('SGD: unknown options "lr", "momentom"');
  });
});
