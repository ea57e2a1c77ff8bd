/**
 * Backend selection: importing nnlab picks WebAssembly SIMD where it runs, `NNLAB_BACKEND`
 * overrides (npm test runs the unit suite once per backend this way), and `nn.setBackend`
 * switches at run time.
 */
import * as nn from "nnlab";
import { selectDefaultBackend } from "../../../src/backend/select";
import { tsBackend } from "../../../src/backend/ts-backend";

const requested = process.env.NNLAB_BACKEND;
afterAll(() => selectDefaultBackend(requested));

test("importing nnlab registers NNLAB_BACKEND's backend, or wasm by default", () => {
  const info = nn.backendInfo();
  expect(info.name).toBe(requested || "wasm");
  expect(nn.backend().name).toBe(info.name);
  expect(info.reason).toBe(requested ? `NNLAB_BACKEND=${requested}` : "the default: WebAssembly SIMD runs here");
  expect(info.available).toEqual(["ts", "wasm"]);
  expect(info.threads).toBe(1);
});

test("setBackend switches, and products agree to float32 rounding", () => {
  // [[1, 2], [3, 4]] · [[5], [6]] = [[17], [39]] (exact in float32 on both backends)
  nn.setBackend("ts");
  expect(nn.backend()).toBe(tsBackend);
  expect(nn.backendInfo()).toMatchObject({ name: "ts", simd: false, reason: 'chosen by setBackend("ts")' });
  expect(Array.from(nn.matmul(nn.tensor([[1, 2], [3, 4]]), nn.tensor([[5], [6]])).data)).toEqual([17, 39]);
  nn.setBackend("wasm");
  expect(nn.backendInfo()).toMatchObject({ name: "wasm", simd: true, reason: 'chosen by setBackend("wasm")' });
  expect(Array.from(nn.matmul(nn.tensor([[1, 2], [3, 4]]), nn.tensor([[5], [6]])).data)).toEqual([17, 39]);
});

test("an unknown backend name is an error naming the choices", () => {
  expect(() => nn.setBackend("gpu" as never)).toThrow('setBackend: backend must be one of "ts", "wasm", got "gpu"');
  expect(() => selectDefaultBackend("webgl")).toThrow('NNLAB_BACKEND: backend must be one of "ts", "wasm", got "webgl"');
});

test("without NNLAB_BACKEND the default is wasm; an empty value counts as unset", () => {
  selectDefaultBackend("");
  expect(nn.backendInfo()).toMatchObject({ name: "wasm", reason: "the default: WebAssembly SIMD runs here" });
  selectDefaultBackend("ts");
  expect(nn.backendInfo()).toMatchObject({ name: "ts", reason: "NNLAB_BACKEND=ts" });
});
