/** Constant padding of any axes (`nn.pad`), the op behind `ZeroPadding2D`; its gradient is the inner box. */
import type { Tensor } from "../tensor/tensor";
import { allocate, type TypedArray } from "../tensor/dtype";
import { shapeToString, stridesOf } from "../tensor/shape";
import { opResult } from "./result";
import { stridedOffsets } from "./strided";

/**
 * Pads `x` with `value` (default 0): `paddings[d] = [before, after]` for axis d; missing trailing
 * axes are not padded (NumPy's `pad` with a constant, tfjs's `pad`).
 *
 * ```ts
 * nn.pad(images, [[0, 0], [1, 1], [2, 2], [0, 0]]);  // [n, h, w, c] → [n, h + 2, w + 4, c]
 * ```
 */
export function pad(x: Tensor, paddings: readonly (readonly [number, number])[], value = 0): Tensor {
  if (!Array.isArray(paddings) || paddings.length > x.rank || paddings.some((p) => !Array.isArray(p) || p.length !== 2 || p.some((v) => !Number.isInteger(v) || v < 0))) {
    throw new RangeError(`pad: paddings must be at most ${x.rank} pairs [before, after] of non-negative integers (input shape ${shapeToString(x.shape)}), got ${JSON.stringify(paddings)}`);
  }
  if (typeof value !== "number") throw new TypeError(`pad: value must be a number, got ${typeof value}`);
  const before = x.shape.map((_, d) => paddings[d]?.[0] ?? 0);
  const shape = x.shape.map((n, d) => n + before[d] + (paddings[d]?.[1] ?? 0));
  const strides = stridesOf(shape);
  const base = before.reduce((s, b, d) => s + b * strides[d], 0);
  // Where each input element lands in the output.
  const offsets = stridedOffsets(x.shape, strides);
  const out = allocate(x.dtype, shape.reduce((p, n) => p * n, 1));
  if (value !== 0) out.fill(value);
  const xd = x.data;
  for (let i = 0; i < offsets.length; i++) out[base + offsets[i]] = xd[i];
  return opResult("pad", out, shape, [x], (g: TypedArray) => {
    const gx = allocate(x.dtype, x.size);
    for (let i = 0; i < offsets.length; i++) gx[i] = g[base + offsets[i]];
    return [gx];
  });
}
