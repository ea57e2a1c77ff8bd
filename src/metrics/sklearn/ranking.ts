/**
 * Score-based (ranking) metrics with scikit-learn's names and results: `rocCurve`,
 * `rocAucScore`, `precisionRecallCurve`, `averagePrecisionScore`, and `auc` (trapezoid rule).
 *
 * Ill-defined cases follow scikit-learn: an ROC curve with no negative (or no positive) samples
 * has NaN false (true) positive rates, and `rocAucScore` with one class in yTrue returns NaN; a
 * precision–recall curve with no positive samples has recall 1 everywhere. Each emits an
 * `UndefinedMetricWarning` (or a `UserWarning` for the PR curve, as scikit-learn).
 */
import { checkSameLength, formatLabels, toLabels, toNumbers, toTable, toWeights, uniqueLabels, type Label, type Matrix, type Vector } from "./inputs";
import { undefinedMetricWarning, userWarning } from "./warnings";

/** Cumulative counts at each distinct score, highest score first. */
interface ThresholdCounts {
  fps: number[];
  tps: number[];
  thresholds: number[];
}

/** The positive label: given, or 1 when yTrue's labels are {0, 1}, {-1, 1} or a subset. */
function positiveLabel(labels: Label[], posLabel: Label | undefined, where: string): Label {
  const classes = uniqueLabels(labels);
  if (posLabel !== undefined) return posLabel;
  const ok = classes.every((c) => c === 0 || c === 1) || classes.every((c) => c === -1 || c === 1);
  if (!ok) {
    throw new RangeError(`${where}: yTrue takes values ${formatLabels(classes)} and posLabel is not given: make yTrue take values in {0, 1} or {-1, 1}, or pass posLabel`);
  }
  return 1;
}

/** Reads binary targets and scores: `isPositive[i]`, scores and weights (scikit-learn's checks). */
function binaryInputs(yTrue: Vector<Label>, yScore: Vector, options: { posLabel?: Label; sampleWeight?: Vector }, where: string) {
  const t = toLabels(yTrue, "yTrue", where);
  const s = toNumbers(yScore, "yScore", where);
  checkSameLength(t.length, s.length, ["yTrue", "yScore"], where);
  const classes = uniqueLabels(t);
  if (classes.length > 2 && options.posLabel === undefined) {
    throw new RangeError(`${where}: yTrue has ${classes.length} classes ${formatLabels(classes)}; this curve needs binary targets (or pass posLabel to score one class against the rest)`);
  }
  const pos = positiveLabel(t, options.posLabel, where);
  return { positive: t.map((l) => (l === pos ? 1 : 0)), scores: s, weights: options.sampleWeight === undefined ? undefined : toWeights(options.sampleWeight, t.length, where) };
}

/** scikit-learn's `confusion_matrix_at_thresholds`: sort by decreasing score, accumulate at each distinct score. */
function thresholdCounts(positive: number[], scores: number[], weights: number[] | undefined): ThresholdCounts {
  // Samples with zero weight do not count (scikit-learn drops them first).
  let idx = scores.map((_, i) => i);
  if (weights) idx = idx.filter((i) => weights[i] !== 0);
  idx.sort((a, b) => scores[b] - scores[a] || a - b);
  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k];
    const w = weights ? weights[i] : 1;
    tp += positive[i] * w;
    fp += (1 - positive[i]) * w;
    if (k === idx.length - 1 || scores[idx[k + 1]] !== scores[i]) {
      tps.push(tp);
      fps.push(weights ? fp : k + 1 - tp);
      thresholds.push(scores[i]);
    }
  }
  return { fps, tps, thresholds };
}

/** The ROC curve: false and true positive rates at decreasing thresholds (first threshold +∞). */
export interface RocCurve {
  /** False-positive rate at each threshold, increasing from 0 to 1. */
  fpr: number[];
  /** True-positive rate (recall) at each threshold. */
  tpr: number[];
  /** Decreasing score thresholds; the first is +∞ (nothing predicted positive), as scikit-learn ≥ 1.3. */
  thresholds: number[];
}

