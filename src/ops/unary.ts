/** Elementwise functions of one tensor, each with its derivative. */
import type { Tensor } from "../tensor/tensor";
import { allocate, type DType, type TypedArray } from "../tensor/dtype";
import { opResult } from "./result";

/**
 * Applies y = f(x) elementwise; `dydx(x, y)` is the derivative, given both the input and
 * the output so functions like sigmoid can reuse y.
 */
export function unaryOp(op: string, a: Tensor, f: (x: number) => number, dydx: (x: number, y: number) => number): Tensor {
  const n = a.size;
  const x = a.data;
  const out = allocate(a.dtype, n);
  for (let i = 0; i < n; i++) out[i] = f(x[i]);
  return opResult(op, out, a.shape, [a], (g: TypedArray) => {
    const ga = allocate(a.dtype, n);
    for (let i = 0; i < n; i++) ga[i] = g[i] * dydx(x[i], out[i]);
    return [ga];
  });
}

export function neg(a: Tensor): Tensor {
  return unaryOp("neg", a, (x) => -x, () => -1);
}

export function exp(a: Tensor): Tensor {
  return unaryOp("exp", a, Math.exp, (_x, y) => y);
}

/** Natural logarithm. */
export function log(a: Tensor): Tensor {
  return unaryOp("log", a, Math.log, (x) => 1 / x);
}

export function sqrt(a: Tensor): Tensor {
  return unaryOp("sqrt", a, Math.sqrt, (_x, y) => 0.5 / y);
}

export function square(a: Tensor): Tensor {
  return unaryOp("square", a, (x) => x * x, (x) => 2 * x);
}

/** |x|; the derivative at 0 is 0, as in PyTorch. */
export function abs(a: Tensor): Tensor {
  return unaryOp("abs", a, Math.abs, (x) => Math.sign(x));
}

/** x^p for a constant exponent p. */
export function pow(a: Tensor, p: number): Tensor {
  if (typeof p !== "number") throw new TypeError(`pow: exponent must be a number, got ${typeof p}`);
  return unaryOp("pow", a, (x) => Math.pow(x, p), (x) => (p === 0 ? 0 : p * Math.pow(x, p - 1)));
}

/** Clamps to [min, max]; the gradient is 1 inside the range (bounds included, as PyTorch's clamp) and 0 outside. */
export function clip(a: Tensor, min: number, max: number): Tensor {
  if (!(min <= max)) throw new RangeError(`clip: min (${min}) must not exceed max (${max})`);
  return unaryOp("clip", a, (x) => (x < min ? min : x > max ? max : x), (x) => (x < min || x > max ? 0 : 1));
}

/** Logistic sigmoid 1/(1+e^−x), computed without overflow for large |x|. */
export function sigmoid(a: Tensor): Tensor {
  return unaryOp(
    "sigmoid",
    a,
    (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))),
    (_x, y) => y * (1 - y),
  );
}

export function tanh(a: Tensor): Tensor {
  return unaryOp("tanh", a, Math.tanh, (_x, y) => 1 - y * y);
}

/** max(0, x); the derivative at 0 is 0 (PyTorch and TensorFlow). */
export function relu(a: Tensor): Tensor {
  return unaryOp("relu", a, (x) => (x > 0 ? x : 0), (x) => (x > 0 ? 1 : 0));
}

/** A copy in another dtype; gradients flow back in the input's dtype. */
export function cast(a: Tensor, dtype: DType): Tensor {
  const out = allocate(dtype, a.size);
  out.set(a.data);
  return opResult("cast", out, a.shape, [a], (g: TypedArray) => {
    const ga = allocate(a.dtype, a.size);
    ga.set(g);
    return [ga];
  });
}

/** −1, 0 or 1 by the sign of x (NaN stays NaN); no gradient (zero almost everywhere), as PyTorch. */
export function sign(a: Tensor): Tensor {
  return unaryOp("sign", a, Math.sign, () => 0);
}
