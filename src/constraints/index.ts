/**
 * Weight constraints: projections a layer applies to a weight after each optimizer step
 * (`kernelConstraint: nn.constraints.maxNorm({ maxValue: 2, axis: 0 })` or `kernelConstraint: "max_norm"`).
 */
import { MaxNorm, MinMaxNorm, UnitNorm, type NormAxis } from "./norms";
import { NonNeg } from "./non-neg";
import type { Constraint } from "./constraint";
import { configValue, fromConfigByClass, type ConfigValues } from "../util/building-blocks";

export type { ConfigValues } from "../util/building-blocks";

export { MaxNorm, MinMaxNorm, UnitNorm, NORM_EPSILON, type NormAxis } from "./norms";
export { NonNeg } from "./non-neg";
export { getConstraint, constraintRegistry, type Constraint, type ConstraintIdentifier } from "./constraint";

/** `nn.constraints.maxNorm({ maxValue: 2, axis: 0 })`: caps each unit's weight-vector norm (Keras defaults 2 and 0). */
export function maxNorm(args: { maxValue?: number; axis?: NormAxis } = {}): MaxNorm {
  return new MaxNorm(args.maxValue ?? 2, args.axis ?? 0);
}

/** `nn.constraints.nonNeg()`: keeps weights ≥ 0. */
export function nonNeg(): NonNeg {
  return new NonNeg();
}

/** `nn.constraints.unitNorm({ axis: 0 })`: scales each unit's weight vector to norm 1. */
export function unitNorm(args: { axis?: NormAxis } = {}): UnitNorm {
  return new UnitNorm(args.axis ?? 0);
}

/** `nn.constraints.minMaxNorm({ minValue: 0, maxValue: 1, rate: 1, axis: 0 })`: keeps each norm in [minValue, maxValue]. */
export function minMaxNorm(args: { minValue?: number; maxValue?: number; rate?: number; axis?: NormAxis } = {}): MinMaxNorm {
  return new MinMaxNorm(args);
}

/** Keras's snake_case spellings. */
export { maxNorm as max_norm, nonNeg as non_neg, unitNorm as unit_norm, minMaxNorm as min_max_norm };

const constraintByClass = fromConfigByClass<Constraint>("constraint", {
  MaxNorm: (c) => new MaxNorm(configValue(c, "maxValue", "max_value"), configValue(c, "axis")),
  NonNeg: () => new NonNeg(),
  UnitNorm: (c) => new UnitNorm(configValue(c, "axis")),
  MinMaxNorm: (c) =>
    new MinMaxNorm({
      minValue: configValue(c, "minValue", "min_value"),
      maxValue: configValue(c, "maxValue", "max_value"),
      rate: configValue(c, "rate"),
      axis: configValue(c, "axis"),
    }),
});

/**
 * Rebuilds a constraint from its class name and `getConfig()` (camelCase or Keras snake_case keys),
 * as saved models store it; `argument` names the option in errors.
 */
export function constraintFromConfig(className: string, config: ConfigValues, argument: string): Constraint {
  return constraintByClass(className, config, argument);
}
