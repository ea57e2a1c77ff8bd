/**
 * The L1, L2 and elastic-net (L1 + L2) weight penalties, with Keras 3's formulas:
 * L1 = l1·Σ|x|, L2 = l2·Σx² (no ½ factor, unlike some textbooks), L1L2 = both.
 */
import type { Tensor } from "../tensor/tensor";
import { abs, add, mul, square, sum } from "../ops";
import type { Regularizer } from "./regularizer";
import { nonNegativeNumber as strength } from "../util/building-blocks";

/** Keras's default strength of each penalty term. */
export const DEFAULT_PENALTY = 0.01;

/** l1·Σ|x| as a scalar tensor of x's dtype. */
function l1Term(x: Tensor, l1: number): Tensor {
  return mul(sum(abs(x)), l1);
}

/** l2·Σx² as a scalar tensor of x's dtype. */
function l2Term(x: Tensor, l2: number): Tensor {
  return mul(sum(square(x)), l2);
}

/** L1 (lasso) penalty l1·Σ|x|: pushes weights to exactly zero (sparse models). */
export class L1 implements Regularizer {
  readonly className = "L1";
  /** Strength of the penalty. */
  readonly l1: number;
  /** @param l1 strength (default 0.01, as Keras). */
  constructor(l1: number = DEFAULT_PENALTY) {
    this.l1 = strength(l1, this.className, "l1");
  }
  /** l1·Σ|x|; its gradient is l1·sign(x). */
  penalty(x: Tensor): Tensor {
    return l1Term(x, this.l1);
  }
  /** `{ l1 }`, as Keras. */
  getConfig(): {
    /** The L1 factor: penalty = l1 · Σ|w|. */
    l1: number;
  } {
    return { l1: this.l1 };
  }
}

/** L2 (ridge, weight decay) penalty l2·Σx²: shrinks weights towards zero in proportion to their size. */
export class L2 implements Regularizer {
  readonly className = "L2";
  /** Strength of the penalty. */
  readonly l2: number;
  /** @param l2 strength (default 0.01, as Keras). */
  constructor(l2: number = DEFAULT_PENALTY) {
    this.l2 = strength(l2, this.className, "l2");
  }
  /** l2·Σx²; its gradient is 2·l2·x. */
  penalty(x: Tensor): Tensor {
    return l2Term(x, this.l2);
  }
  /** `{ l2 }`, as Keras. */
  getConfig(): {
    /** The L2 factor: penalty = l2 · Σw². */
    l2: number;
  } {
    return { l2: this.l2 };
  }
}

/** Elastic net: l1·Σ|x| + l2·Σx². A zero strength leaves its term out, as Keras does. */
export class L1L2 implements Regularizer {
  readonly className = "L1L2";
  /** Strength of the L1 term. */
  readonly l1: number;
  /** Strength of the L2 term. */
  readonly l2: number;
  /** @param l1 L1 strength (default 0.01). @param l2 L2 strength (default 0.01). */
  constructor(l1: number = DEFAULT_PENALTY, l2: number = DEFAULT_PENALTY) {
    this.l1 = strength(l1, this.className, "l1");
    this.l2 = strength(l2, this.className, "l2");
  }
  /** l1·Σ|x| + l2·Σx² (a scalar 0 of x's dtype when both strengths are 0). */
  penalty(x: Tensor): Tensor {
    const terms: Tensor[] = [];
    if (this.l1 !== 0) terms.push(l1Term(x, this.l1));
    if (this.l2 !== 0) terms.push(l2Term(x, this.l2));
    if (terms.length === 0) return mul(sum(abs(x)), 0); // +0 (Σ|x| ≥ 0), in x's dtype, gradient 0
    return terms.length === 1 ? terms[0] : add(terms[0], terms[1]);
  }
  /** `{ l1, l2 }`, as Keras. */
  getConfig(): {
    /** The L1 factor. */
    l1: number;
    /** The L2 factor. */
    l2: number;
  } {
    return { l1: this.l1, l2: this.l2 };
  }
}
