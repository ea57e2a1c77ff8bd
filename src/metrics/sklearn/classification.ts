/**
 * Label-based classification metrics with scikit-learn's names, arguments and results:
 * `confusionMatrix`, `accuracyScore`, `precisionRecallFscoreSupport`, `precisionScore`,
 * `recallScore`, `f1Score`, `fbetaScore`.
 *
 * Averages (`average`): `"binary"` (the default of the `*Score` functions: the score of
 * `posLabel` only; an error for more than two classes), `"micro"` (global counts),
 * `"macro"` (unweighted mean over labels), `"weighted"` (mean weighted by support), or `null`
 * (one score per label, in sorted label order).
 *
 * Zero division, as scikit-learn: precision with no predicted samples of a label, recall with no
 * true samples, and F with neither, are ill-defined. `zeroDivision: "warn"` (default) gives 0 and
 * emits an `UndefinedMetricWarning`; `0` or `1` give that value silently; `NaN` gives NaN, and
 * NaN scores are left out of macro/weighted averages (all NaN → NaN).
 */
import { checkSameLength, formatLabels, toLabels, toWeights, uniqueLabels, type Label, type Vector } from "./inputs";
import { undefinedMetricWarning, userWarning } from "./warnings";

/** What an ill-defined precision, recall or F score becomes (see the module comment). */
export type ZeroDivision = "warn" | 0 | 1 | number;

/** How per-label scores are combined. */
export type Average = "binary" | "micro" | "macro" | "weighted" | null;

/** Options shared by the precision / recall / F functions. */
export interface PrfOptions {
  /** Labels to score, in this order (default: every label in yTrue or yPred, sorted). */
  labels?: readonly Label[];
  /** The positive class for `average: "binary"` (default 1). */
  posLabel?: Label;
  /** See {@link Average}. */
  average?: Average;
  /** Per-sample weights. */
  sampleWeight?: Vector;
  /** See {@link ZeroDivision}; default `"warn"`. */
  zeroDivision?: ZeroDivision;
}

/** Per-label precision, recall, F and support (`average: null`). */
export interface PerLabelScores {
  /** The labels the other arrays refer to, in sorted order (scikit-learn's `unique_labels`). */
  labels: Label[];
  /** tp / (tp + fp) per label (zeroDivision where nothing was predicted as the label). */
  precision: number[];
  /** tp / (tp + fn) per label (zeroDivision where the label never occurs). */
  recall: number[];
  /** F-beta per label: (1 + β²)·P·R / (β²·P + R); F1 for β = 1. */
  fScore: number[];
  /** Weighted count of true samples of each label. */
  support: number[];
}

/** Averaged precision, recall and F. */
export interface AveragedScores {
  /** Precision averaged as asked (binary, micro, macro or weighted). */
  precision: number;
  /** Recall averaged the same way. */
  recall: number;
  /** F-beta averaged the same way. */
  fScore: number;
}

/** Checked labels of one call: both label lists, the weights and the labels present. */
export interface Targets {
  yTrue: Label[];
  yPred: Label[];
  weights: number[];
  present: Label[];
}

/** Reads and checks yTrue / yPred (same length, labels only, no NaN) and the sample weights. */
export function readTargets(yTrue: Vector<Label>, yPred: Vector<Label>, sampleWeight: Vector | undefined, where: string): Targets {
  const t = toLabels(yTrue, "yTrue", where);
  const p = toLabels(yPred, "yPred", where);
  checkSameLength(t.length, p.length, ["yTrue", "yPred"], where);
  if (t.length > 0 && p.length > 0 && typeof t[0] !== typeof p[0]) {
    throw new TypeError(`${where}: yTrue holds ${typeof t[0]} labels but yPred holds ${typeof p[0]} labels`);
  }
  return { yTrue: t, yPred: p, weights: toWeights(sampleWeight, t.length, where), present: uniqueLabels(t, p) };
}

/**
 * The confusion matrix C: `C[i][j]` counts (or sums the weights of) samples of true label
 * `labels[i]` predicted as `labels[j]` (scikit-learn's layout: rows true, columns predicted).
 * `normalize` divides by row sums (`"true"`), column sums (`"pred"`) or the total (`"all"`);
 * an empty row or column gives 0s, as scikit-learn.
 */
