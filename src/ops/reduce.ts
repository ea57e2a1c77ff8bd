/** Reductions over axes (sum, mean, prod, max, min, variance, std, norm), with gradients that broadcast back. */
import type { Tensor } from "../tensor/tensor";
import { allocate, type TypedArray } from "../tensor/dtype";
import { normalizeAxis, shapeToString, sizeOf } from "../tensor/shape";
import { opResult } from "./result";
import { abs, sqrt } from "./unary";
import { stridedOffsets } from "./strided";

/** Which axes a reduction removes: one axis, several, or all when omitted (NumPy's `axis=None`). */
export type Axes = number | readonly number[] | undefined;

/** Where each input element lands when `axis` is reduced; shared by every reduction. */
export interface ReductionPlan {
  /** Output shape with reduced axes kept as 1 (`keepDims: true`). */
  keptShape: number[];
  /** Output shape with reduced axes removed. */
  outShape: number[];
  /** outIndex[i]: output slot of input element i. */
  outIndex: Int32Array;
  /** Elements per output slot. */
  count: number;
  outSize: number;
}

// Plans are cached per (shape, axes): a training loop reduces the same few shapes every step.
const planCache = new Map<string, ReductionPlan>();
const MAX_CACHED_PLANS = 256;

/** Plans a reduction of `shape` over `axis` (read-only, shared); bad or repeated axes name `op`. */
export function reductionPlan(shape: readonly number[], axis: Axes, op: string): ReductionPlan {
  const rank = shape.length;
  const axes = axis === undefined ? shape.map((_, i) => i) : (typeof axis === "number" ? [axis] : [...axis]).map((a) => normalizeAxis(a, rank, op));
  const reduced = new Set(axes);
  if (reduced.size !== axes.length) throw new RangeError(`${op}: axis ${JSON.stringify(axis)} repeats an axis`);
  const key = `${shape.join(",")}|${[...reduced].sort((a, b) => a - b).join(",")}`;
  const hit = planCache.get(key);
  if (hit) return hit;
  const plan = buildPlan(shape, axes, reduced);
  if (planCache.size >= MAX_CACHED_PLANS) planCache.delete(planCache.keys().next().value as string);
  planCache.set(key, plan);
  return plan;
}

function buildPlan(shape: readonly number[], axes: number[], reduced: Set<number>): ReductionPlan {
  const rank = shape.length;
  const keptShape = shape.map((d, i) => (reduced.has(i) ? 1 : d));
  const outShape = shape.filter((_, i) => !reduced.has(i));
  const outStrides: number[] = new Array(rank);
  let s = 1;
  for (let d = rank - 1; d >= 0; d--) {
    outStrides[d] = reduced.has(d) ? 0 : s;
    s *= keptShape[d];
  }
  const outIndex = stridedOffsets(shape, outStrides);
  const count = axes.reduce((p, a) => p * shape[a], 1);
  return { keptShape: Object.freeze(keptShape) as number[], outShape: Object.freeze(outShape) as number[], outIndex, count, outSize: sizeOf(keptShape) };
}

/** Views `shape` as [outer, n, inner] around one axis: the layout softmax, argmax, concat and gather walk. */
export function axisPlan(shape: readonly number[], axis: number, op: string): { axis: number; outer: number; n: number; inner: number } {
  const a = normalizeAxis(axis, shape.length, op);
  return { axis: a, outer: sizeOf(shape.slice(0, a)), n: shape[a], inner: sizeOf(shape.slice(a + 1)) };
}

function reduceSum(op: string, a: Tensor, axis: Axes, keepDims: boolean, scale: (count: number) => number): Tensor {
  const { keptShape, outShape, outIndex, count, outSize } = reductionPlan(a.shape, axis, op);
  const factor = scale(count);
  // Accumulate in float64 even for float32 tensors: long float32 sums drift.
  const acc = new Float64Array(outSize);
  const x = a.data;
  for (let i = 0; i < x.length; i++) acc[outIndex[i]] += x[i];
  const out = allocate(a.dtype, outSize);
  for (let j = 0; j < outSize; j++) out[j] = acc[j] * factor;
  return opResult(op, out, keepDims ? keptShape : outShape, [a], (g: TypedArray) => {
    const ga = allocate(a.dtype, a.size);
    for (let i = 0; i < ga.length; i++) ga[i] = g[outIndex[i]] * factor;
    return [ga];
  });
}

