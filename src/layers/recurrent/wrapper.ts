/**
 * The base of layers that wrap other layers (Bidirectional, TimeDistributed), as Keras's
 * `Wrapper`: the wrapped layers own the weights; the wrapper lists them as its own, so models,
 * optimizers, summaries and `getWeights`/`setWeights` see them, and freezing the wrapper freezes them.
 */
import type { Tensor } from "../../tensor/tensor";
import { Layer, type LayerArgs, type RegularizationOptions } from "../layer";

/** A layer whose weights are those of its inner layers. */
export abstract class Wrapper extends Layer {
  /** The wrapped layers, in weight order. */
  protected abstract get innerLayers(): Layer[];

  constructor(args: LayerArgs, className: string) {
    super(args, className);
  }

  override get weights(): Tensor[] {
    return this.innerLayers.flatMap((l) => l.weights);
  }

  override get trainableWeights(): Tensor[] {
    return this.trainable ? this.innerLayers.flatMap((l) => l.trainableWeights) : [];
  }

  override get nonTrainableWeights(): Tensor[] {
    return this.trainable ? this.innerLayers.flatMap((l) => l.nonTrainableWeights) : this.weights;
  }

  override countParams(): number {
    return this.innerLayers.reduce((n, l) => n + l.countParams(), 0);
  }

  /**
   * The wrapped layers' penalties, then the wrapper's own. A frozen wrapper drops the wrapped
   * layers' weight penalties (their activity losses still count, as in Keras's `losses`).
   */
  override regularizationLosses(options: RegularizationOptions = {}): Tensor[] {
    const innerOptions = this.innerRegularizationOptions(options);
    return [...this.innerLayers.flatMap((l) => l.regularizationLosses(innerOptions)), ...super.regularizationLosses(options)];
  }

  override applyConstraints(): void {
    if (this.trainable) for (const l of this.innerLayers) l.applyConstraints();
  }
}
