/** Parametric ReLU with a learned slope (Keras's `PReLU`). */
import type { Tensor } from "../tensor/tensor";
import { mul, neg, relu, sub } from "../ops";
import { Layer, type LayerArgs, type LayerConfig } from "./layer";
import type { ShapeSpec } from "../display/mime";
import type { InitializerIdentifier } from "../initializers";
import type { RegularizerIdentifier } from "../regularizers/regularizer";
import type { ConstraintIdentifier } from "../constraints/constraint";
import { weightArgsFromConfig, weightSpec, weightSpecConfig, type WeightSpec } from "./weight-spec";
import { layerArgsFromConfig } from "./config-values";

/** Arguments of {@link prelu} (Keras 3 names and defaults). */
export interface PReLUArgs extends LayerArgs {
  /** Initializer of the slopes (default "zeros": starts as ReLU). */
  alphaInitializer?: InitializerIdentifier;
  /** Penalty on the slopes. */
  alphaRegularizer?: RegularizerIdentifier | null;
  /** Constraint on the slopes. */
  alphaConstraint?: ConstraintIdentifier | null;
  /**
   * Axes (1-based, the batch axis is 0) along which one slope is shared, e.g. `[1, 2]` for one
   * slope per channel of `[batch, height, width, channels]` images.
   */
  sharedAxes?: number[] | number | null;
}

/**
 * Keras's `PReLU`: `y = x` for x ≥ 0 and `y = alpha · x` below, with a learned `alpha` per input
 * position (shape = the sample shape, with 1 on `sharedAxes`).
 *
 * ```ts
 * nn.sequential([nn.layers.dense({ units: 4, inputShape: [2] }), nn.layers.prelu()]);  // alpha: 4 params
 * ```
 */
export class PReLU extends Layer {
  readonly className = "PReLU";
  /** Axes sharing one slope (null: none). */
  readonly sharedAxes: number[] | null;
  private readonly alphaSpec: WeightSpec;
  /** The slopes, once built. */
  alpha?: Tensor;

  constructor(args: PReLUArgs = {}) {
    super(args, "PReLU");
    const shared = args.sharedAxes ?? null;
    const list = shared === null ? null : Array.isArray(shared) ? shared : [shared];
    if (list !== null && list.some((a) => !Number.isInteger(a) || a < 1)) {
      throw new RangeError(`${this.name}: sharedAxes must be axes ≥ 1 (axis 0 is the batch), got ${JSON.stringify(args.sharedAxes)}`);
    }
    this.sharedAxes = list;
    this.alphaSpec = weightSpec(this.name, "alpha", { initializer: args.alphaInitializer, regularizer: args.alphaRegularizer, constraint: args.alphaConstraint }, "zeros");
  }

  override build(inputShape: ShapeSpec): void {
    const rank = inputShape.length;
    for (const a of this.sharedAxes ?? []) {
      if (a >= rank) throw new RangeError(`${this.name}: sharedAxes entry ${a} is out of range for inputs of rank ${rank}`);
    }
    const paramShape = inputShape.slice(1).map((d, i) => (this.sharedAxes?.includes(i + 1) ? 1 : d));
    if (paramShape.some((d) => d === null)) {
      throw new RangeError(`${this.name}: every non-shared input dimension must be known to build PReLU, got input shape ${JSON.stringify(inputShape)}`);
    }
    this.alpha = this.addWeight("alpha", paramShape as number[], this.alphaSpec.initializer, this.alphaSpec);
    this.inputSpec = {
      ndim: rank,
      axes: Object.fromEntries(inputShape.map((d, i) => [i, d]).filter(([i, d]) => i !== 0 && d !== null && !this.sharedAxes?.includes(i as number))),
    };
  }

  /** relu(x) − alpha · relu(−x), Keras's formula. */
  call(x: Tensor): Tensor {
    return sub(relu(x), mul(this.alpha!, relu(neg(x))));
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), ...weightSpecConfig("alpha", this.alphaSpec), sharedAxes: this.sharedAxes };
  }

  /** Rebuilds the layer from {@link PReLU.getConfig}'s output. */
  static fromConfig(config: LayerConfig): PReLU {
    return new PReLU({ ...layerArgsFromConfig(config), ...weightArgsFromConfig("alpha", config, config.name) } as PReLUArgs);
  }
}

/** `nn.layers.prelu()` — see {@link PReLU}. */
export function prelu(args: PReLUArgs = {}): PReLU {
  return new PReLU(args);
}
