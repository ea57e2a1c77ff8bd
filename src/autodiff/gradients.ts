/** The one step every autodiff entry point shares: d target / d source, as tensors. */
import { Tensor } from "../tensor/tensor";
import { allocate, type TypedArray } from "../tensor/dtype";
import { backprop } from "../tensor/autograd";
import { shapeToString } from "../tensor/shape";

/**
 * Gradients of `target` with respect to each source (zeros for a source it does not depend on).
 * A non-scalar target needs `outputGradient` (d loss / d target, same shape) unless
 * `onesIfMissing`, which seeds with ones as tfjs does (the gradient of target.sum()).
 */
export function gradientTensors(
  where: string,
  target: Tensor,
  sources: readonly Tensor[],
  outputGradient?: Tensor,
  onesIfMissing = false,
): Tensor[] {
  if (!(target instanceof Tensor)) {
    throw new TypeError(`${where}: the differentiated value must be a Tensor, got ${target === null ? "null" : typeof target}`);
  }
  let seed: TypedArray;
  if (outputGradient !== undefined) {
    if (!(outputGradient instanceof Tensor) || outputGradient.size !== target.size) {
      const got = outputGradient instanceof Tensor ? shapeToString(outputGradient.shape) : typeof outputGradient;
      throw new RangeError(`${where}: output gradient must have the target's shape ${shapeToString(target.shape)}, got ${got}`);
    }
    seed = allocate(target.dtype, target.size);
    seed.set(outputGradient.data);
  } else if (target.size === 1 || onesIfMissing) {
    seed = allocate(target.dtype, target.size).fill(1);
  } else {
    throw new RangeError(`${where}: the target must be a scalar, got shape ${shapeToString(target.shape)}; pass an output gradient of that shape`);
  }
  const grads = target.requiresGrad ? backprop(target, seed) : new Map<Tensor, TypedArray>();
  return sources.map((s) => {
    const g = grads.get(s);
    const data = allocate(s.dtype, s.size);
    if (g) data.set(g);
    return new Tensor(data, s.shape);
  });
}

/** A fresh leaf sharing `x`'s values, recording gradients: what `nn.grad` differentiates with respect to. */
export function freshLeaf(x: Tensor, where: string, position: string): Tensor {
  if (!(x instanceof Tensor)) {
    throw new TypeError(`${where}: ${position} must be a Tensor, got ${x === null ? "null" : Array.isArray(x) ? "an array (wrap it with nn.tensor)" : typeof x}`);
  }
  return new Tensor(x.data, x.shape, { requiresGrad: true });
}
