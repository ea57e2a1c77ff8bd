/**
 * The matrix product kernel: out = op(A) · op(B), in the GotoBLAS style scaled down to what a
 * JavaScript engine rewards.
 *
 * 1. **Packing.** Both operands are copied into float64 scratch buffers in "panels" of
 *    {@link TILE} rows, interleaved along the shared dimension: panel P holds rows 4P…4P+3 as
 *    `[r0p0, r1p0, r2p0, r3p0, r0p1, …]`. A is packed by rows of op(A), B by columns of op(B)
 *    (= rows of op(B)ᵀ), so one packing routine covers A·B, A·Bᵀ, Aᵀ·B and Aᵀ·Bᵀ: a transpose is
 *    only a swap of strides. Packing costs O(mk + kn) against the product's O(mkn).
 * 2. **A 4×4 register tile.** The micro-kernel keeps a 4×4 block of the output in 16 local
 *    variables and walks the shared dimension once, reading 4 + 4 contiguous values per step
 *    for 16 multiply-adds. Nothing is stored until the block is done.
 *
 * 3. **Blocks.** Operands are packed a block at a time (MC = 128 rows of op(A), KC = 256 of the
 *    shared dimension, NC = 1024 columns of op(B)), so the scratch is fixed (2.3 MiB) whatever
 *    the operands' size (convolution's patch matrices reach millions of elements), and an A
 *    block stays in L2 while the micro-kernel streams it past one B panel in L1. Blocks after
 *    the first along the shared dimension add to the output.
 *
 * Why this shape: measured on the bench's MLP (784-128-10, batch 64) in Node 20, the old i-p-j
 * loop ran at ≈0.3 G multiply-adds/s; unrolled i-p-j loops reached ≈1.2–1.8 but lost ≈40% as
 * soon as the same function saw both Float32Array and Float64Array (V8 then emits polymorphic
 * element loads). Packing makes the hot loop see only Float64Array, whatever the tensors'
 * dtype, and ran at ≈1.8–1.9 G/s on all three products the MLP needs (A·B forward, A·Bᵀ and
 * Aᵀ·B backward). Blocking changed the speed by no more than the noise (±10%) from the MLP's
 * products up to 512×2048×512; it is there to bound memory and for larger products.
 * Accumulating in float64 also makes float32 products more accurate than a float32 running sum
 * (one rounding per KC terms instead of one per term).
 */
import type { TypedArray } from "../tensor/dtype";

/** Rows (and columns) of the output block the micro-kernel computes at once. */
const TILE = 4;
/** Rows of op(A) packed at once: an A block of MC × KC float64 (256 KiB) stays in L2. */
const MC = 128;
/** Depth packed at once (the shared dimension). */
const KC = 256;
/** Columns of op(B) packed at once: a B block is NC × KC float64 (2 MiB). */
const NC = 1024;

// Packing scratch of a fixed size (bounded by the block sizes, whatever the operands' size), and
// the 4×4 block of edge tiles. Allocated once: a training loop does not allocate in the kernel.
const packedA = new Float64Array(MC * KC);
const packedB = new Float64Array(NC * KC);
const edgeTile = new Float64Array(TILE * TILE);

/**
 * Copies a `rows × depth` matrix, whose element (r, p) is `src[offset + r·rowStride +
 * p·depthStride]`, into panels of {@link TILE} rows interleaved along depth (see the file
 * comment). Rows past the end are zero-filled, so the micro-kernel never needs a short tile on
 * the inside.
 */
export function packPanels(src: TypedArray, offset: number, rows: number, depth: number, rowStride: number, depthStride: number, into: Float64Array): Float64Array {
  const panels = Math.ceil(rows / TILE);
  for (let panel = 0; panel < panels; panel++) {
    const base = panel * TILE * depth;
    for (let r = 0; r < TILE; r++) {
      const row = panel * TILE + r;
      if (row < rows) {
        const start = offset + row * rowStride;
        for (let p = 0, s = start, d = base + r; p < depth; p++, s += depthStride, d += TILE) into[d] = src[s];
      } else {
        for (let p = 0, d = base + r; p < depth; p++, d += TILE) into[d] = 0;
      }
    }
  }
  return into;
}

/**
 * One block of the product from packed panels: `pa` holds `m` rows of op(A), `pb` holds `n` rows
 * of op(B)ᵀ, both of depth `k`. Element (i, j) goes to `out[outOffset + i·outStride + j]`,
 * written when `accumulate` is false, added to when true (later blocks of the shared dimension).
 */