export function confusionMatrix(
  yTrue: Vector<Label>,
  yPred: Vector<Label>,
  options: { labels?: readonly Label[]; sampleWeight?: Vector; normalize?: "true" | "pred" | "all" | null } = {},
): number[][] {
  const where = "confusionMatrix";
  const { yTrue: t, yPred: p, weights } = readTargets(yTrue, yPred, options.sampleWeight, where);
  const labels = options.labels ? checkLabelsOption(options.labels, where) : uniqueLabels(t, p);
  if (options.labels && !t.some((l) => labels.includes(l))) {
    throw new RangeError(`${where}: at least one label in labels ${formatLabels(labels)} must occur in yTrue`);
  }
  const index = new Map(labels.map((l, i) => [l, i]));
  const k = labels.length;
  const cm = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let s = 0; s < t.length; s++) {
    const i = index.get(t[s]);
    const j = index.get(p[s]);
    if (i !== undefined && j !== undefined) cm[i][j] += weights[s];
  }
  const normalize = options.normalize ?? null;
  if (normalize === null) return cm;
  if (normalize !== "true" && normalize !== "pred" && normalize !== "all") {
    throw new RangeError(`${where}: normalize must be "true", "pred", "all" or null, got ${JSON.stringify(normalize)}`);
  }
  const rowSums = cm.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = labels.map((_, j) => cm.reduce((a, r) => a + r[j], 0));
  const total = rowSums.reduce((a, b) => a + b, 0);
  return cm.map((row, i) =>
    row.map((v, j) => {
      const d = normalize === "true" ? rowSums[i] : normalize === "pred" ? colSums[j] : total;
      return d === 0 ? 0 : v / d;
    }),
  );
}

function checkLabelsOption(labels: readonly Label[], where: string): Label[] {
  if (!Array.isArray(labels) || labels.length === 0) throw new RangeError(`${where}: labels must be a non-empty array of labels, got ${JSON.stringify(labels)}`);
  if (new Set(labels).size !== labels.length) throw new RangeError(`${where}: labels must be distinct, got ${formatLabels(labels)}`);
  return [...labels];
}

/**
 * The fraction (or, with `normalize: false`, the weighted count) of samples whose predicted
 * label equals the true label (scikit-learn's `accuracy_score`).
 */
export function accuracyScore(yTrue: Vector<Label>, yPred: Vector<Label>, options: { normalize?: boolean; sampleWeight?: Vector } = {}): number {
  const { yTrue: t, yPred: p, weights } = readTargets(yTrue, yPred, options.sampleWeight, "accuracyScore");
  let correct = 0;
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === p[i]) correct += weights[i];
    total += weights[i];
  }
  return options.normalize === false ? correct : correct / total;
}

function checkZeroDivision(z: ZeroDivision, where: string): number {
  if (z === "warn") return 0;
  if (z === 0 || z === 1 || Number.isNaN(z)) return z;
  throw new RangeError(`${where}: zeroDivision must be "warn", 0, 1 or NaN, got ${JSON.stringify(z)}`);
}

const AVERAGES = ["binary", "micro", "macro", "weighted", null];

/** Which metrics warn on zero division (scikit-learn's `warn_for`). */
type WarnFor = ReadonlySet<"precision" | "recall" | "f-score">;

function divide(num: number[], den: number[], metric: "precision" | "recall" | "f-score", modifier: string, average: Average, warnFor: WarnFor, zeroDivision: ZeroDivision, zeroValue: number): number[] {
  let ill = false;
  const out = num.map((n, i) => {
    if (den[i] === 0) {
      ill = true;
      return zeroValue;
    }
    return n / den[i];
  });
  if (ill && zeroDivision === "warn" && warnFor.has(metric)) {
    const name = metric === "f-score" ? "F-score" : metric[0].toUpperCase() + metric.slice(1);
    const where = out.length === 1 ? "due to" : "in labels with";
    void average;
    undefinedMetricWarning(`${name} is ill-defined and being set to 0.0 ${where} no ${modifier} samples. Use \`zeroDivision\` to control this behavior.`);
  }
  return out;
}

/** NumPy's average ignoring NaN entries; all weights 0 → the unweighted mean (scikit-learn's `_nanaverage`). */
function nanAverage(a: number[], weights?: number[]): number {
  const keep = a.map((v) => !Number.isNaN(v));
  const vals = a.filter((_, i) => keep[i]);
  if (vals.length === 0) return NaN;
  if (!weights) return vals.reduce((s, v) => s + v, 0) / vals.length;
  const w = weights.filter((_, i) => keep[i]);
  const sw = w.reduce((s, v) => s + v, 0);
  if (sw === 0) return vals.reduce((s, v) => s + v, 0) / vals.length;
  return vals.reduce((s, v, i) => s + v * w[i], 0) / sw;
}

