/**
 * Softmax and log-softmax as activations: the stable ops of `src/ops/softmax.ts` along an
 * axis (the last by default), also as factories with the axis fixed.
 */
import type { Tensor } from "../tensor/tensor";
import { logSoftmax as logSoftmaxOp, softmax as softmaxOp } from "../ops";
import { checkOptions, configured, isTensor, type ConfiguredActivation } from "./activation";

/** Options of {@link softmax} and {@link logSoftmax}. */
export interface SoftmaxOptions {
  /** The axis whose entries form each distribution (default −1, the last). */
  axis?: number;
}

/** An activation along an axis: applied to a tensor, or made into an activation with the axis fixed. */
export interface AxisActivation {
  /** Applies the activation along `axis` (default −1). */
  (x: Tensor, axis?: number): Tensor;
  /** The activation with `options.axis` fixed, for a layer's `activation`. */
  (options: SoftmaxOptions): ConfiguredActivation;
}

function checkAxis(axis: unknown, activation: string): number {
  if (typeof axis !== "number" || !Number.isInteger(axis)) {
    throw new TypeError(`${activation}: axis must be an integer, got ${typeof axis === "number" ? axis : typeof axis}`);
  }
  return axis;
}

function axisActivation(id: string, op: (x: Tensor, axis: number) => Tensor): AxisActivation {
  const activation = (x: Tensor | SoftmaxOptions, axis: number = -1): Tensor | ConfiguredActivation => {
    if (isTensor(x)) return op(x, checkAxis(axis, id));
    checkOptions(x, id);
    const a = checkAxis(x.axis ?? -1, id);
    return configured(id, { axis: a }, (t) => op(t, a));
  };
  return Object.defineProperty(activation, "name", { value: id }) as AxisActivation;
}

/**
 * eˣ / Σeˣ along `axis`: each lane becomes a probability distribution. Stable for any logits
 * (it depends only on differences: softmax(x + c) = softmax(x)).
 * `softmax(x)`, `softmax(x, axis)` apply it; `softmax({ axis })` returns the activation.
 */
export const softmax: AxisActivation = axisActivation("softmax", softmaxOp);

/**
 * log(softmax(x)) along `axis`, computed as x − logSumExp(x) so it stays finite where softmax
 * underflows. `logSoftmax(x)`, `logSoftmax(x, axis)` apply it; `logSoftmax({ axis })` returns the activation.
 */
export const logSoftmax: AxisActivation = axisActivation("logSoftmax", logSoftmaxOp);
