/**
 * The odometer behind broadcasting, reductions and transposes: walk `shape` in row-major
 * order and return, for each position, the offset Σ counter[d]·strides[d]. A stride of 0
 * repeats (broadcast) or merges (reduce) along that dimension.
 */
export function stridedOffsets(shape: readonly number[], strides: readonly number[]): Int32Array {
  const rank = shape.length;
  const n = shape.reduce((p, d) => p * d, 1);
  const offsets = new Int32Array(n);
  const counter = new Array<number>(rank).fill(0);
  let offset = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = offset;
    for (let d = rank - 1; d >= 0; d--) {
      counter[d]++;
      offset += strides[d];
      if (counter[d] < shape[d]) break;
      offset -= strides[d] * shape[d];
      counter[d] = 0;
    }
  }
  return offsets;
}
