/**
 * Checking and converting what the scikit-learn-style metrics are given. Values are read as
 * float64 numbers (a float32 tensor's values convert exactly), so results equal scikit-learn's
 * on the same numbers. Every message names the function, the argument, the expected and the actual.
 */
import { Tensor, type NestedArray } from "../../tensor/tensor";
import { shapeToString } from "../../tensor/shape";

/** A class label: a number (an integer, as scikit-learn's classifiers expect) or a string. */
export type Label = number | string;

/** One value per sample: an array, a typed array, or a tensor of shape [n] or [n, 1]. */
export type Vector<T extends Label = number> = readonly T[] | ArrayLike<T> | Tensor;

/** One row per sample: nested arrays or a tensor of shape [n, k] (or [n] for one column). */
export type Matrix = readonly (readonly number[])[] | Tensor | readonly number[] | ArrayLike<number>;

/** A matrix read as rows × columns, row-major. */
export interface Table {
  rows: number;
  cols: number;
  /** True when the input had one value per sample (a vector, not a matrix). */
  vector: boolean;
  data: Float64Array;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return `an array`;
  return typeof v;
}

/** A tensor as a list of per-sample values, or an error if it has more than one value per sample. */
function tensorVector(t: Tensor, argument: string, where: string): number[] {
  const ok = t.rank === 1 || (t.rank === 2 && t.shape[1] === 1);
  if (!ok) throw new RangeError(`${where}: ${argument} must have one value per sample (shape [n] or [n, 1]), got shape ${shapeToString(t.shape)}`);
  return Array.from(t.data);
}

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || ArrayBuffer.isView(v);
}

/** Rows of `[[a], [b]]` (one value each) flatten to `[a, b]`, as scikit-learn's `column_or_1d`. */
function flattenColumn(v: ArrayLike<unknown>, argument: string, where: string): unknown[] {
  const out = Array.from(v);
  if (out.length > 0 && Array.isArray(out[0])) {
    return out.map((row, i) => {
      if (!Array.isArray(row) || row.length !== 1) {
        throw new RangeError(`${where}: ${argument} must have one value per sample; row ${i} has ${Array.isArray(row) ? row.length : "no"} values (pass a vector, or a matrix [n, 1])`);
      }
      return row[0];
    });
  }
  return out;
}

/**
 * Class labels: numbers that are integers (a probability such as 0.7 is rejected with a hint:
 * threshold or arg-max predictions first) or strings, never NaN, never a mix.
 */
export function toLabels(v: Vector<Label>, argument: string, where: string): Label[] {
  let values: unknown[];
  if (v instanceof Tensor) values = tensorVector(v, argument, where);
  else if (isArrayLike(v)) values = flattenColumn(v, argument, where);
  else throw new TypeError(`${where}: ${argument} must be an array or a tensor of labels, got ${describe(v)}`);
  let sawString = false;
  let sawNumber = false;
  values.forEach((x, i) => {
    if (typeof x === "string") sawString = true;
    else if (typeof x === "number") {
      if (Number.isNaN(x)) throw new RangeError(`${where}: ${argument} contains NaN at index ${i}`);
      if (!Number.isInteger(x)) {
        throw new RangeError(`${where}: ${argument} must hold class labels, got the continuous value ${x} at index ${i} (threshold probabilities or take the arg-max first)`);
      }
      sawNumber = true;
    } else if (typeof x === "boolean") {
      values[i] = x ? 1 : 0;
      sawNumber = true;
    } else throw new TypeError(`${where}: ${argument}[${i}] must be a number or a string label, got ${describe(x)}`);
  });
  if (sawString && sawNumber) throw new TypeError(`${where}: ${argument} mixes string and number labels`);
  return values as Label[];
}

/** Finite real numbers, one per sample (scores, probabilities, regression targets). */
export function toNumbers(v: Vector, argument: string, where: string): number[] {
  let values: unknown[];
  if (v instanceof Tensor) values = tensorVector(v, argument, where);
  else if (isArrayLike(v)) values = flattenColumn(v, argument, where);
  else throw new TypeError(`${where}: ${argument} must be an array or a tensor of numbers, got ${describe(v)}`);
  values.forEach((x, i) => checkFinite(x, argument, i, where));
  return values as number[];
}

