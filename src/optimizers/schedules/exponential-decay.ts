/** Keras's ExponentialDecay: lr(step) = initialLearningRate · decayRate^(step / decaySteps). */
import { LearningRateSchedule, checkStep, scheduleNumber } from "./schedule";

/** Arguments of {@link exponentialDecay} (Keras names, camelCase). */
export interface ExponentialDecayArgs {
  initialLearningRate: number;
  /** Steps over which the rate is multiplied by `decayRate` once (> 0). */
  decaySteps: number;
  decayRate: number;
  /** Decay in whole intervals (floor(step / decaySteps)) instead of continuously. Default false. */
  staircase?: boolean;
}

/** initialLearningRate · decayRate^(step / decaySteps), with the exponent floored when `staircase`. */
export class ExponentialDecay extends LearningRateSchedule {
  readonly className = "ExponentialDecay";
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly decayRate: number;
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