/**
 * Precision, recall, F-beta and support (scikit-learn's `precision_recall_fscore_support`).
 * With `average: null` (the default here) one value per label; otherwise averaged values and no
 * support. See the module comment for averages and zero division.
 */
export function precisionRecallFscoreSupport(yTrue: Vector<Label>, yPred: Vector<Label>, options: PrfOptions & { beta?: number; average?: null }): PerLabelScores;
export function precisionRecallFscoreSupport(yTrue: Vector<Label>, yPred: Vector<Label>, options: PrfOptions & { beta?: number; average: Exclude<Average, null> }): AveragedScores;
export function precisionRecallFscoreSupport(yTrue: Vector<Label>, yPred: Vector<Label>, options?: PrfOptions & { beta?: number }): PerLabelScores | AveragedScores;
export function precisionRecallFscoreSupport(yTrue: Vector<Label>, yPred: Vector<Label>, options: PrfOptions & { beta?: number } = {}): PerLabelScores | AveragedScores {
  return prfs(yTrue, yPred, { average: null, ...options }, new Set(["precision", "recall", "f-score"]), "precisionRecallFscoreSupport");
}

/** The shared computation; `warnFor` and `where` come from the public function called. */
export function prfs(yTrue: Vector<Label>, yPred: Vector<Label>, options: PrfOptions & { beta?: number }, warnFor: WarnFor, where: string): PerLabelScores | AveragedScores {
  const average = options.average === undefined ? null : options.average;
  if (!AVERAGES.includes(average)) throw new RangeError(`${where}: average must be one of "binary", "micro", "macro", "weighted" or null, got ${JSON.stringify(average)}`);
  const zeroDivision = options.zeroDivision ?? "warn";
  const zeroValue = checkZeroDivision(zeroDivision, where);
  const beta = options.beta ?? 1;
  if (typeof beta !== "number" || !(beta >= 0)) throw new RangeError(`${where}: beta must be a number ≥ 0, got ${beta}`);
  const { yTrue: t, yPred: p, weights, present } = readTargets(yTrue, yPred, options.sampleWeight, where);
  const posLabel = options.posLabel ?? 1;
  let labels: Label[];
  if (average === "binary") {
    if (present.length > 2) {
      throw new RangeError(`${where}: the targets are multiclass (labels ${formatLabels(present)}) but average is "binary"; choose "micro", "macro", "weighted" or null`);
    }
    if (!present.includes(posLabel) && present.length >= 2) {
      throw new RangeError(`${where}: posLabel=${JSON.stringify(posLabel)} is not a valid label; it should be one of ${formatLabels(present)}`);
    }
    labels = [posLabel];
  } else {
    if (options.posLabel !== undefined && options.posLabel !== 1) {
      userWarning(`${where}: posLabel (set to ${JSON.stringify(options.posLabel)}) is ignored when average is not "binary" (got ${JSON.stringify(average)}). Use labels: [posLabel] to score a single class.`);
    }
    labels = options.labels ? checkLabelsOption(options.labels, where) : present;
  }
  const index = new Map(labels.map((l, i) => [l, i]));
  let tp = new Array<number>(labels.length).fill(0);
  let pred = new Array<number>(labels.length).fill(0);
  let tru = new Array<number>(labels.length).fill(0);
  for (let s = 0; s < t.length; s++) {
    const i = index.get(t[s]);
    const j = index.get(p[s]);
    if (i !== undefined) tru[i] += weights[s];
    if (j !== undefined) pred[j] += weights[s];
    if (i !== undefined && t[s] === p[s]) tp[i] += weights[s];
  }
  const support = tru;
  if (average === "micro") {
    const sum = (a: number[]) => [a.reduce((x, y) => x + y, 0)];
    tp = sum(tp);
    pred = sum(pred);
    tru = sum(tru);
  }
  const precision = divide(tp, pred, "precision", "predicted", average, warnFor, zeroDivision, zeroValue);
  const recall = divide(tp, tru, "recall", "true", average, warnFor, zeroDivision, zeroValue);
  let fScore: number[];
  if (beta === Infinity) fScore = recall;
  else if (beta === 0) fScore = precision;
  else {
    const b2 = beta * beta;
    fScore = divide(tp.map((v) => (1 + b2) * v), tru.map((v, i) => b2 * v + pred[i]), "f-score", "true nor predicted", average, warnFor, zeroDivision, zeroValue);
  }
  if (average === null) return { labels, precision, recall, fScore, support };
  const weightsForAverage = average === "weighted" ? support : undefined;
  return { precision: nanAverage(precision, weightsForAverage), recall: nanAverage(recall, weightsForAverage), fScore: nanAverage(fScore, weightsForAverage) };
}

