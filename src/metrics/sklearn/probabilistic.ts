/**
 * Metrics of predicted probabilities, with scikit-learn's names and results: `logLoss`
 * (cross-entropy) and `brierScoreLoss`.
 */
import { checkSameLength, formatLabels, toLabels, toTable, toWeights, uniqueLabels, type Label, type Matrix, type Table, type Vector } from "./inputs";
import { userWarning } from "./warnings";

/** Machine epsilon of float64: probabilities are clipped to [ε, 1 − ε] before the log, as scikit-learn. */
const EPS = 2.220446049250313e-16;

function checkProbabilityRange(p: Table, where: string, argument: string): void {
  let max = -Infinity;
  let min = Infinity;
  for (const v of p.data) {
    max = Math.max(max, v);
    min = Math.min(min, v);
  }
  if (max > 1) throw new RangeError(`${where}: ${argument} contains values greater than 1 (${max}); pass probabilities`);
  if (min < 0) throw new RangeError(`${where}: ${argument} contains values less than 0 (${min}); pass probabilities`);
}

/** One-hot targets over the classes (labels, or yTrue's own), as scikit-learn's `LabelBinarizer` with two columns for binary. */
function oneHotTargets(t: Label[], labels: readonly Label[] | undefined, where: string): { classes: Label[]; onehot: number[][] } {
  const classes = labels ? uniqueLabels([...labels]) : uniqueLabels(t);
  if (classes.length === 1) {
    throw new RangeError(labels
      ? `${where}: labels needs at least two labels, got ${formatLabels(classes)}`
      : `${where}: yTrue contains only one label (${JSON.stringify(classes[0])}); pass all expected class labels with the labels option`);
  }
  const unseen = uniqueLabels(t).filter((l) => !classes.includes(l));
  if (unseen.length) throw new RangeError(`${where}: yTrue contains labels ${formatLabels(unseen)} that are not in labels ${formatLabels(classes)}`);
  return { classes, onehot: t.map((l) => classes.map((c) => (c === l ? 1 : 0))) };
}

/** Probabilities as rows of k columns; one column p becomes [1 − p, p]. */
function probabilityRows(p: Table): number[][] {
  return Array.from({ length: p.rows }, (_, i) => {
    if (p.cols === 1) return [1 - p.data[i], p.data[i]];
    return Array.from(p.data.subarray(i * p.cols, (i + 1) * p.cols));
  });
}

function average(values: number[], weights: number[] | undefined): number {
  if (!weights) return values.reduce((a, b) => a + b, 0) / values.length;
  let num = 0;
  let den = 0;
  values.forEach((v, i) => {
    num += v * weights[i];
    den += weights[i];
  });
  if (den === 0) throw new RangeError("sampleWeight: the weights sum to zero");
  return num / den;
}

/**
 * Log loss (cross-entropy) of predicted probabilities (scikit-learn's `log_loss`):
 * −(1/n) Σᵢ Σₖ yᵢₖ·log pᵢₖ, with p clipped to [ε, 1 − ε] (ε = 2.2e-16). `yProba` is [n] (the
 * probability of the greater label) or [n, classes] (columns in sorted label order). Rows that
 * do not sum to 1 get a `UserWarning`, as scikit-learn. `normalize: false` gives the sum.
 */
export function logLoss(yTrue: Vector<Label>, yProba: Matrix, options: { normalize?: boolean; sampleWeight?: Vector; labels?: readonly Label[] } = {}): number {
  const where = "logLoss";
  const t = toLabels(yTrue, "yTrue", where);
  const p = toTable(yProba, "yProba", where);
  checkSameLength(t.length, p.rows, ["yTrue", "yProba"], where);
  checkProbabilityRange(p, where, "yProba");
  const weights = options.sampleWeight === undefined ? undefined : toWeights(options.sampleWeight, t.length, where);
  const { classes, onehot } = oneHotTargets(t, options.labels, where);
  const rows = probabilityRows(p);
  if (rows.some((r) => Math.abs(r.reduce((a, b) => a + b, 0) - 1) > Math.sqrt(EPS))) {
    userWarning("The yProba values do not sum to one. Make sure to pass probabilities.");
  }
  if (classes.length !== rows[0].length) {
    throw new RangeError(options.labels
      ? `${where}: labels has ${classes.length} classes but yProba has ${rows[0].length} columns`
      : `${where}: yTrue has ${classes.length} classes ${formatLabels(classes)} but yProba has ${rows[0].length} columns; pass the labels option`);
  }
  const losses = rows.map((r, i) => -r.reduce((s, v, k) => s + (onehot[i][k] === 0 ? 0 : onehot[i][k] * Math.log(Math.min(Math.max(v, EPS), 1 - EPS))), 0));
  if (options.normalize === false) return losses.reduce((s, v, i) => s + v * (weights ? weights[i] : 1), 0);
  return average(losses, weights);
}

/**
 * Brier score: the mean squared difference between predicted probabilities and the one-hot
 * outcome (scikit-learn's `brier_score_loss`). Binary ([n] probabilities of `posLabel`, default
 * the greater label or 1): mean (yᵢ − pᵢ)². Multiclass ([n, k], k ≥ 3): mean Σₖ (yᵢₖ − pᵢₖ)²
 * (not halved; `scaleByHalf` overrides, as scikit-learn's `scale_by_half`).
 */
export function brierScoreLoss(yTrue: Vector<Label>, yProba: Matrix, options: { sampleWeight?: Vector; posLabel?: Label; labels?: readonly Label[]; scaleByHalf?: boolean | "auto" } = {}): number {
  const where = "brierScoreLoss";
  const t = toLabels(yTrue, "yTrue", where);
  const p = toTable(yProba, "yProba", where);
  checkSameLength(t.length, p.rows, ["yTrue", "yProba"], where);
  const weights = options.sampleWeight === undefined ? undefined : toWeights(options.sampleWeight, t.length, where);
  let onehot: number[][];
  if (p.cols === 1) {
    const classes = uniqueLabels(t);
    if (classes.length > 2) throw new RangeError(`${where}: yTrue has ${classes.length} classes ${formatLabels(classes)} but yProba has one column; pass [n, classes] probabilities`);
    checkProbabilityRange(p, where, "yProba");
    let pos = options.posLabel;
    if (pos === undefined) {
      const zeroOne = classes.every((c) => c === 0 || c === 1) || classes.every((c) => c === -1 || c === 1);
      pos = zeroOne ? 1 : classes[classes.length - 1];
    }
    const chosen = pos;
    onehot = t.map((l) => (l === chosen ? [0, 1] : [1, 0]));
  } else {
    checkProbabilityRange(p, where, "yProba");
    const enc = oneHotTargets(t, options.labels, where);
    if (enc.classes.length !== p.cols) throw new RangeError(`${where}: ${enc.classes.length} classes ${formatLabels(enc.classes)} but yProba has ${p.cols} columns; pass the labels option`);
    onehot = enc.onehot;
  }
  const rows = probabilityRows(p);
  const per = rows.map((r, i) => r.reduce((s, v, k) => s + (onehot[i][k] - v) ** 2, 0));
  const score = average(per, weights);
  const scale = options.scaleByHalf ?? "auto";
  const half = scale === "auto" ? p.cols < 3 : scale;
  return half ? score * 0.5 : score;
}
