/**
 * Keras Tuner's `HyperParameters`: a build function asks `hp.int("units", { min: 8, max: 128,
 * step: 8 })` and gets this trial's value; the first call of a name also declares it in the
 * search space, so conditional hyperparameters (declared only in some branches) work.
 */
import type { Random } from "../random/rng";

/** One declared hyperparameter. */
export type HyperParameter =
  | {
      /** An integer from {@link HyperParameters.int}. */
      kind: "int";
      /** The name given when it was declared (the key in a trial's values). */
      name: string;
      /** Smallest value (inclusive). */
      min: number;
      /** Largest value (inclusive). */
      max: number;
      /** Grid spacing from `min` (≥ 1). */
      step: number;
      /** "linear": uniform; "log": log-uniform (for scales such as units). */
      sampling: "linear" | "log";
      /** Value used when nothing is sampled (default `min`). */
      default: number;
    }
  | {
      /** A float from {@link HyperParameters.float}. */
      kind: "float";
      /** The name given when it was declared (the key in a trial's values). */
      name: string;
      /** Smallest value (inclusive). */
      min: number;
      /** Largest value (inclusive). */
      max: number;
      /** Grid spacing from `min`, or undefined for a continuous range. */
      step?: number;
      /** "linear": uniform; "log": log-uniform (for learning rates). */
      sampling: "linear" | "log";
      /** Value used when nothing is sampled (default `min`). */
      default: number;
    }
  | {
      /** One of a list, from {@link HyperParameters.choice}. */
      kind: "choice";
      /** The name given when it was declared (the key in a trial's values). */
      name: string;
      /** The allowed values, in the order given. */
      values: readonly (number | string | boolean)[];
      /** Value used when nothing is sampled (default the first value). */
      default: number | string | boolean;
    }
  | {
      /** True or false, from {@link HyperParameters.boolean}. */
      kind: "boolean";
      /** The name given when it was declared (the key in a trial's values). */
      name: string;
      /** Value used when nothing is sampled (default false). */
      default: boolean;
    }
  | {
      /** A constant recorded with the trial, from {@link HyperParameters.fixed}. */
      kind: "fixed";
      /** The name given when it was declared (the key in a trial's values). */
      name: string;
      /** The constant. */
      value: unknown;
      /** Same as `value`. */
      default: unknown;
    };

/** Values of one trial: name → value. */
export type HpValues = { [name: string]: unknown };

/** The hyperparameters of a search and the values of the current trial. */
export class HyperParameters {
  /** The search space: every hyperparameter declared so far, in declaration order. */
  readonly space: HyperParameter[] = [];
  /** This trial's values. */
  readonly values: HpValues = {};
  /** Names declared (used) since this object was made: the trial's active hyperparameters. */
  readonly used = new Set<string>();
  /** Draws values for hyperparameters first declared during this trial (default: use defaults). */
  sampler?: (hp: HyperParameter) => unknown;

  /** An integer in [min, max] on a grid of `step` (default 1); `sampling: "log"` samples log-uniformly. */
  int(name: string, options: { min: number; max: number; step?: number; sampling?: "linear" | "log"; default?: number }): number {
    const where = `hp.int("${name}")`;
    const { min, max } = options;
    const step = options.step ?? 1;
    if (!Number.isInteger(min) || !Number.isInteger(max) || min > max) throw new RangeError(`${where}: min and max must be integers with min ≤ max, got min=${min}, max=${max}`);
    if (!Number.isInteger(step) || step < 1) throw new RangeError(`${where}: step must be a whole number ≥ 1, got ${step}`);
    if (options.sampling === "log" && min <= 0) throw new RangeError(`${where}: log sampling needs min > 0, got ${min}`);
    return this.declare({ kind: "int", name, min, max, step, sampling: options.sampling ?? "linear", default: options.default ?? min }) as number;
  }

  /** A float in [min, max] (optionally on a grid of `step`); `sampling: "log"` for scales such as learning rates. */
  float(name: string, options: { min: number; max: number; step?: number; sampling?: "linear" | "log"; default?: number }): number {
    const where = `hp.float("${name}")`;
    const { min, max } = options;
    if (!Number.isFinite(min) || !Number.isFinite(max) || !(min <= max)) throw new RangeError(`${where}: min and max must be finite with min ≤ max, got min=${min}, max=${max}`);
    if (options.sampling === "log" && min <= 0) throw new RangeError(`${where}: log sampling needs min > 0, got ${min}`);
    if (options.step !== undefined && !(options.step > 0)) throw new RangeError(`${where}: step must be > 0, got ${options.step}`);
    return this.declare({ kind: "float", name, min, max, step: options.step, sampling: options.sampling ?? "linear", default: options.default ?? min }) as number;
  }

