/**
 * The base of every optimizer, with Keras 3's `apply` order: read the learning rate (a number,
 * or a schedule evaluated at `iterations`), clip the gradients, apply decoupled weight decay
 * (w ← w − w·weightDecay·lr), run the optimizer's own update per variable, then count the step.
 * Subclasses keep per-variable state ("slots", e.g. Adam's momentum and velocity), created for
 * every variable on its first step and inspectable with {@link Optimizer.getState}.
 */
import type { Tensor } from "../tensor/tensor";
import { allocate, bytesPerElement, getDefaultDType, type TypedArray } from "../tensor/dtype";
import { LearningRateSchedule, type ScheduleConfig } from "./schedules/schedule";
import { clipByGlobalNorm, clipByNorm, clipByValue } from "./clipping";

/** Options every optimizer takes (Keras 3's names, camelCase). */
export interface OptimizerArgs {
  /** Step size, or a schedule of it (see `nn.optimizers.schedules`). Defaults per optimizer (SGD 0.01, others 0.001). */
  learningRate?: number | LearningRateSchedule;
  /** Decoupled weight decay: each step first shrinks every weight by w·weightDecay·lr. Default none (AdamW: 0.004). */
  weightDecay?: number | null;
  /** Rescale each gradient to L2 norm ≤ clipnorm. */
  clipnorm?: number | null;
  /** Clamp every gradient element to [−clipvalue, clipvalue]. */
  clipvalue?: number | null;
  /** Rescale all gradients together to joint L2 norm ≤ globalClipnorm. */
  globalClipnorm?: number | null;
}

const COMMON_ARGS = ["learningRate", "weightDecay", "clipnorm", "clipvalue", "globalClipnorm"];

/** One variable's optimizer state: slot name → values (same length and dtype as the variable). */
export type Slots = { [slot: string]: TypedArray };

/** What an update step needs besides the variable, its gradient and its slots. */
export interface UpdateContext {
  /** The learning rate for this step, in the variable's precision. */
  lr: number;
  /** 1 for the first update (Keras's `iterations + 1`). */
  step: number;
  /** Rounds a constant to the variable's precision (Math.fround for float32), as Keras casts β and its powers. */
  round: (x: number) => number;
}

/** An optimizer's training state (see {@link Optimizer.exportState}). */
export interface OptimizerState {
  /** Steps applied. */
  iterations: number;
  /** Extra scalar state by name (Nadam's `uProduct`). */
  scalars: { [name: string]: number };
  /** Per variable, in the order given: slot name → values, or null before its first update. */
  slots: ({ [slot: string]: ArrayLike<number> } | null)[];
}

/** A count of optimizer variables and their storage, as Keras's summary reports "Optimizer params". */
export interface VariableStats {
  /** Number of scalar values (slot elements, step counter, learning rate, extras). */
  count: number;
  /** Their storage in bytes (4 per float32, 8 per float64, 4 for the int32 step counter). */
  bytes: number;
}

/** One variable's optimizer state as plain arrays, for display (see {@link Optimizer.getState}). */
export interface SlotView {
  /** The variable's name ("dense/kernel"), or "?" when it has none. */
  variable: string;
  /** Slot name ("momentum", "velocity", …) → a copy of its values, in the variable's flat order. */
  slots: { [slot: string]: number[] };
}

/** The serialized form of an optimizer: what `optimizerFromConfig` takes. */
export interface OptimizerConfig {
  /** The class name ("Adam"). */
  name: string;
  /** A constant rate, or a schedule's serialized form ({@link ScheduleConfig}). */
  learningRate: number | ScheduleConfig;
  /** The optimizer's other options (`beta1`, `momentum`, `weightDecay`, …) by name. */
  [option: string]: unknown;
}

