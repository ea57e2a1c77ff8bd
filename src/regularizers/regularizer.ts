/**
 * The contract between weight penalties and the layers that use them
 * (`kernelRegularizer`, `biasRegularizer`, `activityRegularizer`), and the resolver of
 * string ids ("l1", "l2", "l1l2"/"l1_l2") to regularizers.
 */
import type { Tensor } from "../tensor/tensor";
import { Registry } from "../util/registry";
import { resolveBuildingBlock, type Configurable } from "../util/building-blocks";
import { L1, L2, L1L2 } from "./penalties";

/**
 * A weight penalty added to the training loss, as Keras's `Regularizer`.
 * Layers call `penalty(weight)` in every training step and add the result to the loss.
 */
export interface Regularizer extends Configurable {
  /** Keras's class name ("L1", "L2", "L1L2"), for configs and summaries. */
  readonly className: string;
  /** Differentiable scalar penalty of a weight. */
  penalty(x: Tensor): Tensor;
}

/** A regularizer given by id ("l1", "l2", "l1l2", "l1_l2") or as an object. */
export type RegularizerIdentifier = string | Regularizer;

/**
 * String ids, each making a fresh regularizer with the default strengths.
 * "l1l2" uses 0.01 for both terms (tf.keras's `l1_l2()`); Keras 3's `L1L2()` defaults to 0 for both,
 * which would make the id a no-op.
 */
export const regularizerRegistry = new Registry<() => Regularizer>("regularizer");
regularizerRegistry.register("l1", () => new L1());
regularizerRegistry.register("l2", () => new L2());
regularizerRegistry.register("l1l2", () => new L1L2(), ["elasticNet"]);

/**
 * Resolves an id or object to a regularizer; `undefined`/`null` mean none.
 * `argument` names the option in errors (e.g. "dense_1: kernelRegularizer").
 */
export function getRegularizer(id: RegularizerIdentifier | undefined | null, argument: string): Regularizer | undefined {
  return resolveBuildingBlock(id, argument, { kind: "regularizer", registry: regularizerRegistry, method: "penalty(x)" });
}
