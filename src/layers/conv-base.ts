/**
 * What every convolution layer shares (Keras 3's `BaseConv`): the geometry arguments
 * (`kernelSize`, `strides`, `padding`, `dilationRate`, channels-last `dataFormat`), the
 * activation, the optional bias, output-shape arithmetic and their config entries. Subclasses
 * add their kernels and call their op.
 */
import type { Tensor } from "../tensor/tensor";
import { shapeToString } from "../tensor/shape";
import { Layer, type LayerArgs, type LayerConfig } from "./layer";
import type { ActivationIdentifier } from "../activations";
import type { InitializerIdentifier } from "../initializers";
import type { RegularizerIdentifier } from "../regularizers/regularizer";
import type { ConstraintIdentifier } from "../constraints/constraint";
import type { ShapeSpec } from "../display/mime";
import { weightSpec, weightSpecConfig, type WeightSpec } from "./weight-spec";
import { layerActivation, type LayerActivation } from "./config-values";
import { convOutputLength } from "../ops/conv-geometry";

/** Keras's `data_format`; nnlab computes channels-last only (Keras's default). */
export type DataFormat = "channelsLast" | "channels_last";

/** A size for every spatial axis (`3`) or one per axis (`[3, 5]`). */
export type SizeArg = number | readonly number[];

/** Arguments every convolution layer takes. */
export interface BaseConvArgs extends LayerArgs {
  /** Window size: one number for every spatial axis or one per axis. */
  kernelSize: SizeArg;
  /** Step between windows (default 1). */
  strides?: SizeArg;
  /** "valid" (default: no padding) or "same" (output = ceil(input / strides), extra pad at the end, as Keras). */
  padding?: "valid" | "same";
  /** Only channels-last (`[batch, …spatial, channels]`, Keras's default) is supported. */
  dataFormat?: DataFormat;
  /** Spacing between kernel taps (default 1). Keras allows it > 1 only with strides 1. */
  dilationRate?: SizeArg;
  /** Activation after the convolution; linear when omitted. */
  activation?: ActivationIdentifier | null;
  /** Whether to add a bias per output channel (default true). */
  useBias?: boolean;
  /** Bias initializer (default "zeros"). */
  biasInitializer?: InitializerIdentifier;
  /** Penalty on the bias. */
  biasRegularizer?: RegularizerIdentifier | null;
  /** Constraint on the bias. */
  biasConstraint?: ConstraintIdentifier | null;
}

/** `value` as `rank` positive (or, with `allowZero`, non-negative) integers; errors name the layer and argument. */
export function sizeTuple(value: unknown, rank: number, name: string, allowZero = false): number[] {
  const list = typeof value === "number" ? new Array<number>(rank).fill(value) : Array.isArray(value) ? [...value] : null;
  const ok = list !== null && list.length === rank && list.every((v) => Number.isInteger(v) && (allowZero ? v >= 0 : v > 0));
  if (!ok) {
    const what = allowZero ? "non-negative" : "positive";
    throw new RangeError(`${name} must be a ${what} integer or a list of ${rank} ${what} integers, got ${JSON.stringify(value)}`);
  }
  return list as number[];
}

/** Rejects channels-first with a clear error (the ops are channels-last). */
export function checkDataFormat(value: unknown, layer: string): void {
  if (value === undefined || value === null || value === "channelsLast" || value === "channels_last") return;
  throw new RangeError(`${layer}: dataFormat must be "channelsLast" (channels-last [batch, …, channels]; nnlab has no channels-first kernels), got ${JSON.stringify(value)}`);
}

/** Checks `padding` against the modes a layer accepts. */
export function checkPaddingMode<T extends string>(value: unknown, modes: readonly T[], layer: string): T {
  const padding = (value ?? "valid") as T;
  if (!modes.includes(padding)) {
    throw new RangeError(`${layer}: padding must be one of ${modes.map((m) => `"${m}"`).join(", ")}, got ${JSON.stringify(value)}`);
  }
  return padding;
}

/** Throws unless a (batch-first) input shape has `rank + 2` dims and known channels. */
export function checkSpatialInput(layer: Layer & { readonly name: string }, inputShape: ShapeSpec, rank: number): number {
  const axes = rank === 1 ? "[batch, steps, channels]" : "[batch, height, width, channels]";
  if (inputShape.length !== rank + 2) {
    throw new RangeError(`${layer.name} expects a ${rank + 2}-D input ${axes}, got shape ${shapeToString(inputShape)}`);
  }
  const channels = inputShape[inputShape.length - 1];
  if (channels === null) throw new RangeError(`${layer.name}: the channel dimension must be known, got input shape ${shapeToString(inputShape)}`);
  return channels;
}

/**
 * The base of convolution layers of `rank` spatial axes: Conv1D, Conv2D, Conv2DTranspose,
 * DepthwiseConv2D and SeparableConv2D.
 */
