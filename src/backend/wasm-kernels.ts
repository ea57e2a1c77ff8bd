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

/**
 * Floats of op(A) (and of the product) moved into linear memory per call: a product with more
 * rows runs in row blocks, so the memory stays near op(B) + 2 × 16 MiB even when convolution's
 * patch matrices reach gigabytes (the TypeScript backend needs no copy at all, and a copy of the
 * whole operand would double the peak memory).
 */
const CHUNK_FLOATS = 1 << 22;
/** An op(B) larger than this (256 MiB) stays on the TypeScript kernel instead of being copied. */
const MAX_B_FLOATS = 1 << 26;
/** Rows of the micro-kernel's tile: row blocks are multiples of it. */
const TILE_ROWS = 4;

/** Options of {@link WasmKernels.load}, for tests of the row blocking. */
export interface WasmKernelsOptions {
  /** Floats of op(A) and of the product per row block (default 4 Mi). */
  chunkFloats?: number;
}

/** The instantiated kernels and a view of their memory. */
export class WasmKernels {
  private readonly exports: KernelExports;
  /** Byte address of the packing scratch, then of the first operand. */
  private readonly scratch: number;
  private readonly operands: number;
  private readonly chunkFloats: number;
  private heap: Float32Array;

  private constructor(exports: KernelExports, options: WasmKernelsOptions) {
    this.exports = exports;
    this.scratch = exports.heapBase();
    this.operands = this.scratch + exports.scratchBytes();
    this.chunkFloats = options.chunkFloats ?? CHUNK_FLOATS;
    this.heap = new Float32Array(exports.memory.buffer);
  }

  /**
   * Compiles and instantiates the kernels, or returns why that is impossible here (no
   * WebAssembly, no SIMD, file not built). Synchronous: Node compiles any size synchronously,
   * and the module is a few kilobytes.
   */
  static load(file = KERNELS_FILE, options: WasmKernelsOptions = {}): WasmKernels | string {
    const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
    if (api === undefined) return "this JavaScript engine has no WebAssembly";
    if (!existsSync(file)) return `${file} is missing (the build compiles it: npm run build -w nnlab)`;
    try {
      const module = new api.Module(readFileSync(file));
      const instance = new api.Instance(module, {});
      return new WasmKernels(instance.exports as unknown as KernelExports, options);
    } catch (error) {
      // An engine without 128-bit SIMD rejects the module at compile time.
      return `the WebAssembly SIMD kernels do not compile here: ${(error as Error).message}`;
    }
  }

  /**
   * out[m×n] = op(A) · op(B) in float32 (see {@link Backend.matmul} for the layout): copies op(B)
   * into linear memory once, then runs the kernel on blocks of op(A)'s rows, copying each block
   * in and its product rows out. Returns false, having written nothing, when op(B) is too large
   * to copy or the memory cannot grow; the caller then uses the TypeScript kernel.
   */
  matmulF32(a: Float32Array, b: Float32Array, out: Float32Array, m: number, k: number, n: number, transA: boolean, transB: boolean): boolean {
    if (k * n > MAX_B_FLOATS) return false;
    const byRows = Math.floor(this.chunkFloats / Math.max(k, n, 1));
    const rows = Math.min(m, Math.max(TILE_ROWS, byRows - (byRows % TILE_ROWS)));
    const bAt = this.operands;
    const aAt = bAt + k * n * 4;
    const cAt = aAt + rows * k * 4;
    if (!this.ensureBytes(cAt + rows * n * 4)) return false;
    const heap = this.heap;
    heap.set(b.length === k * n ? b : b.subarray(0, k * n), bAt >> 2);
    for (let r0 = 0; r0 < m; r0 += rows) {
      const r1 = Math.min(m, r0 + rows);
      const block = r1 - r0;
      if (!transA) {
        heap.set(a.subarray(r0 * k, r1 * k), aAt >> 2);
      } else {
        // op(A)'s rows r0…r1 are columns of the stored k×m matrix: one contiguous run per row of it.
        for (let p = 0; p < k; p++) heap.set(a.subarray(p * m + r0, p * m + r1), (aAt >> 2) + p * block);
      }
      heap.fill(0, cAt >> 2, (cAt >> 2) + block * n);
      this.exports.matmulF32(aAt, bAt, cAt, block, k, n, transA ? 1 : 0, transB ? 1 : 0, this.scratch);
      out.set(heap.subarray(cAt >> 2, (cAt >> 2) + block * n), r0 * n);
    }
    return true;
  }

  /** Bytes of linear memory now (for memory figures and tests of growth). */
  get memoryBytes(): number {
    return this.exports.memory.buffer.byteLength;
  }

  /** Grows the memory to at least `bytes`; false if the engine refuses (the memory is then unchanged). */
  private ensureBytes(bytes: number): boolean {
    const memory = this.exports.memory;
    const have = memory.buffer.byteLength;
    if (bytes <= have) return true;
    try {
      memory.grow(Math.ceil((bytes - have) / PAGE_BYTES));
    } catch {
      return false;
    }
    this.heap = new Float32Array(memory.buffer);
    return true;
  }
}
