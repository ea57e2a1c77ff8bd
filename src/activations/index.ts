/**
 * Activation functions by string id (Keras names: "relu", "sigmoid", "linear", …).
 * Each is a tensor → tensor function built from differentiable ops.
 */
import type { Tensor } from "../tensor/tensor";
import * as ops from "../ops";
import { Registry } from "../util/registry";

export type ActivationFn = (x: Tensor) => Tensor;
/** An activation given by id or as a function. */
export type ActivationIdentifier = string | ActivationFn;

export const activationRegistry = new Registry<ActivationFn>("activation");

/** Identity: what "no activation" means in a Dense layer. */
export const linear: ActivationFn = (x) => x;
export const relu: ActivationFn = ops.relu;
export const sigmoid: ActivationFn = ops.sigmoid;
export const tanh: ActivationFn = ops.tanh;

activationRegistry.register("linear", linear, ["identity"]);
activationRegistry.register("relu", relu);
activationRegistry.register("sigmoid", sigmoid, ["logistic"]);
activationRegistry.register("tanh", tanh);

/** Resolves an id or function; `argument` names the option in errors (e.g. "dense_1: activation"). */
export function getActivation(id: ActivationIdentifier | undefined | null, argument: string): { name: string; fn: ActivationFn } {
  if (id === undefined || id === null) return { name: "linear", fn: linear };
  if (typeof id === "function") return { name: id.name || "custom", fn: id };
  return { name: activationRegistry.canonicalName(id, argument), fn: activationRegistry.get(id, argument) };
}