export abstract class BaseConv extends Layer {
  /** Number of spatial axes (1 or 2). */
  readonly rank: number;
  /** Window size per spatial axis. */
  readonly kernelSize: number[];
  /** Steps per spatial axis. */
  readonly strides: number[];
  /** The padding mode. */
  readonly padding: string;
  /** Dilation per spatial axis. */
  readonly dilationRate: number[];
  /** Whether a bias is added. */
  readonly useBias: boolean;
  /** @internal The activation as the layer holds it (subclasses apply it). */
  protected readonly act: LayerActivation;
  /** @internal The bias family's initializer, regularizer and constraint. */
  protected readonly biasSpec: WeightSpec;
  /** The bias `[outChannels]`, once built (absent with `useBias: false`). */
  bias?: Tensor;

  constructor(args: BaseConvArgs, className: string, rank: number, paddings: readonly string[] = ["valid", "same"]) {
    super(args, className);
    this.rank = rank;
    this.kernelSize = sizeTuple(args.kernelSize, rank, `${this.name}: kernelSize`);
    this.strides = sizeTuple(args.strides ?? 1, rank, `${this.name}: strides`);
    this.dilationRate = sizeTuple(args.dilationRate ?? 1, rank, `${this.name}: dilationRate`);
    this.padding = checkPaddingMode(args.padding, paddings, this.name);
    checkDataFormat(args.dataFormat, this.name);
    if (this.strides.some((s) => s > 1) && this.dilationRate.some((d) => d > 1)) {
      throw new RangeError(`${this.name}: strides > 1 cannot be combined with dilationRate > 1 (as in Keras), got strides ${JSON.stringify(this.strides)} and dilationRate ${JSON.stringify(this.dilationRate)}`);
    }
    if (args.useBias !== undefined && typeof args.useBias !== "boolean") {
      throw new TypeError(`${this.name}: useBias must be true or false, got ${JSON.stringify(args.useBias)}`);
    }
    this.useBias = args.useBias ?? true;
    this.act = layerActivation(args.activation, `${this.name}: activation`);
    this.biasSpec = weightSpec(this.name, "bias", {
      initializer: args.biasInitializer, regularizer: args.biasRegularizer, constraint: args.biasConstraint,
    }, "zeros");
  }

  /** The activation's id ("relu", "linear", …). */
  get activation(): string {
    return this.act.name;
  }

  /** Creates the bias for `channels` outputs (when used) and fixes the input's rank and channels. */
  protected finishBuild(inputChannels: number, outputChannels: number): void {
    if (this.useBias) this.bias = this.addWeight("bias", [outputChannels], this.biasSpec.initializer, this.biasSpec);
    this.inputSpec = { ndim: this.rank + 2, axes: { [-1]: inputChannels } };
  }

  /**
   * Output lengths of the spatial axes of `inputShape` for a forward convolution (null stays
   * null); a kernel larger than its (padded) input throws an error naming the layer, the kernel
   * and the input shape.
   */
  protected convLengths(inputShape: ShapeSpec): (number | null)[] {
    checkSpatialInput(this, inputShape, this.rank);
    return this.kernelSize.map((k, i) => {
      const size = inputShape[i + 1];
      const span = (k - 1) * this.dilationRate[i] + 1;
      const padding = this.padding === "causal" ? ([span - 1, 0] as const) : (this.padding as "valid" | "same");
      return convOutputLength(size, k, this.strides[i], this.dilationRate[i], padding, () => {
        const dilated = span !== k ? ` (dilated to ${span})` : "";
        return new RangeError(`${this.name}: the kernel size ${k}${dilated} on axis ${i + 1} is larger than the input (${size}); kernelSize ${JSON.stringify(this.kernelSize)}, input shape ${shapeToString(inputShape)}`);
      });
    });
  }

  /** The config entries of the geometry, activation and bias, under Keras's names. */
  protected baseConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      kernelSize: [...this.kernelSize],
      strides: [...this.strides],
      padding: this.padding,
      dataFormat: "channelsLast",
      dilationRate: [...this.dilationRate],
      activation: this.act.config,
      useBias: this.useBias,
      ...weightSpecConfig("bias", this.biasSpec),
    };
  }
}

/** Resolves one kernel family (`kernel`, `depthwise`, `pointwise`) of a conv layer's arguments. */
export function kernelSpec(layer: string, prefix: string, args: { [key: string]: unknown }): WeightSpec {
  return weightSpec(layer, prefix, {
    initializer: args[`${prefix}Initializer`] as InitializerIdentifier | undefined,
    regularizer: args[`${prefix}Regularizer`] as RegularizerIdentifier | null | undefined,
    constraint: args[`${prefix}Constraint`] as ConstraintIdentifier | null | undefined,
  }, "glorotUniform");
}
