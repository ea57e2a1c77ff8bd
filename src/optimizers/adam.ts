/**
 * Adam with Keras 3's rule (defaults: learningRate 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7,
 * amsgrad false):
 *   m ← m + (g − m)(1 − β₁);  v ← v + (g² − v)(1 − β₂);  (amsgrad) v̂max ← max(v̂max, v)
 *   α = lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ);  w ← w − α·m / (√v + ε)
 * Bias correction is folded into α, so ε is added to √v, not to √v̂ as in the paper and PyTorch
 * (PyTorch: w ← w − lr/(1 − β₁ᵗ) · m / (√v/√(1 − β₂ᵗ) + ε)). The two agree exactly for ε = 0.
 */
import type { TypedArray } from "../tensor/dtype";
import { Optimizer, hyperparameter, type OptimizerArgs, type OptimizerConfig, type Slots, type UpdateContext } from "./optimizer";

/** Options of {@link adam} (and {@link adamW}). */
export interface AdamArgs extends OptimizerArgs {
  /** Decay of the first-moment average, in [0, 1). Default 0.9. */
  beta1?: number;
  /** Decay of the second-moment average, in [0, 1). Default 0.999. */
  beta2?: number;
  /** Added to √v (uncorrected; the bias correction is folded into the step size, so this is the paper's ε̂) for numerical stability, ≥ 0. Default 1e-7 (PyTorch uses 1e-8). */
  epsilon?: number;
  /** Divide by the running maximum of v (AMSGrad). Default false. */
  amsgrad?: boolean;
}

/** Adam: momentum on the gradient and RMS scaling, both bias-corrected. */
export class Adam extends Optimizer {
  readonly className: string = "Adam";
  /** Decay of the first-moment (momentum) average. */
  readonly beta1: number;
  /** Decay of the second-moment (squared-gradient) average. */
  readonly beta2: number;
  /** Stability term added to the denominator. */
  readonly epsilon: number;
  /** Whether the running maximum of v is used (AMSGrad). */
  readonly amsgrad: boolean;

  constructor(args: AdamArgs = {}, defaultWeightDecay: number | null = null) {
    super(args, { learningRate: 0.001, weightDecay: defaultWeightDecay }, ["beta1", "beta2", "epsilon", "amsgrad"]);
    const name = new.target.name;
    this.beta1 = hyperparameter(name, "beta1", args.beta1 ?? 0.9, 0, 1);
    this.beta2 = hyperparameter(name, "beta2", args.beta2 ?? 0.999, 0, 1);
    this.epsilon = hyperparameter(name, "epsilon", args.epsilon ?? 1e-7, 0, Infinity);
    this.amsgrad = args.amsgrad ?? false;
  }

  protected slotNames(): string[] {
    return this.amsgrad ? ["momentum", "velocity", "velocityHat"] : ["momentum", "velocity"];
  }

  protected update(w: TypedArray, g: TypedArray, { momentum: m, velocity: v, velocityHat: vHat }: Slots, { lr, step, round }: UpdateContext): void {
    const beta1Power = round(Math.pow(round(this.beta1), step));
    const beta2Power = round(Math.pow(round(this.beta2), step));
    const alpha = (lr * Math.sqrt(1 - beta2Power)) / (1 - beta1Power);
    const eps = round(this.epsilon);
    if (this.amsgrad) amsgradStep(w, g, m, v, vHat, 1 - this.beta1, 1 - this.beta2, alpha, eps, round);
    else adamStep(w, g, m, v, 1 - this.beta1, 1 - this.beta2, alpha, eps, round);
  }

  override getConfig(): OptimizerConfig {
    return { ...super.getConfig(), beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon, amsgrad: this.amsgrad };
  }
}

/** `nn.optimizers.adam({ learningRate: 1e-3 })` */
export function adam(args: AdamArgs = {}): Adam {
  return new Adam(args);
}

// The per-element loops, kept apart from the class so each is one tight loop over typed arrays
// with every constant in a local (the hot spot of a training step after the matmuls). A slot's
// new value is rounded to the slot's precision (`round`) before the weight update uses it, so
// the update sees exactly the stored value, as if it had read the slot back.

/** Adam's update of one variable in place: c1 = 1 − β₁, c2 = 1 − β₂, α the bias-corrected step. */
function adamStep(w: TypedArray, g: TypedArray, m: TypedArray, v: TypedArray, c1: number, c2: number, alpha: number, eps: number, round: (x: number) => number): void {
  const n = w.length;
  for (let i = 0; i < n; i++) {
    const gi = g[i];
    const mi = (m[i] = round(m[i] + (gi - m[i]) * c1));
    const vi = (v[i] = round(v[i] + (gi * gi - v[i]) * c2));
    w[i] -= (mi * alpha) / (Math.sqrt(vi) + eps);
  }
}

/** {@link adamStep} dividing by the running maximum of v (AMSGrad), kept in `vHat`. */
function amsgradStep(w: TypedArray, g: TypedArray, m: TypedArray, v: TypedArray, vHat: TypedArray, c1: number, c2: number, alpha: number, eps: number, round: (x: number) => number): void {
  const n = w.length;
  for (let i = 0; i < n; i++) {
    const gi = g[i];
    const mi = (m[i] = round(m[i] + (gi - m[i]) * c1));
    const vi = (v[i] = round(v[i] + (gi * gi - v[i]) * c2));
    const vMax = (vHat[i] = Math.max(vHat[i], vi));
    w[i] -= (mi * alpha) / (Math.sqrt(vMax) + eps);
  }
}
