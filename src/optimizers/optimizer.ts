/**
 * The base of every optimizer: holds the learning rate and the step count, and
 * applies one update per trainable variable, in place. Subclasses keep per-variable
 * state ("slots", e.g. momentum) which stays inspectable.
 */
import type { Tensor } from "../tensor/tensor";
import type { TypedArray } from "../tensor/dtype";

export interface OptimizerArgs {
  /** Step size (Keras default for SGD: 0.01). */
  learningRate?: number;
}

export abstract class Optimizer {
  abstract readonly className: string;
  /** Settable during training (schedules and callbacks change it). */
  learningRate: number;
  /** Number of update steps applied. */
  iterations = 0;
  /** Per-variable state, keyed by variable. */
  protected readonly slots = new Map<Tensor, { [slot: string]: TypedArray }>();

  constructor(args: OptimizerArgs, defaultLearningRate: number) {
    const lr = args.learningRate ?? defaultLearningRate;
    if (typeof lr !== "number" || !Number.isFinite(lr) || lr < 0) {
      throw new RangeError(`${new.target.name}: learningRate must be a finite number ≥ 0, got ${JSON.stringify(lr)}`);
    }
    this.learningRate = lr;
  }

  /** One step: updates each variable from its gradient (pairs in the same order). */
  applyGradients(gradients: TypedArray[], variables: Tensor[]): void {
    if (gradients.length !== variables.length) {
      throw new RangeError(`${this.className}.applyGradients: ${gradients.length} gradients for ${variables.length} variables`);
    }
    this.iterations++;
    for (let i = 0; i < variables.length; i++) this.updateVariable(variables[i], gradients[i]);
  }

  /** The state this optimizer keeps for `variable` (created on first use). */
  protected slotsFor(variable: Tensor, names: string[]): { [slot: string]: TypedArray } {
    let s = this.slots.get(variable);
    if (!s) {
      s = {};
      for (const n of names) s[n] = new (variable.data.constructor as Float32ArrayConstructor)(variable.size);
      this.slots.set(variable, s);
    }
    return s;
  }

  /** Optimizer state for inspection: slot name → values, per variable name. */
  getState(): { variable: string; slots: { [slot: string]: number[] } }[] {
    return [...this.slots].map(([v, s]) => ({
      variable: v.name ?? "?",
      slots: Object.fromEntries(Object.entries(s).map(([k, a]) => [k, Array.from(a)])),
    }));
  }

  /**
   * Size of the optimizer's variables, as Keras's summary counts them ("Optimizer params"):
   * every slot value, plus the step counter (int64) and the learning rate (float32).
   */
  variableStats(): { count: number; bytes: number } {
    let slotValues = 0;
    let slotBytes = 0;
    for (const s of this.slots.values()) {
      for (const a of Object.values(s)) {
        slotValues += a.length;
        slotBytes += a.byteLength;
      }
    }
    return { count: slotValues + 2, bytes: slotBytes + 8 + 4 };
  }

  protected abstract updateVariable(variable: Tensor, gradient: TypedArray): void;

  getConfig(): { [key: string]: unknown } {
    return { name: this.className, learningRate: this.learningRate };
  }
}
