/**
 * Keras's `DepthwiseConv2D` (one filter set per input channel, no mixing) and
 * `SeparableConv2D` (a depthwise convolution followed by a 1×1 "pointwise" one that mixes
 * channels: MobileNet's cheap replacement for a full convolution).
 */
import type { Tensor } from "../tensor/tensor";
import type { InitializerIdentifier } from "../initializers";
import type { RegularizerIdentifier } from "../regularizers/regularizer";
import type { ConstraintIdentifier } from "../constraints/constraint";
import type { ShapeSpec } from "../display/mime";
import type { LayerConfig } from "./layer";
import { depthwiseConv2d } from "../ops/conv-depthwise";
import { conv2d } from "../ops/conv";
import { weightSpecConfig, type WeightSpec } from "./weight-spec";
import { BaseConv, checkSpatialInput, kernelSpec, type BaseConvArgs } from "./conv-base";
import { convArgsFromConfig } from "./conv";

/** Arguments of {@link depthwiseConv2d}. */
export interface DepthwiseConv2DArgs extends BaseConvArgs {
  /** Filters per input channel (default 1): output channels = in · depthMultiplier. */
  depthMultiplier?: number;
  /** Initializer of the depthwise kernel (default "glorotUniform"). */
  depthwiseInitializer?: InitializerIdentifier;
  /** Penalty on the depthwise kernel. */
  depthwiseRegularizer?: RegularizerIdentifier | null;
  /** Constraint on the depthwise kernel. */
  depthwiseConstraint?: ConstraintIdentifier | null;
}

/** Arguments of {@link separableConv2d}. */
export interface SeparableConv2DArgs extends DepthwiseConv2DArgs {
  /** Output channels of the pointwise (1×1) convolution. */
  filters: number;
  /** Initializer of the pointwise kernel (default "glorotUniform"). */
  pointwiseInitializer?: InitializerIdentifier;
  /** Penalty on the pointwise kernel. */
  pointwiseRegularizer?: RegularizerIdentifier | null;
  /** Constraint on the pointwise kernel. */
  pointwiseConstraint?: ConstraintIdentifier | null;
}

/** The depthwise multiplier argument, checked. */
function multiplier(value: unknown, layer: string): number {
  const m = value ?? 1;
  if (!Number.isInteger(m) || (m as number) <= 0) throw new RangeError(`${layer}: depthMultiplier must be a positive integer, got ${JSON.stringify(value)}`);
  return m as number;
}

/**
 * Keras's `DepthwiseConv2D`: each input channel convolved with `depthMultiplier` filters of its
 * own; kernel `[kh, kw, in, depthMultiplier]`, output channel `c·depthMultiplier + m`.
 *
 * ```ts
 * nn.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, padding: "same", inputShape: [32, 32, 3] });  // → [*, 32, 32, 6], 60 params
 * ```
 */
export class DepthwiseConv2D extends BaseConv {
  readonly className: string = "DepthwiseConv2D";
  /** Filters per input channel. */
  readonly depthMultiplier: number;
  /** @internal The depthwise kernel family's options. */
  protected readonly depthwiseSpec: WeightSpec;
  /** The kernel `[kh, kw, in, depthMultiplier]`, once built. */
  depthwiseKernel?: Tensor;

  constructor(args: DepthwiseConv2DArgs, className = "DepthwiseConv2D") {
    super(args, className, 2);
    this.depthMultiplier = multiplier(args.depthMultiplier, this.name);
    this.depthwiseSpec = kernelSpec(this.name, "depthwise", args as unknown as { [key: string]: unknown });
  }

  /** Creates the depthwise kernel (named `kernelName`, Keras's weight name) for `channels` inputs. */
  protected buildDepthwise(inputShape: ShapeSpec, kernelName: string): number {
    const channels = checkSpatialInput(this, inputShape, 2);
    this.convLengths(inputShape);
    this.depthwiseKernel = this.addWeight(kernelName, [...this.kernelSize, channels, this.depthMultiplier], this.depthwiseSpec.initializer, this.depthwiseSpec);
    return channels;
  }

  override build(inputShape: ShapeSpec): void {
    const channels = this.buildDepthwise(inputShape, "kernel");
    this.finishBuild(channels, channels * this.depthMultiplier);
  }

