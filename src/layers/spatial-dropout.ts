/** Keras's `SpatialDropout1D` and `SpatialDropout2D`: dropout of whole feature maps. */
import { Tensor } from "../tensor/tensor";
import { allocate } from "../tensor/dtype";
import { shapeToString } from "../tensor/shape";
import { mul } from "../ops";
import { Random, random } from "../random/rng";
import type { ShapeSpec } from "../display/mime";
import { Layer, type LayerArgs, type LayerConfig } from "./layer";
import { layerArgsFromConfig } from "./config-values";
import { passSequenceMask } from "./recurrent/sequence-mask";

/** Arguments of {@link spatialDropout1d} and {@link spatialDropout2d}. */
export interface SpatialDropoutArgs extends LayerArgs {
  /** Fraction of channels to zero, in [0, 1]. */
  rate: number;
  /** A seed for this layer's own generator; without it the masks come from the global one (`nn.setSeed`). */
  seed?: number | null;
}

/**
 * Drops whole channels (the last axis, channels-last) of each sample in training, scaling the
 * kept ones by 1/(1 − rate); the identity at inference. Neighbouring time steps or pixels are
 * strongly correlated, so dropping single values regularizes little; dropping a channel
 * everywhere does (Tompson et al. 2015).
 */
abstract class SpatialDropout extends Layer {
  /** Fraction of channels zeroed in training. */
  readonly rate: number;
  /** The layer's own seed, or null for the global generator. */
  readonly seed: number | null;
  private readonly rng: Random | null;
  /** Input rank: 3 for 1-D ([batch, steps, channels]), 4 for 2-D ([batch, rows, cols, channels]). */
  protected abstract readonly rank: number;

  constructor(args: SpatialDropoutArgs, className: string) {
    super(args, className);
    if (typeof args.rate !== "number" || !(args.rate >= 0 && args.rate <= 1)) {
      throw new RangeError(`${this.name}: rate must be a number in [0, 1], got ${JSON.stringify(args.rate)}`);
    }
    const seed = args.seed ?? null;
    if (seed !== null && !Number.isFinite(seed)) throw new RangeError(`${this.name}: seed must be a finite number, got ${seed}`);
    this.rate = args.rate;
    this.seed = seed;
    this.rng = seed === null ? null : new Random(seed);
  }

  override build(inputShape: ShapeSpec): void {
    if (inputShape.length !== this.rank) {
      const expected = this.rank === 3 ? "[batch, steps, channels]" : "[batch, rows, cols, channels]";
      throw new RangeError(`${this.name} expects a ${this.rank}-D input ${expected}, got shape ${shapeToString(inputShape)}`);
    }
    this.inputSpec = { ndim: this.rank };
  }

  call(x: Tensor, training: boolean): Tensor {
    if (!training || this.rate === 0) return x;
    const B = x.shape[0];
    const C = x.shape[x.rank - 1];
    const keep = 1 - this.rate;
    const scale = keep === 0 ? 0 : 1 / keep;
    const rng = this.rng ?? random();
    const mask = allocate(x.dtype, B * C);
    for (let i = 0; i < mask.length; i++) mask[i] = rng.uniform() < keep ? scale : 0;
    // One value per (sample, channel), broadcast over steps/pixels.
    return passSequenceMask(x, mul(x, new Tensor(mask, [B, ...new Array(x.rank - 2).fill(1), C])));
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed };
  }
}

/**
 * Keras's `SpatialDropout1D`: drops whole channels of [batch, steps, channels] inputs.
 *
 * ```ts
 * nn.layers.spatialDropout1d({ rate: 0.2 }).apply(x, true);   // a dropped channel is 0 at every step
 * ```
 */
export class SpatialDropout1D extends SpatialDropout {
  readonly className = "SpatialDropout1D";
  protected readonly rank = 3;
  // The prefix "SpatialDropout1d" snake-cases to Keras's automatic name "spatial_dropout1d".
  constructor(args: SpatialDropoutArgs) { super(args, "SpatialDropout1d"); }
  /** Rebuilds the layer from its config. */
  static fromConfig(config: LayerConfig): SpatialDropout1D {
    return new SpatialDropout1D(layerArgsFromConfig(config) as unknown as SpatialDropoutArgs);
  }
}

/**
 * Keras's `SpatialDropout2D` (channels-last): drops whole feature maps of [batch, rows, cols, channels].
 *
 * ```ts
 * nn.layers.spatialDropout2d({ rate: 0.1 }).apply(images, true);
 * ```
 */
export class SpatialDropout2D extends SpatialDropout {
  readonly className = "SpatialDropout2D";
  protected readonly rank = 4;
  constructor(args: SpatialDropoutArgs) { super(args, "SpatialDropout2d"); }
  /** Rebuilds the layer from its config. */
  static fromConfig(config: LayerConfig): SpatialDropout2D {
    return new SpatialDropout2D(layerArgsFromConfig(config) as unknown as SpatialDropoutArgs);
  }
}

/** `nn.layers.spatialDropout1d({ rate: 0.2 })` — see {@link SpatialDropout1D}. */
export function spatialDropout1d(args: SpatialDropoutArgs): SpatialDropout1D {
  return new SpatialDropout1D(args);
}

/** `nn.layers.spatialDropout2d({ rate: 0.2 })` — see {@link SpatialDropout2D}. */
export function spatialDropout2d(args: SpatialDropoutArgs): SpatialDropout2D {
  return new SpatialDropout2D(args);
}
