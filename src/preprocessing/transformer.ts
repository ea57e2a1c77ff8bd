/**
 * The life cycle every preprocessing step shares, as in scikit-learn: `fit` learns from
 * data, `transform` applies what was learned, `fitTransform` does both, and a transform
 * before fit is refused with a clear error.
 */
import type { Tensor } from "../tensor/tensor";
import { getDefaultDType, type DType } from "../tensor/dtype";
import { fromMatrix, toMatrix, type ArrayLike2D, type Matrix } from "../data/arrays";

/** Anything that learns a transformation of samples with `fit` and applies it with `transform`. */
export interface TransformerLike {
  /** Learns from `x` (and `y` where the step uses labels); returns the step itself. */
  fit(x: unknown, y?: unknown): this;
  /** Applies what `fit` learned. */
  transform(x: unknown): unknown;
  /** `fit(x, y)` then `transform(x)`. */
  fitTransform(x: unknown, y?: unknown): unknown;
}

/** Base of the transformers: the fitted flag and the "transform before fit" error. */
export abstract class Transformer implements TransformerLike {
  /** The factory name, used in error messages (`standardScaler`, `oneHotEncoder`, …). */
  abstract readonly name: string;
  private fittedFlag = false;

  /** True once `fit` (or `fitTransform`) has run. */
  get fitted(): boolean {
    return this.fittedFlag;
  }

  /** Marks the transformer fitted; subclasses call it at the end of `fit`. */
  protected markFitted(): void {
    this.fittedFlag = true;
  }

  /** Throws a clear error when `method` is called before `fit`. */
  protected assertFitted(method: string): void {
    if (!this.fittedFlag) {
      throw new Error(`${this.name}.${method}: this ${this.name} is not fitted yet; call fit(x) or fitTransform(x) first`);
    }
  }

  abstract fit(x: unknown, y?: unknown): this;
  abstract transform(x: unknown): unknown;

  /** `fit(x, y)` then `transform(x)`. */
  fitTransform(x: unknown, y?: unknown): unknown {
    return this.fit(x, y).transform(x);
  }
}

/**
 * A transformer of numeric features: inputs are 2-D tensors or nested arrays (NaN and Inf
 * refused), outputs are tensors of the input tensor's dtype (the default dtype for arrays),
 * computed in float64.
 */
export abstract class NumericTransformer extends Transformer {
  /** Number of features seen by `fit`. */
  nFeaturesIn = 0;

  /** Learns the statistics of the columns of `m`. */
  protected abstract fitMatrix(m: Matrix): void;
  /** Transforms the rows of `m` in place or into a new matrix. */
  protected abstract transformMatrix(m: Matrix): Matrix;

  /** Checks `x` and returns it as a matrix (NaN refused unless the transformer allows it). */
  protected input(x: ArrayLike2D, method: string, allowNaN = false): Matrix {
    return toMatrix(x, `${this.name}.${method}`, "x", { allowNaN });
  }

  /** Throws unless `m` has the number of features seen by `fit`. */
  protected assertFeatures(m: Matrix, method: string): void {
    if (m.cols !== this.nFeaturesIn) {
      throw new RangeError(`${this.name}.${method}: x has ${m.cols} features but ${this.name} was fitted on ${this.nFeaturesIn}`);
    }
  }

  /** Checks the transformer is fitted and `x` has the fitted number of features. */
  protected fittedInput(x: ArrayLike2D, method: string): Matrix {
    this.assertFitted(method);
    const m = this.input(x, method);
    this.assertFeatures(m, method);
    return m;
  }

  /** Learns from the columns of `x`. */
  fit(x: ArrayLike2D): this {
    const m = this.input(x, "fit");
    this.nFeaturesIn = m.cols;
    this.fitMatrix(m);
    this.markFitted();
    return this;
  }

  /** Applies the learned transformation to each row of `x`. */
  transform(x: ArrayLike2D): Tensor {
    const m = this.fittedInput(x, "transform");
    return output(this.transformMatrix(m), m.dtype);
  }

  /** `fit(x)` then `transform(x)`. */
  override fitTransform(x: ArrayLike2D): Tensor {
    return this.fit(x).transform(x);
  }
}

/** The output tensor of a transformer, in the input's dtype (or the default). */
export function output(m: Matrix, dtype: DType | undefined): Tensor {
  return fromMatrix(m, dtype ?? getDefaultDType());
}

/** Column `j` of `m` as an array. */
export function column(m: Matrix, j: number): Float64Array {
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) out[i] = m.data[i * m.cols + j];
  return out;
}

/** A new matrix with `f(value, column)` applied to each entry. */
export function mapEntries(m: Matrix, f: (v: number, j: number) => number): Matrix {
  const data = new Float64Array(m.data.length);
  for (let i = 0; i < m.data.length; i++) data[i] = f(m.data[i], i % m.cols);
  return { ...m, data };
}

/** NumPy's default percentile (linear interpolation between closest ranks) of sorted values. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  const pos = ((sorted.length - 1) * q) / 100;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
