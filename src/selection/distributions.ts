/**
 * Distributions for {@link randomizedSearchCV}, as scipy.stats' frozen distributions that
 * scikit-learn's `RandomizedSearchCV` samples. Each samples with a seeded {@link Random}.
 * Bounds follow scipy: `uniform` and `logUniform` on [low, high], `randInt` on [low, high)
 * (high excluded, as `scipy.stats.randint` and Python's `range`).
 */
import type { Random } from "../random/rng";

/** A distribution to sample one hyperparameter value from. */
export interface Distribution<T = number> {
  /** One sample. */
  sample(rng: Random): T;
  /** A description, e.g. `logUniform(0.0001, 0.1)`. */
  toString(): string;
}

function checkBounds(low: number, high: number, name: string, strict = true): void {
  if (!Number.isFinite(low) || !Number.isFinite(high)) throw new RangeError(`${name}: low and high must be finite numbers, got ${low} and ${high}`);
  if (strict ? !(low < high) : !(low <= high)) throw new RangeError(`${name}: low must be less than high, got low=${low}, high=${high}`);
}

/** Uniform on [low, high] (scipy's `uniform(loc=low, scale=high − low)`). */
export function uniform(low: number, high: number): Distribution {
  checkBounds(low, high, "uniform");
  return { sample: (rng) => low + (high - low) * rng.uniform(), toString: () => `uniform(${low}, ${high})` };
}

/** Log-uniform on [low, high], low > 0: log x is uniform (scipy's `loguniform`), the usual prior for learning rates. */
export function logUniform(low: number, high: number): Distribution {
  checkBounds(low, high, "logUniform");
  if (low <= 0) throw new RangeError(`logUniform: low must be > 0, got ${low}`);
  const a = Math.log(low);
  const b = Math.log(high);
  return { sample: (rng) => Math.exp(a + (b - a) * rng.uniform()), toString: () => `logUniform(${low}, ${high})` };
}

/** Integers low, low + 1, …, high − 1, equally likely (scipy's `randint`: high excluded). */
export function randInt(low: number, high: number): Distribution {
  if (!Number.isInteger(low) || !Number.isInteger(high)) throw new RangeError(`randInt: low and high must be integers, got ${low} and ${high}`);
  checkBounds(low, high, "randInt");
  return { sample: (rng) => low + rng.int(high - low), toString: () => `randInt(${low}, ${high})` };
}

/** One of `values`, equally likely. */
export function choice<T>(values: readonly T[]): Distribution<T> {
  if (!Array.isArray(values) || values.length === 0) throw new RangeError(`choice: values must be a non-empty array, got ${JSON.stringify(values)}`);
  return { sample: (rng) => values[rng.int(values.length)], toString: () => `choice(${JSON.stringify(values)})` };
}

/** True for a {@link Distribution}. */
export function isDistribution(v: unknown): v is Distribution<unknown> {
  return typeof v === "object" && v !== null && typeof (v as Distribution).sample === "function";
}
