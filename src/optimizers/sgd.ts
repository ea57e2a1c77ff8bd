/**
 * Stochastic gradient descent with optional momentum and Nesterov momentum, with
 * Keras 3's update rule:
 *   v ← momentum·v − lr·g;  w ← w + v            (plain momentum)
 *   w ← w + momentum·v − lr·g                     (Nesterov)
 */
import type { Tensor } from "../tensor/tensor";
import type { TypedArray } from "../tensor/dtype";
import { Optimizer, type OptimizerArgs } from "./optimizer";

export interface SGDArgs extends OptimizerArgs {
  /** In [0, 1); 0 is plain SGD. */
  momentum?: number;
  nesterov?: boolean;
}

export class SGD extends Optimizer {
  readonly className = "SGD";
  readonly momentum: number;
  readonly nesterov: boolean;

  constructor(args: SGDArgs = {}) {
    super(args, 0.01);
    const momentum = args.momentum ?? 0;
    if (typeof momentum !== "number" || !(momentum >= 0 && momentum < 1)) {
      throw new RangeError(`SGD: momentum must be in [0, 1), got ${JSON.stringify(momentum)}`);
    }
    this.momentum = momentum;
    this.nesterov = args.nesterov ?? false;
  }

  protected updateVariable(variable: Tensor, g: TypedArray): void {
    const w = variable.data;
    const lr = this.learningRate;
    if (this.momentum === 0) {
      for (let i = 0; i < w.length; i++) w[i] -= lr * g[i];
      return;
    }
    const { velocity } = this.slotsFor(variable, ["velocity"]);
    const mu = this.momentum;
    for (let i = 0; i < w.length; i++) {
      velocity[i] = mu * velocity[i] - lr * g[i];
      w[i] += this.nesterov ? mu * velocity[i] - lr * g[i] : velocity[i];
    }
  }

  override getConfig(): { [key: string]: unknown } {
    return { ...super.getConfig(), momentum: this.momentum, nesterov: this.nesterov };
  }
}

/** `nn.optimizers.sgd({ learningRate: 0.1, momentum: 0.9 })` */
export function sgd(args: SGDArgs = {}): SGD {
  return new SGD(args);
}
