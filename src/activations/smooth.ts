/**
 * Smooth activations: the sigmoid family (sigmoid, tanh, softsign), softplus, and the
 * self-gated ones (swish/SiLU, mish, GELU). Each is computed in a form that stays finite
 * for any |x| (σ(±1000), softplus(1000) are exact), with its exact derivative.
 */
import type { Tensor } from "../tensor/tensor";
import { sigmoid as sigmoidOp, tanh as tanhOp, unaryOp } from "../ops";
import { checkOptions, configured, isTensor, type ConfiguredActivation } from "./activation";
import { erfc } from "../ops/erf-scalar";

/** σ(v) = 1/(1 + e^−v) without overflow for large |v|. */
function logistic(v: number): number {
  return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
}

/** log(1 + eᵛ) as max(v, 0) + log1p(e^−|v|): no overflow for large v, no lost digits for very negative v. */
function softplusOf(v: number): number {
  return Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
}

/** Logistic sigmoid 1/(1 + e^−x), in (0, 1); σ′ = σ(1 − σ) ≤ 1/4. */
export function sigmoid(x: Tensor): Tensor {
  return sigmoidOp(x);
}

/** Hyperbolic tangent, in (−1, 1); tanh′ = 1 − tanh². */
export function tanh(x: Tensor): Tensor {
  return tanhOp(x);
}

/** softplus(x) = log(1 + eˣ), a smooth ReLU, computed stably; its derivative is σ(x). */
export function softplus(x: Tensor): Tensor {
  return unaryOp("softplus", x, softplusOf, logistic);
}

/** softsign(x) = x / (1 + |x|), in (−1, 1); derivative 1 / (1 + |x|)². */
export function softsign(x: Tensor): Tensor {
  return unaryOp("softsign", x, (v) => v / (1 + Math.abs(v)), (v) => 1 / ((1 + Math.abs(v)) * (1 + Math.abs(v))));
}

/** Swish / SiLU: x·σ(x) (Keras's `swish` and `silu` are the same function); derivative σ(x)(1 + x(1 − σ(x))). */
export function swish(x: Tensor): Tensor {
  return unaryOp("swish", x, (v) => v * logistic(v), (v) => {
    const s = logistic(v);
    return s * (1 + v * (1 - s));
  });
}

/** Keras's other name for {@link swish}. */
export const silu = swish;

/** Mish: x·tanh(softplus(x)); derivative tanh(sp) + x·σ(x)·(1 − tanh²(sp)). */
export function mish(x: Tensor): Tensor {
  return unaryOp("mish", x, (v) => v * Math.tanh(softplusOf(v)), (v) => {
    const t = Math.tanh(softplusOf(v));
    return t + v * logistic(v) * (1 - t * t);
  });
}

const SQRT_2 = Math.SQRT2;
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
/** The cubic coefficient of GELU's tanh approximation (Hendrycks & Gimpel 2016). */
const GELU_CUBIC = 0.044715;

/** Exact GELU x·Φ(x), Φ the standard normal CDF = erfc(−x/√2)/2; derivative Φ(x) + x·φ(x). */
function geluExact(x: Tensor): Tensor {
  return unaryOp("gelu", x, (v) => 0.5 * v * erfc(-v / SQRT_2), (v) => 0.5 * erfc(-v / SQRT_2) + v * INV_SQRT_2PI * Math.exp(-0.5 * v * v));
}

/** GELU's tanh approximation ½x(1 + tanh(√(2/π)(x + 0.044715x³))), PyTorch's `approximate="tanh"`. */
function geluTanh(x: Tensor): Tensor {
  return unaryOp("gelu", x, (v) => 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + GELU_CUBIC * v * v * v))), (v) => {
    const t = Math.tanh(SQRT_2_OVER_PI * (v + GELU_CUBIC * v * v * v));
    return 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * v * v);
  });
}

/** Options of {@link gelu}. */
export interface GeluOptions {
  /** Use the tanh approximation instead of the exact erf form (default false, as Keras 3's `gelu`). */
  approximate?: boolean;
}

/**
 * Gaussian error linear unit x·Φ(x). Exact (erf) form by default, as Keras 3's
 * `keras.activations.gelu(x, approximate=False)` and PyTorch's `gelu`.
 * - `gelu(x)` / `gelu(x, true)` apply it (true: tanh approximation);
 * - `gelu({ approximate: true })` returns the activation with the choice fixed.
 */
export function gelu(x: Tensor, approximate?: boolean): Tensor;
export function gelu(options: GeluOptions): ConfiguredActivation;
export function gelu(x: Tensor | GeluOptions, approximate = false): Tensor | ConfiguredActivation {
  if (isTensor(x)) return checkFlag(approximate) ? geluTanh(x) : geluExact(x);
  checkOptions(x, "gelu");
  const approx = checkFlag(x.approximate ?? false);
  return configured("gelu", { approximate: approx }, approx ? geluTanh : geluExact);
}

function checkFlag(value: unknown): boolean {
  if (typeof value !== "boolean") throw new TypeError(`gelu: approximate must be a boolean, got ${typeof value}`);
  return value;
}
