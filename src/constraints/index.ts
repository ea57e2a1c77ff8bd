/**
 * Weight constraints: projections a layer applies to a weight after each optimizer step
 * (`kernelConstraint: nn.constraints.maxNorm({ maxValue: 2, axis: 0 })` or `kernelConstraint: "max_norm"`).
 */
import { MaxNorm, MinMaxNorm, UnitNorm, type NormAxis } from "./norms";
import { NonNeg } from "./non-neg";
import type { Constraint } from "./constraint";
import { normalizeId } from "../util/registry";

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

/** A config value read under its camelCase or Keras snake_case key. */
function option<T>(config: { [key: string]: unknown }, camel: string, snake: string): T | undefined {
  const v = config[camel] ?? config[snake];
  return v === undefined || v === null ? undefined : (v as T);
}

const fromConfigByClass: Record<string, (c: { [key: string]: unknown }) => Constraint> = {
  maxnorm: (c) => new MaxNorm(option(c, "maxValue", "max_value"), option(c, "axis", "axis")),
  nonneg: () => new NonNeg(),
  unitnorm: (c) => new UnitNorm(option(c, "axis", "axis")),
  minmaxnorm: (c) =>
    new MinMaxNorm({
      minValue: option(c, "minValue", "min_value"),
      maxValue: option(c, "maxValue", "max_value"),
      rate: option(c, "rate", "rate"),
      axis: option(c, "axis", "axis"),
    }),
};

/**
 * Rebuilds a constraint from its class name and `getConfig()` (camelCase or Keras snake_case keys),
 * as saved models store it; `argument` names the option in errors.
 */
export function constraintFromConfig(className: string, config: { [key: string]: unknown }, argument: string): Constraint {
  const make = fromConfigByClass[normalizeId(className)];
  if (!make) throw new RangeError(`${argument}: unknown constraint class "${className}". Known: MaxNorm, NonNeg, UnitNorm, MinMaxNorm`);
  return make(config ?? {});
}