/**
 * Receiver operating characteristic of a binary problem (scikit-learn's `roc_curve`): for each
 * distinct score taken as a threshold (`score ≥ threshold` is positive), the false positive rate
 * and the true positive rate. The first point is (0, 0) at threshold +∞. `dropIntermediate`
 * (default true) drops points collinear with their neighbours, as scikit-learn.
 */
export function rocCurve(yTrue: Vector<Label>, yScore: Vector, options: { posLabel?: Label; sampleWeight?: Vector; dropIntermediate?: boolean } = {}): RocCurve {
  const where = "rocCurve";
  const { positive, scores, weights } = binaryInputs(yTrue, yScore, options, where);
  let { fps, tps, thresholds } = thresholdCounts(positive, scores, weights);
  if ((options.dropIntermediate ?? true) && fps.length > 2) {
    const keep = fps.map((_, i) => i === 0 || i === fps.length - 1 || fps[i - 1] - 2 * fps[i] + fps[i + 1] !== 0 || tps[i - 1] - 2 * tps[i] + tps[i + 1] !== 0);
    fps = fps.filter((_, i) => keep[i]);
    tps = tps.filter((_, i) => keep[i]);
    thresholds = thresholds.filter((_, i) => keep[i]);
  }
  fps = [0, ...fps];
  tps = [0, ...tps];
  thresholds = [Infinity, ...thresholds];
  const lastF = fps[fps.length - 1];
  const lastT = tps[tps.length - 1];
  if (lastF <= 0) undefinedMetricWarning("No negative samples in yTrue, false positive value should be meaningless");
  if (lastT <= 0) undefinedMetricWarning("No positive samples in yTrue, true positive value should be meaningless");
  return {
    fpr: fps.map((v) => (lastF <= 0 ? NaN : v / lastF)),
    tpr: tps.map((v) => (lastT <= 0 ? NaN : v / lastT)),
    thresholds,
  };
}

/** Area under a curve by the trapezoid rule; x must be monotonic (scikit-learn's `auc`). */
export function auc(x: readonly number[], y: readonly number[]): number {
  const where = "auc";
  const xs = toNumbers(x, "x", where);
  const ys = toNumbers(y, "y", where);
  checkSameLength(xs.length, ys.length, ["x", "y"], where);
  if (xs.length < 2) throw new RangeError(`${where}: at least 2 points are needed to compute the area under a curve, got ${xs.length}`);
  let direction = 1;
  const dx = xs.slice(1).map((v, i) => v - xs[i]);
  if (dx.some((d) => d < 0)) {
    if (dx.every((d) => d <= 0)) direction = -1;
    else throw new RangeError(`${where}: x is neither increasing nor decreasing: [${xs.join(", ")}]`);
  }
  let area = 0;
  for (let i = 0; i < dx.length; i++) area += (dx[i] * (ys[i + 1] + ys[i])) / 2;
  return direction * area;
}

function binaryRocAuc(positive: number[], scores: number[], weights: number[] | undefined, maxFpr: number | undefined): number {
  if (new Set(positive).size !== 2) {
    undefinedMetricWarning("Only one class is present in yTrue. ROC AUC score is not defined in that case.");
    return NaN;
  }
  const { fpr, tpr } = rocCurve(positive, scores, { sampleWeight: weights });
  if (maxFpr === undefined || maxFpr === 1) return auc(fpr, tpr);
  // Partial AUC up to maxFpr with the McClish correction (0.5 for chance, 1 for perfect).
  let stop = 0;
  while (stop < fpr.length && fpr[stop] <= maxFpr) stop++;
  const [x0, x1, y0, y1] = [fpr[stop - 1], fpr[stop], tpr[stop - 1], tpr[stop]];
  const yAt = x1 === x0 ? y1 : y0 + ((maxFpr - x0) * (y1 - y0)) / (x1 - x0);
  const partial = auc([...fpr.slice(0, stop), maxFpr], [...tpr.slice(0, stop), yAt]);
  const minArea = 0.5 * maxFpr * maxFpr;
  return 0.5 * (1 + (partial - minArea) / (maxFpr - minArea));
}

