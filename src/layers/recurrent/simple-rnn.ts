/** Keras's `SimpleRNN` layer. */
import type { LayerConfig } from "../layer";
import { RNNLayer, type RNNArgs } from "./rnn-layer";

/**
 * The fully connected recurrent layer (Keras 3's `SimpleRNN`): h′ = tanh(x·W + h·U + b).
 * Equals PyTorch's `nn.RNN` with W = weight_ih_l0ᵀ, U = weight_hh_l0ᵀ and b = b_ih + b_hh.
 *
 * ```ts
 * const layer = nn.layers.simpleRNN({ units: 8, inputShape: [20, 3] });   // 3·8 + 8·8 + 8 = 96 params
 * ```
 */
export class SimpleRNN extends RNNLayer {
  readonly className: string = "SimpleRNN";

  /** @param prefix start of automatic names (cells use their own). */
  constructor(args: RNNArgs, prefix = "SimpleRNN") {
    super(args, prefix, "simpleRNN");
  }

  /** Rebuilds the layer from {@link SimpleRNN.getConfig}'s output. */
  static fromConfig(config: LayerConfig): SimpleRNN {
    return new SimpleRNN(RNNLayer.argsFromConfigFor(config));
  }
}

/** `nn.layers.simpleRNN({ units: 8 })` — see {@link SimpleRNN}. */
export function simpleRNN(args: RNNArgs): SimpleRNN {
  return new SimpleRNN(args);
}
