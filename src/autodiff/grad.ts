/**
 * Function transforms in tfjs's spelling: `nn.grad(f)` is a function that returns df/dx.
 * They differentiate once (first derivatives); gradients flow through every nnlab op.
 */
import type { Tensor } from "../tensor/tensor";
import { enableGrad } from "../tensor/autograd";
import { freshLeaf, gradientTensors } from "./gradients";

/**
 * The gradient function of `f`: `nn.grad(f)(x)` is df/dx at x, with x's shape. For a
 * non-scalar f(x), pass `dy` (d something / d f(x)); without it ones are used, i.e. the
 * gradient of f(x).sum() (tfjs semantics).
 *
 * ```ts
 * const df = nn.grad((x) => x.square().add(x)); // d/dx (x² + x) = 2x + 1
 * df(nn.tensor([0, 1, 2]));                      // [1, 3, 5]
 * ```
 */
export function grad(f: (x: Tensor) => Tensor): (x: Tensor, dy?: Tensor) => Tensor {
  return (x, dy) => differentiate("grad", f, [x], dy).grads[0];
}

/**
 * The gradient function of a function of several tensors: `nn.grads(f)([a, b])` is
 * [df/da, df/db].
 *
 * ```ts
 * const [dx, dy] = nn.grads((x, y) => x.square().add(y.square()).sqrt())([nn.tensor(3), nn.tensor(4)]); // 0.6, 0.8
 * ```
 */
export function grads(f: (...args: Tensor[]) => Tensor): (args: Tensor[], dy?: Tensor) => Tensor[] {
  return (args, dy) => differentiate("grads", f, args, dy).grads;
}

/**
 * Like {@link grad}, but also returns f(x) (computed once): `{ value, grad }`.
 *
 * ```ts
 * const { value, grad } = nn.valueAndGrad((w) => w.sub(3).square().sum())(nn.tensor([1]));
 * // value 4, grad [-4]
 * ```
 */
export function valueAndGrad(f: (x: Tensor) => Tensor): (x: Tensor, dy?: Tensor) => {
  /** f(x). */
  value: Tensor;
  /** d f / d x (weighted by `dy` when given), shaped like `x`. */
  grad: Tensor;
} {
  return (x, dy) => {
    const { value, grads: [g] } = differentiate("valueAndGrad", f, [x], dy);
    return { value, grad: g };
  };
}

/** Like {@link grads}, but also returns the value: `{ value, grads }`. */
export function valueAndGrads(f: (...args: Tensor[]) => Tensor): (args: Tensor[], dy?: Tensor) => {
  /** f(...args). */
  value: Tensor;
  /** d f / d args[i] (weighted by `dy` when given), each shaped like its argument. */
  grads: Tensor[];
} {
  return (args, dy) => differentiate("valueAndGrads", f, args, dy);
}

/** Calls f on fresh leaves sharing the arguments' values, with recording on, and backpropagates once. */
function differentiate(where: string, f: (...args: Tensor[]) => Tensor, args: Tensor[], dy?: Tensor): { value: Tensor; grads: Tensor[] } {
  if (typeof f !== "function") throw new TypeError(`${where}: expected a function of tensors, got ${typeof f}`);
  if (!Array.isArray(args)) throw new TypeError(`${where}: arguments must be an array of tensors, got ${typeof args}`);
  const leaves = args.map((a, i) => freshLeaf(a, where, args.length === 1 ? "the argument" : `argument ${i}`));
  const value = enableGrad(() => f(...leaves));
  const grads = gradientTensors(where, value, leaves, dy, true);
  return { value: value.detach(), grads };
}