/** Options of {@link rocAucScore}. */
export interface RocAucOptions {
  /** Multiclass averaging: "macro" (default), "weighted" (by prevalence), "micro" (ovr only), or null (ovr: one AUC per class). */
  average?: "macro" | "weighted" | "micro" | null;
  /** Per-sample weights (not with `multiClass: "ovo"`, as scikit-learn). */
  sampleWeight?: Vector;
  /** Binary only: the standardized partial AUC over FPR ∈ [0, maxFpr] (McClish). */
  maxFpr?: number;
  /** Multiclass: "ovr" (one-vs-rest), "ovo" (one-vs-one, Hand & Till), or "raise" (default: an error). */
  multiClass?: "raise" | "ovr" | "ovo";
  /** Multiclass: the labels of yScore's columns, sorted (default: yTrue's labels). */
  labels?: readonly Label[];
}

/**
 * Area under the ROC curve (scikit-learn's `roc_auc_score`). Binary: yScore holds one score per
 * sample for the greater label (a probability or a logit). Multiclass: yScore is [n, classes]
 * of probabilities (rows sum to 1) and `multiClass` is "ovr" or "ovo". One class only in yTrue:
 * NaN with an `UndefinedMetricWarning`.
 */
export function rocAucScore(yTrue: Vector<Label>, yScore: Matrix, options?: RocAucOptions & { average?: "macro" | "weighted" | "micro" }): number;
export function rocAucScore(yTrue: Vector<Label>, yScore: Matrix, options: RocAucOptions & { average: null }): number[];
export function rocAucScore(yTrue: Vector<Label>, yScore: Matrix, options: RocAucOptions = {}): number | number[] {
  const where = "rocAucScore";
  const t = toLabels(yTrue, "yTrue", where);
  const table = toTable(yScore, "yScore", where);
  checkSameLength(t.length, table.rows, ["yTrue", "yScore"], where);
  const weights = options.sampleWeight === undefined ? undefined : toWeights(options.sampleWeight, t.length, where);
  const average = options.average === undefined ? "macro" : options.average;
  const classes = uniqueLabels(t);
  if (options.maxFpr !== undefined && !(options.maxFpr > 0 && options.maxFpr <= 1)) throw new RangeError(`${where}: maxFpr must be in (0, 1], got ${options.maxFpr}`);
  const multiclass = classes.length > 2 || (options.labels !== undefined && options.labels.length > 2);
  if (!multiclass) {
    if (table.cols !== 1) throw new RangeError(`${where}: binary yTrue needs one score per sample (the greater label's score), got ${table.cols} columns; pass column 1 of the probabilities`);
    const pos = classes[classes.length - 1]; // the greater label is positive, as scikit-learn's label_binarize
    return binaryRocAuc(t.map((l) => (l === pos ? 1 : 0)), Array.from(table.data), weights, options.maxFpr);
  }
  const multiClass = options.multiClass ?? "raise";
  if (multiClass === "raise") throw new RangeError(`${where}: yTrue has ${classes.length} classes; pass multiClass: "ovr" or "ovo"`);
  if (multiClass !== "ovr" && multiClass !== "ovo") throw new RangeError(`${where}: multiClass must be "raise", "ovr" or "ovo", got ${JSON.stringify(multiClass)}`);
  if (options.maxFpr !== undefined && options.maxFpr !== 1) throw new RangeError(`${where}: partial AUC (maxFpr) is only defined for binary targets`);
  for (let i = 0; i < table.rows; i++) {
    let sum = 0;
    for (let j = 0; j < table.cols; j++) sum += table.data[i * table.cols + j];
    if (Math.abs(sum - 1) > 1e-8 + 1e-5) throw new RangeError(`${where}: multiclass scores must be probabilities that sum to 1 over classes; row ${i} sums to ${sum}`);
  }
  const labels = options.labels ? [...options.labels] : classes;
  if (options.labels) {
    const sorted = uniqueLabels(labels);
    if (sorted.length !== labels.length) throw new RangeError(`${where}: labels must be distinct`);
    if (sorted.some((l, i) => l !== labels[i])) throw new RangeError(`${where}: labels must be sorted`);
    const missing = classes.filter((c) => !labels.includes(c));
    if (missing.length) throw new RangeError(`${where}: yTrue contains labels ${formatLabels(missing)} that are not in labels`);
  }
  if (labels.length !== table.cols) throw new RangeError(`${where}: ${labels.length} classes but yScore has ${table.cols} columns`);
  const column = (j: number) => Array.from({ length: table.rows }, (_, i) => table.data[i * table.cols + j]);
  if (multiClass === "ovo") {
    if (weights) throw new RangeError(`${where}: sampleWeight is not supported with multiClass "ovo"`);
    if (average === null || average === "micro") throw new RangeError(`${where}: average must be "macro" or "weighted" with multiClass "ovo", got ${JSON.stringify(average)}`);
    const present = labels.filter((l) => classes.includes(l));
    const scores: number[] = [];
    const prevalence: number[] = [];
    for (let a = 0; a < present.length; a++) {
      for (let b = a + 1; b < present.length; b++) {
        const rows = t.map((l, i) => (l === present[a] || l === present[b] ? i : -1)).filter((i) => i >= 0);
        const ca = labels.indexOf(present[a]);
        const cb = labels.indexOf(present[b]);
        const aucA = binaryRocAuc(rows.map((i) => (t[i] === present[a] ? 1 : 0)), rows.map((i) => table.data[i * table.cols + ca]), undefined, undefined);
        const aucB = binaryRocAuc(rows.map((i) => (t[i] === present[b] ? 1 : 0)), rows.map((i) => table.data[i * table.cols + cb]), undefined, undefined);
        scores.push((aucA + aucB) / 2);
        prevalence.push(rows.length / t.length);
      }
    }
    return average === "weighted" ? scores.reduce((s, v, i) => s + v * prevalence[i], 0) / prevalence.reduce((a, b) => a + b, 0) : scores.reduce((a, b) => a + b, 0) / scores.length;
  }
  const indicator = labels.map((l) => t.map((x) => (x === l ? 1 : 0)));
  return averageBinaryScore((pos, sc, w) => binaryRocAuc(pos, sc, w, undefined), indicator, labels.map((_, j) => column(j)), average, weights);
}

