/** Picking parts of a tensor: `slice` (a box), `index` (Python-style "0, 1:3"), `gather` (chosen indices along an axis) and `oneHot`. */
import { Tensor } from "../tensor/tensor";
import { allocate, getDefaultDType, type DType, type TypedArray } from "../tensor/dtype";
import { shapeToString, sizeOf, stridesOf } from "../tensor/shape";
import { axisPlan } from "./reduce";
import { opResult } from "./result";
import { stridedOffsets } from "./strided";

/**
 * The box of `x` starting at `begin` with extent `size` (tfjs's `slice`). `begin` may list fewer
 * axes than the rank (the rest start at 0) and count from the end when negative; a `size` of −1,
 * or an omitted one, runs to the end of that axis.
 *
 * ```ts
 * nn.slice(x, [0, 1], [2, -1]); // x[0:2, 1:]
 * ```
 */
export function slice(x: Tensor, begin: number | readonly number[], size?: number | readonly number[]): Tensor {
  const rank = x.rank;
  const b = typeof begin === "number" ? [begin] : [...begin];
  const s = size === undefined ? [] : typeof size === "number" ? [size] : [...size];
  if (b.length > rank || s.length > rank) {
    const [what, list] = b.length > rank ? ["begin", b] : ["size", s];
    throw new RangeError(`slice: ${what} ${JSON.stringify(list)} has ${list.length} entries but the tensor has rank ${rank} (shape ${shapeToString(x.shape)})`);
  }
  const start: number[] = [];
  const extent: number[] = [];
  for (let d = 0; d < rank; d++) {
    const dim = x.shape[d];
    let st = b[d] ?? 0;
    if (st < 0) st += dim;
    const len = s[d] === undefined || s[d] === -1 ? dim - st : s[d];
    if (!Number.isInteger(st) || !Number.isInteger(len) || st < 0 || len < 0 || st + len > dim) {
      throw new RangeError(
        `slice: begin ${JSON.stringify(begin)} with size ${JSON.stringify(size ?? null)} is out of bounds for shape ${shapeToString(x.shape)} (axis ${d}: start ${b[d] ?? 0}, length ${s[d] ?? -1}, dimension ${dim})`,
      );
    }
    start.push(st);
    extent.push(len);
  }
  const strides = stridesOf(x.shape);
  const base = start.reduce((p, st, d) => p + st * strides[d], 0);
  return stridedView("slice", x, base, extent, strides, extent);
}

/**
 * The elements at base + Σ counter[d]·steps[d] for every counter in `extent` (a regular grid of
 * the input, distinct elements), as a tensor of `shape`; gradients go back to those elements.
 */
function stridedView(op: string, x: Tensor, base: number, extent: number[], steps: number[], shape: number[]): Tensor {
  const src = stridedOffsets(extent, steps);
  const out = allocate(x.dtype, src.length);
  for (let i = 0; i < src.length; i++) out[i] = x.data[base + src[i]];
  return opResult(op, out, shape, [x], (g: TypedArray) => {
    const gx = allocate(x.dtype, x.size);
    for (let i = 0; i < src.length; i++) gx[base + src[i]] = g[i];
    return [gx];
  });
}

/** One axis of a Python index: a position (the axis is dropped) or start:stop:step. */
type AxisIndex = { kind: "at"; at: number } | { kind: "range"; start: number | null; stop: number | null; step: number | null };

function parseIndex(spec: string): (AxisIndex | "...")[] {
  const parts = spec.split(",").map((p) => p.trim());
  if (parts.length === 1 && parts[0] === "") return [];
  const integer = (text: string, part: string): number | null => {
    if (text.trim() === "") return null;
    const v = Number(text);
    if (!Number.isInteger(v)) throw new SyntaxError(`index: "${part}" in "${spec}" is not an integer, a start:stop:step slice or "..."`);
    return v;
  };
  return parts.map((part) => {
    if (part === "...") return "...";
    const pieces = part.split(":");
    if (pieces.length === 1) {
      const at = integer(part, part);
      if (at === null) throw new SyntaxError(`index: empty entry in "${spec}"`);
      return { kind: "at", at };
    }
    if (pieces.length > 3) throw new SyntaxError(`index: "${part}" in "${spec}" has more than two colons`);
    const [start, stop, step] = pieces.map((p) => integer(p, part));
    if (step === 0) throw new RangeError(`index: slice step cannot be zero ("${part}" in "${spec}")`);
    return { kind: "range", start, stop, step: step ?? null };
  });
}

/** Python's slice.indices: the first position, step and count of start:stop:step on an axis of length n. */
function rangeOnAxis(r: { start: number | null; stop: number | null; step: number | null }, n: number): { first: number; step: number; count: number } {
  const step = r.step ?? 1;
  const [lower, upper] = step > 0 ? [0, n] : [-1, n - 1];
  const clampIndex = (v: number | null, fallback: number): number => {
    if (v === null) return fallback;
    const w = v < 0 ? v + n : v;
    return Math.min(Math.max(w, lower), upper);
  };
  const start = clampIndex(r.start, step > 0 ? lower : upper);
  const stop = clampIndex(r.stop, step > 0 ? upper : lower);
  const count = step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((start - stop) / -step));
  return { first: start, step, count };
}

/**
 * NumPy/PyTorch indexing written as the text between the brackets: integers pick (and drop an
 * axis), `start:stop:step` slices (negative values count from the end; a negative step walks
 * backwards), `...` stands for the remaining axes. Gradients flow back to the picked elements.
 *
 * ```ts
 * nn.index(x, "0, 1:3");    // x[0, 1:3]
 * nn.index(x, "..., -1");   // x[..., -1]: the last feature of every row
 * nn.index(x, "::-1");      // reversed along axis 0
 * ```
 */
