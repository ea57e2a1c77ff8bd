/**
 * Area under the ROC or precision–recall curve, as Keras's `AUC`: confusion counts at
 * `numThresholds` (200) evenly spaced thresholds — 0 − ε, 1/(n−1), …, (n−2)/(n−1), 1 + ε —
 * accumulated over every batch, then a Riemann sum with trapezoidal ("interpolation")
 * heights for ROC, and Davis & Goadrich's interpolation for PR. Counting uses Keras's
 * bucket formula (ceil(p·(n−1)) − 1 on predictions clipped to [0, 1]), so results match
 * Keras at the thresholds' edges too.
 */
import type { Tensor, NestedArray } from "../tensor/tensor";
import { toTensor } from "../tensor/creation";
import { Metric, type MetricDirection } from "./metric";
import { forEachLabel } from "./confusion";

/** Keras's backend epsilon, padding the outermost thresholds. */
const EPSILON = 1e-7;

/** Options of {@link AUC} (Keras's names in camelCase). */
export interface AUCArgs {
  /** Log name (default "auc"). */
  name?: string;
  /** Number of thresholds (default 200, Keras's); must be > 1. */
  numThresholds?: number;
  /** "ROC" (default) or "PR". */
  curve?: "ROC" | "PR";
  /** Heights of the Riemann sum: "interpolation" (default, trapezoids), "minoring", "majoring". */
  summationMethod?: "interpolation" | "minoring" | "majoring";
}

const divideNoNan = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** Stateful area under the ROC or PR curve, as Keras's `AUC` (200 thresholds, interpolation). */
export class AUC extends Metric {
  readonly className = "AUC";
  readonly direction: MetricDirection = "up";
  /** Number of thresholds the curve is sampled at (default 200). */
  readonly numThresholds: number;
  /** "ROC" (TPR against FPR) or "PR" (precision against recall). */
  readonly curve: "ROC" | "PR";
  /** How the area between thresholds is summed: "interpolation" (trapezoids), "minoring" or "majoring". */
  readonly summationMethod: "interpolation" | "minoring" | "majoring";
  /** The thresholds, ascending: [−ε, 1/(n−1), …, (n−2)/(n−1), 1 + ε]. */
  readonly thresholds: number[];
  /** Weighted counts per threshold (prediction > threshold counts positive). */
  readonly truePositives: Float64Array;
  /** Weighted false positives per threshold. */
  readonly falsePositives: Float64Array;
  /** Weighted true negatives per threshold. */
  readonly trueNegatives: Float64Array;
  /** Weighted false negatives per threshold. */
  readonly falseNegatives: Float64Array;

  constructor(args: AUCArgs = {}) {
    super(args.name ?? "auc");
    const n = args.numThresholds ?? 200;
    if (!Number.isInteger(n) || n <= 1) throw new RangeError(`${this.name}: numThresholds must be an integer > 1, got ${JSON.stringify(n)}`);
    const curve = args.curve ?? "ROC";
    if (curve !== "ROC" && curve !== "PR") throw new RangeError(`${this.name}: curve must be "ROC" or "PR", got ${JSON.stringify(curve)}`);
    const summation = args.summationMethod ?? "interpolation";
    if (!["interpolation", "minoring", "majoring"].includes(summation)) {
      throw new RangeError(`${this.name}: summationMethod must be "interpolation", "minoring" or "majoring", got ${JSON.stringify(summation)}`);
    }
    this.numThresholds = n;
    this.curve = curve;
    this.summationMethod = summation;
    this.thresholds = [0 - EPSILON, ...Array.from({ length: n - 2 }, (_, i) => (i + 1) / (n - 1)), 1 + EPSILON];
    this.truePositives = new Float64Array(n);
    this.falsePositives = new Float64Array(n);
    this.trueNegatives = new Float64Array(n);
    this.falseNegatives = new Float64Array(n);
  }

  updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor | ArrayLike<number>): void {
    const n = this.numThresholds;
    // Weighted labels per bucket; a prediction in bucket b exceeds thresholds 0..b.
    const posBucket = new Float64Array(n);
    const negBucket = new Float64Array(n);
    let positives = 0;
    let negatives = 0;
    forEachLabel(this.name, yTrue, yPred, sampleWeight, (positive, p, w) => {
      const clipped = Math.min(Math.max(p, 0), 1);
      // Keras computes this product in float32; fround keeps bucket edges identical.
      const bucket = Math.max(Math.ceil(Math.fround(clipped * (n - 1))) - 1, 0);
      if (positive) {
        posBucket[bucket] += w;
        positives += w;
      } else {
        negBucket[bucket] += w;
        negatives += w;
      }
    });
    let tp = 0;
    let fp = 0;
    for (let i = n - 1; i >= 0; i--) {
      tp += posBucket[i];
      fp += negBucket[i];
      this.truePositives[i] += tp;
      this.falsePositives[i] += fp;
      this.falseNegatives[i] += positives - tp;
      this.trueNegatives[i] += negatives - fp;
    }
  }

  result(): number {
    if (this.curve === "PR" && this.summationMethod === "interpolation") return this.interpolatePrAuc();
    const n = this.numThresholds;
    const tp = this.truePositives;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const recall = divideNoNan(tp[i], tp[i] + this.falseNegatives[i]);
      if (this.curve === "ROC") {
        x[i] = divideNoNan(this.falsePositives[i], this.falsePositives[i] + this.trueNegatives[i]);
        y[i] = recall;
      } else {
        x[i] = recall;
        y[i] = divideNoNan(tp[i], tp[i] + this.falsePositives[i]);
      }
    }
    let area = 0;
    for (let i = 0; i < n - 1; i++) {
      const height =
        this.summationMethod === "interpolation" ? (y[i] + y[i + 1]) / 2
        : this.summationMethod === "minoring" ? Math.min(y[i], y[i + 1])
        : Math.max(y[i], y[i + 1]);
      area += (x[i] - x[i + 1]) * height;
    }
    return area;
  }

  /**
   * PR-AUC with precision interpolated between thresholds (Davis & Goadrich 2006, in
   * Keras's closed form): Σ slope·(ΔTP + intercept·log(P_A / P_B)) / (TP_B + FN_B).
   */
  private interpolatePrAuc(): number {
    const tp = this.truePositives;
    const p = Array.from(tp, (v, i) => v + this.falsePositives[i]);
    let area = 0;
    for (let i = 0; i < this.numThresholds - 1; i++) {
      const dtp = tp[i] - tp[i + 1];
      const dp = p[i] - p[i + 1];
      const slope = divideNoNan(dtp, Math.max(dp, 0));
      const intercept = tp[i + 1] - slope * p[i + 1];
      const ratio = p[i] > 0 && p[i + 1] > 0 ? divideNoNan(p[i], Math.max(p[i + 1], 0)) : 1;
      area += divideNoNan(slope * (dtp + intercept * Math.log(ratio)), Math.max(tp[i + 1] + this.falseNegatives[i + 1], 0));
    }
    return area;
  }

  resetState(): void {
    for (const a of [this.truePositives, this.falsePositives, this.trueNegatives, this.falseNegatives]) a.fill(0);
  }

  override getConfig(): { [key: string]: unknown } {
    return { ...super.getConfig(), numThresholds: this.numThresholds, curve: this.curve, summationMethod: this.summationMethod };
  }
}

/**
 * Keras's AUC of `yPred` against `yTrue` over all samples, as one number
 * (ROC by default; `{ curve: "PR" }` for the precision–recall curve).
 */
export function auc(yTrue: Tensor | NestedArray, yPred: Tensor | NestedArray, options: Omit<AUCArgs, "name"> & { sampleWeight?: ArrayLike<number> } = {}): number {
  const m = new AUC(options);
  m.updateState(toTensor(yTrue, "auc: yTrue"), toTensor(yPred, "auc: yPred"), options.sampleWeight);
  return m.result();
}
