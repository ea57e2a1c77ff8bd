/** PyTorch's StepLR as a schedule: lr(step) = initialLearningRate · gamma^floor(step / stepSize). */
import { LearningRateSchedule, checkStep, scheduleNumber } from "./schedule";

/** Arguments of {@link stepDecay} (PyTorch StepLR's `step_size` and `gamma`). */
export interface StepDecayArgs {
  /** Rate at step 0. */
  initialLearningRate: number;
  /** Steps (or epochs, when a callback passes the epoch) between decays; a positive integer. */
  stepSize: number;
  /** Factor applied every `stepSize` steps. Default 0.1 (PyTorch). */
  gamma?: number;
}

/** Multiplies the rate by `gamma` every `stepSize` steps: PyTorch's `StepLR`. */
export class StepDecay extends LearningRateSchedule {
  readonly className = "StepDecay";
  /** Rate at step 0. */
  readonly initialLearningRate: number;
  /** Steps between decays. */
  readonly stepSize: number;
  /** Factor applied every `stepSize` steps. */
  readonly gamma: number;

  constructor(args: StepDecayArgs) {
    super();
    this.initialLearningRate = scheduleNumber("stepDecay", "initialLearningRate", args?.initialLearningRate, 0);
    this.stepSize = scheduleNumber("stepDecay", "stepSize", args.stepSize, 1);
    if (!Number.isInteger(this.stepSize)) throw new RangeError(`stepDecay: stepSize must be a positive integer, got ${args.stepSize}`);
    this.gamma = scheduleNumber("stepDecay", "gamma", args.gamma ?? 0.1, 0);
  }

  call(step: number): number {
    checkStep("stepDecay", step);
    return this.initialLearningRate * Math.pow(this.gamma, Math.floor(step / this.stepSize));
  }

  getConfig(): Required<StepDecayArgs> {
    return { initialLearningRate: this.initialLearningRate, stepSize: this.stepSize, gamma: this.gamma };
  }
}

/** `nn.optimizers.schedules.stepDecay({ initialLearningRate: 0.1, stepSize: 30, gamma: 0.1 })` */
export function stepDecay(args: StepDecayArgs): StepDecay {
  return new StepDecay(args);
}
