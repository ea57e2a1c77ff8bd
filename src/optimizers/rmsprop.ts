/**
 * RMSprop with Keras 3's rule (defaults: learningRate 0.001, rho 0.9, momentum 0, epsilon 1e-7,
 * centered false):
 *   v ← ρ·v + (1 − ρ)·g²;  (centered) ḡ ← ρ·ḡ + (1 − ρ)·g
 *   inc = lr·g / √(v − ḡ² + ε)   (ḡ = 0 when not centered)
 *   (momentum) m ← μ·m + inc; w ← w − m    else w ← w − inc
 * PyTorch's RMSprop divides by √(v − ḡ²) + ε instead: the same with ε = 0 (alpha = rho).
 */
import type { TypedArray } from "../tensor/dtype";
import { Optimizer, hyperparameter, type OptimizerArgs, type OptimizerConfig, type Slots, type UpdateContext } from "./optimizer";

/** Options of {@link rmsprop}. */
export interface RMSpropArgs extends OptimizerArgs {
  /** Decay of the squared-gradient average, in [0, 1). Default 0.9. */
  rho?: number;
  /** In [0, 1). Default 0. */
  momentum?: number;
  /** Added to the denominator for numerical stability (≥ 0). Default 1e-7. */
  epsilon?: number;
  /** Divide by the estimated variance (subtract the squared mean gradient). Default false. */
  centered?: boolean;
}

/** RMSprop: steps divided by a running RMS of the gradients (Keras's default optimizer). */
export class RMSprop extends Optimizer {
  readonly className = "RMSprop";
  /** Decay of the squared-gradient average. */
  readonly rho: number;
  /** Momentum on the scaled step (0: none). */
  readonly momentum: number;
  /** Stability term added to the denominator. */
  readonly epsilon: number;
  /** Whether the squared mean gradient is subtracted (centered RMSprop). */
  readonly centered: boolean;

  constructor(args: RMSpropArgs = {}) {
    super(args, { learningRate: 0.001 }, ["rho", "momentum", "epsilon", "centered"]);
    this.rho = hyperparameter("RMSprop", "rho", args.rho ?? 0.9, 0, 1);
    this.momentum = hyperparameter("RMSprop", "momentum", args.momentum ?? 0, 0, 1);
    this.epsilon = hyperparameter("RMSprop", "epsilon", args.epsilon ?? 1e-7, 0, Infinity);
    this.centered = args.centered ?? false;
  }

  protected slotNames(): string[] {
    return ["velocity", ...(this.momentum > 0 ? ["momentum"] : []), ...(this.centered ? ["averageGradient"] : [])];
  }

  protected update(w: TypedArray, g: TypedArray, { velocity: v, momentum: m, averageGradient: a }: Slots, { lr, round }: UpdateContext): void {
    const rho = round(this.rho);
    const eps = round(this.epsilon);
    const mu = round(this.momentum);
    for (let i = 0; i < w.length; i++) {
      v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
      let denominator = v[i] + eps;
      if (this.centered) {
        a[i] = rho * a[i] + (1 - rho) * g[i];
        denominator -= a[i] * a[i];
      }
      const increment = (lr * g[i]) / Math.sqrt(denominator);
      if (this.momentum > 0) {
        m[i] = mu * m[i] + increment;
        w[i] -= m[i];
      } else {
        w[i] -= increment;
      }
    }
  }

  override getConfig(): OptimizerConfig {
    return { ...super.getConfig(), rho: this.rho, momentum: this.momentum, epsilon: this.epsilon, centered: this.centered };
  }
}

/** `nn.optimizers.rmsprop({ learningRate: 0.001, rho: 0.9 })` */
export function rmsprop(args: RMSpropArgs = {}): RMSprop {
  return new RMSprop(args);
}
