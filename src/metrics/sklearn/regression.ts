/**
 * Regression metrics with scikit-learn's names and results: `r2Score`, `meanSquaredError`,
 * `rootMeanSquaredError`, `meanAbsoluteError`, `explainedVarianceScore`. Targets are [n] or
 * [n, outputs]; `multioutput` chooses one score per output (`"rawValues"`), their mean
 * (`"uniformAverage"`, default), or — for R² and explained variance — the mean weighted by each
 * output's variance (`"varianceWeighted"`).
 */
import { checkSameLength, toTable, toWeights, type Matrix, type Table, type Vector } from "./inputs";

/** How scores of several outputs combine (scikit-learn's snake_case spellings are accepted too). */
export type Multioutput = "rawValues" | "uniformAverage" | "varianceWeighted" | "raw_values" | "uniform_average" | "variance_weighted" | readonly number[];

/** Options of the regression metrics. */
export interface RegressionOptions {
  /** One weight per sample (default: all 1). */
  sampleWeight?: Vector;
  /** How outputs of a multi-output target combine: `"uniformAverage"` (default), `"rawValues"` (one score per output), `"varianceWeighted"` (R²/explained variance only) or per-output weights. */
  multioutput?: Multioutput;
}

function read(yTrue: Matrix, yPred: Matrix, sampleWeight: Vector | undefined, where: string): { t: Table; p: Table; w: number[] } {
  const t = toTable(yTrue, "yTrue", where);
  const p = toTable(yPred, "yPred", where);
  checkSameLength(t.rows, p.rows, ["yTrue", "yPred"], where);
  if (t.cols !== p.cols) throw new RangeError(`${where}: yTrue has ${t.cols} outputs but yPred has ${p.cols}`);
  return { t, p, w: toWeights(sampleWeight, t.rows, where) };
}

function columnAverage(t: Table, w: number[], f: (i: number, j: number) => number): number[] {
  const sw = w.reduce((a, b) => a + b, 0);
  return Array.from({ length: t.cols }, (_, j) => {
    let s = 0;
    for (let i = 0; i < t.rows; i++) s += w[i] * f(i, j);
    return s / sw;
  });
}

function combine(scores: number[], multioutput: Multioutput | undefined, where: string, varianceWeights?: number[]): number | number[] {
  const m = multioutput ?? "uniformAverage";
  if (Array.isArray(m)) {
    if (m.length !== scores.length) throw new RangeError(`${where}: multioutput weights must have one weight per output (${scores.length}), got ${m.length}`);
    const total = m.reduce((a: number, b: number) => a + b, 0);
    return scores.reduce((s, v, j) => s + v * m[j], 0) / total;
  }
  if (m === "rawValues" || m === "raw_values") return scores;
  if (m === "uniformAverage" || m === "uniform_average") return scores.reduce((a, b) => a + b, 0) / scores.length;
  if ((m === "varianceWeighted" || m === "variance_weighted") && varianceWeights) {
    const total = varianceWeights.reduce((a, b) => a + b, 0);
    if (total === 0) return scores.reduce((a, b) => a + b, 0) / scores.length;
    return scores.reduce((s, v, j) => s + v * varianceWeights[j], 0) / total;
  }
  const valid = varianceWeights ? `"rawValues", "uniformAverage", "varianceWeighted"` : `"rawValues", "uniformAverage"`;
  throw new RangeError(`${where}: multioutput must be ${valid} or an array of weights, got ${JSON.stringify(m)}`);
}

/** Mean of (yTrue − yPred)² (scikit-learn's `mean_squared_error`). */
export function meanSquaredError(yTrue: Matrix, yPred: Matrix, options: RegressionOptions = {}): number | number[] {
  const { t, p, w } = read(yTrue, yPred, options.sampleWeight, "meanSquaredError");
  return combine(columnAverage(t, w, (i, j) => (t.data[i * t.cols + j] - p.data[i * t.cols + j]) ** 2), options.multioutput, "meanSquaredError");
}

/** √MSE per output (scikit-learn's `root_mean_squared_error`). */
export function rootMeanSquaredError(yTrue: Matrix, yPred: Matrix, options: RegressionOptions = {}): number | number[] {
  const { t, p, w } = read(yTrue, yPred, options.sampleWeight, "rootMeanSquaredError");
  return combine(columnAverage(t, w, (i, j) => (t.data[i * t.cols + j] - p.data[i * t.cols + j]) ** 2).map(Math.sqrt), options.multioutput, "rootMeanSquaredError");
}

