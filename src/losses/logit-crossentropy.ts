/**
 * Cross-entropy straight from logits, as fused ops with their own backward pass. Composing
 * log(softmax(z)) or log(sigmoid(z)) from separate ops overflows or loses every digit once a
 * logit is large (log(σ(−100)) → log(0) = −∞); these forms stay finite and exact, and their
 * gradients are the familiar σ(z) − t and softmax(z) − t.
 */
import type { Tensor } from "../tensor/tensor";
import { allocate, promoteDTypes, type TypedArray } from "../tensor/dtype";
import { opResult } from "../ops/result";

/**
 * Elementwise −[t·log σ(z) + (1 − t)·log(1 − σ(z))] = max(z, 0) − z·t + log(1 + e^−|z|)
 * (TensorFlow's and PyTorch's stable form). Shapes must already agree.
 * ∂/∂z = σ(z) − t, ∂/∂t = −z.
 */
export function sigmoidCrossEntropyWithLogits(target: Tensor, logits: Tensor): Tensor {
  const n = logits.size;
  const t = target.data;
  const z = logits.data;
  const out = allocate(promoteDTypes(target.dtype, logits.dtype), n);
  for (let i = 0; i < n; i++) out[i] = Math.max(z[i], 0) - z[i] * t[i] + Math.log1p(Math.exp(-Math.abs(z[i])));
  return opResult("sigmoidCrossEntropyWithLogits", out, logits.shape, [target, logits], (g: TypedArray) => {
    const gt = target.requiresGrad ? allocate(target.dtype, n) : null;
    const gz = logits.requiresGrad ? allocate(logits.dtype, n) : null;
    for (let i = 0; i < n; i++) {
      if (gt) gt[i] = -g[i] * z[i];
      if (gz) gz[i] = g[i] * (stableSigmoid(z[i]) - t[i]);
    }
    return [gt, gz];
  });
}

function stableSigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/**
 * Per row of the last axis: −Σ t·log_softmax(z), with log_softmax(z) = z − max − log Σ e^(z − max).
 * Output shape: the input shape without its last axis.
 * ∂/∂z = (Σt)·softmax(z) − t (softmax(z) − t for one-hot rows), ∂/∂t = −log_softmax(z).
 */
export function softmaxCrossEntropyWithLogits(target: Tensor, logits: Tensor): Tensor {
  const classes = logits.shape[logits.rank - 1];
  const rows = classes === 0 ? 0 : logits.size / classes;
  const t = target.data;
  const z = logits.data;
  const logProb = new Float64Array(logits.size);
  const out = allocate(promoteDTypes(target.dtype, logits.dtype), rows);
  for (let r = 0; r < rows; r++) {
    const o = r * classes;
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, z[o + c]);
    let sumExp = 0;
    for (let c = 0; c < classes; c++) sumExp += Math.exp(z[o + c] - max);
    const logSumExp = max + Math.log(sumExp);
    let loss = 0;
    for (let c = 0; c < classes; c++) {
      logProb[o + c] = z[o + c] - logSumExp;
      // 0·log p is 0 even where p underflows to 0 (log p = −∞), as in the limit.
      if (t[o + c] !== 0) loss -= t[o + c] * logProb[o + c];
    }
    out[r] = loss;
  }
  return opResult("softmaxCrossEntropyWithLogits", out, logits.shape.slice(0, -1), [target, logits], (g: TypedArray) => {
    const gt = target.requiresGrad ? allocate(target.dtype, target.size) : null;
    const gz = logits.requiresGrad ? allocate(logits.dtype, logits.size) : null;
    for (let r = 0; r < rows; r++) {
      const o = r * classes;
      let targetSum = 0;
      for (let c = 0; c < classes; c++) targetSum += t[o + c];
      for (let c = 0; c < classes; c++) {
        if (gt) gt[o + c] = -g[r] * logProb[o + c];
        if (gz) gz[o + c] = g[r] * (targetSum * Math.exp(logProb[o + c]) - t[o + c]);
      }
    }
    return [gt, gz];
  });
}
