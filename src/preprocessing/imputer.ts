/** Filling missing values (NaN) per feature, as scikit-learn's SimpleImputer. */
import type { ArrayLike2D, Matrix } from "../data/arrays";
import { column, mapEntries, NumericTransformer, percentile } from "./transformer";

/** Options of {@link simpleImputer}. */
export interface SimpleImputerOptions {
  /** How to fill: "mean" (default), "median", "mostFrequent" (smallest on ties), or "constant". */
  strategy?: "mean" | "median" | "mostFrequent" | "constant";
  /** The value for strategy "constant" (default 0). */
  fillValue?: number;
  /** The value that marks a missing entry (default NaN). */
  missingValues?: number;
}

/** Replaces missing entries with a per-feature statistic of the observed entries. */
export class SimpleImputer extends NumericTransformer {
  readonly name = "simpleImputer";
  /** Per-feature fill value learned by `fit` (sklearn's `statistics_`). */
  statistics: number[] = [];
  private readonly strategy: "mean" | "median" | "mostFrequent" | "constant";
  private readonly fillValue: number;
  private readonly missingValues: number;

  constructor(options: SimpleImputerOptions = {}) {
    super();
    this.strategy = options.strategy ?? "mean";
    if (!["mean", "median", "mostFrequent", "constant"].includes(this.strategy)) {
      throw new RangeError(`simpleImputer: strategy must be "mean", "median", "mostFrequent" or "constant", got ${JSON.stringify(options.strategy)}`);
    }
    this.fillValue = options.fillValue ?? 0;
    this.missingValues = options.missingValues ?? NaN;
  }

  private isMissing(v: number): boolean {
    return Number.isNaN(this.missingValues) ? Number.isNaN(v) : v === this.missingValues;
  }

  /** Missing values are what this transformer is for, so NaN is allowed (Inf is not). */
  protected override input(x: ArrayLike2D, method: string): Matrix {
    const m = super.input(x, method, true);
    m.data.forEach((v, i) => {
      if (v === Infinity || v === -Infinity) {
        const r = Math.floor(i / m.cols);
        throw new RangeError(`${this.name}.${method}: x contains ${v} at row ${r}, column ${i - r * m.cols}; only NaN (or missingValues) marks a missing entry`);
      }
    });
    return m;
  }

  protected fitMatrix(m: Matrix): void {
    this.statistics = [];
    for (let j = 0; j < m.cols; j++) {
      const seen = Array.from(column(m, j)).filter((v) => !this.isMissing(v) && !Number.isNaN(v));
      if (this.strategy === "constant") {
        this.statistics.push(this.fillValue);
        continue;
      }
      if (seen.length === 0) {
        throw new RangeError(`simpleImputer.fit: column ${j} has no observed values to compute the ${this.strategy} from; drop it or use strategy "constant"`);
      }
      if (this.strategy === "mean") this.statistics.push(seen.reduce((a, b) => a + b, 0) / seen.length);
      else if (this.strategy === "median") this.statistics.push(percentile(Float64Array.from(seen).sort(), 50));
      else {
        const counts = new Map<number, number>();
        for (const v of seen) counts.set(v, (counts.get(v) ?? 0) + 1);
        let best = Infinity, bestCount = 0;
        for (const [v, c] of counts) if (c > bestCount || (c === bestCount && v < best)) [best, bestCount] = [v, c];
        this.statistics.push(best);
      }
    }
  }

  protected transformMatrix(m: Matrix): Matrix {
    return mapEntries(m, (v, j) => (this.isMissing(v) ? this.statistics[j] : v));
  }
}

/** Fills missing values per feature (sklearn's `SimpleImputer`). */
export function simpleImputer(options: SimpleImputerOptions = {}): SimpleImputer {
  return new SimpleImputer(options);
}
