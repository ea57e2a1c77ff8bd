/** Exact k-nearest-neighbour search (Euclidean, brute force), as SMOTE and its variants need. */
import type { Matrix } from "../data/arrays";

/** Squared Euclidean distance between row `i` of `a` and row `j` of `b`. */
export function squaredDistance(a: Matrix, i: number, b: Matrix, j: number): number {
  let s = 0;
  for (let c = 0; c < a.cols; c++) {
    const d = a.data[i * a.cols + c] - b.data[j * b.cols + c];
    s += d * d;
  }
  return s;
}

/**
 * For each row of `queries`, the indices of its `k` nearest rows of `data`, nearest first
 * (equal distances: lower index first). With `excludeSelf`, `queries` is `data` and each
 * row's own index is skipped, as sklearn's `kneighbors()` without arguments does.
 */
export function kNearest(data: Matrix, queries: Matrix, k: number, excludeSelf = false): number[][] {
  const result: number[][] = [];
  const idx = new Array<number>(data.rows);
  const dist = new Float64Array(data.rows);
  for (let q = 0; q < queries.rows; q++) {
    let n = 0;
    for (let i = 0; i < data.rows; i++) {
      if (excludeSelf && i === q) continue;
      dist[i] = squaredDistance(queries, q, data, i);
      idx[n++] = i;
    }
    const cand = idx.slice(0, n).sort((a, b) => dist[a] - dist[b] || a - b);
    result.push(cand.slice(0, k));
  }
  return result;
}