/**
 * scikit-learn's `_average_binary_score`: a binary metric per class column, then averaged
 * (macro: mean; weighted: by each class's weighted support; micro: all columns pooled).
 */
function averageBinaryScore(
  metric: (positive: number[], scores: number[], weights: number[] | undefined) => number,
  indicator: number[][],
  scores: number[][],
  average: "macro" | "weighted" | "micro" | null,
  weights: number[] | undefined,
): number | number[] {
  if (average === "micro") {
    const n = indicator[0].length;
    const pos: number[] = [];
    const sc: number[] = [];
    const w: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < indicator.length; c++) {
        pos.push(indicator[c][i]);
        sc.push(scores[c][i]);
        w.push(weights ? weights[i] : 1);
      }
    }
    return metric(pos, sc, weights ? w : undefined);
  }
  const per = indicator.map((pos, c) => metric(pos, scores[c], weights));
  if (average === null) return per;
  if (average === "weighted") {
    const aw = indicator.map((pos) => pos.reduce((s, v, i) => s + v * (weights ? weights[i] : 1), 0));
    const total = aw.reduce((a, b) => a + b, 0);
    if (Math.abs(total) <= 1e-8) return 0;
    return per.reduce((s, v, c) => s + (aw[c] === 0 ? 0 : v * aw[c]), 0) / total;
  }
  if (average !== "macro") throw new RangeError(`average must be "macro", "weighted", "micro" or null, got ${JSON.stringify(average)}`);
  return per.reduce((a, b) => a + b, 0) / per.length;
}

/** A precision–recall curve: precision and recall per threshold (increasing), ending at (recall 0, precision 1). */
export interface PrecisionRecallCurve {
  /** Precision at each threshold, ending with 1 (scikit-learn's convention). */
  precision: number[];
  /** Recall at each threshold, ending with 0. */
  recall: number[];
  /** Increasing score thresholds (one fewer than precision and recall). */
  thresholds: number[];
}