/** Mean of |yTrue − yPred| (scikit-learn's `mean_absolute_error`). */
export function meanAbsoluteError(yTrue: Matrix, yPred: Matrix, options: RegressionOptions = {}): number | number[] {
  const { t, p, w } = read(yTrue, yPred, options.sampleWeight, "meanAbsoluteError");
  return combine(columnAverage(t, w, (i, j) => Math.abs(t.data[i * t.cols + j] - p.data[i * t.cols + j])), options.multioutput, "meanAbsoluteError");
}

/**
 * 1 − numerator/denominator per output, where a zero denominator (a constant target) gives 1
 * for a perfect fit and 0 otherwise when `forceFinite` (default, scikit-learn's `force_finite`),
 * else NaN or −∞ as the division gives.
 */
function oneMinusRatio(num: number[], den: number[], forceFinite: boolean): number[] {
  return num.map((n, j) => {
    if (den[j] !== 0) return 1 - n / den[j];
    if (!forceFinite) return n === 0 ? NaN : -Infinity;
    return n === 0 ? 1 : 0;
  });
}

/** The `multioutput` choices that give one score per output. */
export type RawValues = "rawValues" | "raw_values";

/** Options of {@link r2Score}. */
export interface R2Options extends RegressionOptions {
  /** A constant yTrue scores 1 (perfect fit) or 0 instead of NaN/−∞ (default true, scikit-learn's `force_finite`). */
  forceFinite?: boolean;
}

/**
 * Coefficient of determination R² = 1 − Σw(y − ŷ)² / Σw(y − ȳ)² (scikit-learn's `r2_score`):
 * 1 is perfect, 0 is the mean's score, negative is worse. A constant yTrue: see `forceFinite`.
 * Fewer than two samples: NaN with a warning in scikit-learn; here an error.
 * Typed by `multioutput`: `"rawValues"` gives number[] (one score per output), anything else a number.
 */
export function r2Score(yTrue: Matrix, yPred: Matrix, options: R2Options & { multioutput: RawValues }): number[];
/** R² averaged over the outputs (uniformly by default, by variance, or by given weights): one number. */
export function r2Score(yTrue: Matrix, yPred: Matrix, options?: R2Options & { multioutput?: Exclude<Multioutput, RawValues> }): number;
/** R² when the `multioutput` choice is only known at run time: one number, or one per output for `"rawValues"`. */
export function r2Score(yTrue: Matrix, yPred: Matrix, options?: R2Options): number | number[];
export function r2Score(yTrue: Matrix, yPred: Matrix, options: R2Options = {}): number | number[] {
  const where = "r2Score";
  const { t, p, w } = read(yTrue, yPred, options.sampleWeight, where);
  if (t.rows < 2) throw new RangeError(`${where}: R² is not well-defined with fewer than two samples, got ${t.rows}`);
  const mean = columnAverage(t, w, (i, j) => t.data[i * t.cols + j]);
  const num = columnAverage(t, w, (i, j) => (t.data[i * t.cols + j] - p.data[i * t.cols + j]) ** 2);
  const den = columnAverage(t, w, (i, j) => (t.data[i * t.cols + j] - mean[j]) ** 2);
  return combine(oneMinusRatio(num, den, options.forceFinite ?? true), options.multioutput, where, den);
}

/**
 * Explained variance 1 − Var(y − ŷ) / Var(y) (scikit-learn's `explained_variance_score`); equals
 * R² when the residuals have mean 0. A constant yTrue: see `forceFinite`.
 */
export function explainedVarianceScore(yTrue: Matrix, yPred: Matrix, options: RegressionOptions & { forceFinite?: boolean } = {}): number | number[] {
  const where = "explainedVarianceScore";
  const { t, p, w } = read(yTrue, yPred, options.sampleWeight, where);
  const diff = (i: number, j: number) => t.data[i * t.cols + j] - p.data[i * t.cols + j];
  const diffMean = columnAverage(t, w, diff);
  const num = columnAverage(t, w, (i, j) => (diff(i, j) - diffMean[j]) ** 2);
  const mean = columnAverage(t, w, (i, j) => t.data[i * t.cols + j]);
  const den = columnAverage(t, w, (i, j) => (t.data[i * t.cols + j] - mean[j]) ** 2);
  return combine(oneMinusRatio(num, den, options.forceFinite ?? true), options.multioutput, where, den);
}