/** Sum over `axis` (all axes when omitted). */
export function sum(a: Tensor, axis?: Axes, keepDims = false): Tensor {
  return reduceSum("sum", a, axis, keepDims, () => 1);
}

/** Mean over `axis` (all axes when omitted). */
export function mean(a: Tensor, axis?: Axes, keepDims = false): Tensor {
  return reduceSum("mean", a, axis, keepDims, (count) => 1 / count);
}

/**
 * Largest (`sign` = 1) or smallest (`sign` = −1) value over `axis`. NaN wins, as in NumPy and
 * PyTorch. The gradient is split evenly among tied extremes, as `torch.amax` does.
 */
function reduceExtreme(op: string, a: Tensor, axis: Axes, keepDims: boolean, sign: 1 | -1): Tensor {
  const { keptShape, outShape, outIndex, count, outSize } = reductionPlan(a.shape, axis, op);
  if (count === 0) throw new RangeError(`${op}: cannot reduce over an empty axis (tensor shape ${shapeToString(a.shape)})`);
  const x = a.data;
  const out = allocate(a.dtype, outSize).fill(sign === 1 ? -Infinity : Infinity);
  for (let i = 0; i < x.length; i++) {
    const j = outIndex[i];
    const v = x[i];
    if (sign * v > sign * out[j] || v !== v) out[j] = v;
  }
  return opResult(op, out, keepDims ? keptShape : outShape, [a], (g: TypedArray) => {
    const ties = new Float64Array(outSize);
    for (let i = 0; i < x.length; i++) if (x[i] === out[outIndex[i]]) ties[outIndex[i]]++;
    const ga = allocate(a.dtype, a.size);
    for (let i = 0; i < x.length; i++) {
      const j = outIndex[i];
      if (x[i] === out[j]) ga[i] = g[j] / ties[j];
    }
    return [ga];
  });
}

/** Maximum over `axis` (all axes when omitted); tied maxima share the gradient equally (`torch.amax`). */
export function max(a: Tensor, axis?: Axes, keepDims = false): Tensor {
  return reduceExtreme("max", a, axis, keepDims, 1);
}

/** Minimum over `axis` (all axes when omitted); tied minima share the gradient equally (`torch.amin`). */
export function min(a: Tensor, axis?: Axes, keepDims = false): Tensor {
  return reduceExtreme("min", a, axis, keepDims, -1);
}

/** Product over `axis` (all axes when omitted). The gradient is exact even where an input is 0. */
export function prod(a: Tensor, axis?: Axes, keepDims = false): Tensor {
  const { keptShape, outShape, outIndex, outSize } = reductionPlan(a.shape, axis, "prod");
  const x = a.data;
  const out = allocate(a.dtype, outSize).fill(1);
  for (let i = 0; i < x.length; i++) out[outIndex[i]] *= x[i];
  return opResult("prod", out, keepDims ? keptShape : outShape, [a], (g: TypedArray) => {
    // d prod / d x_i = product of the others. Divide by x_i only when no factor is 0;
    // otherwise recompute the product without x_i (only slots with a zero pay for it).
    const zeros = new Int32Array(outSize);
    const nonzero = new Float64Array(outSize).fill(1);
    for (let i = 0; i < x.length; i++) {
      if (x[i] === 0) zeros[outIndex[i]]++;
      else nonzero[outIndex[i]] *= x[i];
    }
    const ga = allocate(a.dtype, a.size);
    for (let i = 0; i < x.length; i++) {
      const j = outIndex[i];
      if (zeros[j] === 0) ga[i] = (g[j] * nonzero[j]) / x[i];
      else if (zeros[j] === 1 && x[i] === 0) ga[i] = g[j] * nonzero[j];
    }
    return [ga];
  });
}