/** The base of every optimizer (see the module comment for Keras 3's order of operations). */
export abstract class Optimizer {
  /** Keras's class name ("SGD", "Adam", "RMSprop", …). */
  abstract readonly className: string;
  /** Number of update steps applied (Keras's `iterations`); a schedule is evaluated at it. */
  iterations = 0;
  /** Decoupled weight decay per step (w ← w − w·weightDecay·lr), or null. */
  readonly weightDecay: number | null;
  /** Per-gradient L2-norm limit, or null. */
  readonly clipnorm: number | null;
  /** Per-element gradient limit, or null. */
  readonly clipvalue: number | null;
  /** Joint L2-norm limit over all gradients, or null. */
  readonly globalClipnorm: number | null;
  private rate: number | LearningRateSchedule;
  /** The option names this optimizer accepts (common ones first). */
  readonly validOptions: readonly string[];
  /** Per-variable state, keyed by variable, in the order variables were first seen. */
  protected readonly slots = new Map<Tensor, Slots>();

  /**
   * @param args the user's options.
   * @param defaults the optimizer's Keras defaults for the common options.
   * @param ownArgs the names of the subclass's own options.
   */
  constructor(args: OptimizerArgs, defaults: { learningRate: number; weightDecay?: number | null }, ownArgs: string[]) {
    const name = new.target.name;
    if (args === null || typeof args !== "object") throw new TypeError(`${name}: expected an options object, got ${args === null ? "null" : typeof args}`);
    this.validOptions = [...COMMON_ARGS, ...ownArgs];
    // A misspelt option (`learning_rate`, `lr`) must not silently fall back to a default, as in Keras.
    const unknown = Object.keys(args).filter((k) => !this.validOptions.includes(k));
    if (unknown.length > 0) {
      throw new TypeError(`${name}: unknown option${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => JSON.stringify(k)).join(", ")}. Valid options: ${this.validOptions.join(", ")}`);
    }
    this.rate = checkLearningRate(name, args.learningRate ?? defaults.learningRate);
    this.weightDecay = optionalNumber(name, "weightDecay", args.weightDecay === undefined ? (defaults.weightDecay ?? null) : args.weightDecay, true);
    this.clipnorm = optionalNumber(name, "clipnorm", args.clipnorm, false);
    this.clipvalue = optionalNumber(name, "clipvalue", args.clipvalue, false);
    this.globalClipnorm = optionalNumber(name, "globalClipnorm", args.globalClipnorm, false);
    const clips = [this.clipnorm, this.clipvalue, this.globalClipnorm].filter((c) => c !== null).length;
    if (clips > 1) {
      throw new RangeError(
        `${name}: only one of clipnorm, clipvalue and globalClipnorm can be set, got clipnorm=${this.clipnorm}, clipvalue=${this.clipvalue}, globalClipnorm=${this.globalClipnorm}`,
      );
    }
  }

  /** The learning rate for the next step: the number set, or the schedule's value at `iterations`. */
  get learningRate(): number {
    return this.rate instanceof LearningRateSchedule ? this.rate.call(this.iterations) : this.rate;
  }

  /**
   * Sets the learning rate (callbacks assign numbers during training) or replaces the schedule.
   * As in Keras, an optimizer built with a schedule cannot take a plain number.
   */
  set learningRate(value: number | LearningRateSchedule) {
    if (this.rate instanceof LearningRateSchedule && !(value instanceof LearningRateSchedule)) {
      throw new TypeError(
        `${this.className}: this optimizer was created with a learning-rate schedule (${this.rate.className}), so learningRate cannot be set to a number; create the optimizer with a number to change it during training`,
      );
    }
    this.rate = checkLearningRate(this.className, value);
  }

  /** The schedule the learning rate follows, or null for a plain number. */
  get schedule(): LearningRateSchedule | null {
    return this.rate instanceof LearningRateSchedule ? this.rate : null;
  }

  /** The slot names this optimizer keeps per variable, in Keras's order (empty for plain SGD). */
  protected abstract slotNames(): string[];

  /** Initial value of a slot (0; Adagrad's accumulator starts at `initialAccumulatorValue`). */
  protected slotInitialValue(_slot: string): number {
    return 0;
  }

  /** The optimizer's own rule: updates `w` in place from the (clipped) gradient `g` and its slots. */
  protected abstract update(w: TypedArray, g: TypedArray, slots: Slots, context: UpdateContext): void;

