/** Polynomial and interaction features, in scikit-learn's column order. */
import type { Matrix } from "../data/arrays";
import { NumericTransformer } from "./transformer";

/** Options of {@link polynomialFeatures}. */
export interface PolynomialFeaturesOptions {
  /** Highest total degree (default 2). */
  degree?: number;
  /** Only products of distinct features, no powers (default false). */
  interactionOnly?: boolean;
  /** Start with a column of ones (default true). */
  includeBias?: boolean;
}

/**
 * All monomials of the features up to `degree`: for `[a, b]` and degree 2,
 * `[1, a, b, a², ab, b²]` (sklearn's PolynomialFeatures order: by degree, then
 * combinations with replacement in lexicographic order).
 */
export class PolynomialFeatures extends NumericTransformer {
  readonly name = "polynomialFeatures";
  /** Each output column as the list of input columns multiplied (empty for the bias). */
  combinations: number[][] = [];
  private readonly degree: number;
  private readonly interactionOnly: boolean;
  private readonly includeBias: boolean;

  constructor(options: PolynomialFeaturesOptions = {}) {
    super();
    this.degree = options.degree ?? 2;
    if (!Number.isInteger(this.degree) || this.degree < 0) throw new RangeError(`polynomialFeatures: degree must be a whole number ≥ 0, got ${options.degree}`);
    this.interactionOnly = options.interactionOnly ?? false;
    this.includeBias = options.includeBias ?? true;
  }

  protected fitMatrix(m: Matrix): void {
    const combos: number[][] = this.includeBias ? [[]] : [];
    const extend = (prefix: number[], start: number, left: number): void => {
      if (left === 0) {
        combos.push(prefix);
        return;
      }
      for (let j = start; j < m.cols; j++) extend([...prefix, j], this.interactionOnly ? j + 1 : j, left - 1);
    };
    for (let d = 1; d <= this.degree; d++) extend([], 0, d);
    if (combos.length === 0) throw new RangeError("polynomialFeatures.fit: degree 0 without includeBias leaves no output features");
    this.combinations = combos;
  }

  protected transformMatrix(m: Matrix): Matrix {
    const k = this.combinations.length;
    const data = new Float64Array(m.rows * k);
    for (let i = 0; i < m.rows; i++) {
      this.combinations.forEach((combo, c) => {
        let p = 1;
        for (const j of combo) p *= m.data[i * m.cols + j];
        data[i * k + c] = p;
      });
    }
    return { data, rows: m.rows, cols: k, dtype: m.dtype };
  }

  /** Output column names as sklearn's `get_feature_names_out`: `1`, `x0`, `x0^2`, `x0 x1`, … */
  getFeatureNamesOut(inputFeatures?: readonly string[]): string[] {
    this.assertFitted("getFeatureNamesOut");
    const name = (j: number): string => inputFeatures?.[j] ?? `x${j}`;
    return this.combinations.map((combo) => {
      if (combo.length === 0) return "1";
      const powers = new Map<number, number>();
      for (const j of combo) powers.set(j, (powers.get(j) ?? 0) + 1);
      return [...powers].map(([j, p]) => (p === 1 ? name(j) : `${name(j)}^${p}`)).join(" ");
    });
  }
}

/** Polynomial and interaction features (sklearn's `PolynomialFeatures`). */
export function polynomialFeatures(options: PolynomialFeaturesOptions = {}): PolynomialFeatures {
  return new PolynomialFeatures(options);
}
