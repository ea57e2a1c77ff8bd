/** Deterministic initializers: zeros, ones and a constant (biases, normalization scales). */
import { checkNumber, configuredInitializer, filled, initializerFactory, type InitializerFactory } from "./initializer";

/** All zeros — Keras's default for biases. `zeros([3])` or `zeros()` (the initializer). */
export const zeros: InitializerFactory<Record<string, never>> = initializerFactory("zeros", () =>
  configuredInitializer("zeros", "Zeros", {}, (shape, dtype) => filled(shape, dtype, () => 0)));

/** All ones — the default scale γ of normalization layers. `ones([3])` or `ones()`. */
export const ones: InitializerFactory<Record<string, never>> = initializerFactory("ones", () =>
  configuredInitializer("ones", "Ones", {}, (shape, dtype) => filled(shape, dtype, () => 1)));

/** Options of {@link constant}. */
export interface ConstantOptions {
  /** The value of every entry (default 0, as Keras). */
  value?: number;
}

/** Every entry equal to `value`: `constant({ value: 0.1 })`. */
export const constant: InitializerFactory<ConstantOptions> = initializerFactory("constant", (options: ConstantOptions) => {
  const value = checkNumber(options.value ?? 0, "constant", "value");
  return configuredInitializer("constant", "Constant", { value }, (shape, dtype) => filled(shape, dtype, () => value));
});
