/**
 * Cross-entropy losses (Keras 3 semantics): binary, categorical (one-hot targets) and sparse
 * categorical (integer labels). From probabilities they clip to [ε, 1 − ε] before the log, as
 * Keras does; with `fromLogits: true` they use the fused stable forms in logit-crossentropy.ts.
 */
import { Tensor } from "../tensor/tensor";
import { shapeToString } from "../tensor/shape";
import * as ops from "../ops";
import { EPSILON, booleanOption, definedLoss, numberOption, sameShape } from "./loss";
import { sigmoidCrossEntropyWithLogits, softmaxCrossEntropyWithLogits } from "./logit-crossentropy";
import { categoricalCrossentropyFromProbabilities } from "./probability-crossentropy";

/** Options of the binary and categorical cross-entropies. */
export interface CrossentropyOptions {
  /** `yPred` holds logits (pre-sigmoid/softmax scores) rather than probabilities. Default false. */
  fromLogits?: boolean;
  /**
   * In [0, 1]: targets move towards uniform, t·(1 − s) + s/K (K = 2 for binary, the number of
   * classes for categorical). Default 0.
   */
  labelSmoothing?: number;
}

const oneMinus = (t: Tensor): Tensor => ops.add(ops.neg(t), 1);

function crossentropyDefaults(loss: string) {
  return (o: CrossentropyOptions): Required<CrossentropyOptions> => ({
    fromLogits: booleanOption(loss, "fromLogits", o.fromLogits, false),
    labelSmoothing: numberOption(loss, "labelSmoothing", o.labelSmoothing, 0, 1, 0),
  });
}

/** Targets smoothed towards the uniform distribution over `classes`. */
function smooth(t: Tensor, labelSmoothing: number, classes: number): Tensor {
  return labelSmoothing === 0 ? t : ops.add(ops.mul(t, 1 - labelSmoothing), labelSmoothing / classes);
}

/**
 * Binary cross-entropy, −[y·log p + (1 − y)·log(1 − p)] averaged over the last axis.
 * Probabilities are clipped to [1e-7, 1 − 1e-7] (Keras); logits use max(z,0) − z·y + log(1 + e^−|z|).
 *
 * ```ts
 * nn.losses.binaryCrossentropy(yTrue, yPred);                    // per-sample losses [batch]
 * nn.losses.binaryCrossentropy({ fromLogits: true });            // a Loss object for compile
 * ```
 */
export const binaryCrossentropy = definedLoss<CrossentropyOptions>(
  "binaryCrossentropy",
  (yTrue, yPred, { fromLogits, labelSmoothing }) => {
    const [t0, p] = sameShape("binaryCrossentropy", yTrue, yPred);
    const t = smooth(t0, labelSmoothing, 2);
    if (fromLogits) return ops.mean(sigmoidCrossEntropyWithLogits(t, p), -1);
    const clipped = ops.clip(p, EPSILON, 1 - EPSILON);
    const positive = ops.mul(t, ops.log(clipped));
    const negative = ops.mul(oneMinus(t), ops.log(oneMinus(clipped)));
    return ops.neg(ops.mean(ops.add(positive, negative), -1));
  },
  crossentropyDefaults("binaryCrossentropy"),
);

/** −Σ t·log p over the last axis, p renormalized to sum 1 and clipped (Keras), or from logits. */
function categorical(loss: string, t: Tensor, p: Tensor, fromLogits: boolean): Tensor {
  if (p.rank < 1) throw new RangeError(`${loss}: predictions must have a class axis, got a scalar`);
  if (fromLogits) return softmaxCrossEntropyWithLogits(t, p);
  return categoricalCrossentropyFromProbabilities(t, p, EPSILON);
}

/**
 * Categorical cross-entropy with one-hot (or soft) targets: −Σ y·log p over the classes (last
 * axis). From probabilities, p is renormalized to sum 1 and clipped to [1e-7, 1 − 1e-7] (Keras);
 * from logits it uses a stable log-softmax.
 */
export const categoricalCrossentropy = definedLoss<CrossentropyOptions>(
  "categoricalCrossentropy",
  (yTrue, yPred, { fromLogits, labelSmoothing }) => {
    if (yTrue.rank !== yPred.rank || yTrue.shape.some((d, i) => d !== yPred.shape[i])) {
      throw new RangeError(
        `categoricalCrossentropy: targets have shape ${shapeToString(yTrue.shape)} but predictions have shape ${shapeToString(yPred.shape)}` +
          (yTrue.rank === yPred.rank - 1 || yTrue.shape[yTrue.rank - 1] === 1 ? " (integer labels need sparseCategoricalCrossentropy)" : ""),
      );
    }
    const classes = yPred.shape[yPred.rank - 1];
    return categorical("categoricalCrossentropy", smooth(yTrue, labelSmoothing, classes), yPred, fromLogits);
  },
  crossentropyDefaults("categoricalCrossentropy"),
);

/** Options of sparse categorical cross-entropy. */
export interface SparseCrossentropyOptions {
  /** `yPred` holds logits rather than probabilities. Default false. */
  fromLogits?: boolean;
}

/**
 * Sparse categorical cross-entropy: integer class labels ([batch] or [batch, 1]) against
 * [batch, classes] predictions; the same loss as {@link categoricalCrossentropy} with the labels
 * one-hot encoded. A label outside 0…classes−1 (or not an integer) is an error naming it.
 */
export const sparseCategoricalCrossentropy = definedLoss<SparseCrossentropyOptions>(
  "sparseCategoricalCrossentropy",
  (yTrue, yPred, { fromLogits }) => {
    const loss = "sparseCategoricalCrossentropy";
    if (yPred.rank < 1) throw new RangeError(`${loss}: predictions must have a class axis, got a scalar`);
    const labels = yTrue.rank === yPred.rank && yTrue.shape[yTrue.rank - 1] === 1 ? ops.reshape(yTrue, yTrue.shape.slice(0, -1)) : yTrue;
    const rowShape = yPred.shape.slice(0, -1);
    if (labels.rank !== rowShape.length || labels.shape.some((d, i) => d !== rowShape[i])) {
      throw new RangeError(
        `${loss}: labels have shape ${shapeToString(yTrue.shape)} but predictions have shape ${shapeToString(yPred.shape)}; ` +
          `expected labels of shape ${shapeToString(rowShape)} or ${shapeToString([...rowShape, 1])}`,
      );
    }
    return categorical(loss, oneHotLabels(loss, labels, yPred), yPred, fromLogits);
  },
  (o) => ({ fromLogits: booleanOption("sparseCategoricalCrossentropy", "fromLogits", o.fromLogits, false) }),
);

/** One-hot rows (a constant: labels carry no gradient) in the predictions' dtype and shape. */
function oneHotLabels(loss: string, labels: Tensor, like: Tensor): Tensor {
  const classes = like.shape[like.rank - 1];
  const out = new Tensor(like.dtype === "float64" ? new Float64Array(like.size) : new Float32Array(like.size), like.shape);
  labels.data.forEach((label, row) => {
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new RangeError(`${loss}: label ${label} (row ${row}) is not a class index: predictions have ${classes} classes, so labels must be integers in 0…${classes - 1}`);
    }
    out.data[row * classes + label] = 1;
  });
  return out;
}
