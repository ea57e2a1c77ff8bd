/** Feature scalers with scikit-learn's formulas: standard, min-max, robust, and per-sample normalizer. */
import type { Tensor } from "../tensor/tensor";
import type { ArrayLike2D, Matrix } from "../data/arrays";
import { column, mapEntries, NumericTransformer, output, percentile } from "./transformer";

/** A scale of 0 (a constant feature) becomes 1, as sklearn's `_handle_zeros_in_scale` does. */
function nonZero(scale: number, reference: number): number {
  return Math.abs(scale) < 10 * Number.EPSILON * Math.max(1, Math.abs(reference)) ? 1 : scale;
}

/** A scaler whose transform is `(x − offset) · factor`, inverted exactly. */
abstract class AffineScaler extends NumericTransformer {
  /** Subtracted from each feature before scaling. */
  protected offset: number[] = [];
  /** Each feature is divided by it. */
  protected divisor: number[] = [];

  protected transformMatrix(m: Matrix): Matrix {
    return mapEntries(m, (v, j) => (v - this.offset[j]) / this.divisor[j]);
  }

  /** Maps scaled values back to the original units. */
  inverseTransform(x: ArrayLike2D): Tensor {
    const m = this.fittedInput(x, "inverseTransform");
    return output(mapEntries(m, (v, j) => v * this.divisor[j] + this.offset[j]), m.dtype);
  }
}

/** Options of {@link standardScaler}. */
export interface StandardScalerOptions {
  /** Subtract the mean (default true). */
  withMean?: boolean;
  /** Divide by the standard deviation (default true). */
  withStd?: boolean;
}

/** Standardizes features to mean 0 and variance 1 (population variance, as sklearn's StandardScaler). */
export class StandardScaler extends AffineScaler {
  readonly name = "standardScaler";
  /** Per-feature mean learned by `fit`. */
  mean: number[] = [];
  /** Per-feature population variance learned by `fit`. */
  variance: number[] = [];
  /** Per-feature divisor: √variance, or 1 for a constant feature. */
  scale: number[] = [];
  private readonly withMean: boolean;
  private readonly withStd: boolean;

  constructor(options: StandardScalerOptions = {}) {
    super();
    this.withMean = options.withMean ?? true;
    this.withStd = options.withStd ?? true;
  }

  protected fitMatrix(m: Matrix): void {
    this.mean = [];
    this.variance = [];
    for (let j = 0; j < m.cols; j++) {
      const col = column(m, j);
      const mean = col.reduce((a, b) => a + b, 0) / m.rows;
      this.mean.push(mean);
      this.variance.push(col.reduce((a, b) => a + (b - mean) ** 2, 0) / m.rows);
    }
    this.scale = this.variance.map((v, j) => nonZero(Math.sqrt(v), this.mean[j]));
    this.offset = this.withMean ? [...this.mean] : this.mean.map(() => 0);
    this.divisor = this.withStd ? [...this.scale] : this.mean.map(() => 1);
  }
}

/** Options of {@link minMaxScaler}. */
export interface MinMaxScalerOptions {
  /** Target range `[min, max]` (default `[0, 1]`). */
  featureRange?: [number, number];
  /** Clip transformed values to the range (default false). */
  clip?: boolean;
}

/** Scales each feature linearly so the training minimum and maximum map to `featureRange`. */
export class MinMaxScaler extends NumericTransformer {
  readonly name = "minMaxScaler";
  /** Per-feature training minimum. */
  dataMin: number[] = [];
  /** Per-feature training maximum. */
  dataMax: number[] = [];
  private readonly range: [number, number];
  private readonly clip: boolean;

  constructor(options: MinMaxScalerOptions = {}) {
    super();
    this.range = options.featureRange ?? [0, 1];
    this.clip = options.clip ?? false;
    const [lo, hi] = this.range;
    if (!Array.isArray(this.range) || this.range.length !== 2 || !(lo < hi)) {
      throw new RangeError(`minMaxScaler: featureRange must be [min, max] with min < max, got ${JSON.stringify(options.featureRange)}`);
    }
  }

  protected fitMatrix(m: Matrix): void {
    this.dataMin = [];
    this.dataMax = [];
    for (let j = 0; j < m.cols; j++) {
      const col = column(m, j);
      this.dataMin.push(Math.min(...col));
      this.dataMax.push(Math.max(...col));
    }
    const [lo, hi] = this.range;
    // sklearn: x·scale + min with scale = (hi − lo)/(max − min), min = lo − dataMin·scale.
    this.scaleFactor = this.dataMin.map((mn, j) => (hi - lo) / nonZero(this.dataMax[j] - mn, 0));
    this.minShift = this.dataMin.map((mn, j) => lo - mn * this.scaleFactor[j]);
  }
  /** sklearn's `scale_`: the factor each feature is multiplied by. */
  scaleFactor: number[] = [];
  /** sklearn's `min_`: added after scaling. */
  minShift: number[] = [];

