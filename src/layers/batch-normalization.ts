/** Batch normalization (Keras's `BatchNormalization`). */
import type { Tensor } from "../tensor/tensor";
import { noGrad } from "../tensor/autograd";
import { mean as meanOf, variance as varianceOf } from "../ops";
import type { LayerConfig } from "./layer";
import type { ShapeSpec } from "../display/mime";
import type { InitializerIdentifier } from "../initializers";
import { weightSpec, weightSpecConfig, type WeightSpec } from "./weight-spec";
import { normalize, normalizationArgsFromConfig, NormalizationLayer, paramBroadcastShape, resolveAxes, type NormalizationArgs } from "./normalize";

/** Arguments of {@link batchNormalization} (Keras 3 names and defaults). */
export interface BatchNormalizationArgs extends NormalizationArgs {
  /** The feature axis (default −1: the last); statistics are taken over all other axes. */
  axis?: number;
  /** Weight of the old value in the moving statistics' update (default 0.99; PyTorch's momentum is 1 − this). */
  momentum?: number;
  /** Initializer of the moving mean (default "zeros"). */
  movingMeanInitializer?: InitializerIdentifier;
  /** Initializer of the moving variance (default "ones"). */
  movingVarianceInitializer?: InitializerIdentifier;
}

/**
 * Keras's `BatchNormalization`. In training (and only while the layer is trainable) it normalizes
 * each feature with the batch's mean and biased variance, then scales by gamma and shifts by beta,
 * and updates the moving statistics: `moving = moving · momentum + batch · (1 − momentum)`. At
 * inference, or when frozen (`trainable = false`, as Keras 3), it uses the moving statistics.
 * Weights: gamma, beta (trainable), movingMean, movingVariance (non-trainable) — 4 per feature.
 *
 * ```ts
 * nn.sequential([
 *   nn.layers.dense({ units: 3, inputShape: [2], useBias: false }),
 *   nn.layers.batchNormalization(),          // 12 params: 6 trainable, 6 non-trainable
 *   nn.layers.activation({ activation: "relu" }),
 * ]);
 * ```
 */
export class BatchNormalization extends NormalizationLayer {
  readonly className = "BatchNormalization";
  /** The feature axis as given (e.g. −1). */
  readonly axis: number;
  /** Weight of the old value in the moving statistics' update. */
  readonly momentum: number;
  private readonly movingMeanSpec: WeightSpec;
  private readonly movingVarianceSpec: WeightSpec;
  /** Moving mean per feature (non-trainable). */
  movingMean?: Tensor;
  /** Moving variance per feature (non-trainable). */
  movingVariance?: Tensor;
  private featureAxis = -1;

  constructor(args: BatchNormalizationArgs = {}) {
    super(args, "BatchNormalization");
    const axis = args.axis ?? -1;
    if (!Number.isInteger(axis)) throw new TypeError(`${this.name}: axis must be an integer, got ${JSON.stringify(args.axis)}`);
    const momentum = args.momentum ?? 0.99;
    if (typeof momentum !== "number" || !(momentum >= 0 && momentum <= 1)) {
      throw new RangeError(`${this.name}: momentum must be a number in [0, 1], got ${JSON.stringify(args.momentum)}`);
    }
    this.axis = axis;
    this.momentum = momentum;
    this.movingMeanSpec = weightSpec(this.name, "movingMean", { initializer: args.movingMeanInitializer }, "zeros");
    this.movingVarianceSpec = weightSpec(this.name, "movingVariance", { initializer: args.movingVarianceInitializer }, "ones");
  }

  override build(inputShape: ShapeSpec): void {
    const [axis] = resolveAxes(this.name, [this.axis], inputShape);
    const dim = inputShape[axis] as number;
    this.featureAxis = axis;
    this.buildScaleAndOffset([dim]);
    this.movingMean = this.addWeight("moving_mean", [dim], this.movingMeanSpec.initializer, { trainable: false });
    this.movingVariance = this.addWeight("moving_variance", [dim], this.movingVarianceSpec.initializer, { trainable: false });
    this.inputSpec = { ndim: inputShape.length, axes: { [axis]: dim } };
  }

  call(x: Tensor, training: boolean): Tensor {
    const bshape = paramBroadcastShape(x.shape, [this.featureAxis]);
    const gamma = this.gamma?.reshape(bshape);
    const beta = this.beta?.reshape(bshape);
    if (training && this.trainable) {
      const reduceAxes = x.shape.map((_, i) => i).filter((i) => i !== this.featureAxis);
      const mean = meanOf(x, reduceAxes, true);
      const variance = varianceOf(x, reduceAxes, true);
      this.updateMovingStatistics(mean, variance);
      return normalize(x, mean, variance, this.epsilon, gamma, beta);
    }
    return normalize(x, this.movingMean!.reshape(bshape), this.movingVariance!.reshape(bshape), this.epsilon, gamma, beta);
  }

  /** Keras's rule: `moving ← moving · momentum + batch · (1 − momentum)`, with the biased batch variance. */
  private updateMovingStatistics(mean: Tensor, variance: Tensor): void {
    noGrad(() => {
      const m = this.momentum;
      const mm = this.movingMean!.data;
      const mv = this.movingVariance!.data;
      for (let i = 0; i < mm.length; i++) {
        mm[i] = mm[i] * m + mean.data[i] * (1 - m);
        mv[i] = mv[i] * m + variance.data[i] * (1 - m);
      }
    });
  }

  /** The constructor arguments as plain JSON (Keras's names and defaults, camelCase). */
  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      axis: this.axis,
      momentum: this.momentum,
      ...weightSpecConfig("movingMean", this.movingMeanSpec, false),
      ...weightSpecConfig("movingVariance", this.movingVarianceSpec, false),
    };
  }

  /** Rebuilds the layer from {@link BatchNormalization.getConfig}'s output. */
  static fromConfig(config: LayerConfig): BatchNormalization {
    return new BatchNormalization(normalizationArgsFromConfig(config, ["movingMean", "movingVariance"]) as BatchNormalizationArgs);
  }
}

/** `nn.layers.batchNormalization({ momentum: 0.99, epsilon: 1e-3 })` — see {@link BatchNormalization}. */
export function batchNormalization(args: BatchNormalizationArgs = {}): BatchNormalization {
  return new BatchNormalization(args);
}
