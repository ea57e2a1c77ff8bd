/** Keras's `UpSampling2D`: enlarges images by repeating (or interpolating) pixels. */
import type { Tensor } from "../tensor/tensor";
import type { ShapeSpec } from "../display/mime";
import { Layer, type LayerArgs, type LayerConfig } from "./layer";
import { layerArgsFromConfig } from "./config-values";
import { upSampling2d as upsample } from "../ops/upsample";
import { checkDataFormat, checkSpatialInput, sizeTuple, type DataFormat, type SizeArg } from "./conv-base";

/** Arguments of {@link upSampling2d}. */
export interface UpSampling2DArgs extends LayerArgs {
  /** Factor per axis: one number or `[rows, columns]` (default 2). */
  size?: SizeArg;
  /** "nearest" (default: repeat pixels) or "bilinear" (half-pixel centres, as Keras/TensorFlow). */
  interpolation?: "nearest" | "bilinear";
  /** Only channels-last is supported. */
  dataFormat?: DataFormat;
}

/**
 * Keras's `UpSampling2D`: `[batch, h, w, c]` → `[batch, h·sy, w·sx, c]`, no weights (decoders pair
 * it with a convolution).
 *
 * ```ts
 * nn.layers.upSampling2d({ size: 2 });                              // [*, 7, 7, 8] → [*, 14, 14, 8]
 * nn.layers.upSampling2d({ size: [2, 3], interpolation: "bilinear" });
 * ```
 */
export class UpSampling2D extends Layer {
  readonly className = "UpSampling2D";
  /** Factors `[rows, columns]`. */
  readonly size: [number, number];
  /** "nearest" or "bilinear". */
  readonly interpolation: "nearest" | "bilinear";

  constructor(args: UpSampling2DArgs = {}) {
    super(args, "UpSampling2D");
    this.size = sizeTuple(args.size ?? 2, 2, `${this.name}: size`) as [number, number];
    const interpolation = args.interpolation ?? "nearest";
    if (interpolation !== "nearest" && interpolation !== "bilinear") {
      throw new RangeError(`${this.name}: interpolation must be "nearest" or "bilinear", got ${JSON.stringify(args.interpolation)}`);
    }
    this.interpolation = interpolation;
    checkDataFormat(args.dataFormat, this.name);
  }

  override build(inputShape: ShapeSpec): void {
    checkSpatialInput(this, inputShape, 2);
    this.inputSpec = { ndim: 4 };
  }

  call(x: Tensor): Tensor {
    return upsample(x, this.size, this.interpolation, this.name);
  }

  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    checkSpatialInput(this, inputShape, 2);
    const [b, h, w, c] = inputShape;
    return [b, h === null ? null : h * this.size[0], w === null ? null : w * this.size[1], c];
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), size: [...this.size], dataFormat: "channelsLast", interpolation: this.interpolation };
  }

  /** Rebuilds the layer from its config. */
  static fromConfig(config: LayerConfig): UpSampling2D {
    return new UpSampling2D(layerArgsFromConfig(config) as UpSampling2DArgs);
  }
}

/** `nn.layers.upSampling2d({ size: 2 })` — see {@link UpSampling2D}. */
export function upSampling2d(args: UpSampling2DArgs = {}): UpSampling2D {
  return new UpSampling2D(args);
}
