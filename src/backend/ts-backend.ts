/**
 * The reference backend: plain TypeScript, no native code, so it runs wherever Node or a
 * browser does. Its matmul packs both operands and multiplies 4×4 register tiles
 * (`packed-matmul.ts` explains the design and the measurements behind it).
 */
import type { Backend } from "./backend";
import { packedMatmul } from "./packed-matmul";

/** The default backend, registered by `src/index.ts`. */
export const tsBackend: Backend = {
  name: "ts",
  matmul: packedMatmul,
};
