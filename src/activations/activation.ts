/**
 * What an activation is: a differentiable tensor → tensor function. Parametrised
 * activations (leakyRelu's slope, elu's α, gelu's approximation, softmax's axis) are also
 * factories: called with an options object they return an {@link ActivationFn} with the
 * options fixed, which layers accept like any other activation.
 */
import { Tensor } from "../tensor/tensor";

/** A differentiable function of a tensor, applied by layers after their affine part. */
export type ActivationFn = (x: Tensor) => Tensor;

/** An activation given by id ("relu", "leaky_relu", …) or as a function. */
export type ActivationIdentifier = string | ActivationFn;

/**
 * An activation with its options fixed, made by a factory such as `leakyRelu({ alpha: 0.1 })`.
 * It carries Keras's serialized form (`className` + `getConfig()`), so layer configs can record
 * the options.
 */
export interface ConfiguredActivation extends ActivationFn {
  /** The activation's canonical id ("leakyRelu"). */
  readonly className: string;
  /** The options it was made with. */
  getConfig(): { [key: string]: unknown };
}

/** Wraps `fn` with its id and options as a {@link ConfiguredActivation} whose `name` is the id. */
export function configured(id: string, config: { [key: string]: unknown }, fn: ActivationFn): ConfiguredActivation {
  const frozen = Object.freeze({ ...config });
  const named = Object.defineProperty((x: Tensor) => fn(x), "name", { value: id });
  return Object.assign(named, { className: id, getConfig: () => ({ ...frozen }) });
}

/** True when an overloaded activation was called with a tensor rather than an options object. */
export function isTensor(x: unknown): x is Tensor {
  return x instanceof Tensor;
}

/** Checks a numeric activation option, naming the activation and option in the error. */
export function checkFinite(value: unknown, activation: string, option: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(`${activation}: ${option} must be a finite number, got ${typeof value === "number" ? value : typeof value}`);
  }
  return value;
}

/** Checks that an overloaded activation got a tensor or an options object (not a number, string, …). */
export function checkOptions(x: unknown, activation: string): void {
  if (typeof x !== "object" || x === null || Array.isArray(x)) {
    throw new TypeError(`${activation}: expected a Tensor or an options object, got ${Array.isArray(x) ? "an array" : x === null ? "null" : typeof x}`);
  }
}
