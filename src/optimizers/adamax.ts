/**
 * Adamax (Adam with the infinity norm) with Keras 3's rule (defaults: learningRate 0.001,
 * beta1 0.9, beta2 0.999, epsilon 1e-7):
 *   m ← m + (g − m)(1 − β₁);  u ← max(β₂·u, |g|);  w ← w − lr·m / ((1 − β₁ᵗ)(u + ε))
 * PyTorch's Adamax uses u ← max(β₂·u, |g| + ε) and divides by u: the same with ε = 0.
 */
import type { TypedArray } from "../tensor/dtype";
import { Optimizer, hyperparameter, type OptimizerArgs, type OptimizerConfig, type Slots, type UpdateContext } from "./optimizer";

/** Options of {@link adamax}. */
export interface AdamaxArgs extends OptimizerArgs {
  /** Decay of the first-moment average, in [0, 1). Default 0.9. */
  beta1?: number;
  /** Decay of the infinity-norm estimate u = max(β₂·u, |g|), in [0, 1). Default 0.999. */
  beta2?: number;
  /** Added to the denominator for numerical stability (≥ 0). Default 1e-7. */
  epsilon?: number;
}

/** Adamax: Adam's first moment scaled by an exponentially weighted infinity norm. */
export class Adamax extends Optimizer {
  readonly className = "Adamax";
  /** Decay of the first-moment average. */
  readonly beta1: number;
  /** Decay of the infinity-norm estimate. */
  readonly beta2: number;
  /** Stability term added to the denominator. */
  readonly epsilon: number;

  constructor(args: AdamaxArgs = {}) {
    super(args, { learningRate: 0.001 }, ["beta1", "beta2", "epsilon"]);
    this.beta1 = hyperparameter("Adamax", "beta1", args.beta1 ?? 0.9, 0, 1);
    this.beta2 = hyperparameter("Adamax", "beta2", args.beta2 ?? 0.999, 0, 1);
    this.epsilon = hyperparameter("Adamax", "epsilon", args.epsilon ?? 1e-7, 0, Infinity);
  }

  protected slotNames(): string[] {
    return ["momentum", "norm"];
  }

  protected update(w: TypedArray, g: TypedArray, { momentum: m, norm: u }: Slots, { lr, step, round }: UpdateContext): void {
    const beta1Power = round(Math.pow(round(this.beta1), step));
    const beta2 = round(this.beta2);
    const eps = round(this.epsilon);
    for (let i = 0; i < w.length; i++) {
      m[i] += (g[i] - m[i]) * (1 - this.beta1);
      u[i] = Math.max(beta2 * u[i], Math.abs(g[i]));
      w[i] -= (lr * m[i]) / ((1 - beta1Power) * (u[i] + eps));
    }
  }

  override getConfig(): OptimizerConfig {
    return { ...super.getConfig(), beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}

/** `nn.optimizers.adamax({ learningRate: 2e-3 })` */
export function adamax(args: AdamaxArgs = {}): Adamax {
  return new Adamax(args);
}