/** Options of {@link precisionScore}, {@link recallScore}, {@link f1Score}: `average` defaults to `"binary"`. */
export type ScoreOptions = PrfOptions;

function scoreOf(key: keyof AveragedScores, warn: "precision" | "recall" | "f-score", where: string, yTrue: Vector<Label>, yPred: Vector<Label>, options: PrfOptions & { beta?: number }): number | number[] {
  const r = prfs(yTrue, yPred, { ...options, average: options.average === undefined ? "binary" : options.average }, new Set([warn]), where);
  return (r as unknown as Record<string, number | number[]>)[key];
}

/**
 * Precision tp / (tp + fp): of the samples predicted as a label, the fraction that truly have it
 * (scikit-learn's `precision_score`; default `average: "binary"`, `posLabel: 1`).
 */
export function precisionScore(yTrue: Vector<Label>, yPred: Vector<Label>, options: ScoreOptions & { average: null }): number[];
export function precisionScore(yTrue: Vector<Label>, yPred: Vector<Label>, options?: ScoreOptions & { average?: Exclude<Average, null> }): number;
export function precisionScore(yTrue: Vector<Label>, yPred: Vector<Label>, options: ScoreOptions = {}): number | number[] {
  return scoreOf("precision", "precision", "precisionScore", yTrue, yPred, options);
}

/**
 * Recall tp / (tp + fn): of the samples that truly have a label, the fraction predicted as it
 * (scikit-learn's `recall_score`; default `average: "binary"`, `posLabel: 1`).
 */
export function recallScore(yTrue: Vector<Label>, yPred: Vector<Label>, options: ScoreOptions & { average: null }): number[];
export function recallScore(yTrue: Vector<Label>, yPred: Vector<Label>, options?: ScoreOptions & { average?: Exclude<Average, null> }): number;
export function recallScore(yTrue: Vector<Label>, yPred: Vector<Label>, options: ScoreOptions = {}): number | number[] {
  return scoreOf("recall", "recall", "recallScore", yTrue, yPred, options);
}

/**
 * F1 = 2·tp / (2·tp + fp + fn), the harmonic mean of precision and recall (scikit-learn's
 * `f1_score`; default `average: "binary"`, `posLabel: 1`).
 */
export function f1Score(yTrue: Vector<Label>, yPred: Vector<Label>, options: ScoreOptions & { average: null }): number[];
export function f1Score(yTrue: Vector<Label>, yPred: Vector<Label>, options?: ScoreOptions & { average?: Exclude<Average, null> }): number;
export function f1Score(yTrue: Vector<Label>, yPred: Vector<Label>, options: ScoreOptions = {}): number | number[] {
  return scoreOf("fScore", "f-score", "f1Score", yTrue, yPred, options);
}

/**
 * F-beta = (1 + β²)·tp / ((1 + β²)·tp + β²·fn + fp): recall weighs β times as much as precision
 * (scikit-learn's `fbeta_score`; β = 0 is precision, β = ∞ is recall).
 */
export function fbetaScore(yTrue: Vector<Label>, yPred: Vector<Label>, options: ScoreOptions & { beta: number; average: null }): number[];
export function fbetaScore(yTrue: Vector<Label>, yPred: Vector<Label>, options: ScoreOptions & { beta: number; average?: Exclude<Average, null> }): number;
export function fbetaScore(yTrue: Vector<Label>, yPred: Vector<Label>, options: ScoreOptions & { beta: number }): number | number[] {
  if (!options || options.beta === undefined) throw new TypeError("fbetaScore: options.beta is required (e.g. { beta: 2 })");
  return scoreOf("fScore", "f-score", "fbetaScore", yTrue, yPred, options);
}
