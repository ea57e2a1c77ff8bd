/**
 * The WebAssembly SIMD backend: float32 products run in the kernels of `wasm/assembly/`
 * (several times the TypeScript kernel's speed: 128-bit vectors, and V8 compiles WebAssembly
 * without the type checks a JavaScript loop keeps). float64 products, which nnlab uses for
 * exact teaching demos and gradient checks, stay on the TypeScript kernel, so their results are
 * the reference backend's to the last bit; so do float32 products whose right operand is too
 * large to copy into WebAssembly memory (see `wasm-kernels.ts`).
 */
import type { Backend } from "./backend";
import { packedMatmul } from "./packed-matmul";
import type { WasmKernels } from "./wasm-kernels";

/** A backend running float32 products in the given kernels. */
export function wasmBackend(kernels: WasmKernels): Backend {
  return {
    name: "wasm",
    matmul(a, b, out, m, k, n, transA, transB) {
      const float32 = a instanceof Float32Array && b instanceof Float32Array && out instanceof Float32Array;
      if (!float32 || !kernels.matmulF32(a, b, out, m, k, n, transA, transB)) {
        packedMatmul(a, b, out, m, k, n, transA, transB);
      }
    },
  };
}
