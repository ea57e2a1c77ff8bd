/** The reparameterization layer of a variational autoencoder. */
import { Tensor } from "../tensor/tensor";
import { allocate } from "../tensor/dtype";
import { add, exp, mul } from "../ops";
import { Random, random } from "../random/rng";
import type { LayerArgs, LayerConfig } from "./layer";
import { MergeLayer } from "./merge/merge-layer";
import type { ShapeSpec } from "../display/mime";

/** Arguments of {@link sampling}. */
export interface SamplingArgs extends LayerArgs {
  /** A seed for this layer's own generator; without it ε comes from the global one (`nn.setSeed`). */
  seed?: number | null;
}

/**
 * Draws z = mean + exp(½·logVar) ⊙ ε with ε ~ N(0, I) (the reparameterization trick of the
 * Keras VAE example's `Sampling` layer): gradients flow to `mean` and `logVar` while the
 * randomness stays in ε. Takes `[mean, logVar]` of one shape; samples in training and at
 * inference, as the Keras example does.
 *
 * ```ts
 * const z = nn.layers.sampling().apply([zMean, zLogVar]);   // [batch, latentDim]
 * ```
 */
export class Sampling extends MergeLayer {
  readonly className = "Sampling";
  protected override readonly minInputs = 2;
  protected override readonly maxInputs = 2;
  /** The layer's own seed, or null for the global generator. */
  readonly seed: number | null;
  private readonly rng: Random | null;

  constructor(args: SamplingArgs = {}) {
    super(args, "Sampling");
    const seed = args.seed ?? null;
    if (seed !== null && !Number.isFinite(seed)) throw new RangeError(`${this.name}: seed must be a finite number, got ${seed}`);
    this.seed = seed;
    this.rng = seed === null ? null : new Random(seed);
  }

  protected mergedShape(shapes: ShapeSpec[]): ShapeSpec {
    const [m, v] = shapes;
    if (m.length !== v.length || m.some((d, i) => d !== null && v[i] !== null && d !== v[i])) {
      throw this.incompatible("mean and logVar must have the same shape", shapes);
    }
    return [...m];
  }

  protected merge([mean, logVar]: Tensor[]): Tensor {
    const rng = this.rng ?? random();
    const eps = allocate(mean.dtype, mean.size);
    for (let i = 0; i < eps.length; i++) eps[i] = rng.normal();
    return add(mean, mul(exp(mul(logVar, 0.5)), new Tensor(eps, [...mean.shape])));
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), seed: this.seed };
  }

  /** Rebuilds the layer from {@link Sampling.getConfig}'s output. */
  static fromConfig(config: LayerConfig): Sampling {
    return new Sampling(MergeLayer.args(config) as SamplingArgs);
  }
}

/** `nn.layers.sampling().apply([zMean, zLogVar])` — see {@link Sampling}. */
export function sampling(args: SamplingArgs = {}): Sampling {
  return new Sampling(args);
}
