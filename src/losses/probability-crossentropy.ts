/**
 * Categorical cross-entropy from probabilities as one fused op. Keras 3 renormalizes each row
 * of `p` to sum 1, clips it to [ε, 1 − ε] and takes −Σ t·log; composed from ops that is seven
 * ops (sum, div, clip, log, mul, sum, neg), each allocating its output and its gradients, on
 * every training step of every softmax classifier. Here it is one pass forward and one back, in
 * double precision, rounded once.
 */
import type { Tensor } from "../tensor/tensor";
import { allocate, promoteDTypes, type TypedArray } from "../tensor/dtype";
import { opResult } from "../ops/result";

/**
 * Per row of the last axis: −Σₖ tₖ·log cₖ with cₖ = clip(pₖ / Σp, ε, 1 − ε) (ε rounded to the
 * predictions' precision, as Keras casts it). Output shape: the input shape without its last
 * axis; `target` and `probs` must have the same shape.
 *
 * Gradients, with qₖ = pₖ / S and S = Σp: ∂/∂tₖ = −log cₖ; ∂/∂pⱼ = (uⱼ − Σₖ uₖ·qₖ) / S where
 * uₖ = −tₖ / cₖ inside the clip range (bounds included, as clip's gradient) and 0 outside.
 */
export function categoricalCrossentropyFromProbabilities(target: Tensor, probs: Tensor, epsilon: number): Tensor {
  const classes = probs.shape[probs.rank - 1];
  const rows = classes === 0 ? 0 : probs.size / classes;
  const t = target.data;
  const p = probs.data;
  const round = probs.dtype === "float32" ? Math.fround : (x: number) => x;
  const lo = round(epsilon);
  const hi = round(1 - epsilon);
  const sums = new Float64Array(rows);
  const out = allocate(promoteDTypes(target.dtype, probs.dtype), rows);
  for (let r = 0; r < rows; r++) {
    const o = r * classes;
    let s = 0;
    for (let k = 0; k < classes; k++) s += p[o + k];
    sums[r] = s;
    let loss = 0;
    for (let k = 0; k < classes; k++) loss -= t[o + k] * Math.log(clipped(p[o + k] / s, lo, hi));
    out[r] = loss;
  }
  return opResult("categoricalCrossentropy", out, probs.shape.slice(0, -1), [target, probs], (g: TypedArray) => {
    const gt = target.requiresGrad ? allocate(target.dtype, target.size) : null;
    const gp = probs.requiresGrad ? allocate(probs.dtype, probs.size) : null;
    const u = new Float64Array(classes);
    for (let r = 0; r < rows; r++) {
      const o = r * classes;
      const s = sums[r];
      let uq = 0;
      for (let k = 0; k < classes; k++) {
        const q = p[o + k] / s;
        const c = clipped(q, lo, hi);
        if (gt) gt[o + k] = -g[r] * Math.log(c);
        u[k] = q >= lo && q <= hi ? (-g[r] * t[o + k]) / c : 0;
        uq += u[k] * q;
      }
      if (gp) for (let k = 0; k < classes; k++) gp[o + k] = (u[k] - uq) / s;
    }
    return [gt, gp];
  });
}

function clipped(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
