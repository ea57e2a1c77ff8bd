/**
 * Weight regularizers: penalties a layer adds to the loss (`kernelRegularizer: nn.regularizers.l2(0.01)`
 * or `kernelRegularizer: "l2"`).
 */
import { L1, L2, L1L2, DEFAULT_PENALTY } from "./penalties";
import type { Regularizer } from "./regularizer";
import { configValue, fromConfigByClass, type ConfigValues } from "../util/building-blocks";

export { L1, L2, L1L2 } from "./penalties";
export { getRegularizer, regularizerRegistry, type Regularizer, type RegularizerIdentifier } from "./regularizer";

/** `nn.regularizers.l1(0.01)`: penalty l1·Σ|w| (default strength 0.01, as Keras). */
export function l1(l1: number = DEFAULT_PENALTY): L1 {
  return new L1(l1);
}

/** `nn.regularizers.l2(0.01)`: penalty l2·Σw² (default strength 0.01, as Keras; no ½ factor). */
export function l2(l2: number = DEFAULT_PENALTY): L2 {
  return new L2(l2);
}

/**
 * `nn.regularizers.l1l2({ l1: 0.01, l2: 0.01 })`: elastic net l1·Σ|w| + l2·Σw².
 * An omitted strength is 0.01 (tf.keras's `l1_l2` defaults); pass 0 to leave a term out.
 */
export function l1l2(args: { l1?: number; l2?: number } = {}): L1L2 {
  return new L1L2(args.l1 ?? DEFAULT_PENALTY, args.l2 ?? DEFAULT_PENALTY);
}

/** Keras's snake_case spelling of {@link l1l2}. */
export const l1_l2 = l1l2;

const regularizerByClass = fromConfigByClass<Regularizer>("regularizer", {
  L1: (c) => new L1(configValue(c, "l1")),
  L2: (c) => new L2(configValue(c, "l2")),
  // Keras 3's L1L2 defaults a term missing from its config to 0.
  L1L2: (c) => new L1L2(configValue(c, "l1") ?? 0, configValue(c, "l2") ?? 0),
});

/**
 * Rebuilds a regularizer from its class name and `getConfig()` (what saved models store);
 * `argument` names the option in errors.
 */
export function regularizerFromConfig(className: string, config: ConfigValues, argument: string): Regularizer {
  return regularizerByClass(className, config, argument);
}
