/** The fully connected layer: y = activation(x · kernel + bias). */
import type { Tensor } from "../tensor/tensor";
import { Layer, type LayerArgs, type LayerConfig } from "./layer";
import type { ActivationIdentifier } from "../activations";
import type { InitializerIdentifier } from "../initializers";
import type { RegularizerIdentifier } from "../regularizers/regularizer";
import type { ConstraintIdentifier } from "../constraints/constraint";
import type { ShapeSpec } from "../display/mime";
import { layerArgsWithWeights, weightSpec, weightSpecConfig, type WeightSpec } from "./weight-spec";
import { layerActivation, type LayerActivation } from "./config-values";

/** Arguments of {@link dense}. */
export interface DenseArgs extends LayerArgs {
  /** Number of output units (neurons). */
  units: number;
  /** Activation after the affine map; linear when omitted. */
  activation?: ActivationIdentifier | null;
  /** Whether to add a bias (default true). */
  useBias?: boolean;
  /** Kernel initializer (default "glorotUniform", as Keras). */
  kernelInitializer?: InitializerIdentifier;
  /** Bias initializer (default "zeros"). */
  biasInitializer?: InitializerIdentifier;
  /** Penalty on the kernel added to the training loss (e.g. "l2" or `nn.regularizers.l2(1e-4)`). */
  kernelRegularizer?: RegularizerIdentifier | null;
  /** Penalty on the bias. */
  biasRegularizer?: RegularizerIdentifier | null;
  /** Constraint re-imposed on the kernel after each step (e.g. `nn.constraints.maxNorm({ maxValue: 3 })`). */
  kernelConstraint?: ConstraintIdentifier | null;
  /** Constraint on the bias. */
  biasConstraint?: ConstraintIdentifier | null;
}

/**
 * Keras's `Dense`: every output unit is a weighted sum of all inputs plus a bias, then the
 * activation. The kernel has shape `[inputDim, units]`; inputs of rank > 2 are multiplied
 * along their last axis.
 *
 * ```ts
 * const layer = nn.layers.dense({ units: 3, activation: "relu", inputShape: [11] });  // 11·3 + 3 = 36 params
 * ```
 */
export class Dense extends Layer {
  readonly className = "Dense";
  /** Number of output units. */
  readonly units: number;
  /** Whether the layer adds a bias. */
  readonly useBias: boolean;
  private readonly act: LayerActivation;
  private readonly kernelSpec: WeightSpec;
  private readonly biasSpec: WeightSpec;
  /** The weight matrix `[inputDim, units]`, once built. */
  kernel?: Tensor;
  /** The bias `[units]`, once built (absent with `useBias: false`). */
  bias?: Tensor;

  constructor(args: DenseArgs) {
    super(args, "Dense");
    if (!Number.isInteger(args.units) || args.units <= 0) {
      throw new RangeError(`${this.name}: units must be a positive integer, got ${JSON.stringify(args.units)}`);
    }
    if (args.useBias !== undefined && typeof args.useBias !== "boolean") {
      throw new TypeError(`${this.name}: useBias must be true or false, got ${JSON.stringify(args.useBias)}`);
    }
    this.units = args.units;
    this.useBias = args.useBias ?? true;
    this.act = layerActivation(args.activation, `${this.name}: activation`);
    this.kernelSpec = weightSpec(this.name, "kernel", {
      initializer: args.kernelInitializer, regularizer: args.kernelRegularizer, constraint: args.kernelConstraint,
    }, "glorotUniform");
    this.biasSpec = weightSpec(this.name, "bias", {
      initializer: args.biasInitializer, regularizer: args.biasRegularizer, constraint: args.biasConstraint,
    }, "zeros");
  }

  override build(inputShape: ShapeSpec): void {
    const inputDim = inputShape[inputShape.length - 1];
    if (inputShape.length < 2 || inputDim === null) {
      throw new RangeError(`${this.name}: the last input dimension must be known to build a Dense layer, got input shape ${JSON.stringify(inputShape)}`);
    }
    this.kernel = this.addWeight("kernel", [inputDim, this.units], this.kernelSpec.initializer, this.kernelSpec);
    if (this.useBias) this.bias = this.addWeight("bias", [this.units], this.biasSpec.initializer, this.biasSpec);
    this.inputSpec = { minNdim: 2, axes: { [-1]: inputDim } };
  }

  call(x: Tensor): Tensor {
    const kernel = this.kernel!;
    // Inputs of rank > 2 ([batch, steps, features]) multiply along the last axis, as Keras.
    const flat = x.rank === 2 ? x : x.reshape([-1, kernel.shape[0]]);
    let y = flat.matmul(kernel);
    if (this.bias) y = y.add(this.bias);
    if (x.rank !== 2) y = y.reshape([...x.shape.slice(0, -1), this.units]);
    return this.act.fn(y);
  }

  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    return [...inputShape.slice(0, -1), this.units];
  }

  /** The activation's id ("relu", "linear", …). */
  get activation(): string {
    return this.act.name;
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      units: this.units,
      activation: this.act.config,
      useBias: this.useBias,
      ...weightSpecConfig("kernel", this.kernelSpec),
      ...weightSpecConfig("bias", this.biasSpec),
    };
  }

  /** Rebuilds a Dense layer from {@link Dense.getConfig}'s output. */
  static fromConfig(config: LayerConfig): Dense {
    return new Dense(layerArgsWithWeights<DenseArgs>(config, "kernel", "bias"));
  }
}

/**
 * `nn.layers.dense({ units: 3, activation: "relu", inputShape: [11] })` — a fully connected layer
 * (see {@link Dense}).
 */
export function dense(args: DenseArgs): Dense {
  return new Dense(args);
}
