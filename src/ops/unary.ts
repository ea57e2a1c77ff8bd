/** Elementwise functions of one tensor, each with its derivative. */
import { erf as erfScalar } from "./erf-scalar";
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

/** −x elementwise. */
export function neg(a: Tensor): Tensor {
  return unaryOp("neg", a, (x) => -x, () => -1);
}

/** eˣ elementwise. */
export function exp(a: Tensor): Tensor {
  return unaryOp("exp", a, Math.exp, (_x, y) => y);
}

/** Natural logarithm. */
export function log(a: Tensor): Tensor {
  return unaryOp("log", a, Math.log, (x) => 1 / x);
}

/** √x elementwise (derivative 1/(2√x)). */
export function sqrt(a: Tensor): Tensor {
  return unaryOp("sqrt", a, Math.sqrt, (_x, y) => 0.5 / y);
}

/** x² elementwise. */
export function square(a: Tensor): Tensor {
  return unaryOp("square", a, (x) => x * x, (x) => 2 * x);
}

/** |x|; the derivative at 0 is 0, as in PyTorch. */
export function abs(a: Tensor): Tensor {
  return unaryOp("abs", a, Math.abs, (x) => Math.sign(x));
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

/** Hyperbolic tangent, in (−1, 1); derivative 1 − tanh². */
export function tanh(a: Tensor): Tensor {
  return unaryOp("tanh", a, Math.tanh, (_x, y) => 1 - y * y);
}

/**
 * max(0, x); the derivative at 0 is 0 (PyTorch and TensorFlow). Its own loops rather than
 * {@link unaryOp}'s closure calls: it runs on every hidden layer of most networks. The gradient
 * passes where x > 0 and is 0 elsewhere, as PyTorch's (an infinite or NaN gradient where x ≤ 0
 * gives 0, not NaN).
 */
export function relu(a: Tensor): Tensor {
  const n = a.size;
  const x = a.data;
  const out = allocate(a.dtype, n);
  for (let i = 0; i < n; i++) out[i] = x[i] > 0 ? x[i] : 0;
  return opResult("relu", out, a.shape, [a], (g: TypedArray) => {
    const ga = allocate(a.dtype, n);
    for (let i = 0; i < n; i++) ga[i] = x[i] > 0 ? g[i] : 0;
    return [ga];
  });
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

/** ln(1 + x), accurate for tiny x where log(1 + x) rounds to 0. */
export function log1p(a: Tensor): Tensor {
  return unaryOp("log1p", a, Math.log1p, (x) => 1 / (1 + x));
}

/** eˣ − 1, accurate for tiny x where exp(x) − 1 rounds to 0. */
export function expm1(a: Tensor): Tensor {
  return unaryOp("expm1", a, Math.expm1, (_x, y) => y + 1);
}

/** Base-2 logarithm. */
export function log2(a: Tensor): Tensor {
  return unaryOp("log2", a, Math.log2, (x) => 1 / (x * Math.LN2));
}

/** Base-10 logarithm (the notes' "log₁₀ likelihood"). */
export function log10(a: Tensor): Tensor {
  return unaryOp("log10", a, Math.log10, (x) => 1 / (x * Math.LN10));
}

/** Sine (radians). */
export function sin(a: Tensor): Tensor {
  return unaryOp("sin", a, Math.sin, (x) => Math.cos(x));
}

/** Cosine (radians). */
export function cos(a: Tensor): Tensor {
  return unaryOp("cos", a, Math.cos, (x) => -Math.sin(x));
}

/** Tangent (radians); derivative 1 + tan². */
export function tan(a: Tensor): Tensor {
  return unaryOp("tan", a, Math.tan, (_x, y) => 1 + y * y);
}

/** Arctangent, in (−π/2, π/2). */
export function atan(a: Tensor): Tensor {
  return unaryOp("atan", a, Math.atan, (x) => 1 / (1 + x * x));
}

/** Hyperbolic sine. */
export function sinh(a: Tensor): Tensor {
  return unaryOp("sinh", a, Math.sinh, (x) => Math.cosh(x));
}

/** Hyperbolic cosine. */
export function cosh(a: Tensor): Tensor {
  return unaryOp("cosh", a, Math.cosh, (x) => Math.sinh(x));
}

/** 1 / x. */
export function reciprocal(a: Tensor): Tensor {
  return unaryOp("reciprocal", a, (x) => 1 / x, (_x, y) => -y * y);
}

/** 1 / √x (normalization layers divide by it). */
export function rsqrt(a: Tensor): Tensor {
  return unaryOp("rsqrt", a, (x) => 1 / Math.sqrt(x), (x, y) => (-0.5 * y) / x);
}

/** The Gauss error function (exact GELU uses it); derivative 2/√π · e^(−x²). */
export function erf(a: Tensor): Tensor {
  return unaryOp("erf", a, erfScalar, (x) => (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x));
}

/** Largest integer ≤ x; no gradient (zero almost everywhere), as PyTorch. */
export function floor(a: Tensor): Tensor {
  return unaryOp("floor", a, Math.floor, () => 0);
}

/** Smallest integer ≥ x; no gradient, as PyTorch. */
export function ceil(a: Tensor): Tensor {
  return unaryOp("ceil", a, Math.ceil, () => 0);
}

/** Nearest integer, halves to even (0.5 → 0, 1.5 → 2, 2.5 → 2) as NumPy and PyTorch; no gradient. */
export function round(a: Tensor): Tensor {
  return unaryOp("round", a, roundHalfEven, () => 0);
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round sends halves up; move them to the even neighbour.
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
