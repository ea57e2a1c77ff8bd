/**
 * Conversions between the inputs users pass (tensors, nested arrays, label lists) and the
 * plain float64 matrices the data utilities work on. Every conversion checks its input and
 * names the function and argument in its errors.
 */
import { Tensor, type NestedArray } from "../tensor/tensor";
import { tensor } from "../tensor/creation";
import type { DType } from "../tensor/dtype";
import { gatherRows } from "../ops/shape-ops";
import { noGrad } from "../tensor/autograd";

/** Data a data utility accepts: a tensor or nested number arrays, samples along the first axis. */
export type ArrayLike2D = Tensor | NestedArray;

/** A row-major float64 matrix: `rows` samples × `cols` features. */
export interface Matrix {
  /** Values, row-major. */
  data: Float64Array;
  /** Number of samples. */
  rows: number;
  /** Number of features. */
  cols: number;
  /** dtype of the tensor it came from (the default dtype for nested arrays). */
  dtype?: DType;
}

/** A class label: a number or a string. */
export type Label = number | string;

/** Number of samples (length of the first axis) of a tensor or array. */
export function numSamples(a: ArrayLike2D | readonly unknown[], where: string, argument: string): number {
  if (a instanceof Tensor) {
    if (a.rank < 1) throw new RangeError(`${where}: ${argument} must have at least one axis (samples first), got a scalar tensor`);
    return a.shape[0];
  }
  if (!Array.isArray(a)) throw new TypeError(`${where}: ${argument} must be a tensor or an array, got ${typeof a}`);
  return a.length;
}

/** Rows `indices` of a tensor (a tensor) or of an array (an array). */
export function takeRows<T extends ArrayLike2D | readonly unknown[]>(a: T, indices: readonly number[]): T {
  if (a instanceof Tensor) return noGrad(() => gatherRows(a, indices)) as T;
  const arr = a as readonly unknown[];
  return indices.map((i) => arr[i]) as unknown as T;
}

/**
 * A float64 matrix from a 2-D tensor or nested arrays (a 1-D input is one feature per
 * sample). Refuses NaN/Inf unless `allowNaN` (the imputer needs NaN).
 */
export function toMatrix(x: ArrayLike2D, where: string, argument = "x", options: { allowNaN?: boolean } = {}): Matrix {
  let t: Tensor;
  if (x instanceof Tensor) t = x;
  else {
    if (!Array.isArray(x)) throw new TypeError(`${where}: ${argument} must be a tensor or nested number arrays, got ${typeof x}`);
    if (x.length === 0) throw new RangeError(`${where}: ${argument} has no samples`);
    t = tensor(x as NestedArray, { dtype: "float64" });
  }
  if (t.rank === 1) t = new Tensor(t.data, [t.shape[0], 1]);
  if (t.rank !== 2) throw new RangeError(`${where}: ${argument} must be 2-D [samples, features], got shape [${t.shape.join(", ")}]`);
  if (t.shape[0] === 0) throw new RangeError(`${where}: ${argument} has no samples`);
  const data = Float64Array.from(t.data);
  if (!options.allowNaN) {
    for (let i = 0; i < data.length; i++) {
      if (!Number.isFinite(data[i])) {
        const r = Math.floor(i / t.shape[1]);
        throw new RangeError(`${where}: ${argument} contains ${data[i]} at row ${r}, column ${i - r * t.shape[1]}; NaN and Inf are not allowed (use simpleImputer for missing values)`);
      }
    }
  }
  return { data, rows: t.shape[0], cols: t.shape[1], dtype: x instanceof Tensor ? x.dtype : undefined };
}

/** A tensor `[rows, cols]` from a matrix, in `dtype` (float32 unless the matrix says otherwise). */
export function fromMatrix(m: Matrix, dtype: DType = m.dtype ?? "float32"): Tensor {
  return tensor(dtype === "float64" ? m.data : Float32Array.from(m.data), { shape: [m.rows, m.cols], dtype });
}

/** A list of labels from a 1-D tensor, a `[n, 1]` tensor, or an array of numbers/strings. */
export function toLabels(y: Tensor | readonly Label[] | NestedArray, where: string, argument = "y"): Label[] {
  if (y instanceof Tensor) {
    if (y.rank === 1 || (y.rank === 2 && y.shape[1] === 1)) return Array.from(y.data);
    throw new RangeError(`${where}: ${argument} must be 1-D labels (or [n, 1]), got shape [${y.shape.join(", ")}]`);
  }
  if (!Array.isArray(y)) throw new TypeError(`${where}: ${argument} must be a tensor or an array of labels, got ${typeof y}`);
  return (y as unknown[]).map((v, i) => {
    const value = Array.isArray(v) && v.length === 1 ? v[0] : v;
    if (typeof value === "string") return value;
    if (typeof value === "number") {
      if (Number.isNaN(value)) throw new RangeError(`${where}: ${argument}[${i}] is NaN; labels must be numbers or strings`);
      return value;
    }
    throw new TypeError(`${where}: ${argument}[${i}] must be a number or a string, got ${Array.isArray(v) ? "an array" : typeof v}`);
  });
}

/** Throws unless `x` and `y` have the same number of samples. */
export function assertSameLength(nx: number, ny: number, where: string, xName = "x", yName = "y"): void {
  if (nx !== ny) throw new RangeError(`${where}: ${xName} has ${nx} samples but ${yName} has ${ny}; they must match`);
}

/**
 * Classes in order of first appearance with, for each sample, its class index. Numbers
 * and strings sort the way sklearn's `np.unique` does when `sorted` is set.
 */
export function encodeClasses(labels: readonly Label[], sorted = false): { classes: Label[]; codes: number[] } {
  let classes = [...new Set(labels)];
  if (sorted) classes = sortLabels(classes);
  const index = new Map(classes.map((c, i) => [c, i] as const));
  return { classes, codes: labels.map((l) => index.get(l)!) };
}

/** Labels sorted as NumPy sorts them: numbers ascending, strings by code unit. */
export function sortLabels<T extends Label>(labels: readonly T[]): T[] {
  return [...labels].sort((a, b) => {
    if (typeof a === "number" && typeof b === "number") return a - b;
    const sa = String(a), sb = String(b);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  });
}
