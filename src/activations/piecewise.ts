/**
 * Piecewise activations: the step, the identity and the rectifier family (ReLU, ReLU6,
 * leaky ReLU, ELU, SELU, hard sigmoid). At a kink the derivative takes PyTorch's value
 * (stated on each function), so gradients match PyTorch and Keras-on-torch exactly.
 */
import type { Tensor } from "../tensor/tensor";
import { relu as reluOp, unaryOp } from "../ops";
import { checkFinite, checkOptions, configured, isTensor, type ConfiguredActivation } from "./activation";

/**
 * Heaviside step: 1 where x ≥ 0, else 0 (the threshold unit of the perceptron; step(0) = 1).
 * Its gradient is 0 everywhere, which is why backpropagation needs smooth replacements.
 */
export function step(x: Tensor): Tensor {
  return unaryOp("step", x, (v) => (v >= 0 ? 1 : v < 0 ? 0 : NaN), () => 0);
}

/** Identity, f(x) = x: "no activation" (regression outputs). Returns its input unchanged. */
export function linear(x: Tensor): Tensor {
  return x;
}

/** max(0, x); the derivative at 0 is 0 (PyTorch and TensorFlow). */
export function relu(x: Tensor): Tensor {
  return reluOp(x);
}

/** min(max(0, x), 6); the derivative is 1 strictly inside (0, 6) and 0 elsewhere, as PyTorch. */
export function relu6(x: Tensor): Tensor {
  return unaryOp("relu6", x, (v) => (v <= 0 ? 0 : v >= 6 ? 6 : v), (v) => (v > 0 && v < 6 ? 1 : 0));
}

/**
 * Keras 3's hard sigmoid: relu6(x + 3) / 6 = clip(x/6 + 1/2, 0, 1). (Keras 2 used slope 0.2 and
 * bound 2.5.) The derivative is 1/6 strictly inside (−3, 3), 0 elsewhere, as PyTorch's hardsigmoid.
 */
export function hardSigmoid(x: Tensor): Tensor {
  return unaryOp("hardSigmoid", x, (v) => (v <= -3 ? 0 : v >= 3 ? 1 : v / 6 + 0.5), (v) => (v > -3 && v < 3 ? 1 / 6 : 0));
}

/** Keras 3's default negative slope of leaky ReLU (`negative_slope=0.2`; PyTorch's default is 0.01). */
export const LEAKY_RELU_ALPHA = 0.2;

/** Options of {@link leakyRelu}. */
export interface LeakyReluOptions {
  /** Slope for x < 0 (default 0.2, Keras 3's `negative_slope`). */
  alpha?: number;
  /** Keras 3's name for `alpha`. */
  negativeSlope?: number;
}

function leakyReluOf(x: Tensor, alpha: number): Tensor {
  return unaryOp("leakyRelu", x, (v) => (v > 0 ? v : alpha * v), (v) => (v > 0 ? 1 : alpha));
}

function leakyAlpha(options: LeakyReluOptions): number {
  const { alpha, negativeSlope } = options;
  if (alpha !== undefined && negativeSlope !== undefined && alpha !== negativeSlope) {
    throw new RangeError(`leakyRelu: alpha (${alpha}) and negativeSlope (${negativeSlope}) name the same option; give one`);
  }
  return checkFinite(alpha ?? negativeSlope ?? LEAKY_RELU_ALPHA, "leakyRelu", "alpha");
}

/**
 * Leaky ReLU: x for x > 0, α·x otherwise (derivative α at 0, as PyTorch).
 * - `leakyRelu(x)` / `leakyRelu(x, 0.1)` apply it to a tensor (α defaults to Keras 3's 0.2);
 * - `leakyRelu({ alpha: 0.1 })` returns the activation with α fixed, for a layer's `activation`.
 * The id "leaky_relu" uses the default α.
 */
export function leakyRelu(x: Tensor, alpha?: number): Tensor;
export function leakyRelu(options: LeakyReluOptions): ConfiguredActivation;
export function leakyRelu(x: Tensor | LeakyReluOptions, alpha?: number): Tensor | ConfiguredActivation {
  if (isTensor(x)) return leakyReluOf(x, checkFinite(alpha ?? LEAKY_RELU_ALPHA, "leakyRelu", "alpha"));
  checkOptions(x, "leakyRelu");
  const a = leakyAlpha(x);
  return configured("leakyRelu", { alpha: a }, (t) => leakyReluOf(t, a));
}

/** Options of {@link elu}. */
export interface EluOptions {
  /** Value approached for x → −∞ is −α (default 1, as Keras and PyTorch). */
  alpha?: number;
}

function eluOf(x: Tensor, alpha: number): Tensor {
  // expm1 keeps α(eˣ − 1) accurate for small |x|; derivative α·eˣ for x ≤ 0 (PyTorch's value at 0).
  return unaryOp("elu", x, (v) => (v > 0 ? v : alpha * Math.expm1(v)), (v) => (v > 0 ? 1 : alpha * Math.exp(v)));
}

/**
 * Exponential linear unit: x for x > 0, α(eˣ − 1) otherwise.
 * `elu(x)`, `elu(x, alpha)` apply it; `elu({ alpha })` returns the activation with α fixed.
 */
export function elu(x: Tensor, alpha?: number): Tensor;
export function elu(options: EluOptions): ConfiguredActivation;
export function elu(x: Tensor | EluOptions, alpha?: number): Tensor | ConfiguredActivation {
  if (isTensor(x)) return eluOf(x, checkFinite(alpha ?? 1, "elu", "alpha"));
  checkOptions(x, "elu");
  const a = checkFinite(x.alpha ?? 1, "elu", "alpha");
  return configured("elu", { alpha: a }, (t) => eluOf(t, a));
}

/** SELU's α (Klambauer et al. 2017), as in Keras and PyTorch. */
export const SELU_ALPHA = 1.6732632423543772848170429916717;
/** SELU's scale λ (Klambauer et al. 2017), as in Keras and PyTorch. */
export const SELU_SCALE = 1.0507009873554804934193349852946;

/**
 * Scaled ELU: λ·x for x > 0, λα(eˣ − 1) otherwise, with the self-normalizing constants
 * {@link SELU_ALPHA} and {@link SELU_SCALE}. Pair it with `lecunNormal` initialization.
 */
export function selu(x: Tensor): Tensor {
  return unaryOp(
    "selu",
    x,
    (v) => (v > 0 ? SELU_SCALE * v : SELU_SCALE * SELU_ALPHA * Math.expm1(v)),
    (v) => (v > 0 ? SELU_SCALE : SELU_SCALE * SELU_ALPHA * Math.exp(v)),
  );
}

