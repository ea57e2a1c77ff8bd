/** Reshapes each sample (Keras's `Reshape`). */
import type { Tensor } from "../tensor/tensor";
import { Layer, type LayerArgs, type LayerConfig } from "./layer";
import { shapeToString } from "../tensor/shape";
import type { ShapeSpec } from "../display/mime";
import { layerArgsFromConfig } from "./config-values";

/** Arguments of {@link reshape}. */
export interface ReshapeArgs extends LayerArgs {
  /** The new shape of one sample (without the batch axis); one entry may be −1 (inferred). */
  targetShape: number[];
}

/**
 * Keras's `Reshape`: `[batch, …]` → `[batch, ...targetShape]`; the number of values per sample
 * must stay the same. One dimension may be −1 and is then inferred.
 *
 * ```ts
 * nn.layers.reshape({ targetShape: [28, 28], inputShape: [784] });
 * nn.layers.reshape({ targetShape: [-1, 2] });   // [batch, 6] → [batch, 3, 2]
 * ```
 */
export class Reshape extends Layer {
  readonly className = "Reshape";
  /** The requested per-sample shape (may hold one −1). */
  readonly targetShape: readonly number[];

  constructor(args: ReshapeArgs) {
    super(args, "Reshape");
    const t = args.targetShape;
    if (!Array.isArray(t) || t.some((d) => !Number.isInteger(d) || (d <= 0 && d !== -1))) {
      throw new TypeError(`${this.name}: targetShape must be a list of positive integers (one may be -1), got ${JSON.stringify(t)}`);
    }
    if (t.filter((d) => d === -1).length > 1) {
      throw new RangeError(`${this.name}: targetShape may contain -1 only once, got ${shapeToString(t)}`);
    }
    this.targetShape = [...t];
  }

  /** The target shape for samples of shape `sample`, with −1 resolved (null while `sample` is not fully known); a clear error if the values cannot fit. */
  private resolve(sample: readonly (number | null)[]): ShapeSpec {
    if (sample.some((d) => d === null)) return this.targetShape.map((d) => (d === -1 ? null : d));
    const n = (sample as number[]).reduce((p, d) => p * d, 1);
    const known = this.targetShape.reduce((p, d) => (d === -1 ? p : p * d), 1);
    const resolved = this.targetShape.map((d) => (d === -1 ? n / known : d));
    if (!this.targetShape.includes(-1) ? known !== n : !Number.isInteger(n / known)) {
      throw new RangeError(
        `${this.name}: cannot reshape samples of shape ${shapeToString(sample)} (${n} values) into targetShape ${shapeToString(this.targetShape)}`,
      );
    }
    return resolved;
  }

  call(x: Tensor): Tensor {
    const target = this.resolve(x.shape.slice(1)) as number[];
    return x.reshape([x.shape[0], ...target]);
  }

  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    return [inputShape[0], ...this.resolve(inputShape.slice(1))];
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), targetShape: [...this.targetShape] };
  }

  /** Rebuilds the layer from {@link Reshape.getConfig}'s output. */
  static fromConfig(config: LayerConfig): Reshape {
    return new Reshape(layerArgsFromConfig(config) as unknown as ReshapeArgs);
  }
}

/** `nn.layers.reshape({ targetShape: [3, 2] })` — see {@link Reshape}. */
export function reshape(args: ReshapeArgs): Reshape {
  return new Reshape(args);
}
