/**
 * Nadam (Adam with Nesterov momentum, Dozat 2016) with Keras 3's rule (defaults: learningRate
 * 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7), including the momentum schedule
 * μₜ = β₁(1 − ½·0.96ᵗ) and the running product Πμ kept as an optimizer variable:
 *   m ← m + (g − m)(1 − β₁);  v ← v + (g² − v)(1 − β₂)
 *   m̂ = μₜ₊₁·m / (1 − Πμ·μₜ₊₁) + (1 − μₜ)·g / (1 − Πμ);  v̂ = v / (1 − β₂ᵗ)
 *   w ← w − lr·m̂ / (√v̂ + ε)
 * PyTorch's NAdam is the same rule once its `momentum_decay` ψ is 1 (it uses μₜ = β₁(1 − ½·0.96^(ψt))
 * with ψ = 0.004 by default) and ε is equal.
 */
import type { Tensor } from "../tensor/tensor";
import { bytesPerElement, type TypedArray } from "../tensor/dtype";
import { Optimizer, hyperparameter, type OptimizerArgs, type OptimizerConfig, type Slots, type UpdateContext, type VariableStats } from "./optimizer";

/** Options of {@link nadam}. */
export interface NadamArgs extends OptimizerArgs {
  /** Decay of the first-moment average (the base of Keras's momentum schedule), in [0, 1). Default 0.9. */
  beta1?: number;
  /** Decay of the second-moment average, in [0, 1). Default 0.999. */
  beta2?: number;
  /** Added to the denominator for numerical stability (≥ 0). Default 1e-7. */
  epsilon?: number;
}

/** Nadam: Adam with Nesterov momentum; see {@link nadam}. */
export class Nadam extends Optimizer {
  readonly className = "Nadam";
  /** Decay of the first-moment average. */
  readonly beta1: number;
  /** Decay of the second-moment average. */
  readonly beta2: number;
  /** Stability term added to the denominator. */
  readonly epsilon: number;
  /** Πμ: the product of the momentum schedule so far (Keras's `_u_product`), 1 before the first step. */
  uProduct = 1;
  private uProductBytes = 0;

  constructor(args: NadamArgs = {}) {
    super(args, { learningRate: 0.001 }, ["beta1", "beta2", "epsilon"]);
    this.beta1 = hyperparameter("Nadam", "beta1", args.beta1 ?? 0.9, 0, 1);
    this.beta2 = hyperparameter("Nadam", "beta2", args.beta2 ?? 0.999, 0, 1);
    this.epsilon = hyperparameter("Nadam", "epsilon", args.epsilon ?? 1e-7, 0, Infinity);
  }

  protected slotNames(): string[] {
    return ["momentum", "velocity"];
  }

  /** μₜ of the momentum schedule, in a variable's precision. */
  private mu(step: number, round: (x: number) => number): number {
    return round(round(this.beta1) * (1 - 0.5 * round(Math.pow(round(0.96), step))));
  }

  protected override beginStep(step: number, variables: Tensor[]): void {
    // Keras keeps Πμ in the dtype of the first variable it was built with.
    const float32 = variables[0].dtype === "float32";
    if (this.uProductBytes === 0) this.uProductBytes = bytesPerElement(variables[0].dtype);
    const round = float32 ? Math.fround : (x: number) => x;
    this.uProduct = round(this.uProduct * this.mu(step, round));
  }

  protected update(w: TypedArray, g: TypedArray, { momentum: m, velocity: v }: Slots, { lr, step, round }: UpdateContext): void {
    const muT = this.mu(step, round);
    const muNext = this.mu(step + 1, round);
    const product = round(this.uProduct);
    const productNext = product * muNext;
    const beta2Power = round(Math.pow(round(this.beta2), step));
    const eps = round(this.epsilon);
    for (let i = 0; i < w.length; i++) {
      m[i] += (g[i] - m[i]) * (1 - this.beta1);
      v[i] += (g[i] * g[i] - v[i]) * (1 - this.beta2);
      const mHat = (muNext * m[i]) / (1 - productNext) + ((1 - muT) * g[i]) / (1 - product);
      const vHat = v[i] / (1 - beta2Power);
      w[i] -= (mHat * lr) / (Math.sqrt(vHat) + eps);
    }
  }

  protected override extraVariables(): VariableStats {
    return this.uProductBytes === 0 ? { count: 0, bytes: 0 } : { count: 1, bytes: this.uProductBytes };
  }

  protected override extraState(): { [name: string]: number } {
    return this.uProductBytes === 0 ? {} : { uProduct: this.uProduct, uProductBytes: this.uProductBytes };
  }

  protected override restoreExtraState(scalars: { [name: string]: number }): void {
    this.uProduct = scalars.uProduct ?? 1;
    this.uProductBytes = scalars.uProductBytes ?? 0;
  }

  override getConfig(): OptimizerConfig {
    return { ...super.getConfig(), beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}

/** `nn.optimizers.nadam({ learningRate: 2e-3 })` */
export function nadam(args: NadamArgs = {}): Nadam {
  return new Nadam(args);
}
