/** Random over- and under-sampling (imblearn's RandomOverSampler / RandomUnderSampler). */
import { Tensor } from "../tensor/tensor";
import { Random } from "../random/rng";
import type { ArrayLike2D, Label, Matrix } from "../data/arrays";
import { OverSampler, Sampler, labelsLike, subMatrix, type ClassInfo, type LabelsInput, type SamplerOptions } from "./sampler";

/** Duplicates randomly chosen samples (with replacement) of the classes to over-sample. */
export class RandomOverSampler extends OverSampler {
  readonly name = "randomOverSampler";
  /** Indices (into the input) of the rows of the last result: originals, then the duplicates. */
  sampleIndices: number[] = [];

  protected generate(m: Matrix, info: ClassInfo, k: number, n: number, rng: Random): Float64Array {
    const members = info.members[k];
    const picks = Array.from({ length: n }, () => members[rng.int(members.length)]);
    this.sampleIndices.push(...picks);
    return subMatrix(m, picks).data;
  }

  override fitResample(x: ArrayLike2D, y: LabelsInput): [Tensor, Tensor | Label[]] {
    const n = x instanceof Tensor ? x.shape[0] : Array.isArray(x) ? x.length : 0;
    this.sampleIndices = Array.from({ length: n }, (_, i) => i);
    return super.fitResample(x, y);
  }
}

/** Keeps a random subset (without replacement) of each class to under-sample. */
export class RandomUnderSampler extends Sampler {
  readonly name = "randomUnderSampler";
  protected readonly kind = "under" as const;
  /** Indices (into the input) of the kept rows, class by class (sorted classes), ascending within a class. */
  sampleIndices: number[] = [];

  fitResample(x: ArrayLike2D, y: LabelsInput): [Tensor, Tensor | Label[]] {
    const { m, labels, info, targets } = this.inputs(x, y);
    const rng = this.rng();
    const kept: number[] = [];
    info.members.forEach((members, k) => {
      const n = targets.get(k);
      if (n === undefined) kept.push(...members);
      else kept.push(...rng.permutation(members.length).slice(0, n).sort((a, b) => a - b).map((p) => members[p]));
    });
    this.sampleIndices = kept;
    return [this.output(subMatrix(m, kept), x), labelsLike(y, kept.map((i) => labels[i]))];
  }
}

/** Random over-sampler: duplicates minority samples (imblearn's `RandomOverSampler`). */
export function randomOverSampler(options: SamplerOptions = {}): RandomOverSampler {
  return new RandomOverSampler(options);
}

/** Random under-sampler: drops majority samples (imblearn's `RandomUnderSampler`). */
export function randomUnderSampler(options: SamplerOptions = {}): RandomUnderSampler {
  return new RandomUnderSampler(options);
}
