/** Ops that move values around without computing on them. */
import type { Tensor } from "../tensor/tensor";
import { allocate, type TypedArray } from "../tensor/dtype";
import { normalizeAxis, shapeToString, sizeOf, stridesOf } from "../tensor/shape";
import { opResult } from "./result";
import { stridedOffsets } from "./strided";

/** Same values, new shape; one dimension may be −1 (inferred). */
export function reshape(a: Tensor, shape: readonly number[]): Tensor {
  const inferred = shape.filter((d) => d === -1).length;
  if (inferred > 1 || shape.some((d) => !Number.isInteger(d) || d < -1)) {
    throw new RangeError(`reshape: invalid target shape ${shapeToString(shape)}`);
  }
  const known = shape.reduce((p, d) => (d === -1 ? p : p * d), 1);
  const target = shape.map((d) => (d === -1 ? a.size / known : d));
  if (sizeOf(target) !== a.size || target.some((d) => !Number.isInteger(d))) {
    throw new RangeError(`reshape: cannot reshape a tensor of shape ${shapeToString(a.shape)} (${a.size} values) into ${shapeToString(shape)}`);
  }
  return opResult("reshape", a.data.slice(), target, [a], (g: TypedArray) => [g]);
}

/** Permutes dimensions (reverses them when `perm` is omitted, as NumPy's `.T`). */
export function transpose(a: Tensor, perm?: readonly number[]): Tensor {
  const rank = a.rank;
  const p = perm ?? a.shape.map((_, i) => rank - 1 - i);
  if (p.length !== rank || [...p].sort((x, y) => x - y).some((v, i) => v !== i)) {
    throw new RangeError(`transpose: perm ${shapeToString(p)} is not a permutation of the ${rank} axes of a tensor of shape ${shapeToString(a.shape)}`);
  }
  const outShape = p.map((d) => a.shape[d]);
  const inStrides = stridesOf(a.shape);
  const stepIn = p.map((d) => inStrides[d]);
  // src[i]: input index of output element i.
  const src = stridedOffsets(outShape, stepIn);
  const out = allocate(a.dtype, a.size);
  for (let i = 0; i < src.length; i++) out[i] = a.data[src[i]];
  return opResult("transpose", out, outShape, [a], (g: TypedArray) => {
    const ga = allocate(a.dtype, a.size);
    for (let i = 0; i < src.length; i++) ga[src[i]] = g[i];
    return [ga];
  });
}

/** Rows `indices` of `a` along axis 0 (mini-batches, shuffles); gradients scatter back. */
export function gatherRows(a: Tensor, indices: ArrayLike<number>): Tensor {
  if (a.rank < 1) throw new RangeError("gatherRows: expected a tensor of rank ≥ 1, got a scalar");
  const rowSize = a.size / a.shape[0];
  const out = allocate(a.dtype, indices.length * rowSize);
  for (let r = 0; r < indices.length; r++) {
    const src = indices[r];
    if (!Number.isInteger(src) || src < 0 || src >= a.shape[0]) {
      throw new RangeError(`gatherRows: index ${src} is out of range for ${a.shape[0]} rows`);
    }
    out.set(a.data.subarray(src * rowSize, (src + 1) * rowSize), r * rowSize);
  }
  return opResult("gatherRows", out, [indices.length, ...a.shape.slice(1)], [a], (g: TypedArray) => {
    const ga = allocate(a.dtype, a.size);
    for (let r = 0; r < indices.length; r++) {
      const base = indices[r] * rowSize;
      for (let j = 0; j < rowSize; j++) ga[base + j] += g[r * rowSize + j];
    }
    return [ga];
  });
}

/**
 * Removes axes of length 1: the listed ones (an error if one is not 1), or all of them
 * when `axis` is omitted.
 */
export function squeeze(a: Tensor, axis?: number | readonly number[]): Tensor {
  let drop: Set<number>;
  if (axis === undefined) {
    drop = new Set(a.shape.flatMap((d, i) => (d === 1 ? [i] : [])));
  } else {
    drop = new Set((typeof axis === "number" ? [axis] : axis).map((ax) => normalizeAxis(ax, a.rank, "squeeze")));
    for (const d of drop) {
      if (a.shape[d] !== 1) throw new RangeError(`squeeze: axis ${d} of shape ${shapeToString(a.shape)} has length ${a.shape[d]}, expected 1`);
    }
  }
  return reshape(a, a.shape.filter((_, i) => !drop.has(i)));
}

/** Inserts an axis of length 1 at `axis` (−1 appends one at the end), as NumPy's `expand_dims`. */
export function expandDims(a: Tensor, axis = 0): Tensor {
  const ax = normalizeAxis(axis, a.rank + 1, "expandDims");
  return reshape(a, [...a.shape.slice(0, ax), 1, ...a.shape.slice(ax)]);
}
