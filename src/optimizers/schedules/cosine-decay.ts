/**
 * Keras's CosineDecay (SGDR without restarts), with the optional linear warm-up of Keras 3:
 * from `initialLearningRate` up to `warmupTarget` over `warmupSteps`, then a half cosine from the
 * peak down to `alpha`·peak over `decaySteps`, constant afterwards.
 */
import { LearningRateSchedule, checkStep, scheduleNumber } from "./schedule";

/** Arguments of {@link cosineDecay} (Keras names, camelCase). */
export interface CosineDecayArgs {
  /** Rate at step 0 (the start of the warm-up, or the peak without one). */
  initialLearningRate: number;
  /** Length of the cosine part (> 0). */
  decaySteps: number;
  /** Final rate as a fraction of the peak. Default 0. */
  alpha?: number;
  /** Peak after warm-up; without it there is no warm-up. Default null. */
  warmupTarget?: number | null;
  /** Length of the linear warm-up. Default 0. */
  warmupSteps?: number;
}

/** Cosine decay with optional linear warm-up, exactly as `keras.optimizers.schedules.CosineDecay`. */
export class CosineDecay extends LearningRateSchedule {
  readonly className = "CosineDecay";
  /** Rate at step 0. */
  readonly initialLearningRate: number;
  /** Length of the cosine part, in steps. */
  readonly decaySteps: number;
  /** Final rate as a fraction of the peak. */
  readonly alpha: number;
  /** Peak reached after the warm-up, or null for no warm-up. */
  readonly warmupTarget: number | null;
  /** Length of the linear warm-up, in steps. */
  readonly warmupSteps: number;

  constructor(args: CosineDecayArgs) {
    super();
    const where = "cosineDecay";
    this.initialLearningRate = scheduleNumber(where, "initialLearningRate", args?.initialLearningRate, 0);
    this.decaySteps = scheduleNumber(where, "decaySteps", args.decaySteps, 0, Infinity, true);
    this.alpha = scheduleNumber(where, "alpha", args.alpha ?? 0, 0, 1);
    this.warmupTarget = args.warmupTarget == null ? null : scheduleNumber(where, "warmupTarget", args.warmupTarget, 0);
    this.warmupSteps = scheduleNumber(where, "warmupSteps", args.warmupSteps ?? 0, 0);
  }

  call(step: number): number {
    checkStep("cosineDecay", step);
    if (this.warmupTarget === null) return this.decayed(Math.min(step, this.decaySteps), this.initialLearningRate);
    const s = Math.min(step, this.decaySteps + this.warmupSteps);
    if (s < this.warmupSteps) {
      return (this.warmupTarget - this.initialLearningRate) * (s / this.warmupSteps) + this.initialLearningRate;
    }
    return this.decayed(s - this.warmupSteps, this.warmupTarget);
  }

  private decayed(step: number, from: number): number {
    const cosine = 0.5 * (1 + Math.cos(Math.PI * (step / this.decaySteps)));
    return from * ((1 - this.alpha) * cosine + this.alpha);
  }

  getConfig(): Required<CosineDecayArgs> {
    return {
      initialLearningRate: this.initialLearningRate, decaySteps: this.decaySteps, alpha: this.alpha,
      warmupTarget: this.warmupTarget, warmupSteps: this.warmupSteps,
    };
  }
}

/** `nn.optimizers.schedules.cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 })` */
export function cosineDecay(args: CosineDecayArgs): CosineDecay {
  return new CosineDecay(args);
}
