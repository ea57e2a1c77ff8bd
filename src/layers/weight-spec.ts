/**
 * The three options Keras gives each family of weights (`kernelInitializer`,
 * `kernelRegularizer`, `kernelConstraint`; the same for bias, gamma, beta, alpha), resolved
 * once in the layer's constructor so that a bad id fails there, naming the layer and option,
 * and written back to configs in one way for every layer.
 */
import { getInitializer, type InitializerIdentifier } from "../initializers";
import { getRegularizer, type Regularizer, type RegularizerIdentifier } from "../regularizers/regularizer";
import { getConstraint, type Constraint, type ConstraintIdentifier } from "../constraints/constraint";
import {
  deserializeConstraint, deserializeInitializer, deserializeRegularizer, layerArgsFromConfig, serializeIdentifier, type SerializedIdentifier,
} from "./config-values";

/** A family's initializer, regularizer and constraint. */
export interface WeightSpec {
  /** The initializer as given (id or function), resolved when the weight is built. */
  initializer: InitializerIdentifier;
  regularizer?: Regularizer;
  constraint?: Constraint;
}

/** The arguments a layer takes for one weight family, e.g. `{ kernelInitializer, kernelRegularizer, kernelConstraint }`. */
export interface WeightArgs {
  initializer?: InitializerIdentifier;
  regularizer?: RegularizerIdentifier | null;
  constraint?: ConstraintIdentifier | null;
}

/**
 * Resolves one family's options. Ids are checked now (an unknown id throws an error naming
 * `layer: kernelInitializer` and the valid ids), not at build time.
 */
export function weightSpec(layer: string, prefix: string, args: WeightArgs, defaultInitializer: string): WeightSpec {
  const initializer = args.initializer ?? defaultInitializer;
  if (typeof initializer === "string") {
    // Store the canonical name, so configs read the same whichever spelling the user wrote.
    return {
      initializer: getInitializer(initializer, `${layer}: ${prefix}Initializer`).name,
      regularizer: getRegularizer(args.regularizer, `${layer}: ${prefix}Regularizer`),
      constraint: getConstraint(args.constraint, `${layer}: ${prefix}Constraint`),
    };
  }
  if (typeof initializer !== "function") {
    throw new TypeError(`${layer}: ${prefix}Initializer must be an initializer id (e.g. "glorotUniform") or an initializer, got ${JSON.stringify(initializer)}`);
  }
  return {
    initializer,
    regularizer: getRegularizer(args.regularizer, `${layer}: ${prefix}Regularizer`),
    constraint: getConstraint(args.constraint, `${layer}: ${prefix}Constraint`),
  };
}

/** The family's options as config entries: `{ kernelInitializer, kernelRegularizer, kernelConstraint }`. */
export function weightSpecConfig(prefix: string, spec: WeightSpec, withPenalties = true): { [key: string]: SerializedIdentifier } {
  const config: { [key: string]: SerializedIdentifier } = { [`${prefix}Initializer`]: serializeIdentifier(spec.initializer) };
  if (withPenalties) {
    config[`${prefix}Regularizer`] = serializeIdentifier(spec.regularizer);
    config[`${prefix}Constraint`] = serializeIdentifier(spec.constraint);
  }
  return config;
}

/** Config entries of one family back as constructor arguments (the inverse of {@link weightSpecConfig}). */
export function weightArgsFromConfig(prefix: string, config: { [key: string]: unknown }, layer: string): { [key: string]: unknown } {
  const args: { [key: string]: unknown } = {};
  const keys = { Initializer: deserializeInitializer, Regularizer: deserializeRegularizer, Constraint: deserializeConstraint };
  for (const [suffix, deserialize] of Object.entries(keys)) {
    const key = `${prefix}${suffix}`;
    if (key in config) args[key] = deserialize(config[key], `${layer}: ${key}`) ?? undefined;
  }
  return args;
}

/**
 * A layer's constructor arguments from its config: the common ones ({@link layerArgsFromConfig})
 * plus each named weight family's initializer, regularizer and constraint — what every
 * `fromConfig` of a layer with weights does.
 */
export function layerArgsWithWeights<A>(config: { name: string; [key: string]: unknown }, ...families: string[]): A {
  return Object.assign(layerArgsFromConfig(config), ...families.map((family) => weightArgsFromConfig(family, config, config.name))) as A;
}
