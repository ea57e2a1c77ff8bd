/**
 * SMOTE-NC (SMOTE for numeric and categorical features), as imbalanced-learn implements it:
 * distances add a penalty for each differing category (from the median standard deviation of
 * the class's continuous features), continuous features are interpolated, and each
 * categorical feature of a new sample takes the most frequent value among the neighbours.
 */
import type { Tensor } from "../tensor/tensor";
import { Random } from "../random/rng";
import { assertSameLength, sortLabels, toLabels, type Label } from "../data/arrays";
import { rngFor } from "../data/split";
import { samplingTargets } from "./strategy";
import { classInfo, labelsLike, type LabelsInput } from "./sampler";
import type { SmoteOptions } from "./smote";

/** Options of {@link smoteNC}. */
export interface SmoteNCOptions extends SmoteOptions {
  /** Column indices of the categorical features (required, at least one, not all). */
  categoricalFeatures: number[];
}

/** SMOTE-NC over-sampler for rows mixing numbers and categories. */
export class SmoteNC {
  /** Factory name. */
  readonly name = "smoteNC";
  /** Neighbours per sample. */
  readonly kNeighbors: number;
  /** Categorical column indices. */
  readonly categoricalFeatures: number[];
  /** Per class label, the median standard deviation of its continuous features (imblearn's `median_std_`). */
  medianStd: Map<Label, number> = new Map();
  private readonly options: SmoteNCOptions;

  constructor(options: SmoteNCOptions) {
    this.options = options;
    this.kNeighbors = options.kNeighbors ?? 5;
    if (!Number.isInteger(this.kNeighbors) || this.kNeighbors < 1) throw new RangeError(`smoteNC: kNeighbors must be a whole number ≥ 1, got ${options.kNeighbors}`);
    if (!Array.isArray(options.categoricalFeatures) || options.categoricalFeatures.length === 0) {
      throw new RangeError("smoteNC: categoricalFeatures must list the column indices of the categorical features (at least one); use smote when all are numeric");
    }
    this.categoricalFeatures = [...options.categoricalFeatures];
  }

  /**
   * Resamples rows of mixed values (`[[1.5, "red"], …]`); returns `[rows, y]`, the rows as
   * arrays of numbers and categories (original rows first, then the synthetic ones).
   */
  fitResample(x: readonly (readonly Label[])[], y: LabelsInput): [Label[][], Tensor | Label[]] {
    const where = "smoteNC.fitResample";
    if (!Array.isArray(x) || x.length === 0) throw new RangeError(`${where}: x must be a non-empty array of rows`);
    const cols = x[0].length;
    const cat = new Set(this.categoricalFeatures);
    for (const c of cat) if (!Number.isInteger(c) || c < 0 || c >= cols) throw new RangeError(`${where}: categoricalFeatures has ${c}, not a column index in 0..${cols - 1}`);
    if (cat.size === cols) throw new RangeError(`${where}: all ${cols} columns are categorical; SMOTE-NC needs at least one continuous feature`);
    const cont = Array.from({ length: cols }, (_, j) => j).filter((j) => !cat.has(j));
    const catCols = [...cat].sort((a, b) => a - b);
    const rows = x.map((r, i) => {
      if (!Array.isArray(r) || r.length !== cols) throw new RangeError(`${where}: x[${i}] must be a row of ${cols} values`);
      for (const j of cont) {
        if (typeof r[j] !== "number" || !Number.isFinite(r[j])) throw new RangeError(`${where}: x[${i}][${j}] is ${JSON.stringify(r[j])} but column ${j} is continuous (finite numbers only)`);
      }
      return [...r];
    });
    const labels = toLabels(y, where, "y");
    assertSameLength(rows.length, labels.length, where);
    const info = classInfo(labels);
    const targets = samplingTargets(info.classes, info.counts, this.options.samplingStrategy ?? "auto", "over", where);
    const rng: Random = rngFor(this.options.seed);
    const out = rows.map((r) => [...r]);
    const outLabels = [...labels];
    for (const [k, n] of [...targets].sort((a, b) => a[0] - b[0])) {
      if (n === 0) continue;
      const members = info.members[k];
      if (members.length < this.kNeighbors + 1) {
        throw new RangeError(`${where}: class ${JSON.stringify(info.classes[k])} has ${members.length} samples but kNeighbors=${this.kNeighbors} needs at least ${this.kNeighbors + 1}; lower kNeighbors`);
      }
      const med = medianOf(cont.map((j) => std(members.map((i) => rows[i][j] as number))));
      this.medianStd.set(info.classes[k], med);
      // imblearn one-hot encodes categories with value med/√2, so one differing category adds 2·(med/√2)² = med² to the squared distance (as in the paper).
      const penalty = med * med;
      const dist = (a: number, b: number): number => {
        let s = 0;
        for (const j of cont) s += ((rows[a][j] as number) - (rows[b][j] as number)) ** 2;
        for (const j of catCols) if (rows[a][j] !== rows[b][j]) s += penalty;
        return s;
      };
      const nn = members.map((a) => members.filter((b) => b !== a).sort((p, q) => dist(a, p) - dist(a, q) || p - q).slice(0, this.kNeighbors));
      for (let s = 0; s < n; s++) {
        const pick = rng.int(members.length * this.kNeighbors);
        const base = Math.floor(pick / this.kNeighbors);
        const a = members[base];
        const b = nn[base][pick % this.kNeighbors];
        const step = rng.uniform();
        const row: Label[] = new Array(cols);
        for (const j of cont) row[j] = (rows[a][j] as number) + step * ((rows[b][j] as number) - (rows[a][j] as number));
        for (const j of catCols) row[j] = mostFrequent(nn[base].map((i) => rows[i][j]));
        out.push(row);
        outLabels.push(info.classes[k]);
      }
    }
    return [out, labelsLike(y, outLabels)];
  }
}

function std(v: number[]): number {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  return Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
}

function medianOf(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/**
 * The most frequent value; ties go to the first in sorted order. (imblearn breaks ties at
 * random; a fixed rule keeps the result independent of the generator.)
 */
function mostFrequent(values: Label[]): Label {
  const counts = new Map<Label, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: Label = values[0];
  let bestCount = -1;
  for (const v of sortLabels([...counts.keys()])) {
    if (counts.get(v)! > bestCount) [best, bestCount] = [v, counts.get(v)!];
  }
  return best;
}

/** SMOTE-NC over-sampler for mixed numeric/categorical rows (imblearn's `SMOTENC`). */
export function smoteNC(options: SmoteNCOptions): SmoteNC {
  return new SmoteNC(options);
}
