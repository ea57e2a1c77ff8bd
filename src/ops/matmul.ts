/** Matrix product, with batching over leading dimensions of the left operand. */
import type { Tensor } from "../tensor/tensor";
import { allocate, promoteDTypes, type TypedArray } from "../tensor/dtype";
import { shapeToString } from "../tensor/shape";
import { backend } from "../backend/backend";
import { opResult } from "./result";

/**
 * a[..., m, k] · b[k, n] → [..., m, n]. Leading dimensions of `a` are flattened into
 * rows, which covers dense layers applied to sequences and images.
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.rank < 1 || b.rank !== 2) {
    throw new RangeError(`matmul: expected a of rank ≥ 1 and b of rank 2, got shapes ${shapeToString(a.shape)} and ${shapeToString(b.shape)}`);
  }
  const k = a.shape[a.rank - 1];
  if (k !== b.shape[0]) {
    throw new RangeError(`matmul: inner dimensions differ: ${shapeToString(a.shape)} · ${shapeToString(b.shape)} (${k} vs ${b.shape[0]})`);
  }
  const n = b.shape[1];
  const m = a.size / Math.max(k, 1);
  const dtype = promoteDTypes(a.dtype, b.dtype);
  const ad = a.dtype === dtype ? a.data : Float64Array.from(a.data);
  const bd = b.dtype === dtype ? b.data : Float64Array.from(b.data);
  const out = allocate(dtype, m * n);
  const be = backend();
  be.matmul(ad, bd, out, m, k, n, false, false);
  const shape = [...a.shape.slice(0, -1), n];
  return opResult("matmul", out, shape, [a, b], (g: TypedArray) => {
    let ga: TypedArray | null = null;
    let gb: TypedArray | null = null;
    if (a.requiresGrad) {
      ga = allocate(dtype, m * k); // dA = G · Bᵀ
      be.matmul(g, bd, ga, m, n, k, false, true);
    }
    if (b.requiresGrad) {
      gb = allocate(dtype, k * n); // dB = Aᵀ · G
      be.matmul(ad, g, gb, k, m, n, true, false);
    }
    return [ga, gb];
  });
}
