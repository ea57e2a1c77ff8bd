/**
 * Regression losses (Keras 3 semantics), each the mean over the last axis of an elementwise
 * penalty of the error e = yPred − yTrue. [batch] and [batch, 1] inputs are aligned as Keras does.
 */
import type { Tensor } from "../tensor/tensor";
import * as ops from "../ops";
import { EPSILON, definedLoss, numberOption, sameShape } from "./loss";

/** Losses without options of their own (only `reduction` in the object form). */
export type NoOptions = object;

const noOptions = (): NoOptions => ({});

/** The elementwise penalty of a regression loss, averaged over the last axis. */
function meanOverLastAxis(loss: string, penalty: (t: Tensor, p: Tensor) => Tensor) {
  return (yTrue: Tensor, yPred: Tensor): Tensor => {
    const [t, p] = sameShape(loss, yTrue, yPred);
    return ops.mean(penalty(t, p), -1);
  };
}

/** Mean squared error, mean((yTrue − yPred)²) over the last axis. Id "mse". */
export const meanSquaredError = definedLoss<NoOptions>(
  "meanSquaredError",
  meanOverLastAxis("meanSquaredError", (t, p) => ops.square(ops.sub(p, t))),
  noOptions,
);

/** Mean absolute error, mean(|yTrue − yPred|) over the last axis. Id "mae". */
export const meanAbsoluteError = definedLoss<NoOptions>(
  "meanAbsoluteError",
  meanOverLastAxis("meanAbsoluteError", (t, p) => ops.abs(ops.sub(p, t))),
  noOptions,
);

/** Mean absolute percentage error, 100·mean(|(y − p) / max(|y|, ε)|) over the last axis. Id "mape". */
export const meanAbsolutePercentageError = definedLoss<NoOptions>(
  "meanAbsolutePercentageError",
  meanOverLastAxis("meanAbsolutePercentageError", (t, p) => ops.mul(ops.abs(ops.div(ops.sub(t, p), ops.maximum(ops.abs(t), EPSILON))), 100)),
  noOptions,
);

/**
 * Mean squared logarithmic error, mean((log(1 + max(p, ε)) − log(1 + max(y, ε)))²) (Keras clips
 * at ε = 1e-7, so negative inputs do not give NaN). Id "msle".
 */
export const meanSquaredLogarithmicError = definedLoss<NoOptions>(
  "meanSquaredLogarithmicError",
  meanOverLastAxis("meanSquaredLogarithmicError", (t, p) => {
    const log1pClipped = (x: Tensor) => ops.log(ops.add(ops.maximum(x, EPSILON), 1));
    return ops.square(ops.sub(log1pClipped(p), log1pClipped(t)));
  }),
  noOptions,
);

/** Options of {@link huber}. */
export interface HuberOptions {
  /** Where the quadratic part turns linear (> 0). Default 1. */
  delta?: number;
}

/**
 * Huber loss: ½e² for |e| ≤ δ, δ·|e| − ½δ² beyond (linear with slope ±δ, never constant), averaged
 * over the last axis. Quadratic near zero like MSE, robust to outliers like MAE.
 */
export const huber = definedLoss<HuberOptions>(
  "huber",
  (yTrue, yPred, { delta }) =>
    meanOverLastAxis("huber", (t, p) =>
      ops.unaryOp(
        "huber",
        ops.sub(p, t),
        (e) => (Math.abs(e) <= delta ? 0.5 * e * e : delta * Math.abs(e) - 0.5 * delta * delta),
        (e) => (Math.abs(e) <= delta ? e : delta * Math.sign(e)),
      ),
    )(yTrue, yPred),
  (o) => ({ delta: numberOption("huber", "delta", o.delta, Number.MIN_VALUE, Infinity, 1) }),
);

/**
 * Log-cosh loss, mean(log(cosh(e))) over the last axis: ≈ e²/2 for small errors, ≈ |e| − log 2 for
 * large ones. Computed as |e| + log(1 + e^−2|e|) − log 2 so cosh never overflows; derivative tanh(e).
 */
export const logCosh = definedLoss<NoOptions>(
  "logCosh",
  meanOverLastAxis("logCosh", (t, p) =>
    ops.unaryOp("logCosh", ops.sub(p, t), (e) => Math.abs(e) + Math.log1p(Math.exp(-2 * Math.abs(e))) - Math.LN2, (e) => Math.tanh(e)),
  ),
  noOptions,
);

/** x / max(‖x‖, ε) along the last axis (Keras's `normalize`, ε = 1e-7). */
function l2Normalize(x: Tensor): Tensor {
  const sumSquares = ops.sum(ops.square(x), -1, true);
  const inverseNorm = ops.unaryOp(
    "inverseNorm",
    sumSquares,
    (s) => Math.min(1 / Math.sqrt(s), 1 / EPSILON),
    (s) => (1 / Math.sqrt(s) < 1 / EPSILON ? -0.5 * Math.pow(s, -1.5) : 0),
  );
  return ops.mul(x, inverseNorm);
}

/**
 * Negative cosine similarity, −Σ ŷ·ŷ' over the last axis of the L2-normalized inputs: −1 for
 * vectors pointing the same way, 0 for orthogonal ones (Keras's sign, so minimizing aligns them).
 */
export const cosineSimilarity = definedLoss<NoOptions>(
  "cosineSimilarity",
  (yTrue, yPred) => {
    const [t, p] = sameShape("cosineSimilarity", yTrue, yPred);
    return ops.neg(ops.sum(ops.mul(l2Normalize(t), l2Normalize(p)), -1));
  },
  noOptions,
);
