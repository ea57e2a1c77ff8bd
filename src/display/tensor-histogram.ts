/**
 * Summary statistics and an equal-width histogram of a tensor's values, with a bounded
 * cost: statistics read every element once; the histogram bins at most `maxSamples`
 * elements drawn with a private seeded generator (so recording never shifts the training
 * run's random stream).
 */
import { Random } from "../random/rng";
import type { TensorHistogram } from "./mime";

/** Options of {@link tensorHistogram}. */
export interface HistogramOptions {
  /** Number of equal-width bins (default 30). */
  bins?: number;
  /** Elements binned at most; larger tensors are sampled (default 20,000). */
  maxSamples?: number;
  /** Seed of the sampling generator (default 0). */
  seed?: number;
}

/**
 * Statistics (over all elements) and a histogram (numpy.histogram's bins: `bins` equal widths
 * from min to max, the last bin closed) of `values`. Non-finite values are counted, not binned.
 */
/** min, max, mean, population std, zeros and non-finite count over all elements. */
export function tensorStats(values: ArrayLike<number>): { min: number; max: number; mean: number; std: number; zeros: number; nonFinite: number; finite: number; sumSq: number } {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let sumSq = 0;
  let zeros = 0;
  let nonFinite = 0;
  let finite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      nonFinite++;
      continue;
    }
    finite++;
    if (v === 0) zeros++;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    sumSq += v * v;
  }
  const mean = finite > 0 ? sum / finite : 0;
  // Population standard deviation (numpy's default, ddof = 0), from a second pass for accuracy.
  let sq = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) sq += (values[i] - mean) ** 2;
  const std = finite > 0 ? Math.sqrt(sq / finite) : 0;
  return finite === 0 ? { min: 0, max: 0, mean, std, zeros, nonFinite, finite, sumSq } : { min, max, mean, std, zeros, nonFinite, finite, sumSq };
}

/** Histogram and statistics of one tensor's values (NaN/±Infinity counted apart, not binned); equal-width bins over [min, max] as numpy's `histogram`, on a seeded sample of `maxSamples` values for larger tensors. */
export function tensorHistogram(name: string, of: "value" | "gradient", values: ArrayLike<number>, options: HistogramOptions = {}): TensorHistogram {
  const bins = options.bins ?? 30;
  const maxSamples = options.maxSamples ?? 20000;
  const { min, max, mean, std, zeros, nonFinite, sumSq } = tensorStats(values);
  // numpy widens an empty range to [v − 0.5, v + 0.5].
  const lo = min === max ? min - 0.5 : min;
  const hi = min === max ? max + 0.5 : max;
  const edges = Array.from({ length: bins + 1 }, (_, k) => lo + ((hi - lo) * k) / bins);
  const counts = new Array<number>(bins).fill(0);
  const binOf = (v: number) => Math.min(bins - 1, Math.max(0, Math.floor(((v - lo) / (hi - lo)) * bins)));
  let sampled = 0;
  if (values.length <= maxSamples) {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) continue;
      counts[binOf(values[i])]++;
      sampled++;
    }
  } else {
    const rng = new Random(options.seed ?? 0);
    for (let k = 0; k < maxSamples; k++) {
      const v = values[rng.int(values.length)];
      if (!Number.isFinite(v)) continue;
      counts[binOf(v)]++;
      sampled++;
    }
  }
  return { name, of, size: values.length, sampled, min, max, mean, std, zeros, nonFinite, norm: Math.sqrt(sumSq), edges, counts };
}
