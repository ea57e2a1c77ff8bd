/**
 * Losses, as functions (`nn.losses.meanSquaredError(yTrue, yPred)` → one loss per sample) and
 * as configured objects (`nn.losses.binaryCrossentropy({ fromLogits: true })` → a {@link Loss}
 * with a reduction and sample weights). `compile({ loss })` takes either, or a Keras id:
 * camelCase or snake_case, plus Keras's abbreviations ("mse", "mae", "mape", "msle", "kld", "bce").
 */
import type { Tensor } from "../tensor/tensor";
import { Loss, type LossFn, type LossInput } from "./loss";
import { binaryCrossentropy, categoricalCrossentropy, sparseCategoricalCrossentropy } from "./crossentropy";
import {
  cosineSimilarity, huber, logCosh, meanAbsoluteError, meanAbsolutePercentageError, meanSquaredError, meanSquaredLogarithmicError,
} from "./regression";
import { kullbackLeiblerDivergence, poisson } from "./probabilistic";
import { categoricalHinge, hinge, squaredHinge } from "./hinge";
import { Registry } from "../util/registry";

export { Loss, EPSILON, type LossFn, type LossFunction, type LossInput, type LossObjectOptions, type Reduction } from "./loss";
export { binaryCrossentropy, categoricalCrossentropy, sparseCategoricalCrossentropy, type CrossentropyOptions, type SparseCrossentropyOptions } from "./crossentropy";
export {
  meanSquaredError, meanAbsoluteError, meanAbsolutePercentageError, meanSquaredLogarithmicError, huber, logCosh, cosineSimilarity,
  type HuberOptions, type NoOptions,
} from "./regression";
export { kullbackLeiblerDivergence, poisson } from "./probabilistic";
export { hinge, squaredHinge, categoricalHinge } from "./hinge";
export { sigmoidCrossEntropyWithLogits, softmaxCrossEntropyWithLogits } from "./logit-crossentropy";

/** A loss for `compile`: an id, a per-sample function `(yTrue, yPred) → [batch]`, or a {@link Loss}. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LossIdentifier = string | LossFn | Loss<any>;

/** What the registry holds: a loss function in both forms, whatever its options. */
export interface RegisteredLoss {
  (yTrue: LossInput, yPred: LossInput): Tensor;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (options?: any): Loss<any>;
}

/** Every built-in loss by canonical id, with Keras's class names and abbreviations as aliases. */
export const lossRegistry = new Registry<RegisteredLoss>("loss", "losses");
// Each loss's own option type makes its overloads narrower than RegisteredLoss's; the registry only
// ever calls them with (yTrue, yPred) or with options that the loss validates itself.
const register = (name: string, fn: unknown, aliases?: string[]) => lossRegistry.register(name, fn as RegisteredLoss, aliases);
register("meanSquaredError", meanSquaredError, ["mse"]);
register("meanAbsoluteError", meanAbsoluteError, ["mae"]);
register("meanAbsolutePercentageError", meanAbsolutePercentageError, ["mape"]);
register("meanSquaredLogarithmicError", meanSquaredLogarithmicError, ["msle"]);
register("huber", huber, ["huberLoss"]);
register("logCosh", logCosh);
register("binaryCrossentropy", binaryCrossentropy, ["bce"]);
register("categoricalCrossentropy", categoricalCrossentropy);
register("sparseCategoricalCrossentropy", sparseCategoricalCrossentropy);
register("kullbackLeiblerDivergence", kullbackLeiblerDivergence, ["kld", "klDivergence"]);
register("poisson", poisson);
register("hinge", hinge);
register("squaredHinge", squaredHinge);
register("categoricalHinge", categoricalHinge);
register("cosineSimilarity", cosineSimilarity);

/** A resolved loss: its name (metrics like "accuracy" are chosen from it) and both forms. */
export interface ResolvedLoss {
  /** The loss's id, e.g. "binaryCrossentropy" (or a custom function's name). */
  name: string;
  /** Per-sample losses, [batch]; the training loop averages them. */
  fn: LossFn;
  /** The configured object: `loss.call(yTrue, yPred, sampleWeight)` applies its reduction. */
  loss: Loss;
}

/**
 * Resolves `compile`'s `loss`: an id (camelCase, snake_case or abbreviation), a built-in or
 * custom per-sample function, or a {@link Loss} object. `argument` names the caller in errors.
 */
export function getLoss(id: LossIdentifier, argument: string): ResolvedLoss {
  if (id instanceof Loss) return { name: id.name, fn: (t, p) => id.perSample(t, p), loss: id };
  if (typeof id === "function") {
    const builtIn = lossRegistry.names().find((n) => lossRegistry.get(n, argument) === id);
    if (builtIn) return resolved(lossRegistry.get(builtIn, argument)());
    const name = id.name || "custom";
    return { name, fn: id, loss: new Loss(name, (t, p) => id(t, p), {}) };
  }
  return resolved(lossRegistry.get(id, argument)());
}

function resolved(loss: Loss): ResolvedLoss {
  return { name: loss.name, fn: (t, p) => loss.perSample(t, p), loss };
}

/** Rebuilds a loss object from {@link Loss.getConfig} (`{ name, reduction, ...options }`), for model loading. */
export function lossFromConfig(config: { name: string; [option: string]: unknown }): Loss {
  if (!config || typeof config !== "object" || typeof config.name !== "string") {
    throw new TypeError(`lossFromConfig: expected { name, reduction?, ...options }, got ${JSON.stringify(config)}`);
  }
  const { name, ...options } = config;
  return lossRegistry.get(name, "lossFromConfig: name")(options);
}
