/**
 * SMOTE and its variants (Chawla et al. 2002; Han et al. 2005; He et al. 2008), as
 * imbalanced-learn implements them: a synthetic sample is `x + u·(n − x)` with `x` a
 * minority sample, `n` one of its k nearest minority neighbours and `u ~ U(0, 1)`.
 */
import { Random } from "../random/rng";
import type { Label, Matrix } from "../data/arrays";
import { kNearest } from "./neighbors";
import { OverSampler, subMatrix, type ClassInfo, type SamplerOptions } from "./sampler";

/** Options of {@link smote}. */
export interface SmoteOptions extends SamplerOptions {
  /** Neighbours to interpolate towards (default 5); each resampled class needs at least kNeighbors + 1 samples. */
  kNeighbors?: number;
}

function checkK(k: number | undefined, fallback: number, where: string, name: string): number {
  const v = k ?? fallback;
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`${where}: ${name} must be a whole number ≥ 1, got ${k}`);
  return v;
}

/**
 * `n` samples interpolated from the rows `from` of `m` toward their neighbours: a base row
 * chosen uniformly (with its neighbour) `n` times, as imblearn's `_make_samples`.
 * `neighbors[i]` lists rows of `m` for the i-th entry of `from`; `stepMax` scales u.
 */
export function interpolate(m: Matrix, from: readonly number[], neighbors: readonly number[][], n: number, rng: Random, stepMax = 1, choose?: () => number): Float64Array {
  const out = new Float64Array(n * m.cols);
  const k = neighbors[0].length;
  for (let s = 0; s < n; s++) {
    const pick = choose ? choose() : rng.int(from.length * k);
    const row = Math.floor(pick / k);
    const nb = neighbors[row][pick % k];
    const step = stepMax * rng.uniform();
    const a = from[row];
    for (let c = 0; c < m.cols; c++) {
      const xa = m.data[a * m.cols + c];
      out[s * m.cols + c] = xa + step * (m.data[nb * m.cols + c] - xa);
    }
  }
  return out;
}

/** SMOTE: synthetic minority samples on segments to k nearest same-class neighbours. */
export class Smote extends OverSampler {
  readonly name: string = "smote";
  /** Neighbours per sample. */
  readonly kNeighbors: number;

  constructor(options: SmoteOptions = {}, name = "smote") {
    super(options);
    this.name = name;
    this.kNeighbors = checkK(options.kNeighbors, 5, name, "kNeighbors");
  }

  protected override checkClass(info: ClassInfo, k: number): void {
    if (info.counts[k] < this.kNeighbors + 1) {
      throw new RangeError(
        `${this.name}.fitResample: class ${JSON.stringify(info.classes[k])} has ${info.counts[k]} samples but kNeighbors=${this.kNeighbors} needs at least ${this.kNeighbors + 1}; lower kNeighbors or use randomOverSampler`,
      );
    }
  }

  /** Nearest same-class neighbours of each member of class `k` (indices into `m`). */
  protected classNeighbors(m: Matrix, info: ClassInfo, k: number): number[][] {
    const members = info.members[k];
    return kNearest(subMatrix(m, members), subMatrix(m, members), this.kNeighbors, true).map((r) => r.map((j) => members[j]));
  }

  protected generate(m: Matrix, info: ClassInfo, k: number, n: number, rng: Random): Float64Array {
    return interpolate(m, info.members[k], this.classNeighbors(m, info, k), n, rng);
  }
}

/** Options of {@link borderlineSmote}. */
export interface BorderlineSmoteOptions extends SmoteOptions {
  /** Neighbours (of any class) that decide whether a sample is in danger (default 10). */
  mNeighbors?: number;
  /** "borderline-1" (default) interpolates toward minority neighbours; "borderline-2" also toward other classes, with u ≤ 0.5. */
  kind?: "borderline-1" | "borderline-2";
}

/**
 * Borderline-SMOTE: only minority samples "in danger" (at least half, but not all, of their
 * m nearest neighbours belong to other classes) are used as bases for new samples.
 */
export class BorderlineSmote extends Smote {
  /** Neighbours deciding danger. */
  readonly mNeighbors: number;
  /** Variant. */
  readonly variant: "borderline-1" | "borderline-2";
  /** Indices of the samples found in danger per class label, from the last `fitResample`. */
  danger: Map<Label, number[]> = new Map();

  constructor(options: BorderlineSmoteOptions = {}) {
    super(options, "borderlineSmote");
    this.mNeighbors = checkK(options.mNeighbors, 10, "borderlineSmote", "mNeighbors");
    this.variant = options.kind ?? "borderline-1";
    if (!["borderline-1", "borderline-2"].includes(this.variant)) throw new RangeError(`borderlineSmote: kind must be "borderline-1" or "borderline-2", got ${JSON.stringify(options.kind)}`);
  }

  /** Members of class `k` in danger: m/2 ≤ (neighbours of other classes) < m, as imblearn's `_in_danger_noise`. */
  dangerSet(m: Matrix, info: ClassInfo, k: number): number[] {
    const members = info.members[k];
    const mn = Math.min(this.mNeighbors, m.rows - 1);
    const nn = kNearest(m, subMatrix(m, members), mn + 1).map((r, i) => r.filter((j) => j !== members[i]).slice(0, mn));
    return members.filter((_, i) => {
      const other = nn[i].filter((j) => info.codes[j] !== k).length;
      return other >= mn / 2 && other < mn;
    });
  }

