/**
 * LU factorisation with partial pivoting (LAPACK's getrf, unblocked): P·A = L·U with L unit
 * lower triangular and U upper triangular, stored together in one n×n float64 array. Each
 * column's pivot is its largest entry in absolute value on or below the diagonal (the first
 * one on ties), which keeps every multiplier |l_ij| ≤ 1.
 */

/** The factors of P·A = L·U. */
export interface LuFactors {
  n: number;
  /** L below the diagonal (its unit diagonal implied) and U on and above it, row-major. */
  lu: Float64Array;
  /** Row `i` of P·A is row `perm[i]` of A. */
  perm: Int32Array;
  /** +1 or −1: the sign of the permutation (an even or odd number of row swaps). */
  sign: number;
  /** The first column whose pivot is exactly 0 (A is singular), or −1. */
  zeroPivot: number;
}

/** Factors the n×n row-major matrix `a` (not modified). Never throws: a zero pivot is recorded. */
export function luFactor(a: Float64Array, n: number): LuFactors {
  const lu = Float64Array.from(a);
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  let sign = 1;
  let zeroPivot = -1;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(lu[i * n + k]) > Math.abs(lu[p * n + k])) p = i;
    if (p !== k) {
      for (let j = 0; j < n; j++) [lu[k * n + j], lu[p * n + j]] = [lu[p * n + j], lu[k * n + j]];
      [perm[k], perm[p]] = [perm[p], perm[k]];
      sign = -sign;
    }
    const pivot = lu[k * n + k];
    if (pivot === 0) {
      // Nothing to eliminate with; LAPACK goes on to the next column the same way.
      if (zeroPivot < 0) zeroPivot = k;
      continue;
    }
    for (let i = k + 1; i < n; i++) {
      const l = (lu[i * n + k] /= pivot);
      if (l !== 0) for (let j = k + 1; j < n; j++) lu[i * n + j] -= l * lu[k * n + j];
    }
  }
  return { n, lu, perm, sign, zeroPivot };
}

/**
 * Solves A·X = B for X (n×k, row-major) from the factors of a non-singular A:
 * permute B's rows, then L·Y = P·B forward and U·X = Y backward.
 */
export function luSolve(f: LuFactors, b: Float64Array, k: number): Float64Array {
  const { n, lu, perm } = f;
  const x = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) x[i * k + c] = b[perm[i] * k + c];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const l = lu[i * n + j];
      if (l !== 0) for (let c = 0; c < k; c++) x[i * k + c] -= l * x[j * k + c];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) {
      const u = lu[i * n + j];
      if (u !== 0) for (let c = 0; c < k; c++) x[i * k + c] -= u * x[j * k + c];
    }
    const d = lu[i * n + i];
    for (let c = 0; c < k; c++) x[i * k + c] /= d;
  }
  return x;
}

/**
 * Solves Aᵀ·Y = G (n×k) from the factors of A (the backward pass of a solve):
 * Aᵀ = Uᵀ·Lᵀ·P, so Uᵀ·Z = G forward, Lᵀ·W = Z backward, and Y = Pᵀ·W.
 */
export function luSolveTransposed(f: LuFactors, g: Float64Array, k: number): Float64Array {
  const { n, lu, perm } = f;
  const w = Float64Array.from(g);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const u = lu[j * n + i];
      if (u !== 0) for (let c = 0; c < k; c++) w[i * k + c] -= u * w[j * k + c];
    }
    const d = lu[i * n + i];
    for (let c = 0; c < k; c++) w[i * k + c] /= d;
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) {
      const l = lu[j * n + i];
      if (l !== 0) for (let c = 0; c < k; c++) w[i * k + c] -= l * w[j * k + c];
    }
  }
  const y = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) y[perm[i] * k + c] = w[i * k + c];
  return y;
}