  /** Called once per step before the per-variable updates (Nadam advances its μ product here). */
  protected beginStep(_step: number, _variables: Tensor[]): void {}

  /** One step: updates each variable in place from its gradient (pairs in the same order). */
  applyGradients(gradients: TypedArray[], variables: Tensor[]): void {
    if (gradients.length !== variables.length) {
      throw new RangeError(`${this.className}.applyGradients: ${gradients.length} gradients for ${variables.length} variables`);
    }
    gradients.forEach((g, i) => {
      if (g.length !== variables[i].size) {
        throw new RangeError(`${this.className}.applyGradients: gradient ${i} has ${g.length} values but variable ${variables[i].name ?? i} has ${variables[i].size}`);
      }
    });
    if (variables.length === 0) return;
    const lr = this.learningRate;
    for (const v of variables) this.slotsFor(v);
    const grads = this.clip(gradients);
    if (this.weightDecay !== null) {
      const shrink = 1 - this.weightDecay * lr;
      for (const { data: w } of variables) for (let i = 0; i < w.length; i++) w[i] *= shrink;
    }
    const step = this.iterations + 1;
    this.beginStep(step, variables);
    variables.forEach((v, i) => {
      const round = v.dtype === "float32" ? Math.fround : keepDouble;
      this.update(v.data, grads[i], this.slotsFor(v), { lr: round(lr), step, round });
    });
    this.iterations = step;
  }

  private clip(gradients: TypedArray[]): TypedArray[] {
    if (this.clipnorm !== null) return clipByNorm(gradients, this.clipnorm);
    if (this.globalClipnorm !== null) return clipByGlobalNorm(gradients, this.globalClipnorm);
    if (this.clipvalue !== null) return clipByValue(gradients, this.clipvalue);
    return gradients;
  }

  /** The state this optimizer keeps for `variable` (created on first use, like Keras's `build`). */
  protected slotsFor(variable: Tensor): Slots {
    let s = this.slots.get(variable);
    if (!s) {
      s = {};
      for (const n of this.slotNames()) s[n] = allocate(variable.dtype, variable.size).fill(this.slotInitialValue(n));
      this.slots.set(variable, s);
    }
    return s;
  }

  /** A copy of one slot of one variable (e.g. `slot(kernel, "momentum")`), or undefined before its first step. */
  getSlot(variable: Tensor, slot: string): TypedArray | undefined {
    return this.slots.get(variable)?.[slot]?.slice();
  }

  /** Optimizer state for inspection: slot name → values, per variable (by name), in first-seen order. */
  getState(): SlotView[] {
    return [...this.slots].map(([v, s]) => ({
      variable: v.name ?? "?",
      slots: Object.fromEntries(Object.entries(s).map(([k, a]) => [k, Array.from(a)])),
    }));
  }

  /**
   * The full training state, for saving a model with its optimizer (Keras saves it too): the step
   * count, extra scalars (Nadam's μ product) and a copy of each variable's slots, in the order of
   * `variables` (null for a variable that has not been updated yet).
   */
  exportState(variables: readonly Tensor[]): OptimizerState {
    return {
      iterations: this.iterations,
      scalars: this.extraState(),
      slots: variables.map((v) => {
        const s = this.slots.get(v);
        return s ? Object.fromEntries(Object.entries(s).map(([k, a]) => [k, a.slice()])) : null;
      }),
    };
  }

