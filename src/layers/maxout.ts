/** The maxout unit (Goodfellow et al. 2013), as a layer. */
import type { Tensor } from "../tensor/tensor";
import { max, reshape } from "../ops";
import type { ShapeSpec } from "../display/mime";
import type { InitializerIdentifier } from "../initializers";
import type { RegularizerIdentifier } from "../regularizers/regularizer";
import type { ConstraintIdentifier } from "../constraints/constraint";
import { Layer, type LayerArgs, type LayerConfig } from "./layer";
import { layerArgsWithWeights, weightSpec, weightSpecConfig, type WeightSpec } from "./weight-spec";

/** Arguments of {@link maxout}. */
export interface MaxoutArgs extends LayerArgs {
  /** Number of output units. */
  units: number;
  /** Linear pieces per unit, k ≥ 2 (default 2). */
  pieces?: number;
  /** Kernel initializer (default "glorotUniform"). */
  kernelInitializer?: InitializerIdentifier;
  /** Bias initializer (default "zeros"). */
  biasInitializer?: InitializerIdentifier;
  /** Penalty on the kernel. */
  kernelRegularizer?: RegularizerIdentifier | null;
  /** Penalty on the bias. */
  biasRegularizer?: RegularizerIdentifier | null;
  /** Constraint on the kernel (the maxout paper uses a max-norm). */
  kernelConstraint?: ConstraintIdentifier | null;
  /** Constraint on the bias. */
  biasConstraint?: ConstraintIdentifier | null;
}

/**
 * A learned piecewise-linear activation: each of `units` outputs is the maximum of `pieces`
 * affine functions of the input, yⱼ = maxₚ (x·W + b)[j·k + p]. Equal to `Dense(units·k)`
 * followed by TensorFlow Addons' `Maxout(num_units=units)` (same column layout). Keras has no
 * Maxout layer; the notes suggest "try maxout" when a network trains badly.
 *
 * ```ts
 * const layer = nn.layers.maxout({ units: 16, pieces: 2, inputShape: [8] });   // 8·32 + 32 = 288 params
 * ```
 */
export class Maxout extends Layer {
  readonly className = "Maxout";
  /** Output units. */
  readonly units: number;
  /** Pieces per unit. */
  readonly pieces: number;
  /** [inputDim, units·pieces], once built. */
  kernel?: Tensor;
  /** [units·pieces], once built. */
  bias?: Tensor;
  private readonly kernelSpec: WeightSpec;
  private readonly biasSpec: WeightSpec;

  constructor(args: MaxoutArgs) {
    super(args, "Maxout");
    if (!Number.isInteger(args.units) || args.units <= 0) {
      throw new RangeError(`${this.name}: units must be a positive integer, got ${JSON.stringify(args.units)}`);
    }
    const k = args.pieces ?? 2;
    if (!Number.isInteger(k) || k < 2) throw new RangeError(`${this.name}: pieces must be an integer ≥ 2, got ${JSON.stringify(args.pieces)}`);
    this.units = args.units;
    this.pieces = k;
    this.kernelSpec = weightSpec(this.name, "kernel", { initializer: args.kernelInitializer, regularizer: args.kernelRegularizer, constraint: args.kernelConstraint }, "glorotUniform");
    this.biasSpec = weightSpec(this.name, "bias", { initializer: args.biasInitializer, regularizer: args.biasRegularizer, constraint: args.biasConstraint }, "zeros");
  }

  override build(inputShape: ShapeSpec): void {
    const inputDim = inputShape[inputShape.length - 1];
    if (inputShape.length < 2 || inputDim === null) {
      throw new RangeError(`${this.name}: the last input dimension must be known to build a Maxout layer, got input shape ${JSON.stringify(inputShape)}`);
    }
    this.kernel = this.addWeight("kernel", [inputDim, this.units * this.pieces], this.kernelSpec.initializer, this.kernelSpec);
    this.bias = this.addWeight("bias", [this.units * this.pieces], this.biasSpec.initializer, this.biasSpec);
    this.inputSpec = { minNdim: 2, axes: { [-1]: inputDim } };
  }

  call(x: Tensor): Tensor {
    const z = x.matmul(this.kernel!).add(this.bias!);
    return max(reshape(z, [...x.shape.slice(0, -1), this.units, this.pieces]), -1);
  }

  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    return [...inputShape.slice(0, -1), this.units];
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), units: this.units, pieces: this.pieces, ...weightSpecConfig("kernel", this.kernelSpec), ...weightSpecConfig("bias", this.biasSpec) };
  }

  /** Rebuilds the layer from {@link Maxout.getConfig}'s output. */
  static fromConfig(config: LayerConfig): Maxout {
    return new Maxout(layerArgsWithWeights<MaxoutArgs>(config, "kernel", "bias"));
  }
}

/** `nn.layers.maxout({ units: 16, pieces: 2 })` — see {@link Maxout}. */
export function maxout(args: MaxoutArgs): Maxout {
  return new Maxout(args);
}
