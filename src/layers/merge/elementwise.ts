/** Keras's elementwise merge layers: Add, Subtract, Multiply, Average, Maximum, Minimum. */
import type { Tensor } from "../../tensor/tensor";
import * as ops from "../../ops";
import type { ShapeSpec } from "../../display/mime";
import type { LayerArgs, LayerConfig } from "../layer";
import { MergeLayer } from "./merge-layer";

/** Elementwise merges need inputs of one shape (the batch size may be unknown in a shape). */
abstract class ElementwiseMerge extends MergeLayer {
  /** @internal The pairwise operation, folded over the inputs. */
  protected abstract combine(a: Tensor, b: Tensor): Tensor;

  protected mergedShape(shapes: ShapeSpec[]): ShapeSpec {
    const first = shapes[0];
    const same = shapes.every((s) => s.length === first.length && s.every((d, i) => d === null || first[i] === null || d === first[i]));
    if (!same) throw this.incompatible(`inputs must all have the same shape`, shapes);
    return first.map((d, i) => d ?? shapes.find((s) => s[i] !== null)?.[i] ?? null);
  }

  protected merge(inputs: Tensor[]): Tensor {
    return inputs.slice(1).reduce((acc, t) => this.combine(acc, t), inputs[0]);
  }
}

/**
 * Sum of the inputs (Keras's `Add`), e.g. a residual connection.
 *
 * ```ts
 * nn.layers.add().apply([x, fx]);   // x + f(x)
 * ```
 */
export class Add extends ElementwiseMerge {
  readonly className = "Add";
  constructor(args: LayerArgs = {}) { super(args, "Add"); }
  /** @internal The pairwise operation. */
  protected combine(a: Tensor, b: Tensor): Tensor { return ops.add(a, b); }
  /** Rebuilds the layer from its config. */
  static fromConfig(config: LayerConfig): Add { return new Add(MergeLayer.args(config)); }
}

/**
 * The first input minus the second (Keras's `Subtract`; exactly two inputs).
 *
 * ```ts
 * nn.layers.subtract().apply([a, b]);   // a − b
 * ```
 */
export class Subtract extends ElementwiseMerge {
  readonly className = "Subtract";
  protected override readonly minInputs = 2;
  protected override readonly maxInputs = 2;
  constructor(args: LayerArgs = {}) { super(args, "Subtract"); }
  /** @internal The pairwise operation. */
  protected combine(a: Tensor, b: Tensor): Tensor { return ops.sub(a, b); }
  /** Rebuilds the layer from its config. */
  static fromConfig(config: LayerConfig): Subtract { return new Subtract(MergeLayer.args(config)); }
}

/**
 * Elementwise product of the inputs (Keras's `Multiply`).
 *
 * ```ts
 * nn.layers.multiply().apply([gate, values]);
 * ```
 */
export class Multiply extends ElementwiseMerge {
  readonly className = "Multiply";
  constructor(args: LayerArgs = {}) { super(args, "Multiply"); }
  /** @internal The pairwise operation. */
  protected combine(a: Tensor, b: Tensor): Tensor { return ops.mul(a, b); }
  /** Rebuilds the layer from its config. */
  static fromConfig(config: LayerConfig): Multiply { return new Multiply(MergeLayer.args(config)); }
}

/**
 * Mean of the inputs (Keras's `Average`).
 *
 * ```ts
 * nn.layers.average().apply([a, b, c]);   // (a + b + c) / 3
 * ```
 */
export class Average extends ElementwiseMerge {
  readonly className = "Average";
  constructor(args: LayerArgs = {}) { super(args, "Average"); }
  /** @internal The pairwise operation. */
  protected combine(a: Tensor, b: Tensor): Tensor { return ops.add(a, b); }
  /** @internal Sum, then divide by the count. */
  protected override merge(inputs: Tensor[]): Tensor { return ops.mul(super.merge(inputs), 1 / inputs.length); }
  /** Rebuilds the layer from its config. */
  static fromConfig(config: LayerConfig): Average { return new Average(MergeLayer.args(config)); }
}

/**
 * Elementwise maximum of the inputs (Keras's `Maximum`); the gradient goes to the larger input.
 *
 * ```ts
 * nn.layers.maximum().apply([a, b]);
 * ```
 */
export class Maximum extends ElementwiseMerge {
  readonly className = "Maximum";
  constructor(args: LayerArgs = {}) { super(args, "Maximum"); }
  /** @internal The pairwise operation. */
  protected combine(a: Tensor, b: Tensor): Tensor { return ops.maximum(a, b); }
  /** Rebuilds the layer from its config. */
  static fromConfig(config: LayerConfig): Maximum { return new Maximum(MergeLayer.args(config)); }
}

/**
 * Elementwise minimum of the inputs (Keras's `Minimum`).
 *
 * ```ts
 * nn.layers.minimum().apply([a, b]);
 * ```
 */
export class Minimum extends ElementwiseMerge {
  readonly className = "Minimum";
  constructor(args: LayerArgs = {}) { super(args, "Minimum"); }
  /** @internal The pairwise operation. */
  protected combine(a: Tensor, b: Tensor): Tensor { return ops.minimum(a, b); }
  /** Rebuilds the layer from its config. */
  static fromConfig(config: LayerConfig): Minimum { return new Minimum(MergeLayer.args(config)); }
}

/** `nn.layers.add().apply([a, b])` — see {@link Add}. */
export function add(args: LayerArgs = {}): Add {
  return new Add(args);
}
/** `nn.layers.subtract().apply([a, b])` — see {@link Subtract}. */
export function subtract(args: LayerArgs = {}): Subtract {
  return new Subtract(args);
}
/** `nn.layers.multiply().apply([a, b])` — see {@link Multiply}. */
export function multiply(args: LayerArgs = {}): Multiply {
  return new Multiply(args);
}
/** `nn.layers.average().apply([a, b])` — see {@link Average}. */
export function average(args: LayerArgs = {}): Average {
  return new Average(args);
}
/** `nn.layers.maximum().apply([a, b])` — see {@link Maximum}. */
export function maximum(args: LayerArgs = {}): Maximum {
  return new Maximum(args);
}
/** `nn.layers.minimum().apply([a, b])` — see {@link Minimum}. */
export function minimum(args: LayerArgs = {}): Minimum {
  return new Minimum(args);
}
