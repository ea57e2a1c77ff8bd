/**
 * Both backends' matmul against a plain triple loop (the definition of the product, evaluated in
 * float64), for every transpose combination and for sizes that are not multiples of the tiles
 * (4×4 in TypeScript, 4×8 in WebAssembly), so edge tiles, zero padding and the packing strides
 * are all exercised.
 */
import type { Backend } from "../../../src/backend/backend";
import { packedMatmul } from "../../../src/backend/packed-matmul";
import { tsBackend } from "../../../src/backend/ts-backend";
import { wasmBackend } from "../../../src/backend/wasm-backend";
import { WasmKernels } from "../../../src/backend/wasm-kernels";

const kernels = WasmKernels.load();
if (typeof kernels === "string") throw new Error(`the wasm kernels must be built for these tests: ${kernels}`);
// A second instance that moves op(A) in row blocks of a few rows (as large products do with the
// default 4 Mi floats), so every test below also crosses row-block boundaries.
const blocked = WasmKernels.load(undefined, { chunkFloats: 64 });
if (typeof blocked === "string") throw new Error(blocked);
const BACKENDS: [string, Backend][] = [["ts", tsBackend], ["wasm", wasmBackend(kernels)], ["wasm in row blocks", wasmBackend(blocked)]];

type Arr = Float32Array | Float64Array;

/** out[i][j] = Σ_p op(A)[i][p] · op(B)[p][j], straight from the definition. */
function naive(a: Arr, b: Arr, m: number, k: number, n: number, transA: boolean, transB: boolean): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += (transA ? a[p * m + i] : a[i * k + p]) * (transB ? b[j * k + p] : b[p * n + j]);
      out[i * n + j] = s;
    }
  }
  return out;
}

/** Deterministic values in [-1, 1) (a linear congruential generator; no dependence on nn's RNG). */
function values(size: number, seed: number, Type: Float32ArrayConstructor | Float64ArrayConstructor): Arr {
  let state = seed;
  const out = new Type(size);
  for (let i = 0; i < size; i++) {
    state = (state * 48271) % 2147483647;
    out[i] = (state / 2147483647) * 2 - 1;
  }
  return out;
}

/** Max |actual − expected| relative to the sum of |terms| (the bound rounding error scales with). */
function check(actual: Arr, a: Arr, b: Arr, m: number, k: number, n: number, transA: boolean, transB: boolean, tol: number): void {
  const expected = naive(a, b, m, k, n, transA, transB);
  const absA = a.map(Math.abs) as Arr;
  const absB = b.map(Math.abs) as Arr;
  const scale = naive(absA, absB, m, k, n, transA, transB);
  for (let i = 0; i < m * n; i++) {
    const err = Math.abs(actual[i] - expected[i]) / Math.max(scale[i], 1e-30);
    if (!(err <= tol)) throw new Error(`element ${i} (row ${Math.floor(i / n)}, col ${i % n}): got ${actual[i]}, expected ${expected[i]} (relative error ${err} > ${tol})`);
  }
}

const SIZES: [number, number, number][] = [
  [1, 1, 1],
  [1, 7, 1],
  [3, 5, 2],
  [4, 4, 4],
  [5, 3, 7],
  [7, 9, 6],
  [13, 1, 11],
  [17, 33, 9],
  [64, 30, 10],
  [31, 65, 129],
];
const TRANSPOSES: [boolean, boolean][] = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
];

/**
 * The float32 error bound: the TypeScript kernel sums in float64 and rounds once per depth block
 * of 256; the wasm kernel sums in float32, whose error grows at most as k·u (u = 2⁻²⁴) relative
 * to Σ|a||b| (Higham, Accuracy and Stability of Numerical Algorithms, §3.1).
 */
function float32Tolerance(name: string, k: number): number {
  return name === "ts" ? Math.ceil(Math.max(k, 1) / 256) * 2 ** -23 : Math.max(k, 1) * 2 ** -24 + 2 ** -24;
}

