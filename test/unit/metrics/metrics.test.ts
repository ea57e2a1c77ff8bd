import * as nn from "nnlab";
import { torchFixture, expectClose } from "../helpers";

// Reference values from Keras 3 metrics fed the same batches, and scikit-learn (test/fixtures/torch/metrics.py).
const fx = torchFixture("metrics");
const bin = fx.binary;
const cat = fx.categorical;

/** Feeds rows [start, end) of every array as one batch. */
function feed(metric: nn.metrics.Metric, yTrue: number[][], yPred: number[][], weights: number[] | undefined, size: number): number {
  for (let s = 0; s < yTrue.length; s += size) {
    const w = weights?.slice(s, s + size);
    metric.updateState(nn.tensor(yTrue.slice(s, s + size)), nn.tensor(yPred.slice(s, s + size)), w);
  }
  return metric.result();
}

describe("stateful metrics match Keras 3 over several batches, with and without sample weights", () => {
  const makers: Record<string, () => nn.metrics.Metric> = {
    precision: () => new nn.metrics.Precision(),
    recall: () => new nn.metrics.Recall(),
    auc_roc: () => new nn.metrics.AUC(),
    auc_pr: () => new nn.metrics.AUC({ curve: "PR" }),
    binary_accuracy: () => new nn.metrics.BinaryAccuracy(),
  };
  for (const [name, make] of Object.entries(makers)) {
    test(name, () => {
      const ref = bin.cases[name];
      expectClose([feed(make(), bin.y_true, bin.y_pred, undefined, 60)], [ref.whole], 1e-5);
      expectClose([feed(make(), bin.y_true, bin.y_pred, undefined, 16)], [ref.batches_of_16], 1e-5);
      expectClose([feed(make(), bin.y_true, bin.y_pred, bin.weights, 16)], [ref.weighted_batches_of_16], 1e-5);
    });
  }

  test("categorical, sparse categorical, mse, mae (weighted, batches of 8) and multi-label precision/AUC", () => {
    const labels = cat.labels.map((l: number) => [l]);
    const c = cat.cases;
    expectClose([feed(new nn.metrics.CategoricalAccuracy(), cat.onehot, cat.probs, cat.weights, 8)], [c.categorical_accuracy], 1e-5);
    expectClose([feed(new nn.metrics.SparseCategoricalAccuracy(), labels, cat.probs, cat.weights, 8)], [c.sparse_categorical_accuracy], 1e-5);
    expectClose([feed(new nn.metrics.MeanSquaredError(), cat.onehot, cat.probs, cat.weights, 8)], [c.mse], 1e-5);
    expectClose([feed(new nn.metrics.MeanAbsoluteError(), cat.onehot, cat.probs, cat.weights, 8)], [c.mae], 1e-5);
    expectClose([feed(new nn.metrics.MeanSquaredError(), cat.onehot, cat.probs, undefined, 8)], [c.mse_unweighted], 1e-5);
    expectClose([feed(new nn.metrics.Precision(), cat.onehot, cat.probs, undefined, 8)], [c.precision_multilabel], 1e-5);
    expectClose([feed(new nn.metrics.AUC(), cat.onehot, cat.probs, undefined, 8)], [c.auc_multilabel], 1e-5);
  });

  test("resetState starts over", () => {
    const m = new nn.metrics.Precision();
    m.updateState(nn.tensor([[1], [0]]), nn.tensor([[0.9], [0.9]]));
    expect(m.result()).toBe(0.5);
    m.resetState();
    expect(m.result()).toBe(0);
    m.updateState(nn.tensor([[1]]), nn.tensor([[0.9]]));
    expect(m.result()).toBe(1);
  });
});

