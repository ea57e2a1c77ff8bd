/** Layer normalization (Keras's `LayerNormalization`). */
import type { Tensor } from "../tensor/tensor";
import { mean as meanOf, variance as varianceOf } from "../ops";
import type { LayerConfig } from "./layer";
import type { ShapeSpec } from "../display/mime";
import { normalize, normalizationArgsFromConfig, NormalizationLayer, paramBroadcastShape, resolveAxes, type NormalizationArgs } from "./normalize";

/** Arguments of {@link layerNormalization} (Keras 3 names and defaults). */
export interface LayerNormalizationArgs extends NormalizationArgs {
  /** The axis or axes normalized within each sample (default −1: the features). */
  axis?: number | number[];
}

/**
 * Keras's `LayerNormalization`: each sample is normalized across its features (mean and biased
 * variance over `axis`, independent of the batch, the same in training and inference), then
 * scaled by gamma and shifted by beta (one per normalized position). Unlike BatchNormalization it
 * keeps no moving statistics.
 *
 * ```ts
 * nn.layers.layerNormalization({ inputShape: [8] });   // 16 params: gamma[8], beta[8]
 * ```
 */
export class LayerNormalization extends NormalizationLayer {
  readonly className = "LayerNormalization";
  /** The normalized axis or axes as given. */
  readonly axis: number | number[];
  private axes: number[] = [];

  constructor(args: LayerNormalizationArgs = {}) {
    super(args, "LayerNormalization");
    const axis = args.axis ?? -1;
    const list = Array.isArray(axis) ? axis : [axis];
    if (list.length === 0 || list.some((a) => !Number.isInteger(a))) {
      throw new TypeError(`${this.name}: axis must be an integer or a non-empty list of integers, got ${JSON.stringify(args.axis)}`);
    }
    this.axis = Array.isArray(axis) ? [...axis] : axis;
  }

  override build(inputShape: ShapeSpec): void {
    // Keras sorts the axes, so parameters have the sizes of the normalized axes in input order.
    this.axes = resolveAxes(this.name, Array.isArray(this.axis) ? this.axis : [this.axis], inputShape).sort((a, b) => a - b);
    this.buildScaleAndOffset(this.axes.map((a) => inputShape[a] as number));
    this.inputSpec = { ndim: inputShape.length, axes: Object.fromEntries(this.axes.map((a) => [a, inputShape[a] as number])) };
  }

  /** A parameter reshaped to broadcast against `x`: sizes on the normalized axes, ones elsewhere. */
  private broadcastParam(p: Tensor | undefined, x: Tensor): Tensor | undefined {
    return p?.reshape(paramBroadcastShape(x.shape, this.axes));
  }

  call(x: Tensor): Tensor {
    const mean = meanOf(x, this.axes, true);
    const variance = varianceOf(x, this.axes, true);
    return normalize(x, mean, variance, this.epsilon, this.broadcastParam(this.gamma, x), this.broadcastParam(this.beta, x));
  }

  /** The constructor arguments as plain JSON (Keras's names and defaults, camelCase). */
  override getConfig(): LayerConfig {
    return { ...super.getConfig(), axis: this.axis };
  }

  /** Rebuilds the layer from {@link LayerNormalization.getConfig}'s output. */
  static fromConfig(config: LayerConfig): LayerNormalization {
    return new LayerNormalization(normalizationArgsFromConfig(config, []) as LayerNormalizationArgs);
  }
}

/** `nn.layers.layerNormalization({ epsilon: 1e-3 })` — see {@link LayerNormalization}. */
export function layerNormalization(args: LayerNormalizationArgs = {}): LayerNormalization {
  return new LayerNormalization(args);
}
