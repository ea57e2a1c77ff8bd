/** The non-negativity constraint. */
import type { Tensor } from "../tensor/tensor";
import { maximum } from "../ops";
import { noGrad } from "../tensor/autograd";
import type { Constraint } from "./constraint";

/** Keeps weights ≥ 0: w ↦ max(w, 0), as Keras 3. */
export class NonNeg implements Constraint {
  readonly className = "NonNeg";
  /** max(w, 0), elementwise. */
  apply(w: Tensor): Tensor {
    return noGrad(() => maximum(w, 0));
  }
  /** `{}` (no arguments), as Keras. */
  getConfig(): Record<string, never> {
    return {};
  }
}
