/** Inverted dropout (Keras's `Dropout`). */
import { Tensor } from "../tensor/tensor";
import { allocate } from "../tensor/dtype";
import { shapeToString, sizeOf } from "../tensor/shape";
import { mul } from "../ops";
import { Random, random } from "../random/rng";
import { Layer, type LayerArgs, type LayerConfig } from "./layer";
import { layerArgsFromConfig } from "./config-values";

/** Arguments of {@link dropout}. */
export interface DropoutArgs extends LayerArgs {
  /** Fraction of the inputs to zero, in [0, 1]. */
  rate: number;
  /**
   * Shape of the mask, broadcast over the input (e.g. `[null, 1, 8]` drops the same features at
   * every time step); null entries take the input's size. Default: the input's shape.
   */
  noiseShape?: (number | null)[] | null;
  /** A seed for this layer's own generator; without it the masks come from the global one (`nn.setSeed`). */
  seed?: number | null;
}

/**
 * Keras's `Dropout`, inverted: in training each value is zeroed with probability `rate` and the
 * kept values are divided by `1 − rate`, so the expected output equals the input; at inference
 * the layer is the identity. A new mask is drawn at every training call (every batch).
 *
 * ```ts
 * nn.setSeed(0);
 * const drop = nn.layers.dropout({ rate: 0.5 });
 * drop.apply(nn.ones([1, 6]), true);   // e.g. [[2, 0, 2, 2, 0, 0]]
 * drop.apply(nn.ones([1, 6]), false);  // [[1, 1, 1, 1, 1, 1]]
 * ```
 */
export class Dropout extends Layer {
  readonly className = "Dropout";
  /** Fraction of values zeroed in training. */
  readonly rate: number;
  /** Mask shape (null entries follow the input), or null for the input's shape. */
  readonly noiseShape: (number | null)[] | null;
  /** The layer's own seed, or null for the global generator. */
  readonly seed: number | null;
  private readonly rng: Random | null;

  constructor(args: DropoutArgs) {
    super(args, "Dropout");
    if (typeof args.rate !== "number" || !(args.rate >= 0 && args.rate <= 1)) {
      throw new RangeError(`${this.name}: rate must be a number in [0, 1], got ${JSON.stringify(args.rate)}`);
    }
    const ns = args.noiseShape ?? null;
    if (ns !== null && (!Array.isArray(ns) || ns.some((d) => d !== null && (!Number.isInteger(d) || d <= 0)))) {
      throw new TypeError(`${this.name}: noiseShape must be a list of positive integers or nulls, got ${JSON.stringify(ns)}`);
    }
    const seed = args.seed ?? null;
    if (seed !== null && !Number.isFinite(seed)) throw new RangeError(`${this.name}: seed must be a finite number, got ${seed}`);
    this.rate = args.rate;
    this.noiseShape = ns === null ? null : [...ns];
    this.seed = seed;
    this.rng = seed === null ? null : new Random(seed);
  }

  /** The mask's shape for an input of shape `shape`, checked to broadcast against it. */
  private maskShape(shape: readonly number[]): number[] {
    if (this.noiseShape === null) return [...shape];
    if (this.noiseShape.length !== shape.length) {
      throw new RangeError(`${this.name}: noiseShape ${shapeToString(this.noiseShape)} has rank ${this.noiseShape.length} but the input ${shapeToString(shape)} has rank ${shape.length}`);
    }
    return this.noiseShape.map((d, i) => {
      if (d !== null && d !== 1 && d !== shape[i]) {
        throw new RangeError(`${this.name}: noiseShape ${shapeToString(this.noiseShape!)} does not broadcast to the input shape ${shapeToString(shape)} (axis ${i})`);
      }
      return d ?? shape[i];
    });
  }

  call(x: Tensor, training: boolean): Tensor {
    if (!training || this.rate === 0) return x;
    const shape = this.maskShape(x.shape);
    const mask = allocate(x.dtype, sizeOf(shape));
    // rate 1 drops everything (as torch); otherwise kept values are scaled by 1/(1 − rate).
    const keep = 1 - this.rate;
    const scale = keep === 0 ? 0 : 1 / keep;
    const rng = this.rng ?? random();
    for (let i = 0; i < mask.length; i++) mask[i] = rng.uniform() < keep ? scale : 0;
    return mul(x, new Tensor(mask, shape));
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), rate: this.rate, noiseShape: this.noiseShape, seed: this.seed };
  }

  /** Rebuilds the layer from {@link Dropout.getConfig}'s output. */
  static fromConfig(config: LayerConfig): Dropout {
    return new Dropout(layerArgsFromConfig(config) as unknown as DropoutArgs);
  }
}

/** `nn.layers.dropout({ rate: 0.5 })` — see {@link Dropout}. */
export function dropout(args: DropoutArgs): Dropout {
  return new Dropout(args);
}
