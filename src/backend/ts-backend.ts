/** The reference backend: plain TypeScript loops, written for clarity first and cache order second. */
import type { Backend } from "./backend";
import type { TypedArray } from "../tensor/dtype";

export const tsBackend: Backend = {
  name: "ts",
  matmul(a: TypedArray, b: TypedArray, out: TypedArray, m: number, k: number, n: number, transA: boolean, transB: boolean): void {
    out.fill(0);
    if (!transB) {
      // i-p-j order: the inner loop walks rows of B and out contiguously.
      for (let i = 0; i < m; i++) {
        const outRow = i * n;
        for (let p = 0; p < k; p++) {
          const av = transA ? a[p * m + i] : a[i * k + p];
          if (av === 0) continue;
          const bRow = p * n;
          for (let j = 0; j < n; j++) out[outRow + j] += av * b[bRow + j];
        }
      }
      return;
    }
    // B stored n×k: the inner loop is a dot product of two contiguous rows.
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        const bRow = j * k;
        if (transA) {
          for (let p = 0; p < k; p++) s += a[p * m + i] * b[bRow + p];
        } else {
          const aRow = i * k;
          for (let p = 0; p < k; p++) s += a[aRow + p] * b[bRow + p];
        }
        out[i * n + j] = s;
      }
    }
  },
};
