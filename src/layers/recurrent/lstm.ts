/** Keras's `LSTM` layer. */
import { concat } from "../../ops";
import { ones } from "../../tensor/creation";
import { getInitializer } from "../../initializers";
import type { LayerConfig } from "../layer";
import { booleanArg } from "../normalize";
import { RNNLayer, type GatedRNNArgs } from "./rnn-layer";

/** Arguments of {@link lstm}. */
export interface LSTMArgs extends GatedRNNArgs {
  /** Initialize the forget gate's bias to 1 (default true, as Keras; Jozefowicz et al. 2015). */
  unitForgetBias?: boolean;
}

/**
 * Long short-term memory (Keras 3's `LSTM`, gate order i, f, c, o):
 * i = σ(x·Wᵢ + h·Uᵢ + bᵢ), f = σ(…), g = tanh(…), o = σ(…); c′ = f ⊙ c + i ⊙ g; h′ = o ⊙ tanh(c′).
 * Weights: kernel [features, 4·units] (glorotUniform), recurrent_kernel [units, 4·units]
 * (orthogonal), bias [4·units] (forget part 1 with `unitForgetBias`). PyTorch's `nn.LSTM` uses
 * the same gates in the order i, f, g, o with W stored transposed and two biases (b_ih + b_hh).
 *
 * ```ts
 * const layer = nn.layers.lstm({ units: 64, inputShape: [32, 8] });   // 4·(8·64 + 64·64 + 64) = 18,688 params
 * const [out, h, c] = nn.layers.lstm({ units: 4, returnState: true }).applyWithStates(x);
 * ```
 */
export class LSTM extends RNNLayer {
  readonly className: string = "LSTM";
  /** Whether the forget gate's bias starts at 1. */
  readonly unitForgetBias: boolean;

  /** @param prefix start of automatic names (cells use their own). */
  constructor(args: LSTMArgs, prefix = "LSTM") {
    super(args, prefix, "lstm");
    this.unitForgetBias = booleanArg(this.name, "unitForgetBias", args.unitForgetBias, true);
  }

  protected override buildBias(): void {
    const U = this.units;
    if (!this.unitForgetBias) return super.buildBias();
    // Keras: [init(units), ones(units), init(2·units)] with the bias initializer for the rest.
    const init = getInitializer(this.biasSpec.initializer, `${this.name}: biasInitializer`).fn;
    const withForgetBias = (_shape: readonly number[], dtype?: "float32" | "float64") =>
      concat([init([U], dtype), ones([U], { dtype }), init([2 * U], dtype)], 0);
    this.bias = this.addWeight("bias", [4 * U], withForgetBias, this.biasSpec);
  }

  /** The recurrent layer's config plus `unitForgetBias`. */
  override getConfig(): LayerConfig {
    return { ...super.getConfig(), unitForgetBias: this.unitForgetBias };
  }

  /** Rebuilds the layer from {@link LSTM.getConfig}'s output. */
  static fromConfig(config: LayerConfig): LSTM {
    return new LSTM(RNNLayer.argsFromConfigFor(config) as LSTMArgs);
  }
}

/** `nn.layers.lstm({ units: 64, returnSequences: true })` — see {@link LSTM}. */
export function lstm(args: LSTMArgs): LSTM {
  return new LSTM(args);
}
