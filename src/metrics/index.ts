/**
 * Metrics, as `nn.metrics.*` and by Keras id in `compile({ metrics: [...] })`.
 *
 * Two forms, as in Keras:
 * - stateful classes (`new nn.metrics.Precision()`, `updateState` / `result` / `resetState`),
 *   which `fit` and `evaluate` use so every epoch's value covers all of its samples;
 * - plain functions: `binaryAccuracy`, `categoricalAccuracy`, `sparseCategoricalAccuracy`,
 *   `meanSquaredError`, `meanAbsoluteError` return a tensor with one value per sample
 *   (Keras's functional metrics); `precision`, `recall` and `auc` return one number over
 *   all samples (they are not per-sample quantities).
 */
import { Registry } from "../util/registry";
import { Metric, MeanMetricWrapper, type MetricFn } from "./metric";
import { Accuracy, BinaryAccuracy, CategoricalAccuracy, SparseCategoricalAccuracy } from "./accuracy";
import { MeanSquaredError, MeanAbsoluteError } from "./regression";
import { Precision, Recall } from "./confusion";
import { AUC } from "./auc";

export { Metric, Mean, MeanMetricWrapper, type MetricFn, type MetricDirection } from "./metric";
export {
  Accuracy, BinaryAccuracy, CategoricalAccuracy, SparseCategoricalAccuracy,
  binaryAccuracy, categoricalAccuracy, sparseCategoricalAccuracy, accuracyKind,
} from "./accuracy";
export { MeanSquaredError, MeanAbsoluteError, meanSquaredError, meanAbsoluteError } from "./regression";
export { Precision, Recall, precision, recall } from "./confusion";
export { AUC, auc, type AUCArgs } from "./auc";

/** What `compile({ metrics })` accepts: an id, a metric object, or a per-sample function. */
export type MetricIdentifier = string | Metric | MetricFn;

/** Metric factories by id; each takes the name to log under. */
export const metricRegistry = new Registry<(name: string) => Metric>("metric");
metricRegistry.register("accuracy", (name) => new Accuracy({ name }), ["acc"]);
metricRegistry.register("binaryAccuracy", (name) => new BinaryAccuracy({ name }));
metricRegistry.register("categoricalAccuracy", (name) => new CategoricalAccuracy({ name }));
metricRegistry.register("sparseCategoricalAccuracy", (name) => new SparseCategoricalAccuracy({ name }));
metricRegistry.register("precision", (name) => new Precision({ name }));
metricRegistry.register("recall", (name) => new Recall({ name }));
metricRegistry.register("auc", (name) => new AUC({ name }));
metricRegistry.register("meanSquaredError", (name) => new MeanSquaredError({ name }), ["mse"]);
metricRegistry.register("meanAbsoluteError", (name) => new MeanAbsoluteError({ name }), ["mae"]);

/**
 * Resolves what `compile` was given into a fresh stateful metric. A string id is logged
 * under the name the user wrote (`"acc"` logs `acc`, `"mae"` logs `mae`), as in Keras;
 * `"accuracy"` picks binary, categorical or sparse accuracy from the data on the first batch.
 */
export function getMetric(id: MetricIdentifier, argument: string): Metric {
  if (id instanceof Metric) return id;
  if (typeof id === "function") return new MeanMetricWrapper(id.name || "custom_metric", id, undefined);
  return metricRegistry.get(id, argument)(id);
}

// scikit-learn-style metrics over whole arrays (nn.metrics.sklearn.*); the names that do not clash
// with the Keras-style ones above are also exported here directly.
export * as sklearn from "./sklearn";
export {
  confusionMatrix, accuracyScore, precisionRecallFscoreSupport, precisionScore, recallScore, f1Score, fbetaScore,
  classificationReport, ClassificationReport, rocCurve, rocAucScore, precisionRecallCurve, averagePrecisionScore,
  logLoss, brierScoreLoss, r2Score, rootMeanSquaredError, explainedVarianceScore,
} from "./sklearn";