  /** One of `values` (numbers, strings or booleans). */
  choice<T extends number | string | boolean>(name: string, values: readonly T[], options: { default?: T } = {}): T {
    if (!Array.isArray(values) || values.length === 0) throw new RangeError(`hp.choice("${name}"): values must be a non-empty array, got ${JSON.stringify(values)}`);
    return this.declare({ kind: "choice", name, values, default: options.default ?? values[0] }) as T;
  }

  /** True or false. */
  boolean(name: string, options: { default?: boolean } = {}): boolean {
    return this.declare({ kind: "boolean", name, default: options.default ?? false }) as boolean;
  }

  /** A constant, recorded with the trial. */
  fixed<T>(name: string, value: T): T {
    return this.declare({ kind: "fixed", name, value, default: value }) as T;
  }

  /** The value of a declared hyperparameter, or a clear error. */
  get(name: string): unknown {
    if (!(name in this.values)) throw new RangeError(`hp.get: unknown hyperparameter "${name}". Declared: ${this.space.map((h) => h.name).join(", ") || "none"}`);
    return this.values[name];
  }

  private declare(hp: HyperParameter): unknown {
    if (typeof hp.name !== "string" || hp.name === "") throw new TypeError(`hp: a hyperparameter needs a non-empty name, got ${JSON.stringify(hp.name)}`);
    const existing = this.space.find((h) => h.name === hp.name);
    if (existing && existing.kind !== hp.kind) throw new TypeError(`hp: "${hp.name}" was declared as ${existing.kind} and is now used as ${hp.kind}`);
    if (!existing) this.space.push(hp);
    this.used.add(hp.name);
    if (!(hp.name in this.values)) this.values[hp.name] = this.sampler && hp.kind !== "fixed" ? this.sampler(hp) : hp.default;
    return this.values[hp.name];
  }

  /** A fresh object with the same space and the given values (a trial's hp). */
  withValues(values: HpValues, sampler?: (hp: HyperParameter) => unknown): HyperParameters {
    const hp = new HyperParameters();
    hp.space.push(...this.space);
    Object.assign(hp.values, values);
    hp.sampler = sampler;
    return hp;
  }
}

/** Number of distinct values of a discrete hyperparameter (Infinity for a continuous float). */
export function spaceSize(hp: HyperParameter): number {
  switch (hp.kind) {
    case "int": return Math.floor((hp.max - hp.min) / hp.step) + 1;
    case "float": return hp.step ? Math.floor((hp.max - hp.min) / hp.step + 1e-9) + 1 : Infinity;
    case "choice": return hp.values.length;
    case "boolean": return 2;
    case "fixed": return 1;
  }
}

/** Maps u ∈ [0, 1) to a value of `hp` (uniform draws become the hyperparameter's distribution). */
export function fromUnit(hp: HyperParameter, u: number): unknown {
  switch (hp.kind) {
    case "int": {
      const n = spaceSize(hp);
      if (hp.sampling === "log") {
        const v = Math.exp(Math.log(hp.min) + u * (Math.log(hp.max + hp.step) - Math.log(hp.min)));
        return Math.min(hp.max, hp.min + Math.floor((v - hp.min) / hp.step) * hp.step);
      }
      return hp.min + Math.min(n - 1, Math.floor(u * n)) * hp.step;
    }
    case "float": {
      const v = hp.sampling === "log" ? Math.exp(Math.log(hp.min) + u * (Math.log(hp.max) - Math.log(hp.min))) : hp.min + u * (hp.max - hp.min);
      return hp.step ? Math.min(hp.max, hp.min + Math.round((v - hp.min) / hp.step) * hp.step) : v;
    }
    case "choice": return hp.values[Math.min(hp.values.length - 1, Math.floor(u * hp.values.length))];
    case "boolean": return u >= 0.5;
    case "fixed": return hp.value;
  }
}

/** Maps a value of `hp` back to [0, 1] (the Gaussian process's coordinates). */
export function toUnit(hp: HyperParameter, v: unknown): number {
  switch (hp.kind) {
    case "int":
    case "float": {
      const x = v as number;
      if (hp.max === hp.min) return 0.5;
      return hp.sampling === "log" ? (Math.log(x) - Math.log(hp.min)) / (Math.log(hp.max) - Math.log(hp.min)) : (x - hp.min) / (hp.max - hp.min);
    }
    case "choice": return (hp.values.indexOf(v as never) + 0.5) / hp.values.length;
    case "boolean": return v ? 0.75 : 0.25;
    case "fixed": return 0.5;
  }
}

/** A random value of `hp`. */
export function sampleValue(hp: HyperParameter, rng: Random): unknown {
  return fromUnit(hp, rng.uniform());
}
