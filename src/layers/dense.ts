/** The fully connected layer: y = activation(x · kernel + bias). */
import type { Tensor } from "../tensor/tensor";
import { Layer, type LayerArgs, type LayerConfig } from "./layer";
import { getActivation, type ActivationFn, type ActivationIdentifier } from "../activations";
import type { InitializerIdentifier } from "../initializers";
import type { ShapeSpec } from "../display/mime";

export interface DenseArgs extends LayerArgs {
  /** Number of output units (neurons). */
  units: number;
  /** Activation after the affine map; linear when omitted. */
  activation?: ActivationIdentifier;
  /** Whether to add a bias (default true). */
  useBias?: boolean;
  /** Kernel initializer (default "glorotUniform", as Keras). */
  kernelInitializer?: InitializerIdentifier;
  /** Bias initializer (default "zeros"). */
  biasInitializer?: InitializerIdentifier;
}

export class Dense extends Layer {
  readonly className = "Dense";
  readonly units: number;
  readonly useBias: boolean;
  private readonly activationName: string;
  private readonly activationFn: ActivationFn;
  private readonly kernelInitializer: InitializerIdentifier;
  private readonly biasInitializer: InitializerIdentifier;
  kernel?: Tensor;
  bias?: Tensor;

  constructor(args: DenseArgs) {
    super(args, "Dense");
    if (!Number.isInteger(args.units) || args.units <= 0) {
      throw new RangeError(`${this.name}: units must be a positive integer, got ${JSON.stringify(args.units)}`);
    }
    this.units = args.units;
    this.useBias = args.useBias ?? true;
    const act = getActivation(args.activation, `${this.name}: activation`);
    this.activationName = act.name;
    this.activationFn = act.fn;
    this.kernelInitializer = args.kernelInitializer ?? "glorotUniform";
    this.biasInitializer = args.biasInitializer ?? "zeros";
  }

  override build(inputShape: ShapeSpec): void {
    const inputDim = inputShape[inputShape.length - 1];
    if (inputShape.length < 2 || inputDim === null) {
      throw new RangeError(`${this.name}: the last input dimension must be known to build a Dense layer, got input shape ${JSON.stringify(inputShape)}`);
    }
    this.kernel = this.addWeight("kernel", [inputDim, this.units], this.kernelInitializer);
    if (this.useBias) this.bias = this.addWeight("bias", [this.units], this.biasInitializer);
  }

  call(x: Tensor): Tensor {
    const kernel = this.kernel!;
    const inputDim = kernel.shape[0];
    if (x.rank < 2 || x.shape[x.rank - 1] !== inputDim) {
      throw this.shapeError([null, inputDim], x.shape);
    }
    let y = x.matmul(kernel);
    if (this.bias) y = y.add(this.bias);
    return this.activationFn(y);
  }

  computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    return [...inputShape.slice(0, -1), this.units];
  }

  /** The activation's id ("relu", "linear", …). */
  get activation(): string {
    return this.activationName;
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      units: this.units,
      activation: this.activationName,
      useBias: this.useBias,
      kernelInitializer: typeof this.kernelInitializer === "string" ? this.kernelInitializer : "custom",
      biasInitializer: typeof this.biasInitializer === "string" ? this.biasInitializer : "custom",
    };
  }
}

/** `nn.layers.dense({ units: 3, activation: "relu", inputShape: [11] })` */
export function dense(args: DenseArgs): Dense {
  return new Dense(args);
}
