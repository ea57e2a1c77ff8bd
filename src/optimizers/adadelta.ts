/**
 * Adadelta with Keras 3's rule (defaults: learningRate 0.001, rho 0.95, epsilon 1e-7):
 *   E[g²] ← ρ·E[g²] + (1 − ρ)·g²
 *   Δ = −√(E[Δ²] + ε) / √(E[g²] + ε) · g
 *   E[Δ²] ← ρ·E[Δ²] + (1 − ρ)·Δ²;  w ← w + lr·Δ
 * PyTorch's Adadelta is the same rule (its `eps` inside both square roots, default lr 1.0).
 */
import type { TypedArray } from "../tensor/dtype";
import { Optimizer, hyperparameter, type OptimizerArgs, type OptimizerConfig, type Slots, type UpdateContext } from "./optimizer";

/** Options of {@link adadelta}. */
export interface AdadeltaArgs extends OptimizerArgs {
  /** Decay of the running averages, in [0, 1). Default 0.95. */
  rho?: number;
  /** Added inside both RMS terms for numerical stability (≥ 0). Default 1e-7. */
  epsilon?: number;
}

/** Adadelta: steps scaled by the ratio of running RMS of updates to running RMS of gradients. */
export class Adadelta extends Optimizer {
  readonly className = "Adadelta";
  /** Decay of the running averages of squared gradients and squared updates. */
  readonly rho: number;
  /** Stability term inside both RMS terms. */
  readonly epsilon: number;

  constructor(args: AdadeltaArgs = {}) {
    super(args, { learningRate: 0.001 }, ["rho", "epsilon"]);
    this.rho = hyperparameter("Adadelta", "rho", args.rho ?? 0.95, 0, 1);
    this.epsilon = hyperparameter("Adadelta", "epsilon", args.epsilon ?? 1e-7, 0, Infinity);
  }

  protected slotNames(): string[] {
    return ["accumulatedGrad", "accumulatedDeltaVar"];
  }

  protected update(w: TypedArray, g: TypedArray, { accumulatedGrad: ag, accumulatedDeltaVar: ad }: Slots, { lr, round }: UpdateContext): void {
    const rho = round(this.rho);
    const eps = round(this.epsilon);
    for (let i = 0; i < w.length; i++) {
      ag[i] = rho * ag[i] + (1 - rho) * g[i] * g[i];
      const delta = (-Math.sqrt(ad[i] + eps) * g[i]) / Math.sqrt(ag[i] + eps);
      ad[i] = rho * ad[i] + (1 - rho) * delta * delta;
      w[i] += lr * delta;
    }
  }

  override getConfig(): OptimizerConfig {
    return { ...super.getConfig(), rho: this.rho, epsilon: this.epsilon };
  }
}

/** `nn.optimizers.adadelta({ learningRate: 1.0 })` */
export function adadelta(args: AdadeltaArgs = {}): Adadelta {
  return new Adadelta(args);
}
