/**
 * Gradient clipping as Keras 3 applies it before weight decay and the update (only one of
 * clipnorm / globalClipnorm / clipvalue may be set). Each returns new arrays; the caller's
 * gradients are never modified.
 */
import type { TypedArray } from "../tensor/dtype";

function sumOfSquares(g: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  return s;
}

function scaled(g: TypedArray, factor: number): TypedArray {
  const out = g.slice();
  for (let i = 0; i < out.length; i++) out[i] *= factor;
  return out;
}

/** Each gradient separately rescaled to L2 norm ≤ `clipnorm`: g·clipnorm / max(‖g‖, clipnorm). */
export function clipByNorm(gradients: TypedArray[], clipnorm: number): TypedArray[] {
  return gradients.map((g) => scaled(g, clipnorm / Math.max(Math.sqrt(sumOfSquares(g)), clipnorm)));
}

/**
 * All gradients rescaled together so their joint L2 norm is ≤ `clipnorm` (Keras's
 * `clip_by_global_norm`: a non-finite norm makes every gradient NaN rather than hiding it).
 */
export function clipByGlobalNorm(gradients: TypedArray[], clipnorm: number): TypedArray[] {
  const norm = Math.sqrt(gradients.reduce((s, g) => s + sumOfSquares(g), 0));
  const scale = clipnorm * Math.min(1 / norm, 1 / clipnorm) + (norm - norm);
  return gradients.map((g) => scaled(g, scale));
}

/** Every gradient element clamped to [−clipvalue, clipvalue]. */
export function clipByValue(gradients: TypedArray[], clipvalue: number): TypedArray[] {
  return gradients.map((g) => g.map((x) => Math.min(Math.max(x, -clipvalue), clipvalue)));
}
