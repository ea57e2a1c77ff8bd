/** Keras's `Concatenate` merge layer. */
import type { Tensor } from "../../tensor/tensor";
import { concat } from "../../ops";
import type { ShapeSpec } from "../../display/mime";
import type { LayerArgs, LayerConfig } from "../layer";
import { MergeLayer } from "./merge-layer";

/** Arguments of {@link concatenate}. */
export interface ConcatenateArgs extends LayerArgs {
  /** The axis to join along (default −1, the features). */
  axis?: number;
}

/**
 * Joins the inputs along `axis` (Keras's `Concatenate`); all other dimensions must agree.
 *
 * ```ts
 * nn.layers.concatenate().apply([a, b]);   // [batch, 3] and [batch, 5] → [batch, 8]
 * ```
 */
export class Concatenate extends MergeLayer {
  readonly className = "Concatenate";
  /** The join axis. */
  readonly axis: number;

  constructor(args: ConcatenateArgs = {}) {
    super(args, "Concatenate");
    if (args.axis !== undefined && !Number.isInteger(args.axis)) {
      throw new TypeError(`${this.name}: axis must be an integer, got ${JSON.stringify(args.axis)}`);
    }
    this.axis = args.axis ?? -1;
  }

  protected mergedShape(shapes: ShapeSpec[]): ShapeSpec {
    const rank = shapes[0].length;
    const ax = this.axis < 0 ? rank + this.axis : this.axis;
    if (ax < 0 || ax >= rank || shapes.some((s) => s.length !== rank)) {
      throw this.incompatible(`inputs must have one rank with axis ${this.axis} inside it`, shapes);
    }
    const agree = shapes.every((s) => s.every((d, i) => i === ax || d === null || shapes[0][i] === null || d === shapes[0][i]));
    if (!agree) throw this.incompatible(`inputs must match in every dimension except the concatenation axis ${this.axis}`, shapes);
    const joined = shapes.some((s) => s[ax] === null) ? null : shapes.reduce((n, s) => n + (s[ax] as number), 0);
    return shapes[0].map((d, i) => (i === ax ? joined : d));
  }

  protected merge(inputs: Tensor[]): Tensor {
    return concat(inputs, this.axis);
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), axis: this.axis };
  }

  /** Rebuilds the layer from {@link Concatenate.getConfig}'s output. */
  static fromConfig(config: LayerConfig): Concatenate {
    return new Concatenate({ ...MergeLayer.args(config), axis: config.axis as number });
  }
}

/** `nn.layers.concatenate({ axis: -1 }).apply([a, b])` — see {@link Concatenate}. */
export function concatenate(args: ConcatenateArgs = {}): Concatenate {
  return new Concatenate(args);
}
