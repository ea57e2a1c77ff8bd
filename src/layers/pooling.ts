/** Keras's `MaxPooling1D/2D` and `AveragePooling1D/2D`: downsampling by windows, no weights. */
import type { Tensor } from "../tensor/tensor";
import { shapeToString } from "../tensor/shape";
import type { ShapeSpec } from "../display/mime";
import type { LayerConfig } from "./layer";
import { avgPool2d, maxPool2d } from "../ops/pool";
import { reshape } from "../ops/shape-ops";
import { convOutputLength } from "../ops/conv-geometry";
import { checkPaddingMode, checkSpatialInput, sizeTuple, type SizeArg } from "./conv-base";
import { PoolingBase, type PoolingBaseArgs, type PoolingMode } from "./pooling-base";

/** Arguments of the pooling layers. */
export interface PoolingArgs extends PoolingBaseArgs {
  /** Window size (default 2): one number or one per spatial axis. */
  poolSize?: SizeArg;
  /** Step between windows (default: the pool size, as Keras). */
  strides?: SizeArg | null;
  /** "valid" (default) or "same" (output = ceil(input / strides); averages exclude the padding, as Keras). */
  padding?: "valid" | "same";
}

/** The pooling layers of 1 or 2 spatial axes; `mode` picks max or average. */
abstract class Pooling extends PoolingBase {
  /** Window size per spatial axis. */
  readonly poolSize: number[];
  /** Steps per spatial axis. */
  readonly strides: number[];
  /** "valid" or "same". */
  readonly padding: "valid" | "same";

  constructor(args: PoolingArgs, className: string, rank: number, mode: PoolingMode) {
    super(args, className, rank, mode);
    this.poolSize = sizeTuple(args.poolSize ?? 2, rank, `${this.name}: poolSize`);
    this.strides = sizeTuple(args.strides ?? this.poolSize, rank, `${this.name}: strides`);
    this.padding = checkPaddingMode(args.padding, ["valid", "same"] as const, this.name);
  }

  call(x: Tensor): Tensor {
    const op = this.mode === "max" ? maxPool2d : avgPool2d;
    if (this.rank === 2) return op(x, { poolSize: this.poolSize as [number, number], strides: this.strides as [number, number], padding: this.padding }, this.name);
    const [batch, steps, channels] = x.shape;
    this.computeOutputShape([...x.shape]);
    const y = op(reshape(x, [batch, 1, steps, channels]), { poolSize: [1, this.poolSize[0]], strides: [1, this.strides[0]], padding: this.padding }, this.name);
    return reshape(y, [batch, y.shape[2], channels]);
  }

  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    checkSpatialInput(this, inputShape, this.rank);
    const lengths = this.poolSize.map((k, i) =>
      convOutputLength(inputShape[i + 1], k, this.strides[i], 1, this.padding, () =>
        new RangeError(`${this.name}: the pool size ${k} on axis ${i + 1} is larger than the input (${inputShape[i + 1]}); poolSize ${JSON.stringify(this.poolSize)}, input shape ${shapeToString(inputShape)}`)));
    return [inputShape[0], ...lengths, inputShape[inputShape.length - 1]];
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), poolSize: [...this.poolSize], padding: this.padding, strides: [...this.strides], dataFormat: "channelsLast" };
  }
}

/**
 * Keras's `MaxPooling2D`: the largest value of each `poolSize` window, per channel.
 *
 * ```ts
 * nn.layers.maxPooling2d();                 // 2×2 windows, stride 2: [*, 26, 26, 8] → [*, 13, 13, 8]
 * ```
 */
export class MaxPooling2D extends Pooling {
  readonly className = "MaxPooling2D";
  constructor(args: PoolingArgs = {}) {
    super(args, "MaxPooling2D", 2, "max");
  }
}

/**
 * Keras's `AveragePooling2D`: the mean of each window, per channel ("same" padding averages only
 * the real inputs).
 *
 * ```ts
 * nn.layers.averagePooling2d({ poolSize: 3, strides: 1, padding: "same" });
 * ```
 */
export class AveragePooling2D extends Pooling {
  readonly className = "AveragePooling2D";
  constructor(args: PoolingArgs = {}) {
    super(args, "AveragePooling2D", 2, "avg");
  }
}

/**
 * Keras's `MaxPooling1D`: the largest value of each window of steps, per channel.
 *
 * ```ts
 * nn.layers.maxPooling1d({ poolSize: 2 });  // [*, 10, 4] → [*, 5, 4]
 * ```
 */
export class MaxPooling1D extends Pooling {
  readonly className = "MaxPooling1D";
  constructor(args: PoolingArgs = {}) {
    super(args, "MaxPooling1D", 1, "max");
  }
}

/**
 * Keras's `AveragePooling1D`: the mean of each window of steps, per channel.
 *
 * ```ts
 * nn.layers.averagePooling1d({ poolSize: 3, strides: 1, padding: "same" });
 * ```
 */
export class AveragePooling1D extends Pooling {
  readonly className = "AveragePooling1D";
  constructor(args: PoolingArgs = {}) {
    super(args, "AveragePooling1D", 1, "avg");
  }
}

/** `nn.layers.maxPooling2d({ poolSize: 2 })` — see {@link MaxPooling2D}. */
export function maxPooling2d(args: PoolingArgs = {}): MaxPooling2D {
  return new MaxPooling2D(args);
}
/** `nn.layers.averagePooling2d({ poolSize: 2 })` — see {@link AveragePooling2D}. */
export function averagePooling2d(args: PoolingArgs = {}): AveragePooling2D {
  return new AveragePooling2D(args);
}
/** `nn.layers.maxPooling1d({ poolSize: 2 })` — see {@link MaxPooling1D}. */
export function maxPooling1d(args: PoolingArgs = {}): MaxPooling1D {
  return new MaxPooling1D(args);
}
/** `nn.layers.averagePooling1d({ poolSize: 2 })` — see {@link AveragePooling1D}. */
export function averagePooling1d(args: PoolingArgs = {}): AveragePooling1D {
  return new AveragePooling1D(args);
}
