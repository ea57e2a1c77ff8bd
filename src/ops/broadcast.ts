/**
 * Index maps for broadcasting: for each element of the broadcast output, the flat
 * index of the input element it reads. Cached per shape pair, since training reuses
 * the same few shapes every step.
 */
import type { Tensor } from "../tensor/tensor";
import { promoteDTypes, type DType } from "../tensor/dtype";
import { broadcastShapes, shapesEqual, sizeOf, stridesOf, type Shape } from "../tensor/shape";
import { stridedOffsets } from "./strided";

const cache = new Map<string, Int32Array>();
const MAX_CACHED = 256;

/** Flat input index for every flat output index, broadcasting `inShape` to `outShape`. */
export function broadcastIndexMap(inShape: Shape, outShape: Shape): Int32Array {
  const key = `${inShape.join(",")}|${outShape.join(",")}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rank = outShape.length;
  const offset = rank - inShape.length;
  const inStrides = stridesOf(inShape);
  // Stride 0 along broadcast dimensions: moving along them does not move in the input.
  const strides = outShape.map((_, d) => {
    const id = d - offset;
    return id < 0 || inShape[id] === 1 ? 0 : inStrides[id];
  });
  const map = stridedOffsets(outShape, strides);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, map);
  return map;
}

/** How two operands line up under broadcasting; a null map means "read index i" (no broadcast needed). */
export interface BroadcastPlan {
  shape: number[];
  size: number;
  dtype: DType;
  ia: Int32Array | null;
  ib: Int32Array | null;
}

/** The broadcast of `a` and `b`; `op` names the operation in the shape error. */
export function broadcastPlan(a: Tensor, b: Tensor, op: string): BroadcastPlan {
  const same = shapesEqual(a.shape, b.shape);
  const shape = same ? [...a.shape] : broadcastShapes(a.shape, b.shape, op);
  const size = sizeOf(shape);
  return {
    shape,
    size,
    dtype: promoteDTypes(a.dtype, b.dtype),
    // An operand that already has the output's size (same shape, or only leading 1s) is read directly.
    ia: a.size === size ? null : broadcastIndexMap(a.shape, shape),
    ib: b.size === size ? null : broadcastIndexMap(b.shape, shape),
  };
}
