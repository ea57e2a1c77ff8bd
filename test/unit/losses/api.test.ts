// The two forms of a loss, compile with loss objects, configs, numerical stability, hand-computed
// float64 values, every error message, and the inventory's worked numbers N16 and N20.
import * as nn from "nnlab";
import { expectClose } from "../helpers";

const f64 = (x: nn.NestedArray) => nn.tensor(x, { dtype: "float64" });
const L = nn.losses;

describe("two forms of one loss", () => {
  test("called with tensors it returns per-sample losses; with options, a Loss object", () => {
    const perSample = L.meanSquaredError(f64([[1, 2], [3, 5]]), f64([[1, 4], [3, 3]]));
    expect(Array.from(perSample.data)).toEqual([2, 2]);
    const loss = L.meanSquaredError({ reduction: "sum" });
    expect(loss).toBeInstanceOf(L.Loss);
    expect(loss.name).toBe("meanSquaredError");
    expect(loss.call([[1, 2], [3, 5]], [[1, 4], [3, 3]]).item()).toBe(4);
    expect(L.meanSquaredError().reduction).toBe("sum_over_batch_size");
  });

  test("nested arrays work in both forms, and [batch] targets align with [batch, 1] predictions (Keras)", () => {
    expectClose(L.meanAbsoluteError([1, 2, 3], [[1.5], [2], [2]]).data, [0.5, 0, 1], 1e-7);
  });

  test("reductions: 'mean' is Keras's sum_over_batch_size; 'none' keeps per-sample values", () => {
    const t = f64([[0], [1], [1]]);
    const p = f64([[0.5], [0.5], [1]]);
    expect(L.meanSquaredError({ reduction: "mean" }).call(t, p, [1, 2, 3]).item()).toBeCloseTo((0.25 + 0.5) / 3, 14);
    expect(Array.from(L.meanSquaredError({ reduction: "none" }).call(t, p, [1, 2, 3]).data)).toEqual([0.25, 0.5, 0]);
    expect(L.meanSquaredError({ reduction: "mean_with_sample_weight" }).call(t, p, [1, 2, 3]).item()).toBeCloseTo(0.75 / 6, 14);
    expect(L.meanSquaredError({ reduction: "sum" }).call(t, p, 2).item()).toBeCloseTo(2 * (0.25 + 0.25), 14);
  });

  test("hand-computed float64 values (1e-12)", () => {
    // hinge: mean(max(0, 1 − y·p)) = mean(0.7, 0.2, 0) = 0.3; 0/1 labels give the same.
    expectClose(L.hinge(f64([[1, -1, 1]]), f64([[0.3, -0.8, 1.6]])).data, [0.3], 1e-12);
    expectClose(L.hinge(f64([[1, 0, 1]]), f64([[0.3, -0.8, 1.6]])).data, [0.3], 1e-12);
    expectClose(L.squaredHinge(f64([[1, -1, 1]]), f64([[0.3, -0.8, 1.6]])).data, [(0.49 + 0.04) / 3], 1e-12);
    // categorical hinge: max(max_{j≠y} p_j − p_y + 1, 0) = max(0.3 − (−0.8) + 1, 0) = 2.1 (p_other max is 1.6 → 3.4).
    expectClose(L.categoricalHinge(f64([[0, 1, 0]]), f64([[0.3, -0.8, 1.6]])).data, [1.6 + 0.8 + 1], 1e-12);
    // cosine: −(1·2 + 0·0)/(1·2) = −1 for parallel vectors; 0 for orthogonal ones.
    expectClose(L.cosineSimilarity(f64([[1, 0], [0, 3]]), f64([[2, 0], [4, 0]])).data, [-1, 0], 1e-12);
    expectClose(L.meanSquaredLogarithmicError(f64([[Math.E - 1]]), f64([[0]])).data, [Math.pow(1 - Math.log(1 + 1e-7), 2)], 1e-12);
    expectClose(L.meanAbsolutePercentageError(f64([[2, 4]]), f64([[1, 5]])).data, [100 * (0.5 + 0.25) / 2], 1e-12);
    expectClose(L.poisson(f64([[2]]), f64([[3]])).data, [3 - 2 * Math.log(3 + 1e-7)], 1e-12);
    expectClose(L.logCosh(f64([[0, 1]]), f64([[3, 1]])).data, [Math.log(Math.cosh(3)) / 2], 1e-12);
    expectClose(L.huber(f64([[0, 0]]), f64([[0.5, 3]]), { delta: 1 }).data, [(0.125 + 2.5) / 2], 1e-12);
  });
});

