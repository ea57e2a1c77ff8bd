/**
 * The WebAssembly SIMD matrix product (AssemblyScript, compiled by `asc` in nnlab's build):
 * C = op(A) · op(B) in float32, the GotoBLAS design of `../../packed-matmul.ts` (read that file
 * first: it is the readable reference) with 128-bit SIMD registers.
 *
 * - The micro-kernel keeps a 4×8 block of C in eight f32x4 registers. Each step along the
 *   shared dimension loads 8 values of a packed B panel (two vectors) and splats 4 values of a
 *   packed A panel, for 32 multiply-adds. Twelve registers are live, within x64's sixteen, so
 *   V8 never spills inside the loop (a 6×8 tile needs fifteen and measured no faster).
 * - A is packed in panels of 4 rows, B in panels of 8 columns, each interleaved along the
 *   shared dimension and zero-padded at the edges, so the micro-kernel has no edge cases.
 *   Packing is also where the transposes disappear (only strides change).
 * - Blocks of KC × MC (A, 128 KiB, in L2) and KC × NC (B) bound the scratch whatever the size.
 *
 * The caller (src/backend/wasm-backend.ts) owns the memory layout: it copies A and B into
 * linear memory, passes their addresses and scratch for the packed blocks, and reads C back.
 * C is accumulated into (C += …), so the caller zeroes it first.
 */

const MR: i32 = 4;
const NR: i32 = 8;
export const KC: i32 = 256;
export const MC: i32 = 128;
export const NC: i32 = 1024;

/** Bytes of scratch the caller must provide: a packed A block, a packed B block and one edge tile. */
export function scratchBytes(): i32 {
  return (MC * KC + NC * KC + MR * NR) * 4;
}

/** Where the caller may start its allocations (after AssemblyScript's static data). */
export function heapBase(): usize {
  return (__heap_base + 15) & ~15;
}

/** Copies rows ic…ic+mc of op(A) and depth pc…pc+kc into panels of MR rows (zero-padded). */
function packA(a: usize, m: i32, k: i32, transA: bool, ic: i32, mc: i32, pc: i32, kc: i32, into: usize): void {
  const panels = (mc + MR - 1) / MR;
  for (let panel = 0; panel < panels; panel++) {
    const base = into + <usize>(panel * MR * kc) * 4;
    for (let r = 0; r < MR; r++) {
      const row = ic + panel * MR + r;
      if (row < ic + mc) {
        if (transA) {
          // op(A)(row, p) = A[p][row]: stride m along depth.
          for (let p = 0; p < kc; p++) store<f32>(base + <usize>(p * MR + r) * 4, load<f32>(a + <usize>((pc + p) * m + row) * 4));
        } else {
          const src = a + <usize>(row * k + pc) * 4;
          for (let p = 0; p < kc; p++) store<f32>(base + <usize>(p * MR + r) * 4, load<f32>(src + <usize>p * 4));
        }
      } else {
        for (let p = 0; p < kc; p++) store<f32>(base + <usize>(p * MR + r) * 4, 0);
      }
    }
  }
}

/** Copies columns jc…jc+nc of op(B) and depth pc…pc+kc into panels of NR columns (zero-padded). */
function packB(b: usize, k: i32, n: i32, transB: bool, jc: i32, nc: i32, pc: i32, kc: i32, into: usize): void {
  const panels = (nc + NR - 1) / NR;
  for (let panel = 0; panel < panels; panel++) {
    const base = into + <usize>(panel * NR * kc) * 4;
    const col0 = jc + panel * NR;
    const cols = min(NR, jc + nc - col0);
    if (!transB && cols == NR) {
      // The common case: 8 contiguous values of a row of B per step, two vector copies.
      for (let p = 0; p < kc; p++) {
        const src = b + <usize>((pc + p) * n + col0) * 4;
        const dst = base + <usize>(p * NR) * 4;
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
      }
      continue;
    }
    for (let c = 0; c < NR; c++) {
      const col = col0 + c;
      if (c < cols) {
        if (transB) {
          // op(B)(p, col) = B[col][p]: contiguous along depth.
          const src = b + <usize>(col * k + pc) * 4;
          for (let p = 0; p < kc; p++) store<f32>(base + <usize>(p * NR + c) * 4, load<f32>(src + <usize>p * 4));
        } else {
          for (let p = 0; p < kc; p++) store<f32>(base + <usize>(p * NR + c) * 4, load<f32>(b + <usize>((pc + p) * n + col) * 4));
        }
      } else {
        for (let p = 0; p < kc; p++) store<f32>(base + <usize>(p * NR + c) * 4, 0);
      }
    }
  }
}

