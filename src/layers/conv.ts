/** Keras's `Conv1D` and `Conv2D`: learned filters slid over steps or images, channels-last. */
import type { Tensor } from "../tensor/tensor";
import { shapeToString } from "../tensor/shape";
import type { InitializerIdentifier } from "../initializers";
import type { RegularizerIdentifier } from "../regularizers/regularizer";
import type { ConstraintIdentifier } from "../constraints/constraint";
import type { ShapeSpec } from "../display/mime";
import type { LayerConfig } from "./layer";
import { conv1d, conv2d } from "../ops/conv";
import { relu as reluActivation } from "../activations";
import { weightArgsFromConfig, weightSpecConfig, type WeightSpec } from "./weight-spec";
import { layerArgsFromConfig } from "./config-values";
import { BaseConv, checkSpatialInput, kernelSpec, type BaseConvArgs } from "./conv-base";

/** Arguments of {@link conv2d} and {@link conv1d} layers. */
export interface ConvArgs extends BaseConvArgs {
  /** Number of filters (output channels). */
  filters: number;
  /**
   * Channel groups convolved separately (default 1): must divide the input channels and `filters`;
   * the kernel is `[...kernelSize, in / groups, filters]`, as Keras.
   */
  groups?: number;
  /** Kernel initializer (default "glorotUniform", as Keras; fans include the receptive field). */
  kernelInitializer?: InitializerIdentifier;
  /** Penalty on the kernel added to the training loss. */
  kernelRegularizer?: RegularizerIdentifier | null;
  /** Constraint re-imposed on the kernel after each step. */
  kernelConstraint?: ConstraintIdentifier | null;
}

/** Arguments of the {@link conv1dLayer} layer: `padding` may also be "causal". */
export interface Conv1DArgs extends Omit<ConvArgs, "padding"> {
  /** "valid" (default), "same" or "causal" (left padding only: output t sees inputs ≤ t, as in WaveNet). */
  padding?: "valid" | "same" | "causal";
}

/** The shared body of Conv1D and Conv2D: `filters` filters of `kernelSize × inChannels`. */
abstract class Conv extends BaseConv {
  /** Number of output channels. */
  readonly filters: number;
  /** Channel groups convolved separately. */
  readonly groups: number;
  private readonly kernelSpecs: WeightSpec;
  /** The kernel `[...kernelSize, inChannels, filters]` (Keras's layout), once built. */
  kernel?: Tensor;

  constructor(args: ConvArgs | Conv1DArgs, className: string, rank: number, paddings: readonly string[]) {
    super(args as BaseConvArgs, className, rank, paddings);
    if (!Number.isInteger(args.filters) || args.filters <= 0) {
      throw new RangeError(`${this.name}: filters must be a positive integer, got ${JSON.stringify(args.filters)}`);
    }
    const groups = args.groups ?? 1;
    if (!Number.isInteger(groups) || groups < 1) throw new RangeError(`${this.name}: groups must be a positive integer, got ${JSON.stringify(args.groups)}`);
    if (args.filters % groups !== 0) {
      throw new RangeError(`${this.name}: filters must be divisible by groups (as Keras), got filters ${args.filters} and groups ${groups}`);
    }
    this.filters = args.filters;
    this.groups = groups;
    this.kernelSpecs = kernelSpec(this.name, "kernel", args as unknown as { [key: string]: unknown });
  }

  override build(inputShape: ShapeSpec): void {
    const channels = checkSpatialInput(this, inputShape, this.rank);
    if (channels % this.groups !== 0) {
      throw new RangeError(`${this.name}: the input channels must be divisible by groups (as Keras), got ${channels} channels (input shape ${shapeToString(inputShape)}) and groups ${this.groups}`);
    }
    this.convLengths(inputShape);
    this.kernel = this.addWeight("kernel", [...this.kernelSize, channels / this.groups, this.filters], this.kernelSpecs.initializer, this.kernelSpecs);
    this.finishBuild(channels, this.filters);
  }

  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    return [inputShape[0], ...this.convLengths(inputShape), this.filters];
  }

  override getConfig(): LayerConfig {
    const { name, trainable, ...rest } = this.baseConfig();
    return { name, trainable, filters: this.filters, ...rest, groups: this.groups, ...weightSpecConfig("kernel", this.kernelSpecs) };
  }
}

