/**
 * Metrics reported during training, by Keras id. Each returns one value per
 * sample; `fit` reports their mean over the epoch.
 */
import type { Tensor } from "../tensor/tensor";
import { allocate } from "../tensor/dtype";
import { Tensor as TensorClass } from "../tensor/tensor";
import { Registry } from "../util/registry";
import * as ops from "../ops";

export type MetricFn = (yTrue: Tensor, yPred: Tensor) => Tensor;
export type MetricIdentifier = string | MetricFn;

/** Rows of the last axis, for metrics that compare per sample. */
function perSample(yTrue: Tensor, yPred: Tensor, f: (t: ArrayLike<number>, p: ArrayLike<number>, start: number, width: number) => number): Tensor {
  const width = yPred.shape[yPred.rank - 1] ?? 1;
  const rows = yPred.size / width;
  const out = allocate(yPred.dtype, rows);
  for (let r = 0; r < rows; r++) out[r] = f(yTrue.data, yPred.data, r * width, width);
  return new TensorClass(out, [rows]);
}

/** Fraction of outputs on the right side of 0.5. */
export const binaryAccuracy: MetricFn = (yTrue, yPred) =>
  perSample(yTrue, yPred, (t, p, start, width) => {
    let hits = 0;
    for (let j = start; j < start + width; j++) hits += (p[j] > 0.5 ? 1 : 0) === t[j] ? 1 : 0;
    return hits / width;
  });

/** 1 where the arg-max of the prediction is the arg-max of the one-hot target. */
export const categoricalAccuracy: MetricFn = (yTrue, yPred) =>
  perSample(yTrue, yPred, (t, p, start, width) => {
    let bestP = start;
    let bestT = start;
    for (let j = start; j < start + width; j++) {
      if (p[j] > p[bestP]) bestP = j;
      if (t[j] > t[bestT]) bestT = j;
    }
    return bestP === bestT ? 1 : 0;
  });

export const meanAbsoluteError: MetricFn = (yTrue, yPred) => ops.mean(ops.abs(ops.sub(yPred, yTrue)), -1);
export const meanSquaredError: MetricFn = (yTrue, yPred) => ops.mean(ops.square(ops.sub(yPred, yTrue)), -1);

export const metricRegistry = new Registry<MetricFn>("metric");
metricRegistry.register("binaryAccuracy", binaryAccuracy);
metricRegistry.register("categoricalAccuracy", categoricalAccuracy);
metricRegistry.register("meanAbsoluteError", meanAbsoluteError, ["mae"]);
metricRegistry.register("meanSquaredError", meanSquaredError, ["mse"]);

/**
 * Resolves a metric id. As in Keras, "accuracy"/"acc" picks binary or categorical
 * accuracy from the loss, and the metric is logged under the name the user wrote.
 */
export function getMetric(id: MetricIdentifier, lossName: string, argument: string): { name: string; fn: MetricFn } {
  if (typeof id === "function") return { name: id.name || "custom", fn: id };
  if (id === "accuracy" || id === "acc") {
    const binary = /binary|hinge/i.test(lossName);
    return { name: id, fn: binary ? binaryAccuracy : categoricalAccuracy };
  }
  return { name: id, fn: metricRegistry.get(id, argument) };
}