describe("numerical stability from logits", () => {
  test("binary cross-entropy of huge logits is finite and exact, with gradient σ(z) − y", () => {
    const z = nn.tensor([[100, -100, 0]], { dtype: "float64", requiresGrad: true });
    const loss = L.binaryCrossentropy(f64([[0, 0, 1]]), z, { fromLogits: true });
    expectClose(loss.data, [(100 + 0 + Math.LN2) / 3], 1e-12);
    const [g] = nn.gradientsOf(loss.sum(), [z]);
    expectClose(g, [1 / 3, 0, -0.5 / 3], 1e-12);
  });

  test("categorical cross-entropy of logits far apart stays finite (log-softmax, not log(softmax))", () => {
    const z = nn.tensor([[1000, 0, -1000]], { requiresGrad: true });
    const loss = L.categoricalCrossentropy(nn.tensor([[0, 0, 1]]), z, { fromLogits: true });
    expectClose(loss.data, [2000], 1e-6);
    const [g] = nn.gradientsOf(loss.sum(), [z]);
    expectClose(g, [1, 0, -1], 1e-6);
  });
});

describe("compile and configs", () => {
  const model = () =>
    nn.sequential([nn.layers.dense({ units: 3, inputShape: [2] }), nn.layers.dense({ units: 1 })]);

  test("compile({ loss: lossObject }) trains, and the loss name picks metrics", async () => {
    nn.setSeed(1);
    const m = model();
    m.compile({ optimizer: "sgd", loss: L.binaryCrossentropy({ fromLogits: true }), metrics: ["accuracy"] });
    const h = await m.fit([[0, 1], [1, 0]], [[1], [0]], { epochs: 2, verbose: 0 });
    expect(h.history.loss.every(Number.isFinite)).toBe(true);
    expect(Object.keys(h.history).sort()).toEqual(["accuracy", "loss"]);
  });

  test("getLoss resolves ids, abbreviations, built-in functions, custom functions and objects", () => {
    expect(L.getLoss("mse", "x").name).toBe("meanSquaredError");
    expect(L.getLoss("kl_divergence", "x").name).toBe("kullbackLeiblerDivergence");
    expect(L.getLoss("KLD", "x").name).toBe("kullbackLeiblerDivergence");
    expect(L.getLoss("sparse_categorical_crossentropy", "x").name).toBe("sparseCategoricalCrossentropy");
    expect(L.getLoss(L.hinge, "x").name).toBe("hinge");
    const custom = function myLoss(t: nn.Tensor, p: nn.Tensor) { return nn.mean(nn.abs(nn.sub(t, p)), -1); };
    const r = L.getLoss(custom, "x");
    expect(r.name).toBe("myLoss");
    expect(r.loss.call(f64([[1], [3]]), f64([[2], [3]])).item()).toBe(0.5);
    const obj = L.huber({ delta: 2 });
    expect(L.getLoss(obj, "x").loss).toBe(obj);
  });

  test("lossFromConfig rebuilds a loss object from getConfig()", () => {
    const loss = L.categoricalCrossentropy({ fromLogits: true, labelSmoothing: 0.1, reduction: "sum" });
    const config = JSON.parse(JSON.stringify(loss.getConfig()));
    expect(config).toEqual({ name: "categoricalCrossentropy", reduction: "sum", fromLogits: true, labelSmoothing: 0.1 });
    const copy = L.lossFromConfig(config);
    expect(copy.getConfig()).toEqual(loss.getConfig());
  });
});