/** Constructor arguments from a conv layer's config (both kernel and bias families). */
export function convArgsFromConfig(config: LayerConfig, families: readonly string[]): { [key: string]: unknown } {
  const args = layerArgsFromConfig(config);
  for (const family of families) Object.assign(args, weightArgsFromConfig(family, config, config.name));
  return args;
}

/**
 * Keras's `Conv2D`: `filters` learned `kernelSize` filters slid over an image `[batch, h, w, c]`
 * → `[batch, outH, outW, filters]`; kernel `[kh, kw, c, filters]`, params = kh·kw·c·filters + filters.
 * Computed as one matrix product per batch (im2col), gradients too.
 *
 * ```ts
 * const conv = nn.layers.conv2d({ filters: 8, kernelSize: 3, activation: "relu", inputShape: [28, 28, 1] });  // → [*, 26, 26, 8], 80 params
 * ```
 */
export class Conv2D extends Conv {
  readonly className = "Conv2D";

  constructor(args: ConvArgs) {
    super(args, "Conv2D", 2, ["valid", "same"]);
  }

  call(x: Tensor): Tensor {
    // ReLU, the usual CNN activation, is applied inside the convolution's pass (same values and gradients).
    // (By identity: a user function that happens to be named "relu" is applied as given.)
    const fusedRelu = this.act.fn === reluActivation;
    const y = conv2d(x, this.kernel!, {
      strides: this.strides as [number, number], padding: this.padding as "valid" | "same",
      dilationRate: this.dilationRate as [number, number], bias: this.bias ?? null, fusedRelu, groups: this.groups,
    }, this.name);
    return fusedRelu ? y : this.act.fn(y);
  }

  /** Rebuilds the layer from {@link Conv2D.getConfig}'s output. */
  static fromConfig(config: LayerConfig): Conv2D {
    return new Conv2D(convArgsFromConfig(config, ["kernel", "bias"]) as unknown as ConvArgs);
  }
}

/**
 * Keras's `Conv1D`: filters slid along steps, `[batch, steps, c]` → `[batch, outSteps, filters]`;
 * kernel `[k, c, filters]`. `padding: "causal"` makes output t depend only on inputs ≤ t.
 *
 * ```ts
 * nn.layers.conv1d({ filters: 16, kernelSize: 3, padding: "causal", dilationRate: 2, inputShape: [100, 1] });
 * ```
 */
export class Conv1D extends Conv {
  readonly className = "Conv1D";

  constructor(args: Conv1DArgs) {
    super(args, "Conv1D", 1, ["valid", "same", "causal"]);
  }

  call(x: Tensor): Tensor {
    const y = conv1d(x, this.kernel!, {
      strides: this.strides[0], padding: this.padding as "valid" | "same" | "causal", dilationRate: this.dilationRate[0], bias: this.bias ?? null, groups: this.groups,
    }, this.name);
    return this.act.fn(y);
  }

  /** Rebuilds the layer from {@link Conv1D.getConfig}'s output. */
  static fromConfig(config: LayerConfig): Conv1D {
    return new Conv1D(convArgsFromConfig(config, ["kernel", "bias"]) as unknown as Conv1DArgs);
  }
}

/** `nn.layers.conv2d({ filters: 8, kernelSize: 3 })` — see {@link Conv2D}. */
export function conv2dLayer(args: ConvArgs): Conv2D {
  return new Conv2D(args);
}

/** `nn.layers.conv1d({ filters: 16, kernelSize: 3 })` — see {@link Conv1D}. */
export function conv1dLayer(args: Conv1DArgs): Conv1D {
  return new Conv1D(args);
}
