/**
 * Index maps for broadcasting: for each element of the broadcast output, the flat
 * index of the input element it reads. Cached per shape pair, since training reuses
 * the same few shapes every step.
 */
import { stridesOf, type Shape } from "../tensor/shape";
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
