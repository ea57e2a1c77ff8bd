/**
 * Leslie Smith's 1cycle policy as PyTorch's `OneCycleLR` computes it: warm up from
 * `maxLearningRate / divFactor` to `maxLearningRate` over the first `pctStart` of the steps, then
 * anneal down to `initial / finalDivFactor` by the last step (cosine by default). With
 * `threePhase`, the second phase comes back down to the initial rate and a third annihilates it.
 * The learning rate only: momentum stays what the optimizer was given (PyTorch with
 * `cycle_momentum=False`).
 */
import { LearningRateSchedule, checkStep, scheduleNumber } from "./schedule";

/** Arguments of {@link oneCycle} (PyTorch OneCycleLR's, camelCase). */
export interface OneCycleArgs {
  /** The peak learning rate. */
  maxLearningRate: number;
  /** Steps in the whole cycle: epochs × batches per epoch. A step past the end is an error, as in PyTorch. */
  totalSteps: number;
  /** Fraction of the steps spent warming up. Default 0.3. */
  pctStart?: number;
  /** initial rate = maxLearningRate / divFactor. Default 25. */
  divFactor?: number;
  /** final rate = initial rate / finalDivFactor. Default 1e4. */
  finalDivFactor?: number;
  /** "cos" (default) or "linear" interpolation within a phase. */
  annealStrategy?: "cos" | "linear";
  /** Three phases (up, back down to the initial rate, then to the final rate) instead of two. Default false. */
  threePhase?: boolean;
}

/** One phase: from `start` to `end` over steps up to and including `endStep`. */
interface Phase {
  endStep: number;
  start: number;
  end: number;
}

/** The 1cycle learning rate, exactly as `torch.optim.lr_scheduler.OneCycleLR` (see the file comment). */
export class OneCycle extends LearningRateSchedule {
  readonly className = "OneCycle";
  /** The peak learning rate. */
  readonly maxLearningRate: number;
  /** Steps in the whole cycle. */
  readonly totalSteps: number;
  /** Fraction of the steps spent warming up. */
  readonly pctStart: number;
  /** initial rate = maxLearningRate / divFactor. */
  readonly divFactor: number;
  /** final rate = initial rate / finalDivFactor. */
  readonly finalDivFactor: number;
  /** Interpolation within a phase. */
  readonly annealStrategy: "cos" | "linear";
  /** Whether the cycle has three phases. */
  readonly threePhase: boolean;
  private readonly phases: Phase[];

  constructor(args: OneCycleArgs) {
    super();
    const where = "oneCycle";
    this.maxLearningRate = scheduleNumber(where, "maxLearningRate", args?.maxLearningRate, 0, Infinity, true);
    this.totalSteps = scheduleNumber(where, "totalSteps", args.totalSteps, 1);
    if (!Number.isInteger(this.totalSteps)) throw new RangeError(`${where}: totalSteps must be a positive integer, got ${args.totalSteps}`);
    this.pctStart = scheduleNumber(where, "pctStart", args.pctStart ?? 0.3, 0, 1, true);
    this.divFactor = scheduleNumber(where, "divFactor", args.divFactor ?? 25, 0, Infinity, true);
    this.finalDivFactor = scheduleNumber(where, "finalDivFactor", args.finalDivFactor ?? 1e4, 0, Infinity, true);
    const strategy = args.annealStrategy ?? "cos";
    if (strategy !== "cos" && strategy !== "linear") throw new RangeError(`${where}: annealStrategy must be "cos" or "linear", got ${JSON.stringify(strategy)}`);
    this.annealStrategy = strategy;
    this.threePhase = args.threePhase ?? false;
    if (typeof this.threePhase !== "boolean") throw new TypeError(`${where}: threePhase must be true or false, got ${JSON.stringify(args.threePhase)}`);

    const initial = this.maxLearningRate / this.divFactor;
    const final = initial / this.finalDivFactor;
    const warmEnd = this.pctStart * this.totalSteps - 1;
    this.phases = this.threePhase
      ? [
          { endStep: warmEnd, start: initial, end: this.maxLearningRate },
          { endStep: 2 * this.pctStart * this.totalSteps - 2, start: this.maxLearningRate, end: initial },
          { endStep: this.totalSteps - 1, start: initial, end: final },
        ]
      : [
          { endStep: warmEnd, start: initial, end: this.maxLearningRate },
          { endStep: this.totalSteps - 1, start: this.maxLearningRate, end: final },
        ];
  }

  call(step: number): number {
    checkStep("oneCycle", step);
    if (step > this.totalSteps) {
      throw new RangeError(`oneCycle.call: step ${step} is past totalSteps ${this.totalSteps}: the cycle is over (set totalSteps to epochs × batches per epoch)`);
    }
    // PyTorch's walk over the phases: the first whose end is not yet passed (the last one catches
    // the remaining steps), interpolated from the previous phase's end step.
    let startStep = 0;
    for (let i = 0; i < this.phases.length; i++) {
      const phase = this.phases[i];
      if (step <= phase.endStep || i === this.phases.length - 1) {
        const pct = (step - startStep) / (phase.endStep - startStep);
        return this.anneal(phase.start, phase.end, pct);
      }
      startStep = phase.endStep;
    }
    /* c8 ignore next */
    throw new Error("oneCycle: unreachable");
  }

  private anneal(start: number, end: number, pct: number): number {
    if (this.annealStrategy === "linear") return (end - start) * pct + start;
    return end + ((start - end) / 2) * (Math.cos(Math.PI * pct) + 1);
  }

  getConfig(): Required<OneCycleArgs> {
    return {
      maxLearningRate: this.maxLearningRate, totalSteps: this.totalSteps, pctStart: this.pctStart, divFactor: this.divFactor,
      finalDivFactor: this.finalDivFactor, annealStrategy: this.annealStrategy, threePhase: this.threePhase,
    };
  }
}

/** `nn.optimizers.schedules.oneCycle({ maxLearningRate: 0.01, totalSteps: epochs * stepsPerEpoch })` */
export function oneCycle(args: OneCycleArgs): OneCycle {
  return new OneCycle(args);
}
