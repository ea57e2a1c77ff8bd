/**
 * The hot numeric kernels, behind a small interface so a faster backend
 * (WebAssembly SIMD, threads) can replace the reference TypeScript one without
 * touching ops or layers.
 */
import type { TypedArray } from "../tensor/dtype";

/** The kernels a compute backend provides; ops call them through {@link backend}. */
export interface Backend {
  /** A short id for messages and benchmarks, e.g. `"ts"`. */
  readonly name: string;
  /**
   * out[m×n] = op(A) · op(B), where op(A) is m×k (A stored k×m when `transA`) and
   * op(B) is k×n (B stored n×k when `transB`). All row-major; `out` is overwritten.
   */
  matmul(a: TypedArray, b: TypedArray, out: TypedArray, m: number, k: number, n: number, transA: boolean, transB: boolean): void;
}

let current: Backend | undefined;

/** Registers the backend that ops use. */
export function setBackendImpl(backend: Backend): void {
  current = backend;
}

/** The backend in use. */
export function backend(): Backend {
  if (!current) throw new Error("nnlab: no compute backend registered");
  return current;
}
