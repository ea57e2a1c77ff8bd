/**
 * Which backend runs the kernels: WebAssembly SIMD when this engine can run it, the TypeScript
 * reference otherwise; `NNLAB_BACKEND=ts|wasm` in the environment or {@link setBackend} choose
 * explicitly, and {@link backendInfo} says what is in use and why.
 */
import { backend, setBackendImpl, type Backend } from "./backend";
import { tsBackend } from "./ts-backend";
import { wasmBackend } from "./wasm-backend";
import { WasmKernels } from "./wasm-kernels";

/** The backends nnlab has. */
export type BackendName = "ts" | "wasm";

const BACKEND_NAMES: readonly BackendName[] = ["ts", "wasm"];

/** What {@link backendInfo} reports. */
export interface BackendInfo {
  /** The backend in use. */
  name: BackendName;
  /** Whether products run in 128-bit SIMD (the wasm backend, float32 tensors). */
  simd: boolean;
  /** Threads a product uses (one: nnlab computes on the calling thread). */
  threads: number;
  /** Why this backend is in use, and why wasm is not when it is not. */
  reason: string;
  /** The backends this engine can run. */
  available: BackendName[];
}

// The wasm backend, or why it cannot run here; loaded on first need and then kept.
let wasm: Backend | string | undefined;
let reason = "";

function wasmOrWhyNot(): Backend | string {
  if (wasm === undefined) {
    const kernels = WasmKernels.load();
    wasm = typeof kernels === "string" ? kernels : wasmBackend(kernels);
  }
  return wasm;
}

function use(name: BackendName, why: string): void {
  if (name === "ts") {
    setBackendImpl(tsBackend);
  } else {
    const found = wasmOrWhyNot();
    if (typeof found === "string") throw new Error(`nnlab: the wasm backend cannot run: ${found}`);
    setBackendImpl(found);
  }
  reason = why;
}

function assertBackendName(name: unknown, where: string): asserts name is BackendName {
  if (!BACKEND_NAMES.includes(name as BackendName)) {
    throw new TypeError(`${where}: backend must be one of ${BACKEND_NAMES.map((n) => JSON.stringify(n)).join(", ")}, got ${JSON.stringify(name)}`);
  }
}

/**
 * Runs every later product on the named backend: `"wasm"` (WebAssembly SIMD, the default where
 * it runs) or `"ts"` (plain TypeScript, the readable reference). Results agree within float32
 * rounding; float64 tensors compute identically on both. Throws if the backend cannot run here.
 */
export function setBackend(name: BackendName): void {
  assertBackendName(name, "setBackend");
  use(name, `chosen by setBackend(${JSON.stringify(name)})`);
}

/** The backend in use, and why (see {@link BackendInfo}). */
export function backendInfo(): BackendInfo {
  const name = backend().name as BackendName;
  const wasmHere = wasmOrWhyNot();
  return {
    name,
    simd: name === "wasm",
    threads: 1,
    reason,
    available: typeof wasmHere === "string" ? ["ts"] : ["ts", "wasm"],
  };
}

/**
 * Picks the backend when nnlab loads: the one `NNLAB_BACKEND` names (an error if it cannot run,
 * so a test run that asks for wasm never silently measures ts), else wasm where it runs, else ts.
 */
export function selectDefaultBackend(requested: string | undefined = typeof process === "undefined" ? undefined : process.env.NNLAB_BACKEND): void {
  if (requested !== undefined && requested !== "") {
    assertBackendName(requested, "NNLAB_BACKEND");
    use(requested, `NNLAB_BACKEND=${requested}`);
    return;
  }
  const found = wasmOrWhyNot();
  if (typeof found === "string") use("ts", `the default, as WebAssembly SIMD is unavailable: ${found}`);
  else use("wasm", "the default: WebAssembly SIMD runs here");
}