describe("metric functions", () => {
  test("precision and recall equal scikit-learn's (threshold 0.5, strict >)", () => {
    expectClose([nn.metrics.precision(bin.y_true, bin.y_pred)], [fx.sklearn_binary.precision], 1e-6);
    expectClose([nn.metrics.recall(bin.y_true, bin.y_pred)], [fx.sklearn_binary.recall], 1e-6);
    expectClose([nn.metrics.precision(bin.y_true, bin.y_pred, { sampleWeight: bin.weights })], [fx.sklearn_binary.weighted_precision], 1e-6);
  });

  test("Keras's 200-threshold AUC approximates scikit-learn's exact ROC AUC", () => {
    const a = nn.metrics.auc(bin.y_true, bin.y_pred);
    expect(Math.abs(a - fx.sklearn_binary.roc_auc)).toBeLessThan(0.005);
    expectClose([a], [bin.cases.auc_roc.whole], 1e-5);
  });

  test("hand-computed values", () => {
    // TP = 1 (0.9 on a 1), FP = 1 (0.8 on a 0), FN = 1 (0.5 on a 1: not > 0.5).
    expect(nn.metrics.precision([[1], [0], [1]], [[0.9], [0.8], [0.5]])).toBe(0.5);
    expect(nn.metrics.recall([[1], [0], [1]], [[0.9], [0.8], [0.5]])).toBe(0.5);
    // Perfectly separated scores: ROC AUC 1; reversed: 0.
    expect(nn.metrics.auc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])).toBeCloseTo(1, 12);
    expect(nn.metrics.auc([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9])).toBeCloseTo(0, 12);
    // Per-sample functions return a tensor with one value per sample.
    expect(Array.from(nn.metrics.binaryAccuracy(nn.tensor([[1, 0], [0, 0]]), nn.tensor([[0.7, 0.2], [0.6, 0.1]])).data)).toEqual([1, 0.5]);
    expect(Array.from(nn.metrics.categoricalAccuracy(nn.tensor([[0, 1], [1, 0]]), nn.tensor([[0.3, 0.7], [0.4, 0.6]])).data)).toEqual([1, 0]);
    expect(Array.from(nn.metrics.sparseCategoricalAccuracy(nn.tensor([1, 0]), nn.tensor([[0.3, 0.7], [0.4, 0.6]])).data)).toEqual([1, 0]);
    expectClose(nn.metrics.meanSquaredError(nn.tensor([[1, 2]]), nn.tensor([[2, 4]])).data, [2.5], 1e-7);
    expectClose(nn.metrics.meanAbsoluteError(nn.tensor([[1, 2]]), nn.tensor([[2, 4]])).data, [1.5], 1e-7);
  });

  test("'accuracy' picks binary, sparse or categorical from the shapes, as Keras 3", () => {
    expect(nn.metrics.accuracyKind(nn.zeros([4, 1]), nn.zeros([4, 1]))).toBe("binary");
    expect(nn.metrics.accuracyKind(nn.zeros([4]), nn.zeros([4, 3]))).toBe("sparse");
    expect(nn.metrics.accuracyKind(nn.zeros([4, 1]), nn.zeros([4, 3]))).toBe("sparse");
    expect(nn.metrics.accuracyKind(nn.zeros([4, 3]), nn.zeros([4, 3]))).toBe("categorical");
    const acc = nn.metrics.getMetric("acc", "compile: metrics");
    expect(acc.name).toBe("acc");
    acc.updateState(nn.tensor([2, 0]), nn.tensor([[0.1, 0.2, 0.7], [0.5, 0.4, 0.1]]));
    expect(acc.result()).toBe(1);
  });
});

describe("metric errors name the metric, the expected and the actual", () => {
  test("mismatched shapes and sample counts", () => {
    expect(() => nn.metrics.precision([[1], [0]], [[0.5]])).toThrow("precision: yTrue has 2 samples (shape [2, 1]) but yPred has 1 (shape [1, 1])");
    expect(() => nn.metrics.binaryAccuracy(nn.zeros([2, 2]), nn.zeros([2, 3]))).toThrow("binaryAccuracy: yTrue has shape [2, 2] but yPred has shape [2, 3]; they must match");
    expect(() => nn.metrics.sparseCategoricalAccuracy(nn.zeros([2, 3]), nn.zeros([2, 3]))).toThrow(
      "sparseCategoricalAccuracy: yTrue needs one integer label per sample (shape [2]), got shape [2, 3] for predictions of shape [2, 3]",
    );
  });

  test("bad sample weights and arguments", () => {
    expect(() => nn.metrics.recall([[1], [0]], [[0.9], [0.1]], { sampleWeight: [1] })).toThrow("recall: sampleWeight needs one weight per sample (2), got shape [1]");
    expect(() => nn.metrics.recall([[1]], [[0.9]], { sampleWeight: [-1] })).toThrow("recall: sample weights must be finite and ≥ 0, got -1 at index 0");
    expect(() => new nn.metrics.AUC({ numThresholds: 1 })).toThrow("auc: numThresholds must be an integer > 1, got 1");
    expect(() => new nn.metrics.Precision({ threshold: 2 })).toThrow("precision: threshold must be a number in [0, 1], got 2");
    expect(() => nn.metrics.getMetric("accurcy", "compile: metrics")).toThrow(/compile: metrics: unknown metric "accurcy". Valid metrics: accuracy, auc, binaryAccuracy/);
  });
});
