/**
 * Optimizers, as `nn.optimizers.adam({...})` or by Keras id in `compile` ("sgd", "adam",
 * "rmsprop", "adagrad", "adadelta", "adamw", "adamax", "nadam"), with Keras 3's defaults and
 * update rules; learning-rate schedules under `nn.optimizers.schedules`.
 */
import { Optimizer, type OptimizerArgs, type OptimizerConfig } from "./optimizer";
import { SGD } from "./sgd";
import { Adagrad } from "./adagrad";
import { Adadelta } from "./adadelta";
import { RMSprop } from "./rmsprop";
import { Adam } from "./adam";
import { AdamW } from "./adamw";
import { Adamax } from "./adamax";
import { Nadam } from "./nadam";
import { LearningRateSchedule, scheduleFromConfig, type ScheduleConfig } from "./schedules";
import { Registry } from "../util/registry";

export { Optimizer, type OptimizerArgs, type OptimizerConfig, type OptimizerState, type Slots, type UpdateContext, type VariableStats, type SlotView } from "./optimizer";
export { SGD, sgd, type SGDArgs } from "./sgd";
export { Adagrad, adagrad, type AdagradArgs } from "./adagrad";
export { Adadelta, adadelta, type AdadeltaArgs } from "./adadelta";
export { RMSprop, rmsprop, type RMSpropArgs } from "./rmsprop";
export { Adam, adam, type AdamArgs } from "./adam";
export { AdamW, adamW, type AdamWArgs } from "./adamw";
export { Adamax, adamax, type AdamaxArgs } from "./adamax";
export { Nadam, nadam, type NadamArgs } from "./nadam";
export { clipByNorm, clipByGlobalNorm, clipByValue } from "./clipping";
export * as schedules from "./schedules";
export { LearningRateSchedule } from "./schedules";

/** An optimizer for `compile`: an instance, or an id (Keras defaults). */
export type OptimizerIdentifier = string | Optimizer;

/** Optimizer constructors by Keras id; `compile({ optimizer: "adam" })` builds one with Keras's defaults. */
export const optimizerRegistry = new Registry<(args?: OptimizerArgs) => Optimizer>("optimizer");
optimizerRegistry.register("sgd", (a) => new SGD(a));
optimizerRegistry.register("adagrad", (a) => new Adagrad(a));
optimizerRegistry.register("adadelta", (a) => new Adadelta(a));
optimizerRegistry.register("rmsprop", (a) => new RMSprop(a));
optimizerRegistry.register("adam", (a) => new Adam(a));
optimizerRegistry.register("adamw", (a) => new AdamW(a));
optimizerRegistry.register("adamax", (a) => new Adamax(a));
optimizerRegistry.register("nadam", (a) => new Nadam(a));

/** Resolves `compile`'s `optimizer`: an instance as is, an id as a new optimizer with Keras's defaults. */
export function getOptimizer(id: OptimizerIdentifier, argument: string): Optimizer {
  if (id instanceof Optimizer) return id;
  return optimizerRegistry.get(id, argument)();
}

/**
 * Rebuilds an optimizer from {@link Optimizer.getConfig} (a fresh one: slots and `iterations`
 * are not part of the config). A schedule stored as `{ className, config }` is rebuilt too.
 */
export function optimizerFromConfig(config: OptimizerConfig): Optimizer {
  if (!config || typeof config !== "object" || typeof config.name !== "string") {
    throw new TypeError(`optimizerFromConfig: expected { name, learningRate, ... } from optimizer.getConfig(), got ${JSON.stringify(config)}`);
  }
  const { name, learningRate, ...rest } = config;
  const args: { [key: string]: unknown } = { ...rest };
  if (learningRate !== undefined) {
    args.learningRate = typeof learningRate === "object" && !(learningRate instanceof LearningRateSchedule) ? scheduleFromConfig(learningRate as ScheduleConfig) : learningRate;
  }
  return optimizerRegistry.get(name, "optimizerFromConfig: name")(args as OptimizerArgs);
}
