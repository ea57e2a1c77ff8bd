/**
 * Stochastic gradient descent with optional momentum and Nesterov momentum, with Keras 3's
 * update rule (defaults: learningRate 0.01, momentum 0, nesterov false):
 *   m ← momentum·m − lr·g;  w ← w + m                 (momentum)
 *   m ← momentum·m − lr·g;  w ← w + momentum·m − lr·g  (Nesterov)
 * PyTorch's SGD keeps b = momentum·b + g and steps −lr·b, which is the same trajectory for a
 * constant learning rate (m = −lr·b).
 */
import type { TypedArray } from "../tensor/dtype";
import { Optimizer, hyperparameter, type OptimizerArgs, type OptimizerConfig, type Slots, type UpdateContext } from "./optimizer";

/** Options of {@link sgd}. */
export interface SGDArgs extends OptimizerArgs {
  /** In [0, 1); 0 is plain SGD. */
  momentum?: number;
  /** Use Nesterov momentum (look-ahead gradient step). Default false. */
  nesterov?: boolean;
}

/** SGD with (Nesterov) momentum; see {@link sgd}. */
export class SGD extends Optimizer {
  readonly className = "SGD";
  /** Momentum factor (0: plain SGD). */
  readonly momentum: number;
  /** Whether Nesterov momentum is used. */
  readonly nesterov: boolean;

  constructor(args: SGDArgs = {}) {
    super(args, { learningRate: 0.01 }, ["momentum", "nesterov"]);
    this.momentum = hyperparameter("SGD", "momentum", args.momentum ?? 0, 0, 1);
    this.nesterov = args.nesterov ?? false;
  }

  protected slotNames(): string[] {
    return this.momentum === 0 ? [] : ["momentum"];
  }

  protected update(w: TypedArray, g: TypedArray, { momentum: m }: Slots, { lr, round }: UpdateContext): void {
    if (this.momentum === 0) {
      for (let i = 0; i < w.length; i++) w[i] -= lr * g[i];
      return;
    }
    const mu = round(this.momentum);
    for (let i = 0; i < w.length; i++) {
      m[i] = mu * m[i] - lr * g[i];
      w[i] += this.nesterov ? mu * m[i] - lr * g[i] : m[i];
    }
  }

  override getConfig(): OptimizerConfig {
    return { ...super.getConfig(), momentum: this.momentum, nesterov: this.nesterov };
  }
}

/** `nn.optimizers.sgd({ learningRate: 0.1, momentum: 0.9, nesterov: true })` */
export function sgd(args: SGDArgs = {}): SGD {
  return new SGD(args);
}
