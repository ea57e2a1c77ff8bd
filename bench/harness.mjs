// What the benchmark runner (run.mjs) and its library processes (child.mjs) share: options, the
// seeded generator for synthetic data, the machine description, and how each JavaScript library
// is loaded (nnlab per backend, TensorFlow.js per backend).
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** The repository's root (bench/..). */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** `--name value` from the command line as a string, or `fallback`. */
export function stringOption(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

/** `--name value` from the command line as a number, or `fallback`; a non-number is an error. */
export function option(name, fallback) {
  const raw = stringOption(name, undefined);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new RangeError(`bench: --${name} needs a number, got "${raw}"`);
  return value;
}

/** `--name a,b,c` as a list, or `undefined` when absent. */
export function listOption(name) {
  const raw = stringOption(name, undefined);
  return raw === undefined ? undefined : raw.split(",").map((s) => s.trim()).filter(Boolean);
}

/** mulberry32: a small seeded generator, so every library trains on the same bytes every run. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The hardware and software the numbers come from (load averages are added by the runner). */
export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    logicalCores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/** Thrown when a library cannot run a workload at all (e.g. a missing kernel), as opposed to a bug. */
export class Unsupported extends Error {}

/**
 * nnlab on one compute backend ("ts" or "wasm"). `NNLAB_PATH=/path/to/dist` times another build
 * (e.g. a branch's) without touching this tree; by default the workspace package (src/dist).
 * The runner also sets `NNLAB_BACKEND` for the process, so a backend chosen at load time agrees.
 * Returns `{ nn, info }`, where `info` is `nn.backendInfo()` (or a description of the only,
 * TypeScript, backend in builds that predate backend selection).
 */
export function loadNnlab(backendName) {
  const nn = require(process.env.NNLAB_PATH ? path.resolve(process.env.NNLAB_PATH) : "nnlab");
  if (typeof nn.setBackend !== "function" || typeof nn.backendInfo !== "function") {
    if (backendName !== "ts") throw new Unsupported(`this nnlab build has no nn.setBackend (only the TypeScript backend)`);
    return { nn, info: { name: "ts", simd: false, threads: 1, reason: "build without backend selection" } };
  }
  nn.setBackend(backendName);
  const info = nn.backendInfo();
  if (info.name !== backendName) throw new Unsupported(`nn.setBackend("${backendName}") left backend "${info.name}": ${info.reason}`);
  return { nn, info };
}

/**
 * TensorFlow.js on its "cpu" backend (plain JavaScript) or its "wasm" backend (XNNPACK kernels,
 * SIMD when the engine has it; the .wasm files load from node_modules, no network). One thread:
 * Node has no threaded wasm build path in tfjs 4.22 (WASM_HAS_MULTITHREAD_SUPPORT is false), and
 * `setThreadsCount(1)` says so explicitly should that change. Returns `{ tf, info }`.
 */
export async function loadTfjs(backendName) {
  const tf = require("@tensorflow/tfjs");
  if (backendName === "wasm") {
    const wasm = require("@tensorflow/tfjs-backend-wasm");
    wasm.setThreadsCount(1);
    // Where tfjs looks by default in Node too, stated so that a moved package fails loudly.
    wasm.setWasmPaths(path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm")) + path.sep);
    if (!(await tf.setBackend("wasm"))) throw new Unsupported("tf.setBackend('wasm') failed");
    await tf.ready();
    return {
      tf,
      info: {
        name: "wasm",
        simd: tf.env().getBool("WASM_HAS_SIMD_SUPPORT"),
        threads: wasm.getThreadsCount(),
        multithreadSupport: tf.env().getBool("WASM_HAS_MULTITHREAD_SUPPORT"),
        version: wasm.version_wasm,
      },
    };
  }
  await tf.setBackend("cpu");
  await tf.ready();
  return { tf, info: { name: "cpu", simd: false, threads: 1 } };
}

/**
 * Calls `fn` until at least `minSeconds` have passed (and at least `minCalls` times); returns the
 * number of calls, the total seconds and each call's seconds. For work too short to time once.
 */
export async function repeatFor(fn, { minSeconds = 0.5, minCalls = 1 } = {}) {
  const times = [];
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (times.length < minCalls || elapsed < minSeconds) {
    const t0 = process.hrtime.bigint();
    await fn();
    const t1 = process.hrtime.bigint();
    times.push(Number(t1 - t0) / 1e9);
    elapsed = Number(t1 - start) / 1e9;
  }
  return { calls: times.length, seconds: elapsed, times };
}
