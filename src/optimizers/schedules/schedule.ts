/**
 * A learning-rate schedule: the learning rate as a function of the optimizer's step count
 * (`optimizer.iterations`, counted before the update, so the first update uses step 0), as
 * Keras's `LearningRateSchedule`. Give one to an optimizer as `learningRate`, or evaluate it
 * yourself with `schedule.call(step)` (e.g. per epoch in a learning-rate-scheduler callback).
 */
export abstract class LearningRateSchedule {
  /** Keras's class name ("ExponentialDecay"), used by {@link LearningRateSchedule.toJSON} and `scheduleFromConfig`. */
  abstract readonly className: string;

  /** The learning rate at `step` (0, 1, 2, …). */
  abstract call(step: number): number;

  /** The arguments that rebuild this schedule (camelCase, as the factory takes them). */
  abstract getConfig(): object;

  /** `{ className, config }`: how optimizers store a schedule in their config. */
  toJSON(): ScheduleConfig {
    return { className: this.className, config: this.getConfig() };
  }
}

/** A serialized schedule: what {@link LearningRateSchedule.toJSON} writes. */
export interface ScheduleConfig {
  /** Keras's class name, e.g. "ExponentialDecay". */
  className: string;
  /** The schedule's arguments (camelCase), as its factory takes them. */
  config: object;
}

/** Validates a schedule argument: a finite number in [min, max] (errors name the schedule and argument). */
export function scheduleNumber(schedule: string, argument: string, value: unknown, min: number, max = Infinity, exclusiveMin = false): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || (exclusiveMin && value === min) || value > max) {
    const low = `${exclusiveMin ? ">" : "≥"} ${min}`;
    throw new RangeError(`${schedule}: ${argument} must be a number ${max === Infinity ? low : `${low} and ≤ ${max}`}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Validates the step passed to `call`. */
export function checkStep(schedule: string, step: number): void {
  if (typeof step !== "number" || !(step >= 0)) throw new RangeError(`${schedule}.call: step must be a number ≥ 0, got ${JSON.stringify(step)}`);
}