describe("packed kernel by hand", () => {
  test("a hand-computed 2×3 · 3×2 product", () => {
    const a = Float64Array.from([1, 2, 3, 4, 5, 6]); // [[1,2,3],[4,5,6]]
    const b = Float64Array.from([7, 8, 9, 10, 11, 12]); // [[7,8],[9,10],[11,12]]
    const out = new Float64Array(4);
    packedMatmul(a, b, out, 2, 3, 2, false, false);
    // [1·7+2·9+3·11, 1·8+2·10+3·12; 4·7+5·9+6·11, 4·8+5·10+6·12]
    expect(Array.from(out)).toEqual([58, 64, 139, 154]);
    // Aᵀ·Bᵀ with A read as 3×2 and B as 2×3 is (B·A)ᵀ: B = [[7,8,9],[10,11,12]], A = [[1,2],[3,4],[5,6]].
    packedMatmul(a, b, out, 2, 3, 2, true, true);
    // B·A = [[7+24+45, 14+32+54], [10+33+60, 20+44+72]] = [[76, 100], [103, 136]]; transposed:
    expect(Array.from(out)).toEqual([76, 103, 100, 136]);
  });
});

describe.each(BACKENDS)("%s backend matmul", (name, be) => {
  describe.each(TRANSPOSES)("transA=%s transB=%s", (transA, transB) => {
    test.each(SIZES)("float64 m=%i k=%i n=%i matches the definition to 1e-13", (m, k, n) => {
      const a = values(m * k, 1 + m, Float64Array);
      const b = values(k * n, 7 + n, Float64Array);
      const out = new Float64Array(m * n).fill(NaN); // every element must be written
      be.matmul(a, b, out, m, k, n, transA, transB);
      check(out, a, b, m, k, n, transA, transB, 1e-13);
    });

    test.each(SIZES)("float32 m=%i k=%i n=%i matches the definition to float32 rounding", (m, k, n) => {
      const a = values(m * k, 3 + k, Float32Array);
      const b = values(k * n, 11 + m, Float32Array);
      const out = new Float32Array(m * n).fill(NaN);
      be.matmul(a, b, out, m, k, n, transA, transB);
      check(out, a, b, m, k, n, transA, transB, float32Tolerance(name, k));
    });
  });

  test("mixed float32 inputs into a float64 output (as ops do after promotion)", () => {
    const a = values(6 * 5, 5, Float32Array);
    const b = values(5 * 7, 9, Float64Array);
    const out = new Float64Array(6 * 7);
    be.matmul(a, b, out, 6, 5, 7, false, false);
    check(out, a, b, 6, 5, 7, false, false, 1e-13);
  });

  test("an empty shared dimension gives zeros, and empty outputs are fine", () => {
    const out = new Float64Array(6).fill(NaN);
    be.matmul(new Float64Array(0), new Float64Array(0), out, 2, 0, 3, false, false);
    expect(Array.from(out)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(() => be.matmul(new Float64Array(0), new Float64Array(0), new Float64Array(0), 0, 0, 0, true, true)).not.toThrow();
  });

  test("the same buffer as both operands (x·xᵀ) and repeated calls of different sizes reuse scratch correctly", () => {
    const x = values(9 * 6, 13, Float64Array);
    const out = new Float64Array(81);
    be.matmul(x, x, out, 9, 6, 9, false, true);
    check(out, x, x, 9, 6, 9, false, true, 1e-13);
    // A smaller product after a larger one must not read stale scratch.
    const small = new Float64Array(4);
    const a = Float64Array.from([1, 2, 3, 4]);
    be.matmul(a, a, small, 2, 2, 2, false, false);
    expect(Array.from(small)).toEqual([7, 10, 15, 22]);
  });

  // The kernel packs MC = 128 rows, KC = 256 of the shared dimension and NC = 1024 columns at a
  // time; these cross every block boundary (later depth blocks add into the output).
  test.each(TRANSPOSES)("products larger than the packing blocks (transA=%s transB=%s)", (transA, transB) => {
    for (const [m, k, n] of [[131, 517, 9], [5, 260, 1030]]) {
      const a64 = values(m * k, 17 + m, Float64Array);
      const b64 = values(k * n, 19 + n, Float64Array);
      const out64 = new Float64Array(m * n).fill(NaN);
      be.matmul(a64, b64, out64, m, k, n, transA, transB);
      check(out64, a64, b64, m, k, n, transA, transB, 1e-13);
      const a32 = Float32Array.from(a64);
      const b32 = Float32Array.from(b64);
      const out32 = new Float32Array(m * n).fill(NaN);
      be.matmul(a32, b32, out32, m, k, n, transA, transB);
      check(out32, a32, b32, m, k, n, transA, transB, float32Tolerance(name, k));
    }
  });

  test("writes into a view of a larger array (as convolution does with subarray outputs)", () => {
    const a = values(6 * 5, 23, Float32Array);
    const b = values(5 * 3, 29, Float32Array);
    const big = new Float32Array(40).fill(-7);
    const view = big.subarray(10, 28);
    be.matmul(a, b, view, 6, 5, 3, false, false);
    check(view, a, b, 6, 5, 3, false, false, float32Tolerance(name, 5));
    expect(Array.from(big.subarray(0, 10))).toEqual(new Array(10).fill(-7));
    expect(Array.from(big.subarray(28))).toEqual(new Array(12).fill(-7));
  });
});

describe("wasm kernels' memory", () => {
  test("row blocks bound the memory: a tall product needs op(B) plus two blocks, not the whole operand", () => {
    const small = WasmKernels.load(undefined, { chunkFloats: 1024 });
    if (typeof small === "string") throw new Error(small);
    // A first, tiny product makes the memory hold the packing scratch (≈ 1.2 MB).
    small.matmulF32(Float32Array.of(1), Float32Array.of(1), new Float32Array(1), 1, 1, 1, false, false);
    const before = small.memoryBytes;
    // op(A) is 200,000 × 6 (4.8 MB in float32): in blocks of ⌊1024 / 6⌋ → 168 rows.
    const [m, k, n] = [200_000, 6, 5];
    const a = values(m * k, 47, Float32Array) as Float32Array;
    const b = values(k * n, 53, Float32Array) as Float32Array;
    for (const transA of [false, true]) {
      const out = new Float32Array(m * n).fill(NaN);
      expect(small.matmulF32(a, b, out, m, k, n, transA, false)).toBe(true);
      // Spot-check rows across blocks against the definition.
      for (const i of [0, 167, 168, 99_999, m - 1]) {
        for (let j = 0; j < n; j++) {
          let sum = 0;
          for (let p = 0; p < k; p++) sum += (transA ? a[p * m + i] : a[i * k + p]) * b[p * n + j];
          expect(Math.abs(out[i * n + j] - sum)).toBeLessThan(1e-5);
        }
      }
    }
    // Two 64 KiB pages more at most, where the whole operand would have taken 4.8 MB.
    expect(small.memoryBytes - before).toBeLessThanOrEqual(2 * 65536);
  });

  test("grows for a large product, then serves smaller ones without stale data", () => {
    if (typeof kernels === "string") throw new Error(kernels);
    const be = wasmBackend(kernels);
    const [m, k, n] = [300, 700, 200];
    const a = values(m * k, 31, Float32Array);
    const b = values(k * n, 37, Float32Array);
    const out = new Float32Array(m * n).fill(NaN);
    be.matmul(a, b, out, m, k, n, false, false);
    check(out, a, b, m, k, n, false, false, float32Tolerance("wasm", k));
    const grown = kernels.memoryBytes;
    // A 2×2 product after the large one: [[1,2],[3,4]]² = [[7,10],[15,22]], exactly.
    const small = new Float32Array(4);
    be.matmul(Float32Array.from([1, 2, 3, 4]), Float32Array.from([1, 2, 3, 4]), small, 2, 2, 2, false, false);
    expect(Array.from(small)).toEqual([7, 10, 15, 22]);
    expect(kernels.memoryBytes).toBe(grown);
  });

  test("float64 and mixed products are left to the TypeScript kernel, bit for bit", () => {
    if (typeof kernels === "string") throw new Error(kernels);
    const a = values(7 * 9, 41, Float64Array);
    const b = values(9 * 5, 43, Float32Array);
    const viaWasm = new Float64Array(35);
    const viaTs = new Float64Array(35);
    wasmBackend(kernels).matmul(a, b, viaWasm, 7, 9, 5, true, false);
    tsBackend.matmul(a, b, viaTs, 7, 9, 5, true, false);
    expect(Array.from(viaWasm)).toEqual(Array.from(viaTs));
  });

  test("a missing kernels file is reported with its path, not thrown", () => {
    const why = WasmKernels.load("/nonexistent/kernels.wasm");
    expect(why).toBe("/nonexistent/kernels.wasm is missing (the build compiles it: npm run build -w nnlab)");
  });

  test("bytes that are not a SIMD WebAssembly module are reported, not thrown", () => {
    const why = WasmKernels.load(__filename);
    expect(typeof why).toBe("string");
    expect(why).toMatch(/^the WebAssembly SIMD kernels do not compile here: /);
  });
});
