/**
 * Norm constraints on the weight vectors incident to each unit, with Keras 3's formulas:
 * norms = √Σw² over `axis`, then w ↦ w · desired / (ε + norms) with ε = 1e-7 (Keras's
 * `backend.epsilon()`, which keeps all-zero vectors at zero instead of dividing by zero).
 */
import type { Tensor } from "../tensor/tensor";
import { add, clip, div, mul, sqrt, square, sum } from "../ops";
import { noGrad } from "../tensor/autograd";
import type { Constraint } from "./constraint";
import { nonNegativeNumber } from "../util/building-blocks";

/** Keras's fuzz factor `backend.epsilon()`. */
export const NORM_EPSILON = 1e-7;

/** The axis or axes over which a norm is taken: 0 for a Dense kernel [in, out] (one norm per unit). */
export type NormAxis = number | number[];

function checkAxis(axis: unknown, className: string): NormAxis {
  const axes = Array.isArray(axis) ? axis : [axis];
  if (axes.length === 0 || axes.some((a) => !Number.isInteger(a))) {
    throw new TypeError(`${className}: axis must be an integer or a non-empty array of integers, got ${JSON.stringify(axis)}`);
  }
  return Array.isArray(axis) ? [...axis] : (axis as number);
}

/** √Σw² over `axis`, kept as size-1 dims so that it broadcasts against w. */
function norms(w: Tensor, axis: NormAxis, className: string): Tensor {
  const rank = w.rank;
  for (const a of Array.isArray(axis) ? axis : [axis]) {
    if (a < -rank || a >= rank) {
      throw new RangeError(`${className}: axis ${a} is out of range for a weight of shape [${w.shape.join(", ")}] (rank ${rank})`);
    }
  }
  return sqrt(sum(square(w), axis, true));
}

/**
 * w · desired / (ε + norms), or w / (ε + norms) without `desired` (unit norm), in Keras's order
 * of operations; computed without recording gradients.
 */
function rescale(w: Tensor, axis: NormAxis, className: string, desired?: (norms: Tensor) => Tensor): Tensor {
  return noGrad(() => {
    const n = norms(w, axis, className);
    const denominator = add(n, NORM_EPSILON);
    return desired ? mul(w, div(desired(n), denominator)) : div(w, denominator);
  });
}

/** Caps the norm of each weight vector at `maxValue` (vectors already inside are kept, up to ε). */
export class MaxNorm implements Constraint {
  readonly className = "MaxNorm";
  /** The largest allowed norm. */
  readonly maxValue: number;
  /** The axis or axes the norm is taken over. */
  readonly axis: NormAxis;
  /** @param maxValue largest norm (default 2, as Keras). @param axis norm axis (default 0). */
  constructor(maxValue = 2, axis: NormAxis = 0) {
    this.maxValue = nonNegativeNumber(maxValue, this.className, "maxValue");
    this.axis = checkAxis(axis, this.className);
  }
  /** w · clip(‖w‖, 0, maxValue) / (ε + ‖w‖). */
  apply(w: Tensor): Tensor {
    return rescale(w, this.axis, this.className, (n) => clip(n, 0, this.maxValue));
  }
  /** `{ max_value, axis }`, Keras's keys. */
  getConfig(): {
    /** Largest allowed norm. */
    max_value: number;
    /** Axis (or axes) along which norms are taken. */
    axis: NormAxis;
  } {
    return { max_value: this.maxValue, axis: this.axis };
  }
}

/** Scales each weight vector to unit norm. */
export class UnitNorm implements Constraint {
  readonly className = "UnitNorm";
  /** The axis or axes the norm is taken over. */
  readonly axis: NormAxis;
  /** @param axis norm axis (default 0, as Keras). */
  constructor(axis: NormAxis = 0) {
    this.axis = checkAxis(axis, this.className);
  }
  /** w / (ε + ‖w‖). */
  apply(w: Tensor): Tensor {
    return rescale(w, this.axis, this.className);
  }
  /** `{ axis }`, Keras's key. */
  getConfig(): {
    /** Axis (or axes) along which norms are taken. */
    axis: NormAxis;
  } {
    return { axis: this.axis };
  }
}

/**
 * Pulls each weight vector's norm into [minValue, maxValue] at `rate`:
 * the new norm is rate·clip(‖w‖, minValue, maxValue) + (1 − rate)·‖w‖ (rate 1 enforces strictly).
 */
export class MinMaxNorm implements Constraint {
  readonly className = "MinMaxNorm";
  /** The smallest allowed norm. */
  readonly minValue: number;
  /** The largest allowed norm. */
  readonly maxValue: number;
  /** How far each application moves the norm towards the interval (1 = all the way). */
  readonly rate: number;
  /** The axis or axes the norm is taken over. */
  readonly axis: NormAxis;
  /**
   * @param args `minValue` (default 0), `maxValue` (default 1), `rate` (default 1), `axis` (default 0),
   *   as Keras.
   */
  constructor(args: { minValue?: number; maxValue?: number; rate?: number; axis?: NormAxis } = {}) {
    this.minValue = nonNegativeNumber(args.minValue ?? 0, this.className, "minValue");
    this.maxValue = nonNegativeNumber(args.maxValue ?? 1, this.className, "maxValue");
    if (this.minValue > this.maxValue) {
      throw new RangeError(`${this.className}: minValue (${this.minValue}) must not exceed maxValue (${this.maxValue})`);
    }
    this.rate = nonNegativeNumber(args.rate ?? 1, this.className, "rate");
    if (this.rate > 1) throw new RangeError(`${this.className}: rate must be in [0, 1], got ${this.rate}`);
    this.axis = checkAxis(args.axis ?? 0, this.className);
  }
  /** w · (rate·clip(‖w‖, min, max) + (1 − rate)·‖w‖) / (ε + ‖w‖). */
  apply(w: Tensor): Tensor {
    return rescale(w, this.axis, this.className, (n) =>
      add(mul(clip(n, this.minValue, this.maxValue), this.rate), mul(n, 1 - this.rate)));
  }
  /** `{ min_value, max_value, rate, axis }`, Keras's keys. */
  getConfig(): {
    /** Smallest allowed norm. */
    min_value: number;
    /** Largest allowed norm. */
    max_value: number;
    /** How far toward the clipped norm each step moves (1: all the way). */
    rate: number;
    /** Axis (or axes) along which norms are taken. */
    axis: NormAxis;
  } {
    return { min_value: this.minValue, max_value: this.maxValue, rate: this.rate, axis: this.axis };
  }
}
