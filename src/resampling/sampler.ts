/**
 * The shared shape of the resamplers: `fitResample(x, y)` checks the input, counts the
 * classes, asks the subclass for new (or kept) rows, and returns `[xResampled, yResampled]`
 * like imbalanced-learn: the original samples first, then the synthetic ones class by class.
 */
import { Tensor } from "../tensor/tensor";
import { tensor } from "../tensor/creation";
import { getDefaultDType } from "../tensor/dtype";
import { Random } from "../random/rng";
import { assertSameLength, encodeClasses, fromMatrix, toLabels, toMatrix, type ArrayLike2D, type Label, type Matrix } from "../data/arrays";
import { rngFor } from "../data/split";
import { samplingTargets, type SamplingStrategy } from "./strategy";

/** Options every resampler takes. */
export interface SamplerOptions {
  /** Which classes to resample and to how many samples (default "auto"). */
  samplingStrategy?: SamplingStrategy;
  /** Seed of the resampler's own generator; the global one (`nn.setSeed`) when omitted. */
  seed?: number;
}

/** Labels the caller gave: a tensor or an array; the result comes back in the same form. */
export type LabelsInput = Tensor | readonly Label[];

/** The class structure of `y`: sorted classes, codes, counts and members per class. */
export interface ClassInfo {
  /** Sorted classes (as `np.unique`). */
  classes: Label[];
  /** Class index of each sample. */
  codes: number[];
  /** Samples per class. */
  counts: number[];
  /** Indices of each class's samples, ascending. */
  members: number[][];
}

/** Classes of `labels`, sorted, with members. */
export function classInfo(labels: readonly Label[]): ClassInfo {
  const { classes, codes } = encodeClasses(labels, true);
  const members: number[][] = classes.map(() => []);
  codes.forEach((c, i) => members[c].push(i));
  return { classes, codes, counts: members.map((m) => m.length), members };
}

/** Rows `indices` of `m` as a new matrix. */
export function subMatrix(m: Matrix, indices: readonly number[]): Matrix {
  const data = new Float64Array(indices.length * m.cols);
  indices.forEach((r, i) => data.set(m.data.subarray(r * m.cols, (r + 1) * m.cols), i * m.cols));
  return { data, rows: indices.length, cols: m.cols, dtype: m.dtype };
}

/** The labels in the form they came: a 1-D tensor for a tensor, an array for an array. */
export function labelsLike(y: LabelsInput, labels: Label[]): Tensor | Label[] {
  if (y instanceof Tensor) return tensor(labels as number[], { dtype: y.dtype });
  return labels;
}

/** Base of the numeric resamplers (SMOTE family, random over/under-sampling). */
export abstract class Sampler {
  /** Factory name, for error messages. */
  abstract readonly name: string;
  /** Over-samplers add rows; under-samplers keep a subset. */
  protected abstract readonly kind: "over" | "under";
  /** Strategy as given. */
  readonly samplingStrategy: SamplingStrategy;
  /** Seed as given. */
  readonly seed?: number;
  /** Per class label, how many samples `fitResample` added (over) or kept (under), from the last call. */
  samplingTargets: Map<Label, number> = new Map();

  constructor(options: SamplerOptions) {
    this.samplingStrategy = options.samplingStrategy ?? "auto";
    this.seed = options.seed;
  }

  /** Checked `x` (NaN refused) and labels of `y`. */
  protected inputs(
    x: ArrayLike2D,
    y: LabelsInput,
  ): {
    /** `x` as a float64 matrix, one row per sample. */
    m: Matrix;
    /** The label of each sample. */
    labels: Label[];
    /** Sorted classes, codes, counts and members. */
    info: ClassInfo;
    /** Class code → samples to add (over-sampling) or to keep (under-sampling), for each resampled class. */
    targets: Map<number, number>;
  } {
    const where = `${this.name}.fitResample`;
    const m = toMatrix(x, where, "x");
    const labels = toLabels(y, where, "y");
    assertSameLength(m.rows, labels.length, where);
    const info = classInfo(labels);
    const targets = samplingTargets(info.classes, info.counts, this.samplingStrategy, this.kind, where);
    this.samplingTargets = new Map([...targets].map(([k, n]) => [info.classes[k], n]));
    return { m, labels, info, targets };
  }

  /** The output tensor's dtype: the input tensor's, else the default. */
  protected output(m: Matrix, x: ArrayLike2D): Tensor {
    return fromMatrix(m, x instanceof Tensor ? x.dtype : getDefaultDType());
  }

  /** A fresh generator per call, so the same seed gives the same resample every time. */
  protected rng(): Random {
    return rngFor(this.seed);
  }

  /** Resamples `(x, y)`; returns `[xResampled, yResampled]` (y in the form it was given). */
  abstract fitResample(x: ArrayLike2D, y: LabelsInput): [Tensor, Tensor | Label[]];
}

/** Base of the over-samplers that synthesize new rows per class. */
export abstract class OverSampler extends Sampler {
  protected readonly kind = "over" as const;

  /** `n` new rows for class `k` (row-major, `m.cols` values each). */
  protected abstract generate(m: Matrix, info: ClassInfo, k: number, n: number, rng: Random, labels: readonly Label[]): Float64Array;

  /** Runs checks shared by the class's generation before any row is made (e.g. enough neighbours). */
  protected checkClass(_info: ClassInfo, _k: number): void {}

  fitResample(x: ArrayLike2D, y: LabelsInput): [Tensor, Tensor | Label[]] {
    const { m, labels, info, targets } = this.inputs(x, y);
    const rng = this.rng();
    const parts: Float64Array[] = [m.data];
    const outLabels = [...labels];
    for (const [k, n] of [...targets].sort((a, b) => a[0] - b[0])) {
      if (n === 0) continue;
      this.checkClass(info, k);
      const rows = this.generate(m, info, k, n, rng, labels);
      parts.push(rows);
      for (let i = 0; i < rows.length / m.cols; i++) outLabels.push(info.classes[k]);
    }
    const data = new Float64Array(parts.reduce((a, p) => a + p.length, 0));
    let off = 0;
    for (const p of parts) {
      data.set(p, off);
      off += p.length;
    }
    return [this.output({ data, rows: outLabels.length, cols: m.cols }, x), labelsLike(y, outLabels)];
  }
}
