/**
 * Accuracy metrics (Keras's `binary_accuracy`, `categorical_accuracy`,
 * `sparse_categorical_accuracy`): per-sample functions and their stateful forms.
 * `"accuracy"` in `compile` picks one of the three from the data's shapes, as Keras 3.
 */
import { Tensor } from "../tensor/tensor";
import { allocate } from "../tensor/dtype";
import { shapeToString } from "../tensor/shape";
import { Metric, MeanMetricWrapper, checkBatch, type MetricDirection } from "./metric";

/** Width of the last axis (1 for a vector of one value per sample). */
function lastDim(t: Tensor): number {
  return t.rank <= 1 ? 1 : t.shape[t.rank - 1];
}

function checkSameShape(where: string, yTrue: Tensor, yPred: Tensor): void {
  checkBatch(where, yTrue, yPred);
  if (yTrue.size !== yPred.size) {
    throw new RangeError(`${where}: yTrue has shape ${shapeToString(yTrue.shape)} but yPred has shape ${shapeToString(yPred.shape)}; they must match`);
  }
}

/** One value per row of the last axis, computed by `f(start, width)` over flat indices. */
function perRow(yPred: Tensor, f: (start: number, width: number) => number): Tensor {
  const width = lastDim(yPred);
  const rows = yPred.size / width;
  const out = allocate("float32", rows);
  for (let r = 0; r < rows; r++) out[r] = f(r * width, width);
  return new Tensor(out, yPred.rank <= 1 ? [rows] : yPred.shape.slice(0, -1));
}

/** Index of the largest value in `a[start, start + width)` (first one on ties, as argmax). */
function argmax(a: ArrayLike<number>, start: number, width: number): number {
  let best = start;
  for (let j = start + 1; j < start + width; j++) if (a[j] > a[best]) best = j;
  return best - start;
}

/**
 * Per sample: the fraction of outputs on the right side of `threshold`
 * (prediction > threshold counts as 1), averaged over the last axis.
 * Returns a tensor with one value per sample.
 */
export function binaryAccuracy(yTrue: Tensor, yPred: Tensor, threshold = 0.5): Tensor {
  checkSameShape("binaryAccuracy", yTrue, yPred);
  const t = yTrue.data;
  const p = yPred.data;
  return perRow(yPred, (start, width) => {
    let hits = 0;
    for (let j = start; j < start + width; j++) hits += (p[j] > threshold ? 1 : 0) === t[j] ? 1 : 0;
    return hits / width;
  });
}

/** Per sample: 1 where argmax(yPred) equals argmax(yTrue) of the one-hot target, else 0. */
export function categoricalAccuracy(yTrue: Tensor, yPred: Tensor): Tensor {
  checkSameShape("categoricalAccuracy", yTrue, yPred);
  return perRow(yPred, (start, width) => (argmax(yPred.data, start, width) === argmax(yTrue.data, start, width) ? 1 : 0));
}

/**
 * Per sample: 1 where argmax(yPred) equals the integer label in yTrue (shape [batch] or
 * [batch, 1]), else 0.
 */
export function sparseCategoricalAccuracy(yTrue: Tensor, yPred: Tensor): Tensor {
  checkBatch("sparseCategoricalAccuracy", yTrue, yPred);
  const width = lastDim(yPred);
  if (yTrue.size * width !== yPred.size) {
    throw new RangeError(`sparseCategoricalAccuracy: yTrue needs one integer label per sample (shape ${shapeToString(yPred.shape.slice(0, -1))}), got shape ${shapeToString(yTrue.shape)} for predictions of shape ${shapeToString(yPred.shape)}`);
  }
  let r = 0;
  return perRow(yPred, (start) => (argmax(yPred.data, start, width) === yTrue.data[r++] ? 1 : 0));
}

const UP: MetricDirection = "up";

/** Stateful binary accuracy (Keras's `BinaryAccuracy`). */
export class BinaryAccuracy extends MeanMetricWrapper {
  constructor(args: { name?: string; threshold?: number } = {}) {
    const threshold = args.threshold ?? 0.5;
    super(args.name ?? "binary_accuracy", (t, p) => binaryAccuracy(t, p, threshold), UP, "BinaryAccuracy");
  }
}

/** Stateful categorical accuracy (Keras's `CategoricalAccuracy`). */
export class CategoricalAccuracy extends MeanMetricWrapper {
  constructor(args: { name?: string } = {}) {
    super(args.name ?? "categorical_accuracy", categoricalAccuracy, UP, "CategoricalAccuracy");
  }
}

/** Stateful sparse categorical accuracy (Keras's `SparseCategoricalAccuracy`). */
export class SparseCategoricalAccuracy extends MeanMetricWrapper {
  constructor(args: { name?: string } = {}) {
    super(args.name ?? "sparse_categorical_accuracy", sparseCategoricalAccuracy, UP, "SparseCategoricalAccuracy");
  }
}

/** Which accuracy `"accuracy"` means for these shapes (Keras 3's `is_binary_or_sparse_categorical`). */
export function accuracyKind(yTrue: Tensor, yPred: Tensor): "binary" | "sparse" | "categorical" {
  const predLast = lastDim(yPred);
  if (predLast === 1) return "binary";
  const sparse = yTrue.rank < yPred.rank || (lastDim(yTrue) === 1 && predLast > 1);
  return sparse ? "sparse" : "categorical";
}

/**
 * `"accuracy"` / `"acc"` in `compile`: binary, sparse categorical or categorical accuracy,
 * chosen on the first batch from the shapes as Keras 3 does (one output unit → binary;
 * integer labels, i.e. yTrue of lower rank or width 1 against several outputs → sparse;
 * else categorical). So sparseCategoricalCrossentropy with integer labels gets sparse
 * accuracy and a one-unit sigmoid output gets binary accuracy.
 */
export class Accuracy extends Metric {
  readonly className = "Accuracy";
  readonly direction: MetricDirection = UP;
  /** The accuracy chosen on the first batch (undefined before). */
  resolved?: MeanMetricWrapper;

  constructor(args: { name?: string } = {}) {
    super(args.name ?? "accuracy");
  }

  updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor | ArrayLike<number>): void {
    if (!this.resolved) {
      const kind = accuracyKind(yTrue, yPred);
      const args = { name: this.name };
      this.resolved = kind === "binary" ? new BinaryAccuracy(args) : kind === "sparse" ? new SparseCategoricalAccuracy(args) : new CategoricalAccuracy(args);
    }
    this.resolved.updateState(yTrue, yPred, sampleWeight);
  }

  result(): number {
    return this.resolved ? this.resolved.result() : 0;
  }

  resetState(): void {
    this.resolved?.resetState();
  }
}