  protected override generate(m: Matrix, info: ClassInfo, k: number, n: number, rng: Random): Float64Array {
    const danger = this.dangerSet(m, info, k);
    this.danger.set(info.classes[k], danger);
    if (danger.length === 0) return new Float64Array(0);
    const members = info.members[k];
    const sameClass = kNearest(subMatrix(m, members), subMatrix(m, danger), this.kNeighbors + 1).map((r, i) =>
      r.map((j) => members[j]).filter((j) => j !== danger[i]).slice(0, this.kNeighbors),
    );
    if (this.variant === "borderline-1") return interpolate(m, danger, sameClass, n, rng);
    // borderline-2: a share of the samples toward minority neighbours (u ≤ 1), the rest toward any-class neighbours (u ≤ 0.5).
    const fraction = betaHalf(rng);
    const nSame = Math.trunc(fraction * n);
    const anyClass = kNearest(m, subMatrix(m, danger), this.kNeighbors + 1).map((r, i) => r.filter((j) => j !== danger[i]).slice(0, this.kNeighbors));
    const a = interpolate(m, danger, sameClass, nSame, rng);
    const b = interpolate(m, danger, anyClass, n - nSame, rng, 0.5);
    const out = new Float64Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  }
}

/** A Beta(10, 10) draw (imblearn splits borderline-2's samples with it), from two Gamma(10) draws. */
function betaHalf(rng: Random): number {
  const gamma10 = (): number => {
    // Sum of 10 exponentials is Gamma(10, 1).
    let s = 0;
    for (let i = 0; i < 10; i++) s -= Math.log(1 - rng.uniform());
    return s;
  };
  const a = gamma10();
  return a / (a + gamma10());
}

/** Options of {@link adasyn}. */
export interface AdasynOptions extends SamplerOptions {
  /** Neighbours used both to measure difficulty and to interpolate (default 5). */
  nNeighbors?: number;
}

/**
 * ADASYN: like SMOTE, but each minority sample gets a number of synthetic samples
 * proportional to the share of other-class samples among its k nearest neighbours (harder
 * samples get more); imblearn's rounding, so the total can differ slightly from the target.
 */
export class Adasyn extends OverSampler {
  readonly name = "adasyn";
  /** Neighbours per sample. */
  readonly nNeighbors: number;
  /** Per class label, the number of samples generated from each member, from the last `fitResample`. */
  perSample: Map<Label, number[]> = new Map();

  constructor(options: AdasynOptions = {}) {
    super(options);
    this.nNeighbors = checkK(options.nNeighbors, 5, "adasyn", "nNeighbors");
  }

  protected override checkClass(info: ClassInfo, k: number): void {
    if (info.counts[k] < this.nNeighbors + 1) {
      throw new RangeError(`adasyn.fitResample: class ${JSON.stringify(info.classes[k])} has ${info.counts[k]} samples but nNeighbors=${this.nNeighbors} needs at least ${this.nNeighbors + 1}; lower nNeighbors`);
    }
  }

  /** Samples to generate from each member of class `k` for a target of `n`, as imblearn rounds them. */
  sampleCounts(m: Matrix, info: ClassInfo, k: number, n: number): number[] {
    const members = info.members[k];
    const nn = kNearest(m, subMatrix(m, members), this.nNeighbors + 1).map((r, i) => r.filter((j) => j !== members[i]).slice(0, this.nNeighbors));
    const ratio = nn.map((r) => r.filter((j) => info.codes[j] !== k).length / this.nNeighbors);
    const total = ratio.reduce((a, b) => a + b, 0);
    if (total === 0) {
      throw new RangeError(`adasyn.fitResample: no neighbour of class ${JSON.stringify(info.classes[k])} belongs to another class, so ADASYN has nothing to weight; use smote`);
    }
    // np.rint rounds half to even.
    return ratio.map((r) => roundHalfEven((r / total) * n));
  }

  protected generate(m: Matrix, info: ClassInfo, k: number, n: number, rng: Random): Float64Array {
    const counts = this.sampleCounts(m, info, k, n);
    this.perSample.set(info.classes[k], counts);
    const members = info.members[k];
    const nn = kNearest(subMatrix(m, members), subMatrix(m, members), this.nNeighbors, true).map((r) => r.map((j) => members[j]));
    const total = counts.reduce((a, b) => a + b, 0);
    const out = new Float64Array(total * m.cols);
    let s = 0;
    counts.forEach((c, i) => {
      for (let r = 0; r < c; r++, s++) {
        const one = interpolate(m, [members[i]], [nn[i]], 1, rng);
        out.set(one, s * m.cols);
      }
    });
    return out;
  }
}

/** Rounds to the nearest integer, halves to even (NumPy's `rint`). */
export function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** SMOTE over-sampler (imblearn's `SMOTE`): `smote({ kNeighbors: 5, seed: 42 }).fitResample(x, y)`. */
export function smote(options: SmoteOptions = {}): Smote {
  return new Smote(options);
}

/** Borderline-SMOTE over-sampler (imblearn's `BorderlineSMOTE`). */
export function borderlineSmote(options: BorderlineSmoteOptions = {}): BorderlineSmote {
  return new BorderlineSmote(options);
}

/** ADASYN over-sampler (imblearn's `ADASYN`). */
export function adasyn(options: AdasynOptions = {}): Adasyn {
  return new Adasyn(options);
}
