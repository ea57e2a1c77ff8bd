/**
 * What BatchNormalization and LayerNormalization share: the options epsilon/center/scale with
 * their gamma and beta weights, the normalization formula, and the shape that lets per-feature
 * parameters broadcast against the input.
 */
import type { Tensor } from "../tensor/tensor";
import { add, mul, pow, sub } from "../ops";
import { Layer, type LayerArgs, type LayerConfig } from "./layer";
import type { InitializerIdentifier } from "../initializers";
import type { RegularizerIdentifier } from "../regularizers/regularizer";
import type { ConstraintIdentifier } from "../constraints/constraint";
import { weightArgsFromConfig, weightSpec, weightSpecConfig, type WeightSpec } from "./weight-spec";
import { layerArgsFromConfig } from "./config-values";

/** Options both normalization layers take (Keras 3 names and defaults). */
export interface NormalizationArgs extends LayerArgs {
  /** Added to the variance before the square root (default 1e-3). */
  epsilon?: number;
  /** Learn an offset beta (default true). */
  center?: boolean;
  /** Learn a scale gamma (default true). */
  scale?: boolean;
  /** Initializer of beta (default "zeros"). */
  betaInitializer?: InitializerIdentifier;
  /** Initializer of gamma (default "ones"). */
  gammaInitializer?: InitializerIdentifier;
  /** Penalty on beta. */
  betaRegularizer?: RegularizerIdentifier | null;
  /** Penalty on gamma. */
  gammaRegularizer?: RegularizerIdentifier | null;
  /** Constraint on beta. */
  betaConstraint?: ConstraintIdentifier | null;
  /** Constraint on gamma. */
  gammaConstraint?: ConstraintIdentifier | null;
}

/** The common part of BatchNormalization and LayerNormalization: epsilon, and the optional gamma (scale) and beta (offset). */
export abstract class NormalizationLayer extends Layer {
  /** Added to the variance before the square root. */
  readonly epsilon: number;
  /** Whether beta is learned. */
  readonly center: boolean;
  /** Whether gamma is learned. */
  readonly scale: boolean;
  /** Scale (with `scale: true`), once built. */
  gamma?: Tensor;
  /** Offset (with `center: true`), once built. */
  beta?: Tensor;
  private readonly gammaSpec: WeightSpec;
  private readonly betaSpec: WeightSpec;

  constructor(args: NormalizationArgs, className: string) {
    super(args, className);
    this.epsilon = epsilonArg(this.name, args.epsilon, 1e-3);
    this.center = booleanArg(this.name, "center", args.center, true);
    this.scale = booleanArg(this.name, "scale", args.scale, true);
    this.gammaSpec = weightSpec(this.name, "gamma", { initializer: args.gammaInitializer, regularizer: args.gammaRegularizer, constraint: args.gammaConstraint }, "ones");
    this.betaSpec = weightSpec(this.name, "beta", { initializer: args.betaInitializer, regularizer: args.betaRegularizer, constraint: args.betaConstraint }, "zeros");
  }

  /** Creates gamma and beta (as the options ask) with this shape; Keras's order: gamma, then beta. */
  protected buildScaleAndOffset(shape: number[]): void {
    if (this.scale) this.gamma = this.addWeight("gamma", shape, this.gammaSpec.initializer, this.gammaSpec);
    if (this.center) this.beta = this.addWeight("beta", shape, this.betaSpec.initializer, this.betaSpec);
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      epsilon: this.epsilon,
      center: this.center,
      scale: this.scale,
      ...weightSpecConfig("beta", this.betaSpec),
      ...weightSpecConfig("gamma", this.gammaSpec),
    };
  }
}

/** A normalization layer's config as constructor arguments, including the weight families in `prefixes`. */
export function normalizationArgsFromConfig(config: LayerConfig, prefixes: string[]): { [key: string]: unknown } {
  const args = { ...layerArgsFromConfig(config) };
  for (const prefix of ["beta", "gamma", ...prefixes]) Object.assign(args, weightArgsFromConfig(prefix, config, config.name));
  return args;
}

/**
 * `(x − mean) / √(variance + ε) · gamma + beta` with differentiable ops; `mean`, `variance`,
 * `gamma` and `beta` broadcast against `x` (gamma/beta may be absent).
 */
export function normalize(x: Tensor, mean: Tensor, variance: Tensor, epsilon: number, gamma?: Tensor, beta?: Tensor): Tensor {
  let inv = pow(add(variance, epsilon), -0.5);
  if (gamma) inv = mul(inv, gamma);
  const y = mul(sub(x, mean), inv);
  return beta ? add(y, beta) : y;
}

/** `[1, …, size at each of axes, …, 1]` for an input of rank `rank`: the shape per-feature parameters broadcast from. */
export function paramBroadcastShape(inputShape: readonly (number | null)[], axes: readonly number[]): number[] {
  return inputShape.map((d, i) => (axes.includes(i) ? (d as number) : 1));
}

/** Resolves (possibly negative) axes against a rank; the error names the layer, the axis and the input shape. */
export function resolveAxes(layer: string, axes: readonly number[], inputShape: readonly (number | null)[]): number[] {
  const rank = inputShape.length;
  const resolved = axes.map((a) => {
    const r = a < 0 ? a + rank : a;
    if (r < 0 || r >= rank) {
      throw new RangeError(`${layer}: axis ${a} is out of range for inputs of shape [${inputShape.map((d) => d ?? "*").join(", ")}] (rank ${rank})`);
    }
    if (inputShape[r] === null) throw new RangeError(`${layer}: the size of axis ${a} must be known to build the layer, got input shape [${inputShape.map((d) => d ?? "*").join(", ")}]`);
    return r;
  });
  if (new Set(resolved).size !== resolved.length) throw new RangeError(`${layer}: axis ${JSON.stringify(axes)} names an axis twice`);
  return resolved;
}

/** Checks a boolean option, naming the layer and option. */
export function booleanArg(layer: string, name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw new TypeError(`${layer}: ${name} must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

/** Checks epsilon: a finite number ≥ 0 (0 gives the textbook formula; keep it > 0 for constant features). */
export function epsilonArg(layer: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${layer}: epsilon must be a non-negative number, got ${JSON.stringify(value)}`);
  }
  return value;
}
