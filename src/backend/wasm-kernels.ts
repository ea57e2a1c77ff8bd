/**
 * Loads the WebAssembly SIMD kernels (`wasm/assembly/*.ts`, AssemblyScript compiled by nnlab's
 * build into `wasm/kernels.wasm`, shipped next to this file) and manages their linear memory.
 *
 * The module has no imports and owns no allocator: this file lays the memory out as
 * `[static data | scratch for packed blocks | operands]`, grows it when a product needs more
 * (it never shrinks: a training loop reaches its high-water mark in the first step and then
 * never allocates again), and re-creates the Float32Array view after a growth detaches it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The part of the WebAssembly JavaScript API used here. (TypeScript declares WebAssembly only in
 * the DOM library, which a Node library does not include; Node has the API itself.)
 */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

/** The functions `wasm/assembly/matmul.ts` exports. */
interface KernelExports {
  memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  heapBase(): number;
  scratchBytes(): number;
  matmulF32(a: number, b: number, c: number, m: number, k: number, n: number, transA: number, transB: number, scratch: number): void;
}

/** Where the compiled kernels are: next to this file, in source (ts-jest) and in `dist` alike. */
export const KERNELS_FILE = join(__dirname, "wasm", "kernels.wasm");

const PAGE_BYTES = 65536;

/** The instantiated kernels and a view of their memory. */
export class WasmKernels {
  private readonly exports: KernelExports;
  /** Byte address of the packing scratch, then of the first operand. */
  private readonly scratch: number;
  private readonly operands: number;
  private heap: Float32Array;

  private constructor(exports: KernelExports) {
    this.exports = exports;
    this.scratch = exports.heapBase();
    this.operands = this.scratch + exports.scratchBytes();
    this.heap = new Float32Array(exports.memory.buffer);
  }

  /**
   * Compiles and instantiates the kernels, or returns why that is impossible here (no
   * WebAssembly, no SIMD, file not built). Synchronous: Node compiles any size synchronously,
   * and the module is a few kilobytes.
   */
  static load(file = KERNELS_FILE): WasmKernels | string {
    const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
    if (api === undefined) return "this JavaScript engine has no WebAssembly";
    if (!existsSync(file)) return `${file} is missing (the build compiles it: npm run build -w nnlab)`;
    try {
      const module = new api.Module(readFileSync(file));
      const instance = new api.Instance(module, {});
      return new WasmKernels(instance.exports as unknown as KernelExports);
    } catch (error) {
      // An engine without 128-bit SIMD rejects the module at compile time.
      return `the WebAssembly SIMD kernels do not compile here: ${(error as Error).message}`;
    }
  }

  /**
   * out[m×n] = op(A) · op(B) in float32 (see {@link Backend.matmul} for the layout). Copies the
   * operands into linear memory, runs the kernel and copies the product out.
   */
  matmulF32(a: Float32Array, b: Float32Array, out: Float32Array, m: number, k: number, n: number, transA: boolean, transB: boolean): void {
    const aAt = this.operands;
    const bAt = aAt + m * k * 4;
    const cAt = bAt + k * n * 4;
    this.ensureBytes(cAt + m * n * 4);
    const heap = this.heap;
    heap.set(a.length === m * k ? a : a.subarray(0, m * k), aAt >> 2);
    heap.set(b.length === k * n ? b : b.subarray(0, k * n), bAt >> 2);
    heap.fill(0, cAt >> 2, (cAt >> 2) + m * n);
    this.exports.matmulF32(aAt, bAt, cAt, m, k, n, transA ? 1 : 0, transB ? 1 : 0, this.scratch);
    out.set(heap.subarray(cAt >> 2, (cAt >> 2) + m * n));
  }

  /** Bytes of linear memory now (for memory figures and tests of growth). */
  get memoryBytes(): number {
    return this.exports.memory.buffer.byteLength;
  }

  private ensureBytes(bytes: number): void {
    const memory = this.exports.memory;
    const have = memory.buffer.byteLength;
    if (bytes <= have) return;
    memory.grow(Math.ceil((bytes - have) / PAGE_BYTES));
    this.heap = new Float32Array(memory.buffer);
  }
}
