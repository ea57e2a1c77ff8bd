/** Seeded synthetic data and column statistics shared by the training-pattern tests. */
import * as nn from "nnlab";

/** An n×d matrix of N(0, 1) draws from `rng`. */
export function normals(rng: nn.Random, n: number, d: number): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
}

/** Row-wise x·Aᵀ + b: points z (n×k) mapped linearly into d dimensions (A is d×k). */
export function affine(z: number[][], a: number[][], b: number[] = a.map(() => 0)): number[][] {
  return z.map((row) => a.map((ai, i) => b[i] + ai.reduce((s, aij, j) => s + aij * row[j], 0)));
}

/** Per-column mean and (population) standard deviation of a row-major matrix. */
export function columnStats(rows: ArrayLike<number>[] | number[][]): { mean: number[]; std: number[] } {
  const d = rows[0].length;
  const mean = Array.from({ length: d }, (_, j) => Array.from(rows, (r) => r[j]).reduce((s, v) => s + v, 0) / rows.length);
  const std = mean.map((m, j) => Math.sqrt(Array.from(rows, (r) => (r[j] - m) ** 2).reduce((s, v) => s + v, 0) / rows.length));
  return { mean, std };
}

/** The rows of a 2-D tensor as arrays. */
export function rowsOf(t: nn.Tensor): number[][] {
  const [n, d] = t.shape;
  return Array.from({ length: n }, (_, i) => Array.from(t.data.subarray(i * d, (i + 1) * d)));
}

/** Mean squared difference of two equally shaped matrices. */
export function mse(a: number[][], b: number[][]): number {
  let s = 0;
  let n = 0;
  a.forEach((row, i) => row.forEach((v, j) => {
    s += (v - b[i][j]) ** 2;
    n++;
  }));
  return s / n;
}
