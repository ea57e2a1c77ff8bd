/** Keras's ExponentialDecay: lr(step) = initialLearningRate · decayRate^(step / decaySteps). */
import { LearningRateSchedule, checkStep, scheduleNumber } from "./schedule";

/** Arguments of {@link exponentialDecay} (Keras names, camelCase). */
export interface ExponentialDecayArgs {
  /** Rate at step 0. */
  initialLearningRate: number;
  /** Steps over which the rate is multiplied by `decayRate` once (> 0). */
  decaySteps: number;
  /** Factor applied once per `decaySteps` steps (e.g. 0.96). */
  decayRate: number;
  /** Decay in whole intervals (floor(step / decaySteps)) instead of continuously. Default false. */
  staircase?: boolean;
}

/** initialLearningRate · decayRate^(step / decaySteps), with the exponent floored when `staircase`. */
export class ExponentialDecay extends LearningRateSchedule {
  readonly className = "ExponentialDecay";
  /** Rate at step 0. */
  readonly initialLearningRate: number;
  /** Steps over which the rate is multiplied by `decayRate` once. */
  readonly decaySteps: number;
  /** Factor applied per `decaySteps` steps. */
  readonly decayRate: number;
  /** Whether the exponent is floored (decay in whole intervals). */
  readonly staircase: boolean;

  constructor(args: ExponentialDecayArgs) {
    super();
    const where = "exponentialDecay";
    this.initialLearningRate = scheduleNumber(where, "initialLearningRate", args?.initialLearningRate, 0);
    this.decaySteps = scheduleNumber(where, "decaySteps", args.decaySteps, 0, Infinity, true);
    this.decayRate = scheduleNumber(where, "decayRate", args.decayRate, 0);
    this.staircase = args.staircase ?? false;
  }

  call(step: number): number {
    checkStep("exponentialDecay", step);
    const p = step / this.decaySteps;
    return this.initialLearningRate * Math.pow(this.decayRate, this.staircase ? Math.floor(p) : p);
  }

  getConfig(): ExponentialDecayArgs {
    return { initialLearningRate: this.initialLearningRate, decaySteps: this.decaySteps, decayRate: this.decayRate, staircase: this.staircase };
  }
}

/** `nn.optimizers.schedules.exponentialDecay({ initialLearningRate: 0.1, decaySteps: 1000, decayRate: 0.96 })` */
export function exponentialDecay(args: ExponentialDecayArgs): ExponentialDecay {
  return new ExponentialDecay(args);
}