export function multiplyPacked(pa: Float64Array, pb: Float64Array, out: TypedArray, outOffset: number, outStride: number, m: number, k: number, n: number, accumulate: boolean): void {
  const rowPanels = Math.ceil(m / TILE);
  const colPanels = Math.ceil(n / TILE);
  const step = TILE * k;
  // Columns outside, rows inside: one B panel (4 × k) stays in L1 while the A block streams
  // from L2.
  for (let J = 0; J < colPanels; J++) {
    const bBase = J * step;
    const j = J * TILE;
    for (let I = 0; I < rowPanels; I++) {
      const aBase = I * step;
      const i = I * TILE;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0, x = aBase, y = bBase; p < k; p++, x += TILE, y += TILE) {
        const b0 = pb[y], b1 = pb[y + 1], b2 = pb[y + 2], b3 = pb[y + 3];
        // One A value at a time keeps the live values (16 sums + 4 of B + 1) within the
        // 16 float registers of x86-64 as far as possible.
        let av = pa[x];
        c00 += av * b0; c01 += av * b1; c02 += av * b2; c03 += av * b3;
        av = pa[x + 1];
        c10 += av * b0; c11 += av * b1; c12 += av * b2; c13 += av * b3;
        av = pa[x + 2];
        c20 += av * b0; c21 += av * b1; c22 += av * b2; c23 += av * b3;
        av = pa[x + 3];
        c30 += av * b0; c31 += av * b1; c32 += av * b2; c33 += av * b3;
      }
      let o = outOffset + i * outStride + j;
      if (i + TILE <= m && j + TILE <= n && !accumulate) {
        out[o] = c00; out[o + 1] = c01; out[o + 2] = c02; out[o + 3] = c03;
        o += outStride;
        out[o] = c10; out[o + 1] = c11; out[o + 2] = c12; out[o + 3] = c13;
        o += outStride;
        out[o] = c20; out[o + 1] = c21; out[o + 2] = c22; out[o + 3] = c23;
        o += outStride;
        out[o] = c30; out[o + 1] = c31; out[o + 2] = c32; out[o + 3] = c33;
      } else {
        // An edge block (write only what lies inside the output) or a later depth block (add).
        const t = edgeTile;
        t[0] = c00; t[1] = c01; t[2] = c02; t[3] = c03; t[4] = c10; t[5] = c11; t[6] = c12; t[7] = c13;
        t[8] = c20; t[9] = c21; t[10] = c22; t[11] = c23; t[12] = c30; t[13] = c31; t[14] = c32; t[15] = c33;
        const rows = Math.min(TILE, m - i);
        const cols = Math.min(TILE, n - j);
        for (let r = 0; r < rows; r++, o += outStride) {
          for (let c = 0; c < cols; c++) out[o + c] = accumulate ? out[o + c] + t[r * TILE + c] : t[r * TILE + c];
        }
      }
    }
  }
}

/**
 * out[m×n] = op(A) · op(B), op(A) m×k (A stored k×m when `transA`), op(B) k×n (B stored n×k
 * when `transB`); all row-major. `out` is overwritten; it may be float32 or float64 (values are
 * accumulated in float64 and rounded on the store, once per {@link KC} of the shared dimension).
 */
export function packedMatmul(a: TypedArray, b: TypedArray, out: TypedArray, m: number, k: number, n: number, transA: boolean, transB: boolean): void {
  if (k === 0) {
    out.fill(0, 0, m * n);
    return;
  }
  // Element (i, p) of op(A): A[i, p] at i·k + p, or A[p, i] at p·m + i.
  const aRow = transA ? 1 : k;
  const aDepth = transA ? m : 1;
  // Element (j, p) of op(B)ᵀ = op(B)(p, j): B[p, j] at p·n + j, or B[j, p] at j·k + p.
  const bRow = transB ? k : 1;
  const bDepth = transB ? 1 : n;
  for (let j0 = 0; j0 < n; j0 += NC) {
    const nb = Math.min(NC, n - j0);
    for (let p0 = 0; p0 < k; p0 += KC) {
      const kb = Math.min(KC, k - p0);
      packPanels(b, j0 * bRow + p0 * bDepth, nb, kb, bRow, bDepth, packedB);
      for (let i0 = 0; i0 < m; i0 += MC) {
        const mb = Math.min(MC, m - i0);
        packPanels(a, i0 * aRow + p0 * aDepth, mb, kb, aRow, aDepth, packedA);
        multiplyPacked(packedA, packedB, out, i0 * n + j0, n, mb, kb, nb, p0 > 0);
      }
    }
  }
}
