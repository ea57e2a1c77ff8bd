/** Regression metrics: mean squared and mean absolute error, per sample and stateful. */
import type { Tensor } from "../tensor/tensor";
import { Tensor as TensorClass } from "../tensor/tensor";
import { allocate } from "../tensor/dtype";
import { shapeToString } from "../tensor/shape";
import { MeanMetricWrapper, checkBatch } from "./metric";

/** Mean over the last axis of f(yPred − yTrue), one value per sample, outside the autograd graph. */
function meanOverLastAxis(where: string, yTrue: Tensor, yPred: Tensor, f: (d: number) => number): Tensor {
  checkBatch(where, yTrue, yPred);
  if (yTrue.size !== yPred.size) {
    throw new RangeError(`${where}: yTrue has shape ${shapeToString(yTrue.shape)} but yPred has shape ${shapeToString(yPred.shape)}; they must match`);
  }
  const width = yPred.rank <= 1 ? 1 : yPred.shape[yPred.rank - 1];
  const rows = yPred.size / width;
  const out = allocate(yPred.dtype, rows);
  const t = yTrue.data;
  const p = yPred.data;
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let j = r * width; j < (r + 1) * width; j++) s += f(p[j] - t[j]);
    out[r] = s / width;
  }
  return new TensorClass(out, yPred.rank <= 1 ? [rows] : yPred.shape.slice(0, -1));
}

/** Per sample: mean((yPred − yTrue)²) over the last axis. */
export function meanSquaredError(yTrue: Tensor, yPred: Tensor): Tensor {
  return meanOverLastAxis("meanSquaredError", yTrue, yPred, (d) => d * d);
}

/** Per sample: mean(|yPred − yTrue|) over the last axis. */
export function meanAbsoluteError(yTrue: Tensor, yPred: Tensor): Tensor {
  return meanOverLastAxis("meanAbsoluteError", yTrue, yPred, Math.abs);
}

/** Stateful mean squared error (Keras's `MeanSquaredError` metric). */
export class MeanSquaredError extends MeanMetricWrapper {
  constructor(args: { name?: string } = {}) {
    super(args.name ?? "mean_squared_error", meanSquaredError, "down", "MeanSquaredError");
  }
}

/** Stateful mean absolute error (Keras's `MeanAbsoluteError` metric). */
export class MeanAbsoluteError extends MeanMetricWrapper {
  constructor(args: { name?: string } = {}) {
    super(args.name ?? "mean_absolute_error", meanAbsoluteError, "down", "MeanAbsoluteError");
  }
}
