/** The one place where an op's output is joined to the autodiff graph. */
import { Tensor } from "../tensor/tensor";
import { isGradEnabled, type GradFn } from "../tensor/autograd";
import type { TypedArray } from "../tensor/dtype";
import type { Shape } from "../tensor/shape";

/**
 * Wraps an op's output. The backward closure is only recorded when gradients are
 * enabled and some input requires one, so inference pays nothing for autodiff.
 */
export function opResult(
  op: string,
  data: TypedArray,
  shape: Shape,
  inputs: readonly Tensor[],
  backward: GradFn["backward"],
): Tensor {
  const out = new Tensor(data, shape);
  if (isGradEnabled() && inputs.some((t) => t.requiresGrad)) {
    out.requiresGrad = true;
    out.gradFn = { op, inputs, backward };
  }
  return out;
}

/** Accepts a number where a tensor is expected, as a scalar of the other operand's dtype. */
export function asTensor(x: Tensor | number, like: Tensor): Tensor {
  if (x instanceof Tensor) return x;
  if (typeof x !== "number") {
    throw new TypeError(`expected a Tensor or a number, got ${x === null ? "null" : typeof x}`);
  }
  const data = like.dtype === "float64" ? new Float64Array([x]) : new Float32Array([x]);
  return new Tensor(data, []);
}
