/**
 * Loss functions by Keras id. Each maps (yTrue, yPred) to one loss per sample
 * (the mean over the last axis, as Keras); `fit` averages them over the batch.
 */
import type { Tensor } from "../tensor/tensor";
import * as ops from "../ops";
import { shapeToString, shapesEqual } from "../tensor/shape";
import { Registry } from "../util/registry";

/** Per-sample loss: shape [batch] (or the batch's leading dims). */
export type LossFn = (yTrue: Tensor, yPred: Tensor) => Tensor;
export type LossIdentifier = string | LossFn;

/** Keras's fuzz factor: probabilities are clipped to [ε, 1 − ε] before taking logs. */
export const EPSILON = 1e-7;

function checkShapes(loss: string, yTrue: Tensor, yPred: Tensor): void {
  if (!shapesEqual(yTrue.shape, yPred.shape)) {
    throw new RangeError(`${loss}: targets have shape ${shapeToString(yTrue.shape)} but predictions have shape ${shapeToString(yPred.shape)}`);
  }
}

const oneMinus = (t: Tensor): Tensor => ops.add(ops.neg(t), 1);

/** mean((yTrue − yPred)²) over the last axis. */
export const meanSquaredError: LossFn = (yTrue, yPred) => {
  checkShapes("meanSquaredError", yTrue, yPred);
  return ops.mean(ops.square(ops.sub(yPred, yTrue)), -1);
};

/**
 * −[y·log p + (1 − y)·log(1 − p)] averaged over the last axis, from probabilities
 * clipped to [ε, 1 − ε] as Keras does (so log never sees 0).
 */
export const binaryCrossentropy: LossFn = (yTrue, yPred) => {
  checkShapes("binaryCrossentropy", yTrue, yPred);
  const p = ops.clip(yPred, EPSILON, 1 - EPSILON);
  const positive = ops.mul(yTrue, ops.log(p));
  const negative = ops.mul(oneMinus(yTrue), ops.log(oneMinus(p)));
  return ops.neg(ops.mean(ops.add(positive, negative), -1));
};

export const lossRegistry = new Registry<LossFn>("loss", "losses");
lossRegistry.register("meanSquaredError", meanSquaredError, ["mse"]);
lossRegistry.register("binaryCrossentropy", binaryCrossentropy, ["bce"]);

export function getLoss(id: LossIdentifier, argument: string): { name: string; fn: LossFn } {
  if (typeof id === "function") return { name: id.name || "custom", fn: id };
  return { name: lossRegistry.canonicalName(id, argument), fn: lossRegistry.get(id, argument) };
}
