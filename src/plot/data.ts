/**
 * Input checks and conversions shared by the `nn.plot` functions: tensors or nested arrays
 * in, plain rows out, and errors that name the function, the argument, the expected and
 * the actual shape.
 */
import { Tensor, type NestedArray } from "../tensor/tensor";
import { toTensor } from "../tensor/creation";
import { shapeToString } from "../tensor/shape";

/** Data a plot accepts: a tensor or nested arrays of numbers. */
export type PlotData = Tensor | NestedArray;

/** A tensor of rank `rank` (and `columns` columns when given), or a clear error. */
export function matrix(x: PlotData, where: string, argument: string, columns?: number): Tensor {
  const t = toTensor(x, `${where}: ${argument}`);
  if (t.rank !== 2 || (columns !== undefined && t.shape[1] !== columns)) {
    const expected = columns === undefined ? "[n, d]" : `[n, ${columns}]`;
    throw new RangeError(`${where}: ${argument} must have shape ${expected}, got ${shapeToString(t.shape)}`);
  }
  return t;
}

/** Values of a rank-1 tensor, or of a [n, 1] column, as numbers. */
export function vector(x: PlotData, where: string, argument: string, length?: number): number[] {
  const t = toTensor(x, `${where}: ${argument}`);
  const ok = t.rank === 1 || (t.rank === 2 && t.shape[1] === 1);
  if (!ok || (length !== undefined && t.shape[0] !== length)) {
    const expected = length === undefined ? "[n] or [n, 1]" : `[${length}] or [${length}, 1]`;
    throw new RangeError(`${where}: ${argument} must have shape ${expected}, got ${shapeToString(t.shape)}`);
  }
  return Array.from(t.data, Number);
}

/**
 * Class labels per sample: integer labels ([n] or [n, 1]), or one-hot / probability rows
 * ([n, k], k > 1) reduced with argmax. Binary probabilities ([n, 1] in [0, 1], not integers) are
 * thresholded at 0.5.
 */
export function classLabels(y: PlotData, where: string, argument: string, length?: number): number[] {
  const t = toTensor(y, `${where}: ${argument}`);
  const n = t.shape[0];
  if (length !== undefined && n !== length) {
    throw new RangeError(`${where}: ${argument} must have ${length} rows (one per sample), got shape ${shapeToString(t.shape)}`);
  }
  if (t.rank === 2 && t.shape[1] > 1) {
    const k = t.shape[1];
    return Array.from({ length: n }, (_, i) => {
      let best = 0;
      for (let j = 1; j < k; j++) if (t.data[i * k + j] > t.data[i * k + best]) best = j;
      return best;
    });
  }
  if (t.rank > 2 || t.rank === 0) throw new RangeError(`${where}: ${argument} must have shape [n], [n, 1] or [n, classes], got ${shapeToString(t.shape)}`);
  const values = Array.from(t.data, Number);
  const integers = values.every((v) => Number.isInteger(v));
  return integers ? values : values.map((v) => (v >= 0.5 ? 1 : 0));
}

/** A finite number in an options object, or a clear error. */
export function finiteOption(value: number, where: string, name: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new TypeError(`${where}: ${name} must be a finite number, got ${JSON.stringify(value)}`);
  return value;
}

/** A positive integer option, or a clear error. */
export function countOption(value: number, where: string, name: string, min = 1, max = Infinity): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `≥ ${min}` : `in [${min}, ${max}]`;
    throw new RangeError(`${where}: ${name} must be an integer ${range}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** `[lo, hi]` with lo < hi, or a clear error. */
export function rangeOption(value: [number, number], where: string, name: string): [number, number] {
  if (!Array.isArray(value) || value.length !== 2 || !value.every(Number.isFinite) || !(value[0] < value[1])) {
    throw new RangeError(`${where}: ${name} must be [min, max] with min < max, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** n evenly spaced numbers from lo to hi (inclusive). */
export function linspace(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (n === 1 ? lo : lo + ((hi - lo) * i) / (n - 1)));
}

/** The [min, max] of each of two columns, widened by `margin` of the span. */
export function paddedBounds(x: Tensor, margin = 0.1): [[number, number], [number, number]] {
  const bounds: [number, number][] = [0, 1].map((c) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < x.shape[0]; i++) {
      const v = x.data[i * x.shape[1] + c];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const pad = (hi - lo || 1) * margin;
    return [lo - pad, hi + pad];
  });
  return [bounds[0], bounds[1]];
}