  protected transformMatrix(m: Matrix): Matrix {
    const [lo, hi] = this.range;
    return mapEntries(m, (v, j) => {
      const t = v * this.scaleFactor[j] + this.minShift[j];
      return this.clip ? Math.min(hi, Math.max(lo, t)) : t;
    });
  }

  /** Maps scaled values back to the original units. */
  inverseTransform(x: ArrayLike2D): Tensor {
    const m = this.fittedInput(x, "inverseTransform");
    return output(mapEntries(m, (v, j) => (v - this.minShift[j]) / this.scaleFactor[j]), m.dtype);
  }
}

/** Options of {@link robustScaler}. */
export interface RobustScalerOptions {
  /** Subtract the median (default true). */
  withCentering?: boolean;
  /** Divide by the interquantile range (default true). */
  withScaling?: boolean;
  /** Percentiles of the range, `0 ≤ lo < hi ≤ 100` (default `[25, 75]`). */
  quantileRange?: [number, number];
}

/** Centers on the median and scales by the interquartile range (robust to outliers), as sklearn's RobustScaler. */
export class RobustScaler extends AffineScaler {
  readonly name = "robustScaler";
  /** Per-feature median. */
  center: number[] = [];
  /** Per-feature interquantile range (1 where it is 0). */
  scale: number[] = [];
  private readonly withCentering: boolean;
  private readonly withScaling: boolean;
  private readonly quantileRange: [number, number];

  constructor(options: RobustScalerOptions = {}) {
    super();
    this.withCentering = options.withCentering ?? true;
    this.withScaling = options.withScaling ?? true;
    this.quantileRange = options.quantileRange ?? [25, 75];
    const [lo, hi] = this.quantileRange;
    if (!(lo >= 0 && lo < hi && hi <= 100)) {
      throw new RangeError(`robustScaler: quantileRange must satisfy 0 ≤ lo < hi ≤ 100, got ${JSON.stringify(this.quantileRange)}`);
    }
  }

  protected fitMatrix(m: Matrix): void {
    this.center = [];
    this.scale = [];
    for (let j = 0; j < m.cols; j++) {
      const col = column(m, j).sort();
      this.center.push(percentile(col, 50));
      this.scale.push(nonZero(percentile(col, this.quantileRange[1]) - percentile(col, this.quantileRange[0]), 0));
    }
    this.offset = this.withCentering ? [...this.center] : this.center.map(() => 0);
    this.divisor = this.withScaling ? [...this.scale] : this.center.map(() => 1);
  }
}

/** Options of {@link normalizer}. */
export interface NormalizerOptions {
  /** Norm each sample is divided by: "l2" (default), "l1" or "max" (largest absolute value). */
  norm?: "l1" | "l2" | "max";
}

/**
 * Scales each sample (row) to unit norm. It learns nothing, so, as in scikit-learn, it
 * transforms without a prior `fit`; `fit` only records the number of features. A zero row stays zero.
 */
export class Normalizer extends NumericTransformer {
  readonly name = "normalizer";
  private readonly norm: "l1" | "l2" | "max";

  constructor(options: NormalizerOptions = {}) {
    super();
    this.norm = options.norm ?? "l2";
    if (!["l1", "l2", "max"].includes(this.norm)) throw new RangeError(`normalizer: norm must be "l1", "l2" or "max", got ${JSON.stringify(options.norm)}`);
  }

  protected fitMatrix(): void {}

  protected transformMatrix(m: Matrix): Matrix {
    const data = new Float64Array(m.data.length);
    for (let i = 0; i < m.rows; i++) {
      const row = m.data.subarray(i * m.cols, (i + 1) * m.cols);
      let n = 0;
      if (this.norm === "l1") for (const v of row) n += Math.abs(v);
      else if (this.norm === "l2") n = Math.sqrt(row.reduce((a, v) => a + v * v, 0));
      else for (const v of row) n = Math.max(n, Math.abs(v));
      const d = n === 0 ? 1 : n;
      for (let j = 0; j < m.cols; j++) data[i * m.cols + j] = row[j] / d;
    }
    return { ...m, data };
  }

  /** Normalizes each row of `x` (no fit needed). */
  override transform(x: ArrayLike2D): Tensor {
    const m = this.input(x, "transform");
    if (this.fitted) this.assertFeatures(m, "transform");
    return output(this.transformMatrix(m), m.dtype);
  }
}

/** Standardizes features to mean 0 and variance 1 (sklearn's `StandardScaler`). */
export function standardScaler(options: StandardScalerOptions = {}): StandardScaler {
  return new StandardScaler(options);
}

/** Scales features to `featureRange` (sklearn's `MinMaxScaler`). */
export function minMaxScaler(options: MinMaxScalerOptions = {}): MinMaxScaler {
  return new MinMaxScaler(options);
}

/** Centers on the median, scales by the interquartile range (sklearn's `RobustScaler`). */
export function robustScaler(options: RobustScalerOptions = {}): RobustScaler {
  return new RobustScaler(options);
}

/** Scales each sample to unit norm (sklearn's `Normalizer`). */
export function normalizer(options: NormalizerOptions = {}): Normalizer {
  return new Normalizer(options);
}
