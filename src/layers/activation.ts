/** A layer that applies an activation function (Keras's `Activation`). */
import type { Tensor } from "../tensor/tensor";
import { Layer, type LayerArgs, type LayerConfig } from "./layer";
import type { ActivationIdentifier } from "../activations";
import { layerActivation, layerArgsFromConfig, type LayerActivation } from "./config-values";

/** Arguments of {@link activation}. */
export interface ActivationArgs extends LayerArgs {
  /** The activation, by id ("relu", "leaky_relu", …) or as a function. */
  activation: ActivationIdentifier;
}

/**
 * Keras's `Activation` layer: `y = activation(x)` elementwise, no weights.
 *
 * ```ts
 * nn.sequential([nn.layers.dense({ units: 8, inputShape: [4] }), nn.layers.activation({ activation: "relu" })]);
 * ```
 */
export class Activation extends Layer {
  readonly className = "Activation";
  private readonly act: LayerActivation;

  constructor(args: ActivationArgs) {
    super(args, "Activation");
    if (args.activation === undefined || args.activation === null) {
      throw new TypeError(`${this.name}: activation is required (e.g. { activation: "relu" })`);
    }
    this.act = layerActivation(args.activation, `${this.name}: activation`);
  }

  /** The activation's id. */
  get activation(): string {
    return this.act.name;
  }

  call(x: Tensor): Tensor {
    return this.act.fn(x);
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), activation: this.act.config };
  }

  /** Rebuilds the layer from {@link Activation.getConfig}'s output. */
  static fromConfig(config: LayerConfig): Activation {
    return new Activation(layerArgsFromConfig(config) as unknown as ActivationArgs);
  }
}

/** `nn.layers.activation({ activation: "relu" })` — see {@link Activation}. */
export function activation(args: ActivationArgs): Activation {
  return new Activation(args);
}
