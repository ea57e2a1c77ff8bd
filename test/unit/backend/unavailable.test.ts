/**
 * Where WebAssembly SIMD cannot run (an old engine, or kernels.wasm not built), nnlab falls back
 * to the TypeScript backend and says why; asking for wasm explicitly is then an error, so a run
 * that requested it never silently measures the other backend.
 */
const WHY = "the WebAssembly SIMD kernels do not compile here: invalid opcode";

function selectWithoutWasm(): typeof import("../../../src/backend/select") {
  let select!: typeof import("../../../src/backend/select");
  jest.isolateModules(() => {
    jest.doMock("../../../src/backend/wasm-kernels", () => ({ WasmKernels: { load: () => WHY } }));
    select = require("../../../src/backend/select");
  });
  return select;
}

afterEach(() => jest.dontMock("../../../src/backend/wasm-kernels"));

test("the default falls back to ts and says why", () => {
  const select = selectWithoutWasm();
  select.selectDefaultBackend("");
  expect(select.backendInfo()).toEqual({
    name: "ts",
    simd: false,
    threads: 1,
    reason: `the default, as WebAssembly SIMD is unavailable: ${WHY}`,
    available: ["ts"],
  });
});

test("setBackend('wasm') and NNLAB_BACKEND=wasm are errors that carry the reason", () => {
  const select = selectWithoutWasm();
  expect(() => select.setBackend("wasm")).toThrow(`nnlab: the wasm backend cannot run: ${WHY}`);
  expect(() => select.selectDefaultBackend("wasm")).toThrow(`nnlab: the wasm backend cannot run: ${WHY}`);
  select.setBackend("ts");
  expect(select.backendInfo().name).toBe("ts");
});
