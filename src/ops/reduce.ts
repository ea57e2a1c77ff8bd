/** Sums and means over axes, with gradients that broadcast back. */
import type { Tensor } from "../tensor/tensor";
import { allocate, type TypedArray } from "../tensor/dtype";
import { normalizeAxis, sizeOf } from "../tensor/shape";
import { opResult } from "./result";
import { stridedOffsets } from "./strided";

/**
 * Splits a shape around a set of reduced axes. For contiguous reductions the
 * tensor is viewed as [outer, reduced, inner]; for general sets we map each
 * element to its output slot.
 */
function reductionPlan(shape: readonly number[], axis: number | number[] | undefined, op: string) {
  const rank = shape.length;
  const axes = axis === undefined ? shape.map((_, i) => i) : (Array.isArray(axis) ? axis : [axis]).map((a) => normalizeAxis(a, rank, op));
  const reduced = new Set(axes);
  const keptShape = shape.map((d, i) => (reduced.has(i) ? 1 : d));
  const outShape = shape.filter((_, i) => !reduced.has(i));
  const outStrides: number[] = new Array(rank);
  let s = 1;
  for (let d = rank - 1; d >= 0; d--) {
    outStrides[d] = reduced.has(d) ? 0 : s;
    s *= keptShape[d];
  }
  // outIndex[i]: output slot of input element i.
  const outIndex = stridedOffsets(shape, outStrides);
  const count = axes.reduce((p, a) => p * shape[a], 1);
  return { keptShape, outShape, outIndex, count };
}

function reduceSum(op: string, a: Tensor, axis: number | number[] | undefined, keepDims: boolean, scale: (count: number) => number): Tensor {
  const { keptShape, outShape, outIndex, count } = reductionPlan(a.shape, axis, op);
  const factor = scale(count);
  const outSize = sizeOf(keptShape);
  const out = allocate(a.dtype, outSize);
  const x = a.data;
  for (let i = 0; i < x.length; i++) out[outIndex[i]] += x[i];
  if (factor !== 1) for (let j = 0; j < outSize; j++) out[j] *= factor;
  return opResult(op, out, keepDims ? keptShape : outShape, [a], (g: TypedArray) => {
    const ga = allocate(a.dtype, a.size);
    for (let i = 0; i < ga.length; i++) ga[i] = g[outIndex[i]] * factor;
    return [ga];
  });
}

/** Sum over `axis` (all axes when omitted). */
export function sum(a: Tensor, axis?: number | number[], keepDims = false): Tensor {
  return reduceSum("sum", a, axis, keepDims, () => 1);
}

/** Mean over `axis` (all axes when omitted). */
export function mean(a: Tensor, axis?: number | number[], keepDims = false): Tensor {
  return reduceSum("mean", a, axis, keepDims, (count) => 1 / count);
}