function checkFinite(x: unknown, argument: string, i: number | string, where: string): void {
  if (typeof x !== "number") throw new TypeError(`${where}: ${argument}[${i}] must be a number, got ${describe(x)}`);
  if (Number.isNaN(x)) throw new RangeError(`${where}: ${argument} contains NaN at index ${i}`);
  if (!Number.isFinite(x)) throw new RangeError(`${where}: ${argument} contains ${x} at index ${i} (values must be finite)`);
}

/** A matrix [n, k] (a vector counts as one column, with `vector: true`), finite values only. */
export function toTable(v: Matrix, argument: string, where: string): Table {
  if (v instanceof Tensor) {
    if (v.rank !== 1 && v.rank !== 2) throw new RangeError(`${where}: ${argument} must have shape [n] or [n, k], got shape ${shapeToString(v.shape)}`);
    const data = Float64Array.from(v.data);
    data.forEach((x, i) => checkFinite(x, argument, i, where));
    return v.rank === 1 ? { rows: v.shape[0], cols: 1, vector: true, data } : { rows: v.shape[0], cols: v.shape[1], vector: false, data };
  }
  if (!isArrayLike(v)) throw new TypeError(`${where}: ${argument} must be an array or a tensor, got ${describe(v)}`);
  const rows = Array.from(v as ArrayLike<unknown>);
  if (rows.length === 0 || !Array.isArray(rows[0])) {
    const data = Float64Array.from(rows.map((x, i) => (checkFinite(x, argument, i, where), x as number)));
    return { rows: rows.length, cols: 1, vector: true, data };
  }
  const cols = (rows[0] as unknown[]).length;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== cols) {
      throw new RangeError(`${where}: ${argument} must be a rectangular matrix: row 0 has ${cols} values but row ${i} has ${Array.isArray(row) ? row.length : "none"}`);
    }
    row.forEach((x: unknown, j: number) => {
      checkFinite(x, argument, `${i}][${j}`, where);
      data[i * cols + j] = x as number;
    });
  });
  return { rows: rows.length, cols, vector: false, data };
}

/** Throws unless the two arguments hold the same number of samples (and at least one). */
export function checkSameLength(a: number, b: number, names: [string, string], where: string): void {
  if (a !== b) throw new RangeError(`${where}: ${names[0]} and ${names[1]} must have the same number of samples, got ${a} and ${b}`);
  if (a === 0) throw new RangeError(`${where}: ${names[0]} and ${names[1]} are empty (at least one sample is needed)`);
}

/** Sample weights (finite, ≥ 0, one per sample), or ones. */
export function toWeights(sampleWeight: Vector | undefined, n: number, where: string): number[] {
  if (sampleWeight === undefined || sampleWeight === null) return new Array<number>(n).fill(1);
  const w = toNumbers(sampleWeight, "sampleWeight", where);
  if (w.length !== n) throw new RangeError(`${where}: sampleWeight must have one weight per sample (${n}), got ${w.length}`);
  w.forEach((x, i) => {
    if (x < 0) throw new RangeError(`${where}: sampleWeight must be ≥ 0, got ${x} at index ${i}`);
  });
  return w;
}

/** Sorted distinct labels, as NumPy's `np.unique` (numbers ascending, strings by code point). */
export function uniqueLabels(...lists: readonly Label[][]): Label[] {
  const set = new Set<Label>();
  for (const l of lists) for (const x of l) set.add(x);
  return sortLabels([...set]);
}

/** Labels sorted as NumPy sorts them. */
export function sortLabels(labels: Label[]): Label[] {
  return labels.sort((a, b) => (typeof a === "number" && typeof b === "number" ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
}

/** Σ wᵢ·xᵢ / Σ wᵢ (NumPy's `average`). */
export function weightedMean(x: readonly number[], w?: readonly number[]): number {
  if (!w) return x.reduce((s, v) => s + v, 0) / x.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < x.length; i++) {
    num += x[i] * w[i];
    den += w[i];
  }
  return num / den;
}

/** Formats a label list for messages: `[0, 1, 2]` or `["cat", "dog"]`. */
export function formatLabels(labels: readonly Label[]): string {
  return `[${labels.map((l) => JSON.stringify(l)).join(", ")}]`;
}

export type { NestedArray };
