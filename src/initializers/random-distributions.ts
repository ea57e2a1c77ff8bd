/**
 * Initializers with fixed distributions: normal, uniform and truncated normal (Keras 3's
 * defaults: mean 0, stddev 0.05; bounds ±0.05), and the samplers the variance-scaling
 * family builds on.
 */
import type { Random } from "../random/rng";
import {
  checkNumber, checkSeed, configuredInitializer, filled, initializerFactory, type InitializerFactory, type SeedOption,
} from "./initializer";

/** Keras's truncation: a truncated normal redraws every value farther than 2 stddev from the mean. */
export const TRUNCATION_STDDEVS = 2;

/** A standard normal value within ±2, by redrawing (acceptance ≈ 95.4%), as TensorFlow's truncated_normal. */
export function truncatedStandardNormal(rng: Random): number {
  for (;;) {
    const z = rng.normal();
    if (Math.abs(z) <= TRUNCATION_STDDEVS) return z;
  }
}

/** Options of {@link randomNormal} and {@link truncatedNormal}. */
export interface NormalOptions extends SeedOption {
  /** Mean (default 0). */
  mean?: number;
  /** Standard deviation of the (untruncated) normal (default 0.05, as Keras). */
  stddev?: number;
}

/** Options of {@link randomUniform}. */
export interface UniformOptions extends SeedOption {
  /** Lower bound (default −0.05, as Keras). */
  minval?: number;
  /** Upper bound, exclusive (default 0.05, as Keras). */
  maxval?: number;
}

function normalOptions(options: NormalOptions, id: string) {
  return {
    mean: checkNumber(options.mean ?? 0, id, "mean"),
    stddev: checkNumber(options.stddev ?? 0.05, id, "stddev", { value: 0, strict: false }),
    seed: checkSeed(options.seed, id),
  };
}

/** Normal N(mean, stddev²): `randomNormal({ mean: 0, stddev: 0.05, seed: 1 })`. */
export const randomNormal: InitializerFactory<NormalOptions> = initializerFactory("randomNormal", (options: NormalOptions) => {
  const { mean, stddev, seed } = normalOptions(options, "randomNormal");
  return configuredInitializer("randomNormal", "RandomNormal", { seed: seed ?? null, mean, stddev },
    (shape, dtype, rng) => filled(shape, dtype, () => mean + stddev * rng.normal()));
});

/**
 * Normal N(mean, stddev²) with every value beyond 2·stddev redrawn (Keras's truncated normal), so
 * |w − mean| ≤ 2·stddev; the resulting standard deviation is 0.8796·stddev.
 */
export const truncatedNormal: InitializerFactory<NormalOptions> = initializerFactory("truncatedNormal", (options: NormalOptions) => {
  const { mean, stddev, seed } = normalOptions(options, "truncatedNormal");
  return configuredInitializer("truncatedNormal", "TruncatedNormal", { seed: seed ?? null, mean, stddev },
    (shape, dtype, rng) => filled(shape, dtype, () => mean + stddev * truncatedStandardNormal(rng)));
});

/** Uniform on [minval, maxval): `randomUniform({ minval: -0.05, maxval: 0.05 })`. */
export const randomUniform: InitializerFactory<UniformOptions> = initializerFactory("randomUniform", (options: UniformOptions) => {
  const minval = checkNumber(options.minval ?? -0.05, "randomUniform", "minval");
  const maxval = checkNumber(options.maxval ?? 0.05, "randomUniform", "maxval");
  if (!(minval <= maxval)) throw new RangeError(`randomUniform: minval (${minval}) must not exceed maxval (${maxval})`);
  const seed = checkSeed(options.seed, "randomUniform");
  return configuredInitializer("randomUniform", "RandomUniform", { seed: seed ?? null, minval, maxval },
    (shape, dtype, rng) => filled(shape, dtype, () => minval + (maxval - minval) * rng.uniform()));
});
