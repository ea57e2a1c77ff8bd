/** Keras's `Conv2DTranspose`: the learnable upsampling of decoders and GAN generators. */
import type { Tensor } from "../tensor/tensor";
import type { ShapeSpec } from "../display/mime";
import type { LayerConfig } from "./layer";
import { conv2dTranspose } from "../ops/conv";
import { convTransposeLength } from "../ops/conv-geometry";
import { weightSpecConfig, type WeightSpec } from "./weight-spec";
import { BaseConv, checkSpatialInput, kernelSpec, sizeTuple } from "./conv-base";
import { convArgsFromConfig, type ConvArgs } from "./conv";

/** Arguments of {@link conv2dTranspose}. */
export interface Conv2DTransposeArgs extends Omit<ConvArgs, "groups"> {
  /**
   * Extra rows/columns at the end of the output, each smaller than its stride; omitted/null:
   * Keras's lengths (`in·stride` for "same", `in·stride + max(kernel − stride, 0)` for "valid").
   */
  outputPadding?: number | readonly number[] | null;
}

/**
 * Keras's `Conv2DTranspose` (a "deconvolution"): the gradient of a `Conv2D` with respect to its
 * input, so a stride of 2 doubles height and width. Kernel `[kh, kw, filters, inChannels]`
 * (Keras's layout; note filters before input channels), params = kh·kw·filters·in + filters.
 *
 * ```ts
 * nn.layers.conv2dTranspose({ filters: 16, kernelSize: 3, strides: 2, padding: "same" });  // [*, 7, 7, 32] → [*, 14, 14, 16]
 * ```
 */
export class Conv2DTranspose extends BaseConv {
  readonly className = "Conv2DTranspose";
  /** Number of output channels. */
  readonly filters: number;
  /** Extra output rows/columns, or null for Keras's default lengths. */
  readonly outputPadding: number[] | null;
  private readonly kernelSpecs: WeightSpec;
  /** The kernel `[kh, kw, filters, inChannels]`, once built. */
  kernel?: Tensor;

  constructor(args: Conv2DTransposeArgs) {
    super(args, "Conv2DTranspose", 2);
    if (!Number.isInteger(args.filters) || args.filters <= 0) {
      throw new RangeError(`${this.name}: filters must be a positive integer, got ${JSON.stringify(args.filters)}`);
    }
    this.filters = args.filters;
    const op = args.outputPadding ?? null;
    this.outputPadding = op === null ? null : sizeTuple(op, 2, `${this.name}: outputPadding`, true);
    if (this.outputPadding?.some((p, i) => p >= this.strides[i])) {
      throw new RangeError(`${this.name}: outputPadding must be smaller than strides on every axis (as Keras), got outputPadding ${JSON.stringify(this.outputPadding)} and strides ${JSON.stringify(this.strides)}`);
    }
    this.kernelSpecs = kernelSpec(this.name, "kernel", args as unknown as { [key: string]: unknown });
  }

  override build(inputShape: ShapeSpec): void {
    const channels = checkSpatialInput(this, inputShape, 2);
    this.kernel = this.addWeight("kernel", [...this.kernelSize, this.filters, channels], this.kernelSpecs.initializer, this.kernelSpecs);
    this.finishBuild(channels, this.filters);
  }

  call(x: Tensor): Tensor {
    const y = conv2dTranspose(x, this.kernel!, {
      strides: this.strides as [number, number], padding: this.padding as "valid" | "same",
      dilationRate: this.dilationRate as [number, number], outputPadding: this.outputPadding as [number, number] | null, bias: this.bias ?? null,
    }, this.name);
    return this.act.fn(y);
  }

  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    checkSpatialInput(this, inputShape, 2);
    const lengths = [0, 1].map((i) => {
      const size = inputShape[i + 1];
      return size === null ? null : convTransposeLength(size, this.kernelSize[i], this.strides[i], this.dilationRate[i], this.padding as "valid" | "same", this.outputPadding?.[i] ?? null);
    });
    return [inputShape[0], ...lengths, this.filters];
  }

  override getConfig(): LayerConfig {
    const { name, trainable, ...rest } = this.baseConfig();
    return { name, trainable, filters: this.filters, ...rest, outputPadding: this.outputPadding, ...weightSpecConfig("kernel", this.kernelSpecs) };
  }

  /** Rebuilds the layer from {@link Conv2DTranspose.getConfig}'s output. */
  static fromConfig(config: LayerConfig): Conv2DTranspose {
    return new Conv2DTranspose(convArgsFromConfig(config, ["kernel", "bias"]) as unknown as Conv2DTransposeArgs);
  }
}

/** `nn.layers.conv2dTranspose({ filters: 16, kernelSize: 3, strides: 2 })` — see {@link Conv2DTranspose}. */
export function conv2dTransposeLayer(args: Conv2DTransposeArgs): Conv2DTranspose {
  return new Conv2DTranspose(args);
}
