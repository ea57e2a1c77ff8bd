/**
 * scikit-learn's metrics, in TypeScript style: `nn.metrics.sklearn.f1Score(yTrue, yPred, { average: "macro" })`.
 *
 * Names are scikit-learn's in camelCase (`f1_score` → `f1Score`, `brier_score_loss` →
 * `brierScoreLoss`); arguments are scikit-learn's keyword arguments in camelCase (`posLabel`,
 * `sampleWeight`, `zeroDivision`, `average`). They compute over whole arrays of labels or scores
 * and return plain numbers, unlike the Keras-style `nn.metrics.precision` (tensor inputs,
 * thresholded at 0.5). Names that do not clash with the Keras-style metrics are also exported
 * directly from `nn.metrics` (`nn.metrics.confusionMatrix`, `nn.metrics.f1Score`, …); the
 * clashing ones (`meanSquaredError`, `meanAbsoluteError`, `auc`) live only here.
 *
 * Ill-defined values (zero division, one class) follow scikit-learn, including its warnings,
 * which nnlab emits with `process.emitWarning` (see each function).
 */
export { type Label, type Vector, type Matrix } from "./inputs";
export {
  confusionMatrix, accuracyScore, precisionRecallFscoreSupport, precisionScore, recallScore, f1Score, fbetaScore,
  type ZeroDivision, type Average, type PrfOptions, type ScoreOptions, type PerLabelScores, type AveragedScores,
} from "./classification";
export { classificationReport, ClassificationReport, type ClassificationReportOptions, type ReportRow } from "./report";
export { rocCurve, rocAucScore, precisionRecallCurve, averagePrecisionScore, auc, type RocCurve, type RocAucOptions, type PrecisionRecallCurve } from "./ranking";
export { logLoss, brierScoreLoss } from "./probabilistic";
export { r2Score, meanSquaredError, rootMeanSquaredError, meanAbsoluteError, explainedVarianceScore, type Multioutput, type RegressionOptions, type R2Options, type RawValues } from "./regression";
export { RichTable, type Cell, type RichTableOptions } from "./table";