export function index(x: Tensor, spec: string): Tensor {
  if (typeof spec !== "string") throw new TypeError(`index: expected an index string like "0, 1:3", got ${typeof spec}`);
  const entries = parseIndex(spec);
  const ellipses = entries.filter((e) => e === "...").length;
  if (ellipses > 1) throw new SyntaxError(`index: "${spec}" has more than one "..."`);
  const explicit = entries.length - ellipses;
  if (explicit > x.rank) throw new RangeError(`index: "${spec}" indexes ${explicit} axes but the tensor has rank ${x.rank} (shape ${shapeToString(x.shape)})`);
  const full: AxisIndex = { kind: "range", start: null, stop: null, step: null };
  const fillCount = x.rank - explicit;
  const at = entries.indexOf("...");
  const perAxis: AxisIndex[] = (
    at === -1 ? [...entries, ...Array(fillCount).fill(full)] : [...entries.slice(0, at), ...Array(fillCount).fill(full), ...entries.slice(at + 1)]
  ) as AxisIndex[];
  const strides = stridesOf(x.shape);
  let base = 0;
  const extent: number[] = [];
  const steps: number[] = [];
  const shape: number[] = [];
  perAxis.forEach((e, d) => {
    const n = x.shape[d];
    if (e.kind === "at") {
      const i = e.at < 0 ? e.at + n : e.at;
      if (i < 0 || i >= n) throw new RangeError(`index: index ${e.at} is out of range for axis ${d} of size ${n} (shape ${shapeToString(x.shape)})`);
      base += i * strides[d];
      return;
    }
    const { first, step, count } = rangeOnAxis(e, n);
    if (count > 0) base += first * strides[d];
    extent.push(count);
    steps.push(step * strides[d]);
    shape.push(count);
  });
  return stridedView("index", x, base, extent, steps, shape);
}

/** Integer indices: a tensor or (nested) arrays of integers. */
export type IndexInput = Tensor | readonly number[] | readonly (readonly number[])[];

/** Integer indices from a tensor or nested numbers, checked against `limit`. */
function indexList(indices: IndexInput, limit: number, op: string): { values: ArrayLike<number>; shape: number[] } {
  let values: ArrayLike<number>;
  let shape: number[];
  if (indices instanceof Tensor) {
    values = indices.data;
    shape = [...indices.shape];
  } else if (Array.isArray(indices)) {
    values = (indices as unknown[]).flat(Infinity) as number[];
    shape = [];
    for (let level: unknown = indices; Array.isArray(level); level = level[0]) shape.push(level.length);
    if (sizeOf(shape) !== values.length) throw new RangeError(`${op}: indices must be a rectangular array, got ${JSON.stringify(indices)}`);
  } else {
    throw new TypeError(`${op}: indices must be a Tensor or an array of integers, got ${indices === null ? "null" : typeof indices}`);
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < 0 || v >= limit) {
      throw new RangeError(`${op}: index ${v} (position ${i}) is not an integer in [0, ${limit})`);
    }
  }
  return { values, shape };
}

/**
 * Entries `indices` of `x` along `axis` (default 0): the output shape is
 * x.shape[:axis] + indices.shape + x.shape[axis+1:], as NumPy's `take` and Keras's `ops.take`.
 * Repeated indices add their gradients (embedding lookups rely on this).
 *
 * ```ts
 * nn.gather(x, [2, 0], 1); // columns 2 and 0
 * ```
 */
export function gather(x: Tensor, indices: IndexInput, axis = 0): Tensor {
  const { axis: ax, outer, n, inner } = axisPlan(x.shape, axis, "gather");
  const { values: idx, shape: idxShape } = indexList(indices, n, "gather");
  const m = idx.length;
  const out = allocate(x.dtype, outer * m * inner);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < m; j++) {
      const from = (o * n + idx[j]) * inner;
      out.set(x.data.subarray(from, from + inner), (o * m + j) * inner);
    }
  }
  const shape = [...x.shape.slice(0, ax), ...idxShape, ...x.shape.slice(ax + 1)];
  return opResult("gather", out, shape, [x], (g: TypedArray) => {
    const gx = allocate(x.dtype, x.size);
    for (let o = 0; o < outer; o++) {
      for (let j = 0; j < m; j++) {
        const to = (o * n + idx[j]) * inner;
        const from = (o * m + j) * inner;
        for (let r = 0; r < inner; r++) gx[to + r] += g[from + r];
      }
    }
    return [gx];
  });
}

/**
 * One-hot rows: for integer class labels of any shape, a tensor of shape [...shape, depth]
 * with 1 at each label and 0 elsewhere. A label outside [0, depth) is an error (Keras would
 * silently give a row of zeros).
 *
 * ```ts
 * nn.oneHot([0, 2], 3); // [[1, 0, 0], [0, 0, 1]]
 * ```
 */
export function oneHot(indices: IndexInput, depth: number, options: { dtype?: DType } = {}): Tensor {
  if (!Number.isInteger(depth) || depth < 1) throw new RangeError(`oneHot: depth must be a positive integer, got ${depth}`);
  const { values, shape } = indexList(indices, depth, "oneHot");
  const out = allocate(options.dtype ?? getDefaultDType(), values.length * depth);
  for (let i = 0; i < values.length; i++) out[i * depth + values[i]] = 1;
  return new Tensor(out, [...shape, depth]);
}
