/** Matrix products: 2-D, a stack of rows times one matrix (dense layers), and broadcast batches (attention). */
import type { Tensor } from "../tensor/tensor";
import { allocate, promoteDTypes, type TypedArray } from "../tensor/dtype";
import { broadcastShapes, shapeToString, sizeOf } from "../tensor/shape";
import { backend } from "../backend/backend";
import { broadcastIndexMap } from "./broadcast";
import { opResult } from "./result";

/** Options of {@link matmul}: use an operand's last two axes transposed, without copying it. */
export interface MatmulOptions {
  /** Multiply by Aᵀ (last two axes of `a` swapped). */
  transposeA?: boolean;
  /** Multiply by Bᵀ (last two axes of `b` swapped), e.g. Q·Kᵀ in attention. */
  transposeB?: boolean;
}

/** The data of `t` in `dtype` (the same array when it already is). */
function asDType(t: Tensor, float64: boolean): TypedArray {
  return float64 && t.dtype !== "float64" ? Float64Array.from(t.data) : t.data;
}

/**
 * Matrix product with NumPy's `matmul` rules: a[..., m, k] · b[..., k, n] → [..., m, n], batch
 * dimensions broadcast; a 1-D `a` is a row and a 1-D `b` a column (that axis is then dropped).
 * When `b` is a matrix, all leading dimensions of `a` are rows of one product (dense layers on
 * sequences cost one kernel call).
 *
 * ```ts
 * nn.matmul(q, k, { transposeB: true }); // [batch, heads, t, d] · [batch, heads, t, d]ᵀ → [batch, heads, t, t]
 * ```
 */
export function matmul(a: Tensor, b: Tensor, options: MatmulOptions = {}): Tensor {
  const tA = options.transposeA ?? false;
  const tB = options.transposeB ?? false;
  if (a.rank < 1 || b.rank < 1) {
    throw new RangeError(`matmul: operands must have rank ≥ 1, got shapes ${shapeToString(a.shape)} and ${shapeToString(b.shape)}`);
  }
  if ((tA && a.rank < 2) || (tB && b.rank < 2)) {
    throw new RangeError(`matmul: transposing needs a matrix, got shapes ${shapeToString(a.shape)} and ${shapeToString(b.shape)}`);
  }
  // Views as matrices: a 1-D a is [1, k]; a 1-D b is [k, 1].
  const aMat = a.rank === 1 ? [1, a.shape[0]] : a.shape.slice(-2);
  const bMat = b.rank === 1 ? [b.shape[0], 1] : b.shape.slice(-2);
  const [m, k] = tA ? [aMat[1], aMat[0]] : aMat;
  const [kb, n] = tB ? [bMat[1], bMat[0]] : bMat;
  if (k !== kb) {
    const ta = tA ? "ᵀ" : "";
    const tb = tB ? "ᵀ" : "";
    throw new RangeError(`matmul: inner dimensions differ: ${shapeToString(a.shape)}${ta} · ${shapeToString(b.shape)}${tb} (${k} vs ${kb})`);
  }
  const float64 = promoteDTypes(a.dtype, b.dtype) === "float64";
  const dtype = float64 ? "float64" : "float32";
  const ad = asDType(a, float64);
  const bd = asDType(b, float64);
  const be = backend();

  if (b.rank <= 2 && !tA) {
    // Fast path: every leading dimension of `a` is a row of one m'×k by k×n product.
    const rows = a.size / Math.max(k, 1);
    const out = allocate(dtype, rows * n);
    be.matmul(ad, bd, out, rows, k, n, false, tB);
    const shape = [...a.shape.slice(0, -1), ...(b.rank === 1 ? [] : [n])];
    return opResult("matmul", out, shape, [a, b], (g: TypedArray) => [
      a.requiresGrad ? product(g, bd, rows, n, k, false, !tB) : null, // dA = G · op(B)ᵀ
      b.requiresGrad ? (tB ? product(g, ad, n, rows, k, true, false) : product(ad, g, k, rows, n, true, false)) : null,
    ]);
  }

  const batchA = a.rank > 2 ? a.shape.slice(0, -2) : [];
  const batchB = b.rank > 2 ? b.shape.slice(0, -2) : [];
  const batch = broadcastShapes(batchA, batchB, "matmul (batch dimensions)");
  const count = sizeOf(batch);
  const ia = broadcastIndexMap(batchA, batch);
  const ib = broadcastIndexMap(batchB, batch);
  const sa = m * k;
  const sb = k * n;
  const so = m * n;
  const out = allocate(dtype, count * so);
  for (let i = 0; i < count; i++) {
    be.matmul(ad.subarray(ia[i] * sa, (ia[i] + 1) * sa), bd.subarray(ib[i] * sb, (ib[i] + 1) * sb), out.subarray(i * so, (i + 1) * so), m, k, n, tA, tB);
  }
  const shape = [...batch, ...(a.rank === 1 ? [] : [m]), ...(b.rank === 1 ? [] : [n])];
  return opResult("matmul", out, shape, [a, b], (g: TypedArray) => {
    let ga: TypedArray | null = null;
    let gb: TypedArray | null = null;
    const scratchA = allocate(dtype, sa);
    const scratchB = allocate(dtype, sb);
    if (a.requiresGrad) ga = allocate(dtype, sizeOf(batchA) * sa);
    if (b.requiresGrad) gb = allocate(dtype, sizeOf(batchB) * sb);
    for (let i = 0; i < count; i++) {
      const gi = g.subarray(i * so, (i + 1) * so);
      const ai = ad.subarray(ia[i] * sa, (ia[i] + 1) * sa);
      const bi = bd.subarray(ib[i] * sb, (ib[i] + 1) * sb);
      if (ga) {
        // d op(A) = G · op(B)ᵀ; stored transposed when transposeA.
        if (tA) be.matmul(bi, gi, scratchA, k, n, m, tB, true);
        else be.matmul(gi, bi, scratchA, m, n, k, false, !tB);
        accumulate(ga, ia[i] * sa, scratchA);
      }
      if (gb) {
        // d op(B) = op(A)ᵀ · G; stored transposed when transposeB.
        if (tB) be.matmul(gi, ai, scratchB, n, m, k, true, tA);
        else be.matmul(ai, gi, scratchB, k, m, n, !tA, false);
        accumulate(gb, ib[i] * sb, scratchB);
      }
    }
    return [ga, gb];
  });
}

/** A fresh op(x)·op(y) of shape m×n, for the fast path's gradients. */
function product(x: TypedArray, y: TypedArray, m: number, k: number, n: number, tX: boolean, tY: boolean): TypedArray {
  const out = allocate(x instanceof Float64Array || y instanceof Float64Array ? "float64" : "float32", m * n);
  backend().matmul(x, y, out, m, k, n, tX, tY);
  return out;
}

/** target[offset …] += values: broadcast batch entries sum their gradients. */
function accumulate(target: TypedArray, offset: number, values: TypedArray): void {
  for (let j = 0; j < values.length; j++) target[offset + j] += values[j];
}
