/** Group normalization (Keras 3's `GroupNormalization`). */
import type { Tensor } from "../tensor/tensor";
import { shapeToString } from "../tensor/shape";
import { mean as meanOf, variance as varianceOf } from "../ops";
import type { LayerConfig } from "./layer";
import type { ShapeSpec } from "../display/mime";
import { normalize, normalizationArgsFromConfig, NormalizationLayer, resolveAxes, type NormalizationArgs } from "./normalize";

/** Arguments of {@link groupNormalization} (Keras 3 names and defaults). */
export interface GroupNormalizationArgs extends NormalizationArgs {
  /**
   * Number of groups the channels are split into (default 32, as Keras). The channels must be a
   * multiple of it. `groups` = channels (or −1) is instance normalization; 1 normalizes each
   * sample over all channels and positions together.
   */
  groups?: number;
  /** The channel axis (default −1: channels last; 1 for channels-first images). */
  axis?: number;
}

/**
 * Keras 3's `GroupNormalization`: the channels of each sample are split into `groups`
 * consecutive groups (channels 0…C/G−1 form group 0, as in PyTorch's `GroupNorm`); each group is
 * normalized with its own mean and biased variance over its channels and all positions, then
 * every channel is scaled by gamma and shifted by beta. Like LayerNormalization it does not
 * depend on the batch and behaves the same in training and inference.
 *
 * Keras's epsilon default is 1e-3; PyTorch's `GroupNorm` uses 1e-5.
 *
 * ```ts
 * nn.layers.groupNormalization({ groups: 4, inputShape: [8, 8, 16] });  // 32 params: gamma[16], beta[16]
 * nn.layers.groupNormalization({ groups: -1 });                         // instance normalization
 * ```
 */
export class GroupNormalization extends NormalizationLayer {
  readonly className = "GroupNormalization";
  /** The number of groups as given (−1: one per channel). */
  readonly groups: number;
  /** The channel axis as given (e.g. −1). */
  readonly axis: number;
  private channelAxis = -1;
  private groupCount = 1;

  constructor(args: GroupNormalizationArgs = {}) {
    super(args, "GroupNormalization");
    const groups = args.groups ?? 32;
    if (!Number.isInteger(groups) || (groups <= 0 && groups !== -1)) {
      throw new RangeError(`${this.name}: groups must be a positive integer or -1 (one group per channel), got ${JSON.stringify(args.groups)}`);
    }
    const axis = args.axis ?? -1;
    if (!Number.isInteger(axis)) throw new TypeError(`${this.name}: axis must be an integer, got ${JSON.stringify(args.axis)}`);
    this.groups = groups;
    this.axis = axis;
  }

  override build(inputShape: ShapeSpec): void {
    if (inputShape.length < 2) {
      throw new RangeError(`${this.name} expects inputs with a batch and a channel axis (rank ≥ 2), got input shape ${shapeToString(inputShape)}`);
    }
    // The batch axis first: its size is unknown at build time, which would hide the real mistake.
    if (this.axis === 0 || this.axis === -inputShape.length) throw new RangeError(`${this.name}: axis ${this.axis} is the batch axis; give the channel axis (e.g. -1)`);
    const [axis] = resolveAxes(this.name, [this.axis], inputShape);
    const channels = inputShape[axis] as number;
    const groups = this.groups === -1 ? channels : this.groups;
    if (groups > channels) {
      throw new RangeError(`${this.name}: groups (${groups}) cannot be more than the number of channels (${channels}) of input shape ${shapeToString(inputShape)}`);
    }
    if (channels % groups !== 0) {
      throw new RangeError(`${this.name}: the number of channels (${channels}) must be a multiple of groups (${groups}); input shape ${shapeToString(inputShape)}`);
    }
    this.channelAxis = axis;
    this.groupCount = groups;
    this.buildScaleAndOffset([channels]);
    this.inputSpec = { ndim: inputShape.length, axes: { [axis]: channels } };
  }

  call(x: Tensor): Tensor {
    const axis = this.channelAxis;
    const channels = x.shape[axis];
    const groups = this.groupCount;
    // The channel axis becomes [groups, channels / groups]; statistics are taken over every axis
    // but the batch and the group axis, so each (sample, group) pair has its own mean and variance.
    const grouped = [...x.shape.slice(0, axis), groups, channels / groups, ...x.shape.slice(axis + 1)];
    const xg = x.reshape(grouped);
    const reduceAxes = grouped.map((_, i) => i).filter((i) => i !== 0 && i !== axis);
    const mean = meanOf(xg, reduceAxes, true);
    const variance = varianceOf(xg, reduceAxes, true);
    // gamma and beta are per channel: shaped [groups, channels / groups] at the channel position.
    const paramShape = grouped.map((d, i) => (i === axis || i === axis + 1 ? d : 1));
    const y = normalize(xg, mean, variance, this.epsilon, this.gamma?.reshape(paramShape), this.beta?.reshape(paramShape));
    return y.reshape(x.shape);
  }

  /** The constructor arguments as plain JSON (Keras's names and defaults, camelCase). */
  override getConfig(): LayerConfig {
    return { ...super.getConfig(), groups: this.groups, axis: this.axis };
  }

  /** Rebuilds the layer from {@link GroupNormalization.getConfig}'s output. */
  static fromConfig(config: LayerConfig): GroupNormalization {
    return new GroupNormalization(normalizationArgsFromConfig(config, []) as GroupNormalizationArgs);
  }
}

/** `nn.layers.groupNormalization({ groups: 4 })` — see {@link GroupNormalization}. */
export function groupNormalization(args: GroupNormalizationArgs = {}): GroupNormalization {
  return new GroupNormalization(args);
}
