/**
 * Adagrad with Keras 3's rule (defaults: learningRate 0.001, initialAccumulatorValue 0.1,
 * epsilon 1e-7): a ← a + g²;  w ← w − lr·g / √(a + ε).
 * PyTorch's Adagrad divides by √a + ε instead (and starts a at 0): the same with ε = 0 and
 * `initial_accumulator_value` equal.
 */
import type { TypedArray } from "../tensor/dtype";
import { Optimizer, hyperparameter, type OptimizerArgs, type OptimizerConfig, type Slots, type UpdateContext } from "./optimizer";

/** Options of {@link adagrad}. */
export interface AdagradArgs extends OptimizerArgs {
  /** Starting value of the squared-gradient sum (≥ 0). Default 0.1. */
  initialAccumulatorValue?: number;
  /** Added to the denominator for numerical stability (≥ 0). Default 1e-7. */
  epsilon?: number;
}

/** Adagrad: per-parameter steps shrink with the sum of all past squared gradients. */
export class Adagrad extends Optimizer {
  readonly className = "Adagrad";
  /** Starting value of every squared-gradient sum. */
  readonly initialAccumulatorValue: number;
  /** Stability term added to the denominator. */
  readonly epsilon: number;

  constructor(args: AdagradArgs = {}) {
    super(args, { learningRate: 0.001 }, ["initialAccumulatorValue", "epsilon"]);
    this.initialAccumulatorValue = hyperparameter("Adagrad", "initialAccumulatorValue", args.initialAccumulatorValue ?? 0.1, 0, Infinity);
    this.epsilon = hyperparameter("Adagrad", "epsilon", args.epsilon ?? 1e-7, 0, Infinity);
  }

  protected slotNames(): string[] {
    return ["accumulator"];
  }

  protected override slotInitialValue(): number {
    return this.initialAccumulatorValue;
  }

  protected update(w: TypedArray, g: TypedArray, { accumulator: a }: Slots, { lr, round }: UpdateContext): void {
    const eps = round(this.epsilon);
    for (let i = 0; i < w.length; i++) {
      a[i] += g[i] * g[i];
      w[i] -= (lr * g[i]) / Math.sqrt(a[i] + eps);
    }
  }

  override getConfig(): OptimizerConfig {
    return { ...super.getConfig(), initialAccumulatorValue: this.initialAccumulatorValue, epsilon: this.epsilon };
  }
}

/** `nn.optimizers.adagrad({ learningRate: 0.01 })` */
export function adagrad(args: AdagradArgs = {}): Adagrad {
  return new Adagrad(args);
}