  /**
   * Restores what {@link Optimizer.exportState} gave, for the same variables in the same order,
   * so training resumes exactly where it stopped. Everything is checked before anything is changed.
   */
  importState(variables: readonly Tensor[], state: OptimizerState): void {
    const where = `${this.className}.importState`;
    if (!state || !Number.isInteger(state.iterations) || state.iterations < 0 || !Array.isArray(state.slots)) {
      throw new TypeError(`${where}: expected { iterations, scalars, slots } from exportState()`);
    }
    if (state.slots.length !== variables.length) {
      throw new RangeError(`${where}: the state has slots for ${state.slots.length} variables but ${variables.length} were given`);
    }
    const names = this.slotNames();
    state.slots.forEach((s, i) => {
      if (s === null) return;
      const v = variables[i];
      const got = Object.keys(s).sort().join(", ");
      if (got !== [...names].sort().join(", ")) {
        throw new RangeError(`${where}: variable ${v.name ?? i} has slots [${got}] but ${this.className} keeps [${names.join(", ")}]`);
      }
      for (const [k, a] of Object.entries(s)) {
        if (a.length !== v.size) throw new RangeError(`${where}: slot ${k} of ${v.name ?? i} has ${a.length} values but the variable has ${v.size}`);
      }
    });
    this.slots.clear();
    state.slots.forEach((s, i) => {
      if (s === null) return;
      const v = variables[i];
      this.slots.set(v, Object.fromEntries(Object.entries(s).map(([k, a]) => {
        const copy = allocate(v.dtype, v.size);
        copy.set(a);
        return [k, copy];
      })));
    });
    this.iterations = state.iterations;
    this.restoreExtraState(state.scalars ?? {});
  }

  /** Optimizer-specific scalar state beyond the slots (Nadam's μ product), for export. */
  protected extraState(): { [name: string]: number } {
    return {};
  }

  /** Restores {@link Optimizer.extraState}. */
  protected restoreExtraState(_scalars: { [name: string]: number }): void {}

  /** Extra scalar variables beyond the slots (Nadam's μ product): count and bytes. */
  protected extraVariables(): VariableStats {
    return { count: 0, bytes: 0 };
  }

  /**
   * Size of the optimizer's variables as Keras's summary counts them ("Optimizer params"): every
   * slot value, the step counter and, unless a schedule drives it, the learning rate. The counter
   * is 4 bytes: Keras's dtype "int" is int32 on the torch and JAX backends (the summaries we match).
   */
  variableStats(): VariableStats {
    let count = 1;
    let bytes = 4;
    if (!(this.rate instanceof LearningRateSchedule)) {
      count += 1;
      bytes += bytesPerElement(getDefaultDType());
    }
    for (const s of this.slots.values()) {
      for (const a of Object.values(s)) {
        count += a.length;
        bytes += a.byteLength;
      }
    }
    const extra = this.extraVariables();
    return { count: count + extra.count, bytes: bytes + extra.bytes };
  }

  /** The options that rebuild this optimizer with `optimizerFromConfig` (state is not included). */
  getConfig(): OptimizerConfig {
    return {
      name: this.className,
      learningRate: this.rate instanceof LearningRateSchedule ? this.rate.toJSON() : this.rate,
      weightDecay: this.weightDecay,
      clipnorm: this.clipnorm,
      clipvalue: this.clipvalue,
      globalClipnorm: this.globalClipnorm,
    };
  }
}

/** The `round` of float64 variables: their values are already doubles. One function, so update loops see one callee. */
const keepDouble = (x: number): number => x;

function checkLearningRate(name: string, lr: unknown): number | LearningRateSchedule {
  if (lr instanceof LearningRateSchedule) return lr;
  if (typeof lr !== "number" || !Number.isFinite(lr) || lr < 0) {
    throw new RangeError(`${name}: learningRate must be a finite number ≥ 0 or a learning-rate schedule, got ${JSON.stringify(lr)}`);
  }
  return lr;
}

function optionalNumber(name: string, option: string, value: unknown, zeroAllowed: boolean): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || (!zeroAllowed && value === 0)) {
    throw new RangeError(`${name}: ${option} must be a finite number ${zeroAllowed ? "≥ 0" : "> 0"} (or null), got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Validates an optimizer hyperparameter in [min, max) or [min, max]; errors name optimizer and option. */
export function hyperparameter(name: string, option: string, value: unknown, min: number, max: number, maxIncluded = false): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max || (!maxIncluded && value === max)) {
    throw new RangeError(`${name}: ${option} must be in [${min}, ${max}${maxIncluded ? "]" : ")"}, got ${JSON.stringify(value)}`);
  }
  return value;
}
