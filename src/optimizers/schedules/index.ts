/** Learning-rate schedules: `nn.optimizers.schedules.exponentialDecay({...})`, for optimizers and callbacks. */
import { LearningRateSchedule, type ScheduleConfig } from "./schedule";
import { ExponentialDecay } from "./exponential-decay";
import { CosineDecay } from "./cosine-decay";
import { PiecewiseConstant } from "./piecewise-constant";
import { StepDecay } from "./step-decay";
import { OneCycle } from "./one-cycle";
import { Registry } from "../../util/registry";

export { LearningRateSchedule, type ScheduleConfig } from "./schedule";
export { ExponentialDecay, exponentialDecay, type ExponentialDecayArgs } from "./exponential-decay";
export { CosineDecay, cosineDecay, type CosineDecayArgs } from "./cosine-decay";
export { PiecewiseConstant, piecewiseConstant, type PiecewiseConstantArgs } from "./piecewise-constant";
export { StepDecay, stepDecay, type StepDecayArgs } from "./step-decay";
export { OneCycle, oneCycle, type OneCycleArgs } from "./one-cycle";

/** Schedule constructors by class name (Keras's, and the camelCase factory names). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const scheduleRegistry = new Registry<new (args: any) => LearningRateSchedule>("learning-rate schedule");
scheduleRegistry.register("ExponentialDecay", ExponentialDecay);
scheduleRegistry.register("CosineDecay", CosineDecay);
scheduleRegistry.register("PiecewiseConstantDecay", PiecewiseConstant, ["PiecewiseConstant"]);
scheduleRegistry.register("StepDecay", StepDecay, ["StepLR"]);
scheduleRegistry.register("OneCycle", OneCycle, ["OneCycleLR"]);

/** Rebuilds a schedule from `{ className, config }` ({@link LearningRateSchedule.toJSON}). */
export function scheduleFromConfig(config: ScheduleConfig): LearningRateSchedule {
  if (!config || typeof config !== "object" || typeof config.className !== "string") {
    throw new TypeError(`scheduleFromConfig: expected { className, config }, got ${JSON.stringify(config)}`);
  }
  const Schedule = scheduleRegistry.get(config.className, "scheduleFromConfig: className");
  return new Schedule(config.config ?? {});
}
