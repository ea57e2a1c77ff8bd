/**
 * Keras-style stateful metrics: `updateState(yTrue, yPred, sampleWeight?)` accumulates
 * over batches, `result()` reads the value, `resetState()` starts again. `fit` resets
 * them at each epoch's start, so an epoch's precision or AUC is computed over all of
 * its samples rather than averaged per batch (as Keras 3 does).
 */
import type { Tensor } from "../tensor/tensor";
import { shapeToString } from "../tensor/shape";

/** A per-sample metric function: (yTrue, yPred) → one value per sample (Keras's functional metrics). */
export type MetricFn = (yTrue: Tensor, yPred: Tensor) => Tensor;

/** Whether larger values are better ("up": accuracy, AUC) or smaller ("down": mse). Callbacks' mode "auto" reads it. */
export type MetricDirection = "up" | "down";

/** The base of every stateful metric. */
export abstract class Metric {
  /** Keras class name, e.g. `Precision`. */
  abstract readonly className: string;
  /**
   * Whether larger is better; `earlyStopping({ mode: "auto" })` uses it. Undefined for
   * custom functions, where callbacks need an explicit mode (as Keras).
   */
  abstract readonly direction: MetricDirection | undefined;
  /** The key under which `fit`/`evaluate` log the value (`accuracy`, `val_accuracy`). */
  name: string;

  constructor(name: string) {
    this.name = name;
  }

  /** Accumulates one batch. `sampleWeight` has one weight per sample (row). */
  abstract updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor | ArrayLike<number>): void;

  /** The metric over everything accumulated since the last reset. */
  abstract result(): number;

  /** Forgets all accumulated state. */
  abstract resetState(): void;

  /** Plain-JSON description (Keras's `get_config()`), for saving compile configs. */
  getConfig(): { [key: string]: unknown } {
    return { name: this.name };
  }
}

/** Number of samples (rows of the first axis; a scalar counts as one). */
export function sampleCount(t: Tensor): number {
  return t.rank === 0 ? 1 : t.shape[0];
}

/**
 * The per-sample weights as a plain array, checked against the batch: one finite weight
 * ≥ 0 per sample. Undefined stays undefined (every sample weighs 1).
 */
export function sampleWeights(where: string, sampleWeight: Tensor | ArrayLike<number> | undefined, samples: number): ArrayLike<number> | undefined {
  if (sampleWeight === undefined) return undefined;
  const values = "data" in sampleWeight && "shape" in sampleWeight ? (sampleWeight as Tensor).data : (sampleWeight as ArrayLike<number>);
  if (values.length !== samples) {
    const shape = "shape" in sampleWeight ? shapeToString((sampleWeight as Tensor).shape) : `[${values.length}]`;
    throw new RangeError(`${where}: sampleWeight needs one weight per sample (${samples}), got shape ${shape}`);
  }
  for (let i = 0; i < values.length; i++) {
    if (!(values[i] >= 0) || !Number.isFinite(values[i])) throw new RangeError(`${where}: sample weights must be finite and ≥ 0, got ${values[i]} at index ${i}`);
  }
  return values;
}

/** Checks that yTrue and yPred describe the same number of samples. */
export function checkBatch(where: string, yTrue: Tensor, yPred: Tensor): void {
  if (sampleCount(yTrue) !== sampleCount(yPred)) {
    throw new RangeError(`${where}: yTrue has ${sampleCount(yTrue)} samples (shape ${shapeToString(yTrue.shape)}) but yPred has ${sampleCount(yPred)} (shape ${shapeToString(yPred.shape)})`);
  }
}

/**
 * The weighted mean of a value per sample (Keras's `Mean`): Σ wᵢ·vᵢ / Σ wᵢ over every
 * batch seen. `fit` tracks the loss with one, weighted by batch size.
 */
export class Mean extends Metric {
  readonly className: string = "Mean";
  readonly direction: MetricDirection | undefined = "down";
  /** Running (weighted) sum of the values seen since the last reset. */
  protected total = 0;
  /** Running (weighted) number of values seen since the last reset; the result is total / count. */
  protected count = 0;

  /** Adds `values` (one per sample, or one value standing for `weight` samples). */
  update(values: ArrayLike<number>, weights?: ArrayLike<number> | number): void {
    if (typeof weights === "number") {
      for (let i = 0; i < values.length; i++) this.total += values[i] * weights;
      this.count += weights * values.length;
      return;
    }
    for (let i = 0; i < values.length; i++) {
      const w = weights ? weights[i] : 1;
      this.total += values[i] * w;
      this.count += w;
    }
  }

  /** For a Mean, `yPred` holds the values; `yTrue` is ignored. */
  updateState(_yTrue: Tensor, values: Tensor, sampleWeight?: Tensor | ArrayLike<number>): void {
    this.update(values.data, sampleWeights(this.name, sampleWeight, values.size));
  }

  /** Σ wᵢ·vᵢ / Σ wᵢ, or 0 before anything was seen (Keras's divide_no_nan). */
  result(): number {
    return this.count === 0 ? 0 : this.total / this.count;
  }

  resetState(): void {
    this.total = 0;
    this.count = 0;
  }
}

/**
 * A stateful metric made from a per-sample function (Keras's `MeanMetricWrapper`): the
 * weighted mean of `fn(yTrue, yPred)` over every sample seen.
 */
export class MeanMetricWrapper extends Mean {
  override readonly className: string;
  override readonly direction: MetricDirection | undefined;

  /**
   * @param fn per-sample values (shape [batch]); larger-is-better is given by `direction`
   *   (undefined for custom functions).
   * @param className Keras class name, shown in configs.
   */
  constructor(name: string, readonly fn: MetricFn, direction: MetricDirection | undefined, className = "MeanMetricWrapper") {
    super(name);
    this.direction = direction;
    this.className = className;
  }

  override updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor | ArrayLike<number>): void {
    checkBatch(this.name, yTrue, yPred);
    const values = this.fn(yTrue, yPred);
    const samples = sampleCount(yPred);
    const weights = sampleWeights(this.name, sampleWeight, samples);
    if (weights && values.size !== samples) {
      // Values per sample and per further axis: each sample's weight applies to all of its values.
      const per = values.size / samples;
      for (let i = 0; i < values.size; i++) {
        const w = weights[Math.floor(i / per)];
        this.total += values.data[i] * w;
        this.count += w;
      }
      return;
    }
    this.update(values.data, weights);
  }
}
