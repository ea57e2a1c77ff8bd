/**
 * The broadcast layout training meets every step — a bias row, a scalar or an equal-shaped
 * operand against a batch — seen as tiles: the smaller operand is the output's trailing block,
 * repeated along the leading axes. Elementwise loops over tiles need no index maps.
 */
import type { Tensor } from "../tensor/tensor";
import type { TypedArray } from "../tensor/dtype";
import type { Shape } from "../tensor/shape";

/**
 * The period with which `t` repeats in a broadcast to `outShape`: its size when its shape
 * (leading 1s dropped) equals the trailing dimensions of `outShape` (`[units]` against
 * `[batch, units]`, a scalar against anything), else 0 (a column `[m, 1]` needs an index map).
 */
export function tilePeriod(t: Tensor, outShape: Shape): number {
  const shape = t.shape;
  let first = 0;
  while (first < shape.length && shape[first] === 1) first++;
  const rank = shape.length - first;
  if (rank > outShape.length) return 0;
  const offset = outShape.length - rank;
  for (let d = 0; d < rank; d++) if (shape[first + d] !== outShape[offset + d]) return 0;
  return t.size;
}

/**
 * Adds every `period`-long tile of `g` into `into` (length `period`) and returns it: the
 * gradient of an operand that was repeated along the leading axes. Tiles are summed in order,
 * as the generic broadcast loop sums them.
 */
export function sumTiles(g: TypedArray, period: number, into: TypedArray): TypedArray {
  for (let r = 0; r < g.length; r += period) {
    for (let j = 0; j < period; j++) into[j] += g[r + j];
  }
  return into;
}
