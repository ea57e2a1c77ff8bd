/**
 * The two forms of every loss, as in Keras:
 *  - the function `nn.losses.meanSquaredError(yTrue, yPred, options?)` returns one loss per
 *    sample (the mean over the last axis), which is what the training loop averages;
 *  - the object `nn.losses.meanSquaredError({ reduction: "sum" })` (a {@link Loss}) remembers
 *    its options and reduces: `loss.call(yTrue, yPred, sampleWeight?)` → one number.
 * `definedLoss` makes one overloaded function serve both, so each loss is written once.
 */
import { Tensor, type NestedArray } from "../tensor/tensor";
import { tensor } from "../tensor/creation";
import { shapeToString, shapesEqual } from "../tensor/shape";
import * as ops from "../ops";

/** Per-sample loss: shape [batch] (the leading dims of the inputs). */
export type LossFn = (yTrue: Tensor, yPred: Tensor) => Tensor;

/**
 * How {@link Loss.call} combines per-sample losses (Keras 3's names):
 * `"sum_over_batch_size"` (default) and `"mean"` divide the (weighted) sum by the number of
 * loss values; `"mean_with_sample_weight"` divides by the sum of the sample weights;
 * `"sum"` sums; `"none"` (or `null`) returns the per-sample losses.
 */
export type Reduction = "sum_over_batch_size" | "mean" | "mean_with_sample_weight" | "sum" | "none" | null;

const REDUCTIONS: readonly Reduction[] = ["sum_over_batch_size", "mean", "mean_with_sample_weight", "sum", "none", null];

/** Options every loss object accepts, besides the loss's own. */
export interface LossObjectOptions {
  /** Defaults to `"sum_over_batch_size"`, as in Keras. */
  reduction?: Reduction;
}

/** Targets or predictions: a tensor, or nested numbers (converted in the predictions' dtype). */
export type LossInput = Tensor | NestedArray;

/** The per-sample computation of a loss, with its own options (already validated). */
// Declared through a method so its parameters are bivariant: a `Loss<CrossentropyOptions>` must
// stay assignable to `Loss<any>` (what `compile({ loss })` accepts) under strictFunctionTypes.
export type PerSampleLoss<O> = { bivariant(yTrue: Tensor, yPred: Tensor, options: Required<O>): Tensor }["bivariant"];

/**
 * A configured loss (Keras's `keras.losses.Loss`): holds the options and the reduction.
 * Pass it to `compile({ loss })`, or call it directly.
 */
export class Loss<O extends object = object> {
  /** The canonical id ("binaryCrossentropy"); metrics like "accuracy" are picked from it. */
  readonly name: string;
  /** How per-sample losses are combined (default "sum_over_batch_size", as Keras). */
  readonly reduction: Reduction;
  /** The loss's own options with defaults filled in (e.g. `{ fromLogits: false, labelSmoothing: 0 }`). */
  readonly options: Required<O>;
  private readonly compute: PerSampleLoss<O>;

  /**
   * @param name canonical id, used in error messages and to pick metrics.
   * @param compute per-sample losses from (yTrue, yPred, options).
   * @param options the loss's options (validated by the caller) and `reduction`.
   */
  constructor(name: string, compute: PerSampleLoss<O>, options: Required<O>, reduction: Reduction = "sum_over_batch_size") {
    if (!REDUCTIONS.includes(reduction)) {
      throw new RangeError(`${name}: reduction must be one of ${REDUCTIONS.map((r) => JSON.stringify(r)).join(", ")}, got ${JSON.stringify(reduction)}`);
    }
    this.name = name;
    this.compute = compute;
    this.options = options;
    this.reduction = reduction;
  }

  /** One loss per sample (no reduction, no weights): Keras's `Loss.call`. */
  perSample(yTrue: LossInput, yPred: LossInput): Tensor {
    const [t, p] = asTensors(this.name, yTrue, yPred);
    return this.compute(t, p, this.options);
  }

  /**
   * The reduced loss. `sampleWeight` is a scalar, or has the shape of the per-sample losses
   * (e.g. [batch] or [batch, 1]), or a prefix of it (broadcast over the trailing dims).
   */
  call(yTrue: LossInput, yPred: LossInput, sampleWeight?: LossInput): Tensor {
    const values = this.perSample(yTrue, yPred);
    const weights = sampleWeight === undefined ? undefined : alignWeights(this.name, values, asTensor(sampleWeight, values));
    return reduceLosses(weights ? ops.mul(values, weights) : values, weights, this.reduction);
  }

  /** Options and reduction, enough for {@link lossFromConfig}. */
  getConfig(): {
    /** The loss's id, e.g. "meanSquaredError". */
    name: string;
    /** Its reduction. */
    reduction: Reduction;
  } & Required<O> {
    return { name: this.name, reduction: this.reduction, ...this.options };
  }
}

/** Keras's `reduce_values`: sums, then divides by the element count (or the weight sum). */
function reduceLosses(values: Tensor, weights: Tensor | undefined, reduction: Reduction): Tensor {
  if (reduction === null || reduction === "none" || values.rank === 0) return values;
  const total = ops.sum(values);
  if (reduction === "sum") return total;
  const divisor = reduction === "mean_with_sample_weight" && weights ? ops.sum(weights).item() : values.size;
  // divide_no_nan: an empty batch or zero total weight gives 0, not NaN.
  return divisor === 0 ? ops.mul(total, 0) : ops.div(total, divisor);
}

