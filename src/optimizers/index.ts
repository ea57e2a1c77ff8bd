/** Optimizers, as `nn.optimizers.sgd(...)` or by Keras id in `compile`. */
import { Optimizer } from "./optimizer";
import { SGD } from "./sgd";
import { Registry } from "../util/registry";

export { Optimizer, type OptimizerArgs } from "./optimizer";
export { SGD, sgd, type SGDArgs } from "./sgd";

export type OptimizerIdentifier = string | Optimizer;

/** Factories with Keras's default settings, for `compile({ optimizer: "sgd" })`. */
export const optimizerRegistry = new Registry<() => Optimizer>("optimizer");
optimizerRegistry.register("sgd", () => new SGD());

export function getOptimizer(id: OptimizerIdentifier, argument: string): Optimizer {
  if (id instanceof Optimizer) return id;
  return optimizerRegistry.get(id, argument)();
}