/** C[4×8 block at c, row stride ldc floats] += packed A panel · packed B panel over kc steps. */
// @ts-ignore: decorator
@inline
function microKernel(pa: usize, pb: usize, kc: i32, c: usize, ldc: i32): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = v128.load32_splat(pa);
    c00 = f32x4.add(c00, f32x4.mul(a, b0));
    c01 = f32x4.add(c01, f32x4.mul(a, b1));
    a = v128.load32_splat(pa, 4);
    c10 = f32x4.add(c10, f32x4.mul(a, b0));
    c11 = f32x4.add(c11, f32x4.mul(a, b1));
    a = v128.load32_splat(pa, 8);
    c20 = f32x4.add(c20, f32x4.mul(a, b0));
    c21 = f32x4.add(c21, f32x4.mul(a, b1));
    a = v128.load32_splat(pa, 12);
    c30 = f32x4.add(c30, f32x4.mul(a, b0));
    c31 = f32x4.add(c31, f32x4.mul(a, b1));
    pa += 16;
    pb += 32;
  }
  const row = <usize>ldc * 4;
  v128.store(c, f32x4.add(v128.load(c), c00));
  v128.store(c, f32x4.add(v128.load(c, 16), c01), 16);
  c += row;
  v128.store(c, f32x4.add(v128.load(c), c10));
  v128.store(c, f32x4.add(v128.load(c, 16), c11), 16);
  c += row;
  v128.store(c, f32x4.add(v128.load(c), c20));
  v128.store(c, f32x4.add(v128.load(c, 16), c21), 16);
  c += row;
  v128.store(c, f32x4.add(v128.load(c), c30));
  v128.store(c, f32x4.add(v128.load(c, 16), c31), 16);
}

/**
 * C (m×n, row-major at `c`, zeroed by the caller) += op(A) · op(B); op(A) is m×k (A stored k×m
 * when `transA`), op(B) is k×n (B stored n×k when `transB`). `scratch` holds
 * {@link scratchBytes} bytes.
 */
export function matmulF32(a: usize, b: usize, c: usize, m: i32, k: i32, n: i32, transA: bool, transB: bool, scratch: usize): void {
  const packedA = scratch;
  const packedB = packedA + <usize>(MC * KC) * 4;
  const edge = packedB + <usize>(NC * KC) * 4;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      packB(b, k, n, transB, jc, nc, pc, kc, packedB);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        packA(a, m, k, transA, ic, mc, pc, kc, packedA);
        for (let jr = 0; jr < nc; jr += NR) {
          const pb = packedB + <usize>(jr * kc) * 4;
          const cols = min(NR, nc - jr);
          for (let ir = 0; ir < mc; ir += MR) {
            const pa = packedA + <usize>(ir * kc) * 4;
            const rows = min(MR, mc - ir);
            const out = c + <usize>((ic + ir) * n + jc + jr) * 4;
            if (rows == MR && cols == NR) {
              microKernel(pa, pb, kc, out, n);
            } else {
              // An edge tile: compute the full 4×8 block into scratch, add the part inside C.
              memory.fill(edge, 0, MR * NR * 4);
              microKernel(pa, pb, kc, edge, NR);
              for (let r = 0; r < rows; r++) {
                for (let col = 0; col < cols; col++) {
                  const dst = out + <usize>(r * n + col) * 4;
                  store<f32>(dst, load<f32>(dst) + load<f32>(edge + <usize>(r * NR + col) * 4));
                }
              }
            }
          }
        }
      }
    }
  }
}
