/** Losses between distributions or counts (Keras 3 semantics): KL divergence and Poisson. */
import * as ops from "../ops";
import { EPSILON, definedLoss, sameShape } from "./loss";
import type { NoOptions } from "./regression";

/**
 * Kullback–Leibler divergence, Σ y·log(y / p) over the last axis, with both clipped to [ε, 1]
 * as Keras does (so zero targets contribute ~0, not NaN). Ids "kld", "kl_divergence".
 */
export const kullbackLeiblerDivergence = definedLoss<NoOptions>(
  "kullbackLeiblerDivergence",
  (yTrue, yPred) => {
    const [t0, p0] = sameShape("kullbackLeiblerDivergence", yTrue, yPred);
    const t = ops.clip(t0, EPSILON, 1);
    const p = ops.clip(p0, EPSILON, 1);
    return ops.sum(ops.mul(t, ops.log(ops.div(t, p))), -1);
  },
  () => ({}),
);

/** Poisson loss, mean(p − y·log(p + ε)) over the last axis, for count targets (p is a rate > 0). */
export const poisson = definedLoss<NoOptions>(
  "poisson",
  (yTrue, yPred) => {
    const [t, p] = sameShape("poisson", yTrue, yPred);
    return ops.mean(ops.sub(p, ops.mul(t, ops.log(ops.add(p, EPSILON)))), -1);
  },
  () => ({}),
);
