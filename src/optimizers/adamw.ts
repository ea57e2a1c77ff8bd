/**
 * AdamW: Adam with decoupled weight decay (Loshchilov & Hutter), as Keras 3 builds it: before
 * each Adam step every weight shrinks by w·weightDecay·lr (default weightDecay 0.004). This
 * equals PyTorch's AdamW (w ← w·(1 − lr·λ)) with PyTorch's ε placement difference noted in adam.ts.
 */
import { Adam, type AdamArgs } from "./adam";

/** Options of {@link adamW}: Adam's, with `weightDecay` defaulting to 0.004. */
export type AdamWArgs = AdamArgs;

/** Adam with decoupled weight decay; see {@link adamW}. */
export class AdamW extends Adam {
  override readonly className: string = "AdamW";

  constructor(args: AdamWArgs = {}) {
    super(args, 0.004);
    if (this.weightDecay === null) throw new RangeError("AdamW: weightDecay must be a number ≥ 0, got null");
  }
}

/** `nn.optimizers.adamW({ learningRate: 1e-3, weightDecay: 0.01 })` */
export function adamW(args: AdamWArgs = {}): AdamW {
  return new AdamW(args);
}
