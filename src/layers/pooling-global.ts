/** Keras's global pooling layers: one value per channel, the mean or max over all steps/pixels. */
import type { Tensor } from "../tensor/tensor";
import type { ShapeSpec } from "../display/mime";
import type { LayerConfig } from "./layer";
import { max, mean } from "../ops/reduce";
import { checkSpatialInput } from "./conv-base";
import { booleanArg } from "./normalize";
import { PoolingBase, type PoolingBaseArgs, type PoolingMode } from "./pooling-base";

/** Arguments of the global pooling layers. */
export interface GlobalPoolingArgs extends PoolingBaseArgs {
  /** Keep the pooled axes with length 1 (`[batch, 1, 1, c]`) rather than dropping them (default false). */
  keepDims?: boolean;
}

/** Global pooling over the `rank` spatial axes. */
abstract class GlobalPooling extends PoolingBase {
  /** Whether the pooled axes are kept with length 1. */
  readonly keepDims: boolean;

  constructor(args: GlobalPoolingArgs, className: string, rank: number, mode: PoolingMode) {
    super(args, className, rank, mode);
    this.keepDims = booleanArg(this.name, "keepDims", args.keepDims, false);
  }

  call(x: Tensor): Tensor {
    const axes = this.rank === 1 ? [1] : [1, 2];
    return this.mode === "max" ? max(x, axes, this.keepDims) : mean(x, axes, this.keepDims);
  }

  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    checkSpatialInput(this, inputShape, this.rank);
    const channels = inputShape[inputShape.length - 1];
    return this.keepDims ? [inputShape[0], ...new Array<number>(this.rank).fill(1), channels] : [inputShape[0], channels];
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), dataFormat: "channelsLast", keepDims: this.keepDims };
  }
}

/**
 * Keras's `GlobalAveragePooling2D`: `[batch, h, w, c]` → `[batch, c]`, the mean of each channel
 * (a weight-free replacement for Flatten + Dense at the end of a CNN).
 *
 * ```ts
 * nn.layers.globalAveragePooling2d();                    // [*, 7, 7, 64] → [*, 64]
 * nn.layers.globalAveragePooling2d({ keepDims: true });  // → [*, 1, 1, 64]
 * ```
 */
export class GlobalAveragePooling2D extends GlobalPooling {
  readonly className = "GlobalAveragePooling2D";
  constructor(args: GlobalPoolingArgs = {}) {
    super(args, "GlobalAveragePooling2D", 2, "avg");
  }
}

/**
 * Keras's `GlobalMaxPooling2D`: `[batch, h, w, c]` → `[batch, c]`, the largest value of each channel.
 *
 * ```ts
 * nn.layers.globalMaxPooling2d();  // [*, 7, 7, 64] → [*, 64]
 * ```
 */
export class GlobalMaxPooling2D extends GlobalPooling {
  readonly className = "GlobalMaxPooling2D";
  constructor(args: GlobalPoolingArgs = {}) {
    super(args, "GlobalMaxPooling2D", 2, "max");
  }
}

/**
 * Keras's `GlobalAveragePooling1D`: `[batch, steps, c]` → `[batch, c]`, the mean over steps.
 *
 * ```ts
 * nn.layers.globalAveragePooling1d();  // [*, 100, 16] → [*, 16]
 * ```
 */
export class GlobalAveragePooling1D extends GlobalPooling {
  readonly className = "GlobalAveragePooling1D";
  constructor(args: GlobalPoolingArgs = {}) {
    super(args, "GlobalAveragePooling1D", 1, "avg");
  }
}

/**
 * Keras's `GlobalMaxPooling1D`: `[batch, steps, c]` → `[batch, c]`, the largest value over steps.
 *
 * ```ts
 * nn.layers.globalMaxPooling1d();  // [*, 100, 16] → [*, 16]
 * ```
 */
export class GlobalMaxPooling1D extends GlobalPooling {
  readonly className = "GlobalMaxPooling1D";
  constructor(args: GlobalPoolingArgs = {}) {
    super(args, "GlobalMaxPooling1D", 1, "max");
  }
}

/** `nn.layers.globalAveragePooling2d()` — see {@link GlobalAveragePooling2D}. */
export function globalAveragePooling2d(args: GlobalPoolingArgs = {}): GlobalAveragePooling2D {
  return new GlobalAveragePooling2D(args);
}
/** `nn.layers.globalMaxPooling2d()` — see {@link GlobalMaxPooling2D}. */
export function globalMaxPooling2d(args: GlobalPoolingArgs = {}): GlobalMaxPooling2D {
  return new GlobalMaxPooling2D(args);
}
/** `nn.layers.globalAveragePooling1d()` — see {@link GlobalAveragePooling1D}. */
export function globalAveragePooling1d(args: GlobalPoolingArgs = {}): GlobalAveragePooling1D {
  return new GlobalAveragePooling1D(args);
}
/** `nn.layers.globalMaxPooling1d()` — see {@link GlobalMaxPooling1D}. */
export function globalMaxPooling1d(args: GlobalPoolingArgs = {}): GlobalMaxPooling1D {
  return new GlobalMaxPooling1D(args);
}
