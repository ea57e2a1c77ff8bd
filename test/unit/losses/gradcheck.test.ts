// Finite-difference checks (float64) of every loss with respect to both targets and predictions,
// including the fused logit ops' own backward passes (∂/∂target is not in the Keras fixtures).
import * as nn from "nnlab";

const t = (x: nn.NestedArray) => nn.tensor(x, { dtype: "float64" });
const soft = t([[0.2, 0.5, 0.3], [0.6, 0.3, 0.1]]);
const probs = t([[0.1, 0.7, 0.2], [0.3, 0.3, 0.4]]);
const logits = t([[2.0, -1.0, 0.5], [0.1, 0.2, -3.0]]);
const reg = [t([[1.0, -2.0, 0.5], [0.0, 3.0, 2.0]]), t([[1.5, -1.0, 0.4], [0.2, 0.1, 2.7]])];
const positive = [t([[1.0, 2.0, 0.5], [0.3, 3.0, 2.0]]), t([[1.5, 1.0, 0.4], [0.2, 0.1, 2.1]])];

const cases: [string, (a: nn.Tensor, b: nn.Tensor) => nn.Tensor, nn.Tensor[]][] = [
  ["binaryCrossentropy (probabilities)", (a, b) => nn.losses.binaryCrossentropy(a, b), [soft, probs]],
  ["binaryCrossentropy (logits, smoothing)", (a, b) => nn.losses.binaryCrossentropy(a, b, { fromLogits: true, labelSmoothing: 0.1 }), [soft, logits]],
  ["categoricalCrossentropy (probabilities)", (a, b) => nn.losses.categoricalCrossentropy(a, b), [soft, probs]],
  ["categoricalCrossentropy (logits)", (a, b) => nn.losses.categoricalCrossentropy(a, b, { fromLogits: true }), [soft, logits]],
  ["sigmoidCrossEntropyWithLogits", (a, b) => nn.losses.sigmoidCrossEntropyWithLogits(a, b), [soft, logits]],
  ["softmaxCrossEntropyWithLogits", (a, b) => nn.losses.softmaxCrossEntropyWithLogits(a, b), [soft, logits]],
  ["meanSquaredError", (a, b) => nn.losses.meanSquaredError(a, b), reg],
  ["meanAbsoluteError", (a, b) => nn.losses.meanAbsoluteError(a, b), reg],
  ["huber", (a, b) => nn.losses.huber(a, b, { delta: 0.5 }), reg],
  ["logCosh", (a, b) => nn.losses.logCosh(a, b), reg],
  ["cosineSimilarity", (a, b) => nn.losses.cosineSimilarity(a, b), reg],
  ["meanSquaredLogarithmicError", (a, b) => nn.losses.meanSquaredLogarithmicError(a, b), positive],
  ["meanAbsolutePercentageError", (a, b) => nn.losses.meanAbsolutePercentageError(a, b), positive],
  ["poisson", (a, b) => nn.losses.poisson(a, b), positive],
  ["kullbackLeiblerDivergence", (a, b) => nn.losses.kullbackLeiblerDivergence(a, b), [soft, probs]],
  ["hinge", (a, b) => nn.losses.hinge(a, b), [t([[1, -1, 1], [-1, 1, 1]]), t([[0.3, -0.8, 1.6], [0.9, -0.2, 0.4]])]],
  ["squaredHinge", (a, b) => nn.losses.squaredHinge(a, b), [t([[1, -1, 1], [-1, 1, 1]]), t([[0.3, -0.8, 1.6], [0.9, -0.2, 0.4]])]],
  ["categoricalHinge", (a, b) => nn.losses.categoricalHinge(a, b), [t([[0, 1, 0], [1, 0, 0]]), t([[0.3, -0.8, 1.6], [0.9, -0.2, 0.4]])]],
];

describe("finite differences agree with autodiff (float64, 1e-6)", () => {
  for (const [name, fn, inputs] of cases) {
    test(name, () => {
      const result = nn.checkGrad(fn, inputs);
      expect(result.maxRelativeError).toBeLessThan(1e-6);
    });
  }
  test("sparseCategoricalCrossentropy with respect to the predictions", () => {
    const labels = t([1, 2]);
    expect(nn.checkGrad((p) => nn.losses.sparseCategoricalCrossentropy(labels, p, { fromLogits: true }), [logits]).maxRelativeError).toBeLessThan(1e-6);
    expect(nn.checkGrad((p) => nn.losses.sparseCategoricalCrossentropy(labels, p), [probs]).maxRelativeError).toBeLessThan(1e-6);
  });
});