describe("errors name the loss, the argument, the expected and the actual", () => {
  test.each([
    [() => L.sparseCategoricalCrossentropy([0, 3], [[0.2, 0.8, 0], [0.1, 0.1, 0.8]]),
      /sparseCategoricalCrossentropy: label 3 \(row 1\) is not a class index: predictions have 3 classes, so labels must be integers in 0…2/],
    [() => L.sparseCategoricalCrossentropy([-1], [[0.5, 0.5]]), /sparseCategoricalCrossentropy: label -1 \(row 0\) is not a class index/],
    [() => L.sparseCategoricalCrossentropy([0.5], [[0.5, 0.5]]), /label 0.5 \(row 0\) is not a class index: predictions have 2 classes/],
    [() => L.sparseCategoricalCrossentropy([[0, 1]], [[0.5, 0.5]]),
      /sparseCategoricalCrossentropy: labels have shape \[1, 2\] but predictions have shape \[1, 2\]; expected labels of shape \[1\] or \[1, 1\]/],
    [() => L.categoricalCrossentropy([[1], [0]], [[0.5, 0.5], [0.2, 0.8]]),
      /categoricalCrossentropy: targets have shape \[2, 1\] but predictions have shape \[2, 2\] \(integer labels need sparseCategoricalCrossentropy\)/],
    [() => L.meanSquaredError([[1, 2]], [[1, 2, 3]]), /meanSquaredError: targets have shape \[1, 2\] but predictions have shape \[1, 3\]/],
    [() => L.binaryCrossentropy([1, 0], [[0.5, 0.5]]), /binaryCrossentropy: targets have shape \[2\] but predictions have shape \[1, 2\]/],
    [() => L.meanSquaredError().call([[1], [2]], [[1], [2]], [1, 2, 3]),
      /meanSquaredError: sampleWeight has shape \[3\] but the per-sample losses have shape \[2\]; expected a scalar, \[2\] or a leading part of it/],
    [() => L.meanSquaredError({ reduction: "avg" as never }), /meanSquaredError: reduction must be one of "sum_over_batch_size", "mean", "mean_with_sample_weight", "sum", "none", null, got "avg"/],
    [() => L.binaryCrossentropy({ labelSmoothing: 1.5 }), /binaryCrossentropy: labelSmoothing must be a number in \[0, 1\], got 1.5/],
    [() => L.binaryCrossentropy({ fromLogits: "yes" as never }), /binaryCrossentropy: fromLogits must be true or false, got "yes"/],
    [() => L.huber({ delta: 0 }), /huber: delta must be a number ≥ 5e-324, got 0/],
    [() => L.meanSquaredError(nn.tensor([1])), /meanSquaredError: expected \(yTrue, yPred\), got only one tensor/],
    [() => L.meanSquaredError(nn.tensor([1]), "x" as never), /meanSquaredError: yPred must be a Tensor or nested arrays of numbers, got string/],
    [() => L.getLoss("mean_sq_error", "compile: loss"), /compile: loss: unknown loss "mean_sq_error". Valid losses: binaryCrossentropy, categoricalCrossentropy, categoricalHinge, cosineSimilarity, hinge, huber,/],
    [() => L.lossFromConfig({} as never), /lossFromConfig: expected \{ name, reduction\?, \.\.\.options \}, got \{\}/],
  ])("%#", (make, message) => expect(make).toThrow(message));
});

describe("worked numbers (inventory Part 3)", () => {
  test("N16 'cost of 3' is the SUM of squared differences: 3.3585 and 0.0252 (the notes list 3.37 and 0.03 from rounded squares)", () => {
    const target = f64([0, 0, 0, 1, 0, 0, 0, 0, 0, 0].map((v) => [v]));
    const bad = f64([0.43, 0.28, 0.19, 0.88, 0.72, 0.01, 0.64, 0.86, 0.99, 0.63].map((v) => [v]));
    const good = f64([0.02, 0.03, 0.06, 0.97, 0.07, 0.02, 0.05, 0.06, 0.08, 0.04].map((v) => [v]));
    const sse = L.meanSquaredError({ reduction: "sum" });
    expectClose([sse.call(target, bad).item()], [3.3585], 1e-9);
    expectClose([sse.call(target, good).item()], [0.0252], 1e-9);
    expect(Math.abs(sse.call(target, bad).item() - 3.37)).toBeLessThan(0.02); // the notes' rounding gap
    // The mean (Keras's default reduction) is the cost divided by 10.
    expectClose([L.meanSquaredError().call(target, bad).item()], [0.33585], 1e-9);
  });

  test("N20 sparse categorical CE: −ln p[label] per row; Keras renormalizes the invalid row [0.1, 0.4, 0.6]", () => {
    const p = f64([[0.1, 0.4, 0.5], [0.1, 0.4, 0.6], [0.6, 0.2, 0.2]]);
    const losses = L.sparseCategoricalCrossentropy(f64([0, 1, 2]), p);
    // Rows 1 and 3 are distributions: −ln 0.1 = 2.302585, −ln 0.2 = 1.609438 (the notes' values).
    expectClose([losses.data[0], losses.data[2]], [2.302585092994046, 1.6094379124341003], 1e-12);
    // Row 2 sums to 1.1 (E-S2-6): the notes' −ln 0.4 = 0.916291 ignores that; Keras divides by the sum.
    expectClose([losses.data[1]], [-Math.log(0.4 / 1.1)], 1e-12);
    // Same loss as categorical CE with one-hot targets (E-S2-7: only the label format differs).
    expectClose(losses.data, L.categoricalCrossentropy(f64([[1, 0, 0], [0, 1, 0], [0, 0, 1]]), p).data, 1e-15);
    // Over the two valid rows and a corrected third row [0.1, 0.4, 0.5] the mean is (ln 10 + ln 2.5 + ln 5)/3 = ln 5 = 1.609438.
    const valid = L.sparseCategoricalCrossentropy().call(f64([0, 1, 2]), f64([[0.1, 0.4, 0.5], [0.1, 0.4, 0.5], [0.6, 0.2, 0.2]]));
    expectClose([valid.item()], [Math.log(5)], 1e-12);
  });
});
