/** Keras's `GaussianNoise` layer (denoising autoencoders, regularization). */
import { Tensor } from "../tensor/tensor";
import { allocate } from "../tensor/dtype";
import { add } from "../ops";
import { Random, random } from "../random/rng";
import { Layer, type LayerArgs, type LayerConfig } from "./layer";
import { layerArgsFromConfig } from "./config-values";
import { passSequenceMask } from "./recurrent/sequence-mask";

/** Arguments of {@link gaussianNoise}. */
export interface GaussianNoiseArgs extends LayerArgs {
  /** Standard deviation of the noise (≥ 0). */
  stddev: number;
  /** A seed for this layer's own generator; without it the noise comes from the global one (`nn.setSeed`). */
  seed?: number | null;
}

/**
 * Adds zero-mean Gaussian noise N(0, stddev²) to its input in training only; the identity at
 * inference (Keras's `GaussianNoise`). New noise at every training call.
 *
 * ```ts
 * const noisy = nn.layers.gaussianNoise({ stddev: 0.1 });   // corrupt inputs of a denoising autoencoder
 * ```
 */
export class GaussianNoise extends Layer {
  readonly className = "GaussianNoise";
  /** Noise standard deviation. */
  readonly stddev: number;
  /** The layer's own seed, or null for the global generator. */
  readonly seed: number | null;
  private readonly rng: Random | null;

  constructor(args: GaussianNoiseArgs) {
    super(args, "GaussianNoise");
    if (typeof args.stddev !== "number" || !(args.stddev >= 0) || !Number.isFinite(args.stddev)) {
      throw new RangeError(`${this.name}: stddev must be a finite number ≥ 0, got ${JSON.stringify(args.stddev)}`);
    }
    const seed = args.seed ?? null;
    if (seed !== null && !Number.isFinite(seed)) throw new RangeError(`${this.name}: seed must be a finite number, got ${seed}`);
    this.stddev = args.stddev;
    this.seed = seed;
    this.rng = seed === null ? null : new Random(seed);
  }

  call(x: Tensor, training: boolean): Tensor {
    if (!training || this.stddev === 0) return x;
    const rng = this.rng ?? random();
    const noise = allocate(x.dtype, x.size);
    for (let i = 0; i < noise.length; i++) noise[i] = rng.normal() * this.stddev;
    return passSequenceMask(x, add(x, new Tensor(noise, [...x.shape])));
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), stddev: this.stddev, seed: this.seed };
  }

  /** Rebuilds the layer from {@link GaussianNoise.getConfig}'s output. */
  static fromConfig(config: LayerConfig): GaussianNoise {
    return new GaussianNoise(layerArgsFromConfig(config) as unknown as GaussianNoiseArgs);
  }
}

/** `nn.layers.gaussianNoise({ stddev: 0.1 })` — see {@link GaussianNoise}. */
export function gaussianNoise(args: GaussianNoiseArgs): GaussianNoise {
  return new GaussianNoise(args);
}
