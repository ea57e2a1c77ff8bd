/**
 * Keras's PiecewiseConstantDecay: `values[0]` while step ≤ boundaries[0], `values[i]` while
 * boundaries[i−1] < step ≤ boundaries[i], and the last value after the last boundary.
 */
import { LearningRateSchedule, checkStep } from "./schedule";

/** Arguments of {@link piecewiseConstant}. */
export interface PiecewiseConstantArgs {
  /** Increasing step counts where the value changes. */
  boundaries: number[];
  /** One more value than boundaries. */
  values: number[];
}

/** A step function of the step count, as `keras.optimizers.schedules.PiecewiseConstantDecay`. */
export class PiecewiseConstant extends LearningRateSchedule {
  readonly className = "PiecewiseConstantDecay";
  /** Increasing step counts where the value changes. */
  readonly boundaries: readonly number[];
  /** The rate before the first boundary, between boundaries, and after the last. */
  readonly values: readonly number[];

  constructor(args: PiecewiseConstantArgs) {
    super();
    const { boundaries, values } = args ?? {};
    if (!Array.isArray(boundaries) || !Array.isArray(values) || boundaries.length !== values.length - 1) {
      throw new RangeError(
        `piecewiseConstant: values must have one more entry than boundaries, got ${JSON.stringify(boundaries)} boundaries and ${JSON.stringify(values)} values`,
      );
    }
    if ([...boundaries, ...values].some((v) => typeof v !== "number" || !Number.isFinite(v))) {
      throw new TypeError(`piecewiseConstant: boundaries and values must be finite numbers, got ${JSON.stringify({ boundaries, values })}`);
    }
    if (boundaries.some((b, i) => i > 0 && b <= boundaries[i - 1])) {
      throw new RangeError(`piecewiseConstant: boundaries must increase, got ${JSON.stringify(boundaries)}`);
    }
    this.boundaries = [...boundaries];
    this.values = [...values];
  }

  call(step: number): number {
    checkStep("piecewiseConstant", step);
    const i = this.boundaries.findIndex((b) => step <= b);
    return this.values[i === -1 ? this.values.length - 1 : i];
  }

  getConfig(): PiecewiseConstantArgs {
    return { boundaries: [...this.boundaries], values: [...this.values] };
  }
}

/** `nn.optimizers.schedules.piecewiseConstant({ boundaries: [100, 200], values: [0.1, 0.01, 0.001] })` */
export function piecewiseConstant(args: PiecewiseConstantArgs): PiecewiseConstant {
  return new PiecewiseConstant(args);
}
