/**
 * Precision and recall at a decision threshold (Keras's `Precision`, `Recall`): a
 * prediction counts as positive when it is strictly greater than the threshold (0.5),
 * a target counts as positive when it is non-zero. The stateful forms count true/false
 * positives and false negatives over every batch, so an epoch's value is exact rather
 * than an average of batch values.
 */
import type { Tensor, NestedArray } from "../tensor/tensor";
import { shapeToString } from "../tensor/shape";
import { Metric, checkBatch, sampleCount, sampleWeights, type MetricDirection } from "./metric";
import { toTensor } from "../tensor/creation";

/**
 * Calls `visit(isPositive, prediction, weight)` for every element, with each sample's
 * weight applying to all of its outputs (multi-label rows count element by element).
 */
export function forEachLabel(
  where: string, yTrue: Tensor, yPred: Tensor, sampleWeight: Tensor | ArrayLike<number> | undefined,
  visit: (isPositive: boolean, prediction: number, weight: number) => void,
): void {
  checkBatch(where, yTrue, yPred);
  if (yTrue.size !== yPred.size) {
    throw new RangeError(`${where}: yTrue has shape ${shapeToString(yTrue.shape)} but yPred has shape ${shapeToString(yPred.shape)}; they must match`);
  }
  const samples = sampleCount(yPred);
  const weights = sampleWeights(where, sampleWeight, samples);
  const per = samples === 0 ? 0 : yPred.size / samples;
  const t = yTrue.data;
  const p = yPred.data;
  for (let i = 0; i < p.length; i++) visit(t[i] !== 0, p[i], weights ? weights[Math.floor(i / per)] : 1);
}

function checkThreshold(where: string, threshold: number): number {
  if (typeof threshold !== "number" || !(threshold >= 0 && threshold <= 1)) throw new RangeError(`${where}: threshold must be a number in [0, 1], got ${JSON.stringify(threshold)}`);
  return threshold;
}

/** Shared state of precision and recall: weighted counts at one threshold. */
abstract class ThresholdCounts extends Metric {
  readonly direction: MetricDirection = "up";
  /** Predictions strictly greater than this count as positive (default 0.5). */
  readonly threshold: number;
  /** Weighted count of predictions > threshold whose target is positive. */
  truePositives = 0;
  /** Weighted count of predictions > threshold whose target is 0. */
  falsePositives = 0;
  /** Weighted count of predictions ≤ threshold whose target is positive. */
  falseNegatives = 0;

  constructor(name: string, threshold: number) {
    super(name);
    this.threshold = checkThreshold(name, threshold);
  }

  updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor | ArrayLike<number>): void {
    forEachLabel(this.name, yTrue, yPred, sampleWeight, (positive, p, w) => {
      if (p > this.threshold) {
        if (positive) this.truePositives += w;
        else this.falsePositives += w;
      } else if (positive) this.falseNegatives += w;
    });
  }

  resetState(): void {
    this.truePositives = 0;
    this.falsePositives = 0;
    this.falseNegatives = 0;
  }

  override getConfig(): { [key: string]: unknown } {
    return { ...super.getConfig(), threshold: this.threshold };
  }
}

/** TP / (TP + FP); 0 when nothing was predicted positive (Keras's divide_no_nan). */
export class Precision extends ThresholdCounts {
  readonly className = "Precision";

  constructor(args: { name?: string; threshold?: number } = {}) {
    super(args.name ?? "precision", args.threshold ?? 0.5);
  }

  result(): number {
    const d = this.truePositives + this.falsePositives;
    return d === 0 ? 0 : this.truePositives / d;
  }
}

/** TP / (TP + FN); 0 when there are no positive targets (Keras's divide_no_nan). */
export class Recall extends ThresholdCounts {
  readonly className = "Recall";

  constructor(args: { name?: string; threshold?: number } = {}) {
    super(args.name ?? "recall", args.threshold ?? 0.5);
  }

  result(): number {
    const d = this.truePositives + this.falseNegatives;
    return d === 0 ? 0 : this.truePositives / d;
  }
}

/**
 * Precision of `yPred` against `yTrue` over all samples, as one number:
 * TP / (TP + FP) with predictions > `threshold` counted positive.
 * `nn.metrics.precision([[1], [0]], [[0.9], [0.8]])` → 0.5.
 */
export function precision(yTrue: Tensor | NestedArray, yPred: Tensor | NestedArray, options: { threshold?: number; sampleWeight?: ArrayLike<number> } = {}): number {
  const m = new Precision({ threshold: options.threshold });
  m.updateState(toTensor(yTrue, "precision: yTrue"), toTensor(yPred, "precision: yPred"), options.sampleWeight);
  return m.result();
}

/**
 * Recall of `yPred` against `yTrue` over all samples, as one number:
 * TP / (TP + FN) with predictions > `threshold` counted positive.
 */
export function recall(yTrue: Tensor | NestedArray, yPred: Tensor | NestedArray, options: { threshold?: number; sampleWeight?: ArrayLike<number> } = {}): number {
  const m = new Recall({ threshold: options.threshold });
  m.updateState(toTensor(yTrue, "recall: yTrue"), toTensor(yPred, "recall: yPred"), options.sampleWeight);
  return m.result();
}
