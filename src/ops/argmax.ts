/** Positions of extremes along an axis: class predictions from scores. */
import { Tensor } from "../tensor/tensor";
import { allocate } from "../tensor/dtype";
import { shapeToString } from "../tensor/shape";
import { axisPlan } from "./reduce";

function argExtreme(op: string, a: Tensor, axis: number, sign: 1 | -1): Tensor {
  const { axis: ax, outer, n, inner } = axisPlan(a.shape, axis, op);
  if (n === 0) throw new RangeError(`${op}: axis ${axis} of shape ${shapeToString(a.shape)} is empty`);
  const x = a.data;
  const out = allocate(a.dtype, outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let r = 0; r < inner; r++) {
      const base = o * n * inner + r;
      let best = 0;
      let bestValue = x[base];
      for (let k = 1; k < n && bestValue === bestValue; k++) {
        const v = x[base + k * inner];
        // Strict comparison keeps the first of tied values; the first NaN wins (NumPy).
        if (sign * v > sign * bestValue || v !== v) {
          best = k;
          bestValue = v;
        }
      }
      out[o * inner + r] = best;
    }
  }
  // Indices are not differentiable: the result is a plain tensor, outside the graph.
  return new Tensor(out, a.shape.filter((_, d) => d !== ax));
}

/**
 * Index of the largest value along `axis` (the last by default), the first one on ties, as
 * NumPy and Keras. The indices come back as a float tensor of `x`'s dtype (exact below 2²⁴).
 */
export function argmax(a: Tensor, axis = -1): Tensor {
  return argExtreme("argmax", a, axis, 1);
}

/** Index of the smallest value along `axis` (the last by default), the first one on ties. */
export function argmin(a: Tensor, axis = -1): Tensor {
  return argExtreme("argmin", a, axis, -1);
}