/**
 * Precision and recall at each distinct score used as a threshold (scikit-learn's
 * `precision_recall_curve`): thresholds increase; `precision` and `recall` have one more entry,
 * the final point (recall 0, precision 1). `dropIntermediate` (default false) keeps only the
 * first and last point of each run of equal true-positive counts.
 */
export function precisionRecallCurve(yTrue: Vector<Label>, yScore: Vector, options: { posLabel?: Label; sampleWeight?: Vector; dropIntermediate?: boolean } = {}): PrecisionRecallCurve {
  const where = "precisionRecallCurve";
  const { positive, scores, weights } = binaryInputs(yTrue, yScore, options, where);
  let { fps, tps, thresholds } = thresholdCounts(positive, scores, weights);
  if (options.dropIntermediate && fps.length > 2) {
    const keep = tps.map((_, i) => i === 0 || i === tps.length - 1 || tps[i] !== tps[i - 1] || tps[i + 1] !== tps[i]);
    fps = fps.filter((_, i) => keep[i]);
    tps = tps.filter((_, i) => keep[i]);
    thresholds = thresholds.filter((_, i) => keep[i]);
  }
  const precision = tps.map((tp, i) => (tp + fps[i] !== 0 ? tp / (tp + fps[i]) : 0));
  const lastT = tps[tps.length - 1];
  if (lastT === 0) userWarning("No positive class found in yTrue, recall is set to one for all thresholds.");
  const recall = tps.map((tp) => (lastT === 0 ? 1 : tp / lastT));
  return { precision: [...precision.reverse(), 1], recall: [...recall.reverse(), 0], thresholds: thresholds.reverse() };
}

/**
 * Average precision, the step-wise area under the precision–recall curve,
 * Σₙ (Rₙ − Rₙ₋₁)·Pₙ (scikit-learn's `average_precision_score`; no interpolation). Multiclass
 * yTrue needs yScore [n, classes] and averages one-vs-rest scores (`average`, default "macro").
 */
export function averagePrecisionScore(yTrue: Vector<Label>, yScore: Matrix, options: { posLabel?: Label; sampleWeight?: Vector; average?: "macro" | "weighted" | "micro" | null } = {}): number | number[] {
  const where = "averagePrecisionScore";
  const t = toLabels(yTrue, "yTrue", where);
  const table = toTable(yScore, "yScore", where);
  checkSameLength(t.length, table.rows, ["yTrue", "yScore"], where);
  const weights = options.sampleWeight === undefined ? undefined : toWeights(options.sampleWeight, t.length, where);
  const classes = uniqueLabels(t);
  const ap = (pos: number[], sc: number[], w: number[] | undefined) => {
    const { precision, recall } = precisionRecallCurve(pos, sc, { sampleWeight: w });
    let s = 0;
    for (let i = 0; i < recall.length - 1; i++) s += (recall[i + 1] - recall[i]) * precision[i];
    return Math.max(0, -s);
  };
  if (classes.length <= 2) {
    const posLabel = options.posLabel ?? 1;
    if (classes.length === 2 && !classes.includes(posLabel)) throw new RangeError(`${where}: posLabel=${JSON.stringify(posLabel)} is not a valid label; it should be one of ${formatLabels(classes)}`);
    if (table.cols !== 1) throw new RangeError(`${where}: binary yTrue needs one score per sample, got ${table.cols} columns`);
    return ap(t.map((l) => (l === posLabel ? 1 : 0)), Array.from(table.data), weights);
  }
  if (options.posLabel !== undefined && options.posLabel !== 1) throw new RangeError(`${where}: posLabel is fixed to 1 for multiclass yTrue; do not set it`);
  if (table.cols !== classes.length) throw new RangeError(`${where}: yScore needs shape [n, ${classes.length}] since yTrue has ${classes.length} classes, got ${table.cols} columns`);
  const indicator = classes.map((l) => t.map((x) => (x === l ? 1 : 0)));
  const columns = classes.map((_, j) => Array.from({ length: table.rows }, (_, i) => table.data[i * table.cols + j]));
  return averageBinaryScore(ap, indicator, columns, options.average === undefined ? "macro" : options.average, weights);
}
