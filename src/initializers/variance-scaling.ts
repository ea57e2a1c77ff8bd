/**
 * Variance scaling (Keras 3's formulas) and the named schemes built on it:
 * variance = scale / n with n = fanIn, fanOut or their mean (at least 1), drawn as
 * - "truncatedNormal": stddev √variance / 0.87962566103423978, truncated at 2 stddev — the
 *   constant is the std of a standard normal truncated to ±2, so the result has exactly the
 *   target variance;
 * - "untruncatedNormal": stddev √variance;
 * - "uniform": on ±√(3·variance).
 * Glorot (Xavier) = scale 1, fanAvg; He = scale 2, fanIn; LeCun = scale 1, fanIn.
 */
import { normalizeId } from "../util/registry";
import {
  checkNumber, checkSeed, computeFans, configuredInitializer, filled, initializerFactory,
  type ConfiguredInitializer, type InitializerFactory, type SeedOption,
} from "./initializer";
import { truncatedStandardNormal } from "./random-distributions";

/** The std of a standard normal truncated to [−2, 2]; dividing by it restores the target variance. */
export const TRUNCATED_NORMAL_STDDEV = 0.87962566103423978;

/** Which fan divides the scale. */
export type FanMode = "fanIn" | "fanOut" | "fanAvg";
/** The distribution drawn from ("normal" means "truncatedNormal", as in Keras). */
export type ScalingDistribution = "truncatedNormal" | "untruncatedNormal" | "uniform" | "normal";

/** Options of {@link varianceScaling}. */
export interface VarianceScalingOptions extends SeedOption {
  /** Positive scale of the variance (default 1). */
  scale?: number;
  /** "fanIn" (default), "fanOut" or "fanAvg"; Keras's "fan_in" etc. also work. */
  mode?: FanMode | string;
  /** "truncatedNormal" (default), "untruncatedNormal", "uniform", or "normal" (= truncated); snake_case works. */
  distribution?: ScalingDistribution | string;
}

const MODES: Record<string, FanMode> = { fanin: "fanIn", fanout: "fanOut", fanavg: "fanAvg" };
const DISTRIBUTIONS: Record<string, Exclude<ScalingDistribution, "normal">> = {
  truncatednormal: "truncatedNormal", normal: "truncatedNormal", untruncatednormal: "untruncatedNormal", uniform: "uniform",
};
const SNAKE: Record<string, string> = {
  fanIn: "fan_in", fanOut: "fan_out", fanAvg: "fan_avg", truncatedNormal: "truncated_normal", untruncatedNormal: "untruncated_normal", uniform: "uniform",
};

function pick<T>(table: Record<string, T>, value: unknown, id: string, option: string, valid: string): T {
  const found = typeof value === "string" ? table[normalizeId(value)] : undefined;
  if (found === undefined) throw new RangeError(`${id}: unknown ${option} ${JSON.stringify(value)}. Valid: ${valid}`);
  return found;
}

/** The variance scale/n of a weight of `shape` under `mode`, as Keras: n = max(1, fan). */
export function scaledVariance(shape: readonly number[], scale: number, mode: FanMode): number {
  const { fanIn, fanOut } = computeFans(shape);
  const n = mode === "fanIn" ? fanIn : mode === "fanOut" ? fanOut : (fanIn + fanOut) / 2;
  return scale / Math.max(1, n);
}

/**
 * A configured variance-scaling initializer; `id`/`className` name the scheme (the named
 * schemes show only `{ seed }` in their config, as Keras).
 */
function scaling(id: string, className: string, options: VarianceScalingOptions, config?: { [key: string]: unknown }): ConfiguredInitializer {
  const scale = checkNumber(options.scale ?? 1, id, "scale", { value: 0, strict: true });
  const mode = pick(MODES, options.mode ?? "fanIn", id, "mode", "fanIn, fanOut, fanAvg");
  const distribution = pick(DISTRIBUTIONS, options.distribution ?? "truncatedNormal", id, "distribution", "truncatedNormal, untruncatedNormal, uniform, normal");
  const seed = checkSeed(options.seed, id);
  const shown = config ?? { seed: seed ?? null, scale, mode: SNAKE[mode], distribution: SNAKE[distribution] };
  return configuredInitializer(id, className, shown, (shape, dtype, rng) => {
    const variance = scaledVariance(shape, scale, mode);
    if (distribution === "uniform") {
      const limit = Math.sqrt(3 * variance);
      return filled(shape, dtype, () => (2 * rng.uniform() - 1) * limit);
    }
    if (distribution === "untruncatedNormal") {
      const stddev = Math.sqrt(variance);
      return filled(shape, dtype, () => stddev * rng.normal());
    }
    const stddev = Math.sqrt(variance) / TRUNCATED_NORMAL_STDDEV;
    return filled(shape, dtype, () => stddev * truncatedStandardNormal(rng));
  });
}

/** `varianceScaling({ scale: 2, mode: "fanIn", distribution: "truncatedNormal", seed })` — the general scheme. */
export const varianceScaling: InitializerFactory<VarianceScalingOptions> = initializerFactory("varianceScaling",
  (options: VarianceScalingOptions) => scaling("varianceScaling", "VarianceScaling", options));

/** A named scheme: fixed scale, mode and distribution; only `seed` is an option. */
function scheme(id: string, className: string, scale: number, mode: FanMode, distribution: ScalingDistribution): InitializerFactory<SeedOption> {
  return initializerFactory(id, (options: SeedOption) =>
    scaling(id, className, { scale, mode, distribution, seed: options.seed }, { seed: checkSeed(options.seed, id) ?? null }));
}

/** Glorot (Xavier) uniform: U(±√(6/(fanIn + fanOut))) — Keras's default for kernels. */
export const glorotUniform = scheme("glorotUniform", "GlorotUniform", 1, "fanAvg", "uniform");
/** Glorot (Xavier) normal: truncated normal with std √(2/(fanIn + fanOut)). */
export const glorotNormal = scheme("glorotNormal", "GlorotNormal", 1, "fanAvg", "truncatedNormal");
/** He (Kaiming) uniform: U(±√(6/fanIn)), for ReLU layers. */
export const heUniform = scheme("heUniform", "HeUniform", 2, "fanIn", "uniform");
/** He (Kaiming) normal: truncated normal with std √(2/fanIn), for ReLU layers. */
export const heNormal = scheme("heNormal", "HeNormal", 2, "fanIn", "truncatedNormal");
/** LeCun uniform: U(±√(3/fanIn)). */
export const lecunUniform = scheme("lecunUniform", "LecunUniform", 1, "fanIn", "uniform");
/** LeCun normal: truncated normal with std √(1/fanIn), for SELU networks. */
export const lecunNormal = scheme("lecunNormal", "LecunNormal", 1, "fanIn", "truncatedNormal");