/**
 * Variance over `axis` (all axes when omitted): the mean squared deviation from the mean,
 * divided by N (biased, as Keras `ops.var` and NumPy `var`; PyTorch needs `correction=0`).
 */
export function variance(a: Tensor, axis?: Axes, keepDims = false): Tensor {
  const { keptShape, outShape, outIndex, count, outSize } = reductionPlan(a.shape, axis, "variance");
  const x = a.data;
  const mu = new Float64Array(outSize);
  for (let i = 0; i < x.length; i++) mu[outIndex[i]] += x[i];
  for (let j = 0; j < outSize; j++) mu[j] /= count;
  const out = allocate(a.dtype, outSize);
  for (let i = 0; i < x.length; i++) {
    const d = x[i] - mu[outIndex[i]];
    out[outIndex[i]] += d * d;
  }
  for (let j = 0; j < outSize; j++) out[j] /= count;
  return opResult("variance", out, keepDims ? keptShape : outShape, [a], (g: TypedArray) => {
    // d var / d x_i = 2 (x_i − μ) / N; the mean's own dependence on x_i sums to zero.
    const ga = allocate(a.dtype, a.size);
    for (let i = 0; i < x.length; i++) ga[i] = (2 * g[outIndex[i]] * (x[i] - mu[outIndex[i]])) / count;
    return [ga];
  });
}

/** Standard deviation over `axis`: √variance (biased, as Keras `ops.std` and NumPy `std`). */
export function std(a: Tensor, axis?: Axes, keepDims = false): Tensor {
  return sqrt(variance(a, axis, keepDims));
}

/**
 * Vector p-norm over `axis` (all axes when omitted): `ord` 2 (Euclidean, the default),
 * 1 (Σ|x|) or Infinity (max |x|). The 2-norm's gradient x/‖x‖ is taken as 0 at x = 0, as PyTorch's.
 */
export function norm(a: Tensor, ord: 1 | 2 | number = 2, axis?: Axes, keepDims = false): Tensor {
  if (ord === 1) return sum(abs(a), axis, keepDims);
  if (ord === Infinity) return max(abs(a), axis, keepDims);
  if (ord !== 2) throw new RangeError(`norm: ord must be 1, 2 or Infinity, got ${ord}`);
  const { keptShape, outShape, outIndex, outSize } = reductionPlan(a.shape, axis, "norm");
  const x = a.data;
  const out = allocate(a.dtype, outSize);
  const sq = new Float64Array(outSize);
  for (let i = 0; i < x.length; i++) sq[outIndex[i]] += x[i] * x[i];
  for (let j = 0; j < outSize; j++) out[j] = Math.sqrt(sq[j]);
  return opResult("norm", out, keepDims ? keptShape : outShape, [a], (g: TypedArray) => {
    const ga = allocate(a.dtype, a.size);
    for (let i = 0; i < x.length; i++) {
      const j = outIndex[i];
      if (out[j] !== 0) ga[i] = (g[j] * x[i]) / out[j];
    }
    return [ga];
  });
}

/** Running sum along `axis` (default 0): y_i = x_0 + … + x_i. Its gradient is the running sum of g from the end. */
export function cumsum(a: Tensor, axis = 0): Tensor {
  const { outer, n, inner } = axisPlan(a.shape, axis, "cumsum");
  const x = a.data;
  const out = allocate(a.dtype, a.size);
  for (let o = 0; o < outer; o++) {
    for (let r = 0; r < inner; r++) {
      const base = o * n * inner + r;
      let s = 0;
      for (let k = 0; k < n; k++) out[base + k * inner] = s += x[base + k * inner];
    }
  }
  return opResult("cumsum", out, a.shape, [a], (g: TypedArray) => {
    const ga = allocate(a.dtype, a.size);
    for (let o = 0; o < outer; o++) {
      for (let r = 0; r < inner; r++) {
        const base = o * n * inner + r;
        let s = 0;
        for (let k = n - 1; k >= 0; k--) ga[base + k * inner] = s += g[base + k * inner];
      }
    }
    return [ga];
  });
}
