/**
 * The contract between weight constraints and the layers that use them
 * (`kernelConstraint`, `biasConstraint`): after each optimizer step the layer replaces the
 * weight's values by `constraint.apply(weight)`. Also resolves string ids
 * ("max_norm", "non_neg", "unit_norm", "min_max_norm").
 */
import type { Tensor } from "../tensor/tensor";
import { Registry } from "../util/registry";
import { resolveBuildingBlock, type Configurable } from "../util/building-blocks";
import { MaxNorm, MinMaxNorm, UnitNorm } from "./norms";
import { NonNeg } from "./non-neg";

/** A projection of weights onto an allowed set, as Keras's `Constraint`. */
export interface Constraint extends Configurable {
  /** Keras's class name ("MaxNorm", "NonNeg", "UnitNorm", "MinMaxNorm"). */
  readonly className: string;
  /** The constrained values (a new tensor, no gradient), Keras semantics. */
  apply(w: Tensor): Tensor;
}

/** A constraint given by id ("max_norm", "non_neg", "unit_norm", "min_max_norm") or as an object. */
export type ConstraintIdentifier = string | Constraint;

/** String ids, each making a fresh constraint with Keras's default arguments. */
export const constraintRegistry = new Registry<() => Constraint>("constraint");
constraintRegistry.register("maxNorm", () => new MaxNorm());
constraintRegistry.register("nonNeg", () => new NonNeg());
constraintRegistry.register("unitNorm", () => new UnitNorm());
constraintRegistry.register("minMaxNorm", () => new MinMaxNorm());

/**
 * Resolves an id or object to a constraint; `undefined`/`null` mean none.
 * `argument` names the option in errors (e.g. "dense_1: kernelConstraint").
 */
export function getConstraint(id: ConstraintIdentifier | undefined | null, argument: string): Constraint | undefined {
  return resolveBuildingBlock(id, argument, { kind: "constraint", registry: constraintRegistry, method: "apply(w)" });
}
