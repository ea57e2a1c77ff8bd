/** Keras's `GRU` layer. */
import { Tensor } from "../../tensor/tensor";
import { reshape, slice } from "../../ops";
import type { LayerConfig } from "../layer";
import { booleanArg } from "../normalize";
import { RNNLayer, type GatedRNNArgs } from "./rnn-layer";

/** Arguments of {@link gru}. */
export interface GRUArgs extends GatedRNNArgs {
  /**
   * Apply the reset gate after the recurrent matmul (default true, Keras 3 and cuDNN/PyTorch's
   * convention); false applies it to h before the matmul (the original paper).
   */
  resetAfter?: boolean;
}

/**
 * Gated recurrent unit (Keras 3's `GRU`, gate order z, r, h):
 * z = σ(x·W_z + h·U_z + b), r = σ(…), h̃ = tanh(x·W_h + r ⊙ (h·U_h + b_rh) + b_h),
 * h′ = z ⊙ h + (1 − z) ⊙ h̃. With `resetAfter` (the default) the bias is [2, 3·units]: row 0
 * for the input side, row 1 for the recurrent side. This equals PyTorch's `nn.GRU` with its
 * gates reordered (torch: r, z, n; b_ih = bias[0], b_hh = bias[1]).
 *
 * ```ts
 * const layer = nn.layers.gru({ units: 16, inputShape: [10, 4] });   // 3·(4·16 + 16·16 + 2·16) = 1,056 params
 * ```
 */
export class GRU extends RNNLayer {
  readonly className: string = "GRU";
  /** Whether the reset gate is applied after the recurrent matmul. */
  readonly resetAfter: boolean;

  /** @param prefix start of automatic names (cells use their own). */
  constructor(args: GRUArgs, prefix = "GRU") {
    super(args, prefix, "gru");
    this.resetAfter = booleanArg(this.name, "resetAfter", args.resetAfter, true);
  }

  protected override get resetAfterFlag(): boolean {
    return this.resetAfter;
  }

  protected override buildBias(): void {
    if (!this.resetAfter) return super.buildBias();
    this.bias = this.addWeight("bias", [2, 3 * this.units], this.biasSpec.initializer, this.biasSpec);
  }

  protected override recurrentBias(): Tensor | null {
    if (!this.bias || !this.resetAfter) return null;
    return reshape(slice(this.bias, [1, 0], [1, 3 * this.units]), [3 * this.units]);
  }

  /** The recurrent layer's config plus `resetAfter`. */
  override getConfig(): LayerConfig {
    return { ...super.getConfig(), resetAfter: this.resetAfter };
  }

  /** Rebuilds the layer from {@link GRU.getConfig}'s output. */
  static fromConfig(config: LayerConfig): GRU {
    return new GRU(RNNLayer.argsFromConfigFor(config) as GRUArgs);
  }
}

/** `nn.layers.gru({ units: 32 })` — see {@link GRU}. */
export function gru(args: GRUArgs): GRU {
  return new GRU(args);
}
