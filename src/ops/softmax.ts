/**
 * log Σ exp, softmax and log-softmax: computed after subtracting the maximum so that
 * large logits neither overflow nor lose precision, each with its own exact backward.
 */
import type { Tensor } from "../tensor/tensor";
import { allocate, type TypedArray } from "../tensor/dtype";
import { axisPlan, reductionPlan, type Axes } from "./reduce";
import { opResult } from "./result";

/**
 * log(Σ exp(x)) over `axis` (all axes when omitted), stable for any magnitude:
 * m + log Σ exp(x − m) with m the maximum. Its gradient is softmax(x).
 */
export function logSumExp(a: Tensor, axis?: Axes, keepDims = false): Tensor {
  const { keptShape, outShape, outIndex, outSize } = reductionPlan(a.shape, axis, "logSumExp");
  const x = a.data;
  const m = new Float64Array(outSize).fill(-Infinity);
  for (let i = 0; i < x.length; i++) if (x[i] > m[outIndex[i]]) m[outIndex[i]] = x[i];
  // All −∞ (or +∞) in a slot: shift by 0 so the result is −∞ (or +∞) instead of NaN, as PyTorch.
  for (let j = 0; j < outSize; j++) if (!Number.isFinite(m[j])) m[j] = 0;
  const s = new Float64Array(outSize);
  for (let i = 0; i < x.length; i++) s[outIndex[i]] += Math.exp(x[i] - m[outIndex[i]]);
  const out = allocate(a.dtype, outSize);
  for (let j = 0; j < outSize; j++) out[j] = m[j] + Math.log(s[j]);
  return opResult("logSumExp", out, keepDims ? keptShape : outShape, [a], (g: TypedArray) => {
    const ga = allocate(a.dtype, a.size);
    for (let i = 0; i < x.length; i++) {
      const j = outIndex[i];
      ga[i] = g[j] * (Math.exp(x[i] - m[j]) / s[j]);
    }
    return [ga];
  });
}

/** Calls `visit(base)` for each 1-d lane along the axis; lane element k sits at base + k·inner. */
function forEachLane(outer: number, n: number, inner: number, visit: (base: number) => void): void {
  for (let o = 0; o < outer; o++) for (let r = 0; r < inner; r++) visit(o * n * inner + r);
}

/** log Σ exp over one lane, shifted by the lane's maximum (by 0 when that is infinite). */
function laneLogSumExp(x: TypedArray, base: number, n: number, inner: number): number {
  let m = -Infinity;
  for (let k = 0; k < n; k++) if (x[base + k * inner] > m) m = x[base + k * inner];
  if (!Number.isFinite(m)) m = 0;
  let s = 0;
  for (let k = 0; k < n; k++) s += Math.exp(x[base + k * inner] - m);
  return m + Math.log(s);
}

/**
 * exp(x) / Σ exp(x) along `axis` (the last by default): a probability distribution per lane,
 * computed as exp(x − logSumExp(x)). Backward: dx = y ⊙ (g − Σ g ⊙ y).
 */
export function softmax(a: Tensor, axis = -1): Tensor {
  const { outer, n, inner } = axisPlan(a.shape, axis, "softmax");
  const x = a.data;
  const y = allocate(a.dtype, a.size);
  forEachLane(outer, n, inner, (base) => {
    const lse = laneLogSumExp(x, base, n, inner);
    for (let k = 0; k < n; k++) y[base + k * inner] = Math.exp(x[base + k * inner] - lse);
  });
  return opResult("softmax", y, a.shape, [a], (g: TypedArray) => {
    const ga = allocate(a.dtype, a.size);
    forEachLane(outer, n, inner, (base) => {
      let dot = 0;
      for (let k = 0; k < n; k++) dot += g[base + k * inner] * y[base + k * inner];
      for (let k = 0; k < n; k++) ga[base + k * inner] = y[base + k * inner] * (g[base + k * inner] - dot);
    });
    return [ga];
  });
}

/**
 * log(softmax(x)) along `axis` (the last by default), computed as x − logSumExp(x) so it
 * stays finite where softmax underflows to 0. Backward: dx = g − softmax(x) · Σ g.
 */
export function logSoftmax(a: Tensor, axis = -1): Tensor {
  const { outer, n, inner } = axisPlan(a.shape, axis, "logSoftmax");
  const x = a.data;
  const y = allocate(a.dtype, a.size);
  forEachLane(outer, n, inner, (base) => {
    const lse = laneLogSumExp(x, base, n, inner);
    for (let k = 0; k < n; k++) y[base + k * inner] = x[base + k * inner] - lse;
  });
  return opResult("logSoftmax", y, a.shape, [a], (g: TypedArray) => {
    const ga = allocate(a.dtype, a.size);
    forEachLane(outer, n, inner, (base) => {
      let total = 0;
      for (let k = 0; k < n; k++) total += g[base + k * inner];
      for (let k = 0; k < n; k++) ga[base + k * inner] = g[base + k * inner] - Math.exp(y[base + k * inner]) * total;
    });
    return [ga];
  });
}
