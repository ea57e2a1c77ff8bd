/**
 * Activation functions, usable three ways:
 * - on a tensor: `nn.activations.relu(x)`, `nn.activations.leakyRelu(x, 0.1)`;
 * - by id in a layer, camelCase or Keras snake_case: `activation: "leaky_relu"`, `"hard_sigmoid"`;
 * - parametrised, as a factory: `activation: nn.activations.leakyRelu({ alpha: 0.1 })`.
 */
import type { Tensor } from "../tensor/tensor";
import { Registry } from "../util/registry";
import type { ActivationFn, ActivationIdentifier } from "./activation";
import { elu, hardSigmoid, leakyRelu, linear, relu, relu6, selu, step } from "./piecewise";
import { gelu, mish, sigmoid, softplus, softsign, swish, tanh } from "./smooth";
import { logSoftmax, softmax } from "./softmax";

export { type ActivationFn, type ActivationIdentifier, type ConfiguredActivation } from "./activation";
export {
  step, linear, relu, relu6, hardSigmoid, leakyRelu, elu, selu, LEAKY_RELU_ALPHA, SELU_ALPHA, SELU_SCALE,
  type LeakyReluOptions, type EluOptions,
} from "./piecewise";
export { sigmoid, tanh, softplus, softsign, swish, silu, mish, gelu, type GeluOptions } from "./smooth";
export { softmax, logSoftmax, type SoftmaxOptions, type AxisActivation } from "./softmax";

/** Keras snake_case spellings of the activation functions, for code ported from Keras. */
export { hardSigmoid as hard_sigmoid, leakyRelu as leaky_relu, logSoftmax as log_softmax };

/** Every activation id; parametrised ones (leakyRelu, elu, gelu, softmax, logSoftmax) use their defaults. */
export const activationRegistry = new Registry<ActivationFn>("activation");
activationRegistry.register("linear", linear, ["identity"]);
activationRegistry.register("step", step, ["heaviside"]);
activationRegistry.register("sigmoid", sigmoid, ["logistic"]);
activationRegistry.register("hardSigmoid", hardSigmoid);
activationRegistry.register("tanh", tanh);
activationRegistry.register("relu", relu);
activationRegistry.register("relu6", relu6);
activationRegistry.register("leakyRelu", (x: Tensor) => leakyRelu(x));
activationRegistry.register("elu", (x: Tensor) => elu(x));
activationRegistry.register("selu", selu);
activationRegistry.register("gelu", (x: Tensor) => gelu(x));
activationRegistry.register("swish", swish, ["silu"]);
activationRegistry.register("mish", mish);
activationRegistry.register("softplus", softplus);
activationRegistry.register("softsign", softsign);
activationRegistry.register("softmax", (x: Tensor) => softmax(x));
activationRegistry.register("logSoftmax", (x: Tensor) => logSoftmax(x));

/**
 * Resolves an id or function to `{ name, fn }`; undefined/null mean "linear" (no activation).
 * `argument` names the option in errors (e.g. "dense_1: activation"). A factory-made activation
 * (`leakyRelu({ alpha: 0.1 })`) is named by its id ("leakyRelu").
 */
export function getActivation(id: ActivationIdentifier | undefined | null, argument: string): {
  /** The activation's id ("relu", "linear", "leakyRelu", or a custom function's name). */
  name: string;
  /** The elementwise function itself. */
  fn: ActivationFn;
} {
  if (id === undefined || id === null) return { name: "linear", fn: linear };
  if (typeof id === "function") return { name: id.name || "custom", fn: id };
  if (typeof id !== "string") {
    throw new TypeError(`${argument}: expected an activation id (string) or a function, got ${typeof id}`);
  }
  return { name: activationRegistry.canonicalName(id, argument), fn: activationRegistry.get(id, argument) };
}
