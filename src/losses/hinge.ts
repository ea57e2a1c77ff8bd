/**
 * Margin losses for classifiers that output scores (Keras 3 semantics). Binary labels given as
 * 0/1 are converted to −1/+1 first, as Keras does when every label is 0 or 1.
 */
import type { Tensor } from "../tensor/tensor";
import { allocate, type TypedArray } from "../tensor/dtype";
import * as ops from "../ops";
import { opResult } from "../ops/result";
import { definedLoss, sameShape } from "./loss";
import type { NoOptions } from "./regression";

/** Keras's `convert_binary_labels_to_hinge`: 0/1 labels become −1/+1; other labels are kept. */
function signedLabels(t: Tensor): Tensor {
  const binary = t.data.every((v) => v === 0 || v === 1);
  return binary ? ops.sub(ops.mul(t, 2), 1) : t;
}

/** max(1 − y·p, 0) elementwise, labels as ±1. */
function margins(loss: string, yTrue: Tensor, yPred: Tensor): Tensor {
  const [t, p] = sameShape(loss, yTrue, yPred);
  return ops.relu(ops.add(ops.neg(ops.mul(signedLabels(t), p)), 1));
}

/** Hinge loss, mean(max(1 − y·p, 0)) over the last axis, labels ±1 (or 0/1, converted). */
export const hinge = definedLoss<NoOptions>("hinge", (yTrue, yPred) => ops.mean(margins("hinge", yTrue, yPred), -1), () => ({}));

/** Squared hinge loss, mean(max(1 − y·p, 0)²) over the last axis, labels ±1 (or 0/1, converted). */
export const squaredHinge = definedLoss<NoOptions>(
  "squaredHinge",
  (yTrue, yPred) => ops.mean(ops.square(margins("squaredHinge", yTrue, yPred)), -1),
  () => ({}),
);

/** The maximum over the last axis; the gradient goes to the (first) largest element. */
function maxOverLastAxis(a: Tensor): Tensor {
  const k = a.shape[a.rank - 1];
  const rows = k === 0 ? 0 : a.size / k;
  const out = allocate(a.dtype, rows);
  const argmax = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (a.data[r * k + c] > a.data[r * k + best]) best = c;
    argmax[r] = best;
    out[r] = a.data[r * k + best];
  }
  return opResult("maxOverLastAxis", out, a.shape.slice(0, -1), [a], (g: TypedArray) => {
    const ga = allocate(a.dtype, a.size);
    for (let r = 0; r < rows; r++) ga[r * k + argmax[r]] = g[r];
    return [ga];
  });
}

/**
 * Categorical hinge loss with one-hot targets: max(max_{j≠y} p_j − p_y + 1, 0) per sample
 * (Keras: neg = max((1 − y)·p), pos = Σ y·p).
 */
export const categoricalHinge = definedLoss<NoOptions>(
  "categoricalHinge",
  (yTrue, yPred) => {
    const [t, p] = sameShape("categoricalHinge", yTrue, yPred);
    const pos = ops.sum(ops.mul(t, p), -1);
    const neg = maxOverLastAxis(ops.mul(ops.add(ops.neg(t), 1), p));
    return ops.relu(ops.add(ops.sub(neg, pos), 1));
  },
  () => ({}),
);
