/** The one place where an op's output is joined to the autodiff graph. */
import { Tensor } from "../tensor/tensor";
import { isGradEnabled, type GradFn } from "../tensor/autograd";
import { allocate, getDefaultDType, type TypedArray } from "../tensor/dtype";
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

/** What a bad operand was, for error messages: `null`, `an array`, `string "2"`, … */
function describeOperand(x: unknown): string {
  if (x === null) return "null";
  if (x === undefined) return "undefined";
  if (Array.isArray(x)) return "an array";
  if (typeof x === "string") return `string ${JSON.stringify(x)}`;
  if (typeof x === "object") return `an object (${(x as object).constructor?.name ?? "Object"})`;
  return typeof x;
}

/** The TypeError for an operand that is neither a Tensor nor a number; arrays get a hint. */
function operandError(op: string, arg: string, x: unknown): TypeError {
  const hint = Array.isArray(x) ? `; wrap it with nn.tensor(${JSON.stringify(x).slice(0, 40)})` : "";
  return new TypeError(`${op}: argument ${arg} must be a Tensor or a number, got ${describeOperand(x)}${hint}`);
}

/**
 * Accepts a number where a tensor is expected, as a scalar of the other operand's dtype;
 * `op` and `arg` name the operation and the argument in the error for anything else.
 */
export function asTensor(x: Tensor | number, like: Tensor, op = "op", arg = "b"): Tensor {
  if (x instanceof Tensor) return x;
  if (typeof x !== "number") throw operandError(op, arg, x);
  const data = like.dtype === "float64" ? new Float64Array([x]) : new Float32Array([x]);
  return new Tensor(data, []);
}

/**
 * The two operands of a binary op as tensors. A number on either side becomes a scalar of the
 * other side's dtype (`nn.mul(0.5, t)` as well as `nn.mul(t, 0.5)`); two numbers give scalars
 * of `fallback`'s dtype (default: the default dtype). Anything else is a TypeError naming the op
 * and the argument.
 */
export function binaryOperands(op: string, a: unknown, b: unknown, names: readonly [string, string] = ["a", "b"], fallback?: Tensor): [Tensor, Tensor] {
  if (!(a instanceof Tensor) && typeof a !== "number") throw operandError(op, names[0], a);
  if (!(b instanceof Tensor) && typeof b !== "number") throw operandError(op, names[1], b);
  const like = a instanceof Tensor ? a : b instanceof Tensor ? b : (fallback ?? new Tensor(allocate(getDefaultDType(), 0), [0]));
  return [asTensor(a, like, op, names[0]), asTensor(b, like, op, names[1])];
}