/** Sample weights viewed so they multiply the per-sample losses elementwise (or broadcast). */
function alignWeights(loss: string, values: Tensor, weights: Tensor): Tensor {
  if (weights.size === 1) return ops.reshape(weights, []);
  const [w, v] = alignRanks(weights, values);
  if (shapesEqual(w.shape, v.shape)) return w;
  const isPrefix = w.rank < values.rank && w.shape.every((d, i) => d === values.shape[i]);
  if (isPrefix) return ops.reshape(w, [...w.shape, ...values.shape.slice(w.rank).map(() => 1)]);
  throw new RangeError(
    `${loss}: sampleWeight has shape ${shapeToString(weights.shape)} but the per-sample losses have shape ${shapeToString(values.shape)}; ` +
      `expected a scalar, ${shapeToString(values.shape)} or a leading part of it`,
  );
}

/**
 * Keras's `squeeze_or_expand_to_same_rank`: when ranks differ by one and the longer tensor
 * ends in 1, [batch] and [batch, 1] are made to agree (the rank-1 one gains the axis).
 */
export function alignRanks(a: Tensor, b: Tensor): [Tensor, Tensor] {
  if (a.rank === b.rank + 1 && a.shape[a.rank - 1] === 1) {
    return b.rank === 1 ? [a, ops.reshape(b, [...b.shape, 1])] : [ops.reshape(a, a.shape.slice(0, -1)), b];
  }
  if (b.rank === a.rank + 1 && b.shape[b.rank - 1] === 1) {
    return a.rank === 1 ? [ops.reshape(a, [...a.shape, 1]), b] : [a, ops.reshape(b, b.shape.slice(0, -1))];
  }
  return [a, b];
}

/**
 * Aligns [batch] with [batch, 1] and then requires equal shapes: a clear error instead of the
 * silent [batch] × [batch, 1] → [batch, batch] broadcast that wrecks training.
 */
export function sameShape(loss: string, yTrue: Tensor, yPred: Tensor): [Tensor, Tensor] {
  const [t, p] = alignRanks(yTrue, yPred);
  if (!shapesEqual(t.shape, p.shape)) {
    throw new RangeError(`${loss}: targets have shape ${shapeToString(yTrue.shape)} but predictions have shape ${shapeToString(yPred.shape)}`);
  }
  return [t, p];
}

function asTensor(x: LossInput, like: Tensor): Tensor {
  return x instanceof Tensor ? x : tensor(x, { dtype: like.dtype });
}

function asTensors(loss: string, yTrue: LossInput, yPred: LossInput): [Tensor, Tensor] {
  for (const [arg, v] of [["yTrue", yTrue], ["yPred", yPred]] as const) {
    if (!(v instanceof Tensor) && typeof v !== "number" && !Array.isArray(v)) {
      throw new TypeError(`${loss}: ${arg} must be a Tensor or nested arrays of numbers, got ${v === null ? "null" : typeof v}`);
    }
  }
  const p = yPred instanceof Tensor ? yPred : tensor(yPred, { dtype: yTrue instanceof Tensor ? yTrue.dtype : undefined });
  return [asTensor(yTrue, p), p];
}

/**
 * A loss as an overloaded function: with tensors it computes per-sample losses, with an options
 * object (or nothing) it returns a configured {@link Loss}.
 */
export interface LossFunction<O extends object> {
  /** Per-sample losses, shape [batch]. */
  (yTrue: LossInput, yPred: LossInput, options?: O): Tensor;
  /** A configured loss object for `compile({ loss })` or `loss.call(yTrue, yPred, sampleWeight)`. */
  (options?: O & LossObjectOptions): Loss<O>;
}

/**
 * Builds the overloaded function for one loss.
 * @param name canonical id (the function's `name`, the registry key).
 * @param compute per-sample losses from aligned inputs and validated options.
 * @param withDefaults validates options and fills in defaults; errors name the loss and option.
 */
export function definedLoss<O extends object>(
  name: string,
  compute: PerSampleLoss<O>,
  withDefaults: (options: O) => Required<O>,
): LossFunction<O> {
  function loss(first?: LossInput | (O & LossObjectOptions), yPred?: LossInput, options?: O): Tensor | Loss<O> {
    const isData = first instanceof Tensor || Array.isArray(first) || typeof first === "number";
    if (isData) {
      if (yPred === undefined) throw new TypeError(`${name}: expected (yTrue, yPred), got only one tensor`);
      const [t, p] = asTensors(name, first as LossInput, yPred);
      return compute(t, p, withDefaults(checkOptions(name, options ?? ({} as O))));
    }
    const { reduction, ...own } = checkOptions(name, (first ?? {}) as O & LossObjectOptions);
    return new Loss<O>(name, compute, withDefaults(own as O), reduction === undefined ? "sum_over_batch_size" : reduction);
  }
  Object.defineProperty(loss, "name", { value: name });
  return loss as LossFunction<O>;
}

function checkOptions<T>(name: string, options: T): T {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${name}: options must be an object, got ${options === null ? "null" : typeof options}`);
  }
  return options;
}

/** Keras's fuzz factor: probabilities are clipped to [ε, 1 − ε] before taking logs. */
export const EPSILON = 1e-7;

/** Option validation shared by the losses: a finite number within [min, max]. */
export function numberOption(loss: string, option: string, value: unknown, min: number, max: number, fallback: number): number {
  const v = value === undefined ? fallback : value;
  if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) {
    const range = max === Infinity ? `≥ ${min}` : `in [${min}, ${max}]`;
    throw new RangeError(`${loss}: ${option} must be a number ${range}, got ${JSON.stringify(value)}`);
  }
  return v;
}

/** Option validation shared by the losses: a boolean. */
export function booleanOption(loss: string, option: string, value: unknown, fallback: boolean): boolean {
  const v = value === undefined ? fallback : value;
  if (typeof v !== "boolean") throw new TypeError(`${loss}: ${option} must be true or false, got ${JSON.stringify(value)}`);
  return v;
}
