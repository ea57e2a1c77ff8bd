/** Flattens each sample to a vector (Keras's `Flatten`). */
import type { Tensor } from "../tensor/tensor";
import { Layer, type LayerArgs, type LayerConfig } from "./layer";
import type { ShapeSpec } from "../display/mime";
import { layerArgsFromConfig } from "./config-values";

/**
 * Keras's `Flatten`: `[batch, d1, d2, …]` → `[batch, d1·d2·…]`, keeping the batch axis
 * (a `[batch]` input becomes `[batch, 1]`, as Keras). No weights.
 *
 * ```ts
 * nn.sequential([nn.layers.flatten({ inputShape: [28, 28] }), nn.layers.dense({ units: 128 })]);  // 784 inputs
 * ```
 */
export class Flatten extends Layer {
  readonly className = "Flatten";

  constructor(args: LayerArgs = {}) {
    super(args, "Flatten");
  }

  call(x: Tensor): Tensor {
    if (x.rank === 0) throw new RangeError(`${this.name} expects an input with a batch dimension, got a scalar`);
    return x.reshape([x.shape[0], x.size / Math.max(x.shape[0], 1)]);
  }

  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    const rest = inputShape.slice(1);
    const known = rest.every((d) => d !== null);
    return [inputShape[0], known ? rest.reduce<number>((p, d) => p * (d as number), 1) : null];
  }

  /** Rebuilds the layer from its config. */
  static fromConfig(config: LayerConfig): Flatten {
    return new Flatten(layerArgsFromConfig(config) as LayerArgs);
  }
}

/** `nn.layers.flatten()` — see {@link Flatten}. */
export function flatten(args: LayerArgs = {}): Flatten {
  return new Flatten(args);
}