  /** The depthwise convolution of `x`, with `bias` added (null: none). */
  protected depthwise(x: Tensor, bias: Tensor | null): Tensor {
    return depthwiseConv2d(x, this.depthwiseKernel!, {
      strides: this.strides as [number, number], padding: this.padding as "valid" | "same",
      dilationRate: this.dilationRate as [number, number], bias,
    }, this.name);
  }

  call(x: Tensor): Tensor {
    return this.act.fn(this.depthwise(x, this.bias ?? null));
  }

  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    const channels = inputShape[inputShape.length - 1];
    return [inputShape[0], ...this.convLengths(inputShape), channels === null ? null : channels * this.depthMultiplier];
  }

  override getConfig(): LayerConfig {
    const { name, trainable, ...rest } = this.baseConfig();
    return { name, trainable, depthMultiplier: this.depthMultiplier, ...rest, ...weightSpecConfig("depthwise", this.depthwiseSpec) };
  }

  /** Rebuilds the layer from {@link DepthwiseConv2D.getConfig}'s output. */
  static fromConfig(config: LayerConfig): DepthwiseConv2D {
    return new DepthwiseConv2D(convArgsFromConfig(config, ["depthwise", "bias"]) as unknown as DepthwiseConv2DArgs);
  }
}

/**
 * Keras's `SeparableConv2D`: a depthwise convolution (`[kh, kw, in, depthMultiplier]`, no bias)
 * then a pointwise 1×1 convolution (`[1, 1, in·depthMultiplier, filters]`) with the bias; params =
 * kh·kw·in·m + in·m·filters + filters, far fewer than a Conv2D's kh·kw·in·filters.
 *
 * ```ts
 * nn.layers.separableConv2d({ filters: 32, kernelSize: 3, padding: "same", inputShape: [32, 32, 16] });  // 144 + 512 + 32 = 688 params
 * ```
 */
export class SeparableConv2D extends DepthwiseConv2D {
  override readonly className = "SeparableConv2D";
  /** Output channels. */
  readonly filters: number;
  private readonly pointwiseSpec: WeightSpec;
  /** The pointwise kernel `[1, 1, in·depthMultiplier, filters]`, once built. */
  pointwiseKernel?: Tensor;

  constructor(args: SeparableConv2DArgs) {
    super(args, "SeparableConv2D");
    if (!Number.isInteger(args.filters) || args.filters <= 0) {
      throw new RangeError(`${this.name}: filters must be a positive integer, got ${JSON.stringify(args.filters)}`);
    }
    this.filters = args.filters;
    this.pointwiseSpec = kernelSpec(this.name, "pointwise", args as unknown as { [key: string]: unknown });
  }

  override build(inputShape: ShapeSpec): void {
    const channels = this.buildDepthwise(inputShape, "depthwise_kernel");
    this.pointwiseKernel = this.addWeight("pointwise_kernel", [1, 1, channels * this.depthMultiplier, this.filters], this.pointwiseSpec.initializer, this.pointwiseSpec);
    this.finishBuild(channels, this.filters);
  }

  override call(x: Tensor): Tensor {
    return this.act.fn(conv2d(this.depthwise(x, null), this.pointwiseKernel!, { bias: this.bias ?? null }, this.name));
  }

  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    return [...super.computeOutputShape(inputShape).slice(0, -1), this.filters];
  }

  override getConfig(): LayerConfig {
    const { name, trainable, ...rest } = super.getConfig();
    return { name, trainable, filters: this.filters, ...rest, ...weightSpecConfig("pointwise", this.pointwiseSpec) };
  }

  /** Rebuilds the layer from {@link SeparableConv2D.getConfig}'s output. */
  static override fromConfig(config: LayerConfig): SeparableConv2D {
    return new SeparableConv2D(convArgsFromConfig(config, ["depthwise", "pointwise", "bias"]) as unknown as SeparableConv2DArgs);
  }
}

/** `nn.layers.depthwiseConv2d({ kernelSize: 3 })` — see {@link DepthwiseConv2D}. */
export function depthwiseConv2dLayer(args: DepthwiseConv2DArgs): DepthwiseConv2D {
  return new DepthwiseConv2D(args);
}

/** `nn.layers.separableConv2d({ filters: 32, kernelSize: 3 })` — see {@link SeparableConv2D}. */
export function separableConv2dLayer(args: SeparableConv2DArgs): SeparableConv2D {
  return new SeparableConv2D(args);
}
