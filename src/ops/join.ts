/** Joining tensors: `concat` along an existing axis, `stack` along a new one. */
import { Tensor } from "../tensor/tensor";
import { allocate, promoteDTypes, type TypedArray } from "../tensor/dtype";
import { normalizeAxis, shapeToString, sizeOf } from "../tensor/shape";
import { opResult } from "./result";

function assertTensorList(tensors: readonly Tensor[], op: string): void {
  if (!Array.isArray(tensors) || tensors.length === 0) {
    throw new RangeError(`${op}: expected a non-empty array of tensors, got ${Array.isArray(tensors) ? "an empty array" : typeof tensors}`);
  }
  tensors.forEach((t, i) => {
    if (!(t instanceof Tensor)) throw new TypeError(`${op}: element ${i} is not a Tensor (got ${t === null ? "null" : typeof t})`);
  });
}

/**
 * Lays out the inputs side by side: the output is `outer` rows, and row o is input 0's
 * row o (blocks[0] values), then input 1's, and so on. Both concat and stack are this.
 */
function joinBlocks(op: string, tensors: readonly Tensor[], outer: number, blocks: number[], shape: number[]): Tensor {
  const dtype = tensors.map((t) => t.dtype).reduce(promoteDTypes);
  const rowSize = blocks.reduce((p, b) => p + b, 0);
  const out = allocate(dtype, outer * rowSize);
  let start = 0;
  tensors.forEach((t, i) => {
    const b = blocks[i];
    for (let o = 0; o < outer; o++) out.set(t.data.subarray(o * b, (o + 1) * b), o * rowSize + start);
    start += b;
  });
  return opResult(op, out, shape, tensors, (g: TypedArray) => {
    let from = 0;
    return tensors.map((t, i) => {
      const b = blocks[i];
      const begin = from;
      from += b;
      if (!t.requiresGrad) return null;
      const gt = allocate(t.dtype, t.size);
      for (let o = 0; o < outer; o++) gt.set(g.subarray(o * rowSize + begin, o * rowSize + begin + b), o * b);
      return gt;
    });
  });
}

/**
 * Joins tensors along an existing `axis` (default 0); all other dimensions must agree.
 *
 * ```ts
 * nn.concat([nn.ones([2, 3]), nn.zeros([2, 1])], 1); // shape [2, 4]
 * ```
 */
export function concat(tensors: readonly Tensor[], axis = 0): Tensor {
  assertTensorList(tensors, "concat");
  const first = tensors[0];
  if (first.rank === 0) throw new RangeError("concat: cannot concatenate scalars (rank 0); use stack");
  const ax = normalizeAxis(axis, first.rank, "concat");
  tensors.forEach((t, i) => {
    if (t.rank !== first.rank || t.shape.some((d, k) => k !== ax && d !== first.shape[k])) {
      throw new RangeError(
        `concat: shapes must agree except along axis ${axis}, but tensor 0 has shape ${shapeToString(first.shape)} and tensor ${i} has shape ${shapeToString(t.shape)}`,
      );
    }
  });
  const shape = [...first.shape];
  shape[ax] = tensors.reduce((p, t) => p + t.shape[ax], 0);
  const outer = sizeOf(first.shape.slice(0, ax));
  return joinBlocks("concat", tensors, outer, tensors.map((t) => sizeOf(t.shape.slice(ax))), shape);
}

/**
 * Stacks same-shaped tensors along a new `axis` (default 0).
 *
 * ```ts
 * nn.stack([nn.tensor([1, 2]), nn.tensor([3, 4])]); // [[1, 2], [3, 4]]
 * ```
 */
export function stack(tensors: readonly Tensor[], axis = 0): Tensor {
  assertTensorList(tensors, "stack");
  const first = tensors[0];
  const ax = normalizeAxis(axis, first.rank + 1, "stack");
  tensors.forEach((t, i) => {
    if (t.rank !== first.rank || t.shape.some((d, k) => d !== first.shape[k])) {
      throw new RangeError(`stack: all tensors must have the same shape, but tensor 0 has shape ${shapeToString(first.shape)} and tensor ${i} has shape ${shapeToString(t.shape)}`);
    }
  });
  const shape = [...first.shape.slice(0, ax), tensors.length, ...first.shape.slice(ax)];
  const outer = sizeOf(first.shape.slice(0, ax));
  const block = sizeOf(first.shape.slice(ax));
  return joinBlocks("stack", tensors, outer, tensors.map(() => block), shape);
}
