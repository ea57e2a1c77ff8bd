/** Keras's `Cropping2D`: cuts rows and columns off the borders of every image. */
import type { Tensor } from "../tensor/tensor";
import { shapeToString } from "../tensor/shape";
import type { ShapeSpec } from "../display/mime";
import { Layer, type LayerArgs, type LayerConfig } from "./layer";
import { layerArgsFromConfig } from "./config-values";
import { slice } from "../ops/indexing";
import { checkDataFormat, checkSpatialInput, type DataFormat } from "./conv-base";
import { sides, type SidesArg } from "./zero-padding";

/** Arguments of {@link cropping2d}. */
export interface Cropping2DArgs extends LayerArgs {
  /** Rows/columns to remove: `n`, `[rows, columns]` or `[[top, bottom], [left, right]]` (default 0). */
  cropping?: SidesArg;
  /** Only channels-last is supported. */
  dataFormat?: DataFormat;
}

/**
 * Keras's `Cropping2D`: `[batch, h, w, c]` → `[batch, h − top − bottom, w − left − right, c]`
 * (U-Net skip connections crop encoder maps to the decoder's size with it).
 *
 * ```ts
 * nn.layers.cropping2d({ cropping: [[1, 0], [2, 1]] });  // [*, 4, 5, 2] → [*, 3, 2, 2]
 * ```
 */
export class Cropping2D extends Layer {
  readonly className = "Cropping2D";
  /** `[[top, bottom], [left, right]]`. */
  readonly cropping: [[number, number], [number, number]];

  constructor(args: Cropping2DArgs = {}) {
    super(args, "Cropping2D");
    this.cropping = sides(args.cropping ?? 0, `${this.name}: cropping`);
    checkDataFormat(args.dataFormat, this.name);
  }

  override build(inputShape: ShapeSpec): void {
    this.computeOutputShape(inputShape);
    this.inputSpec = { ndim: 4 };
  }

  call(x: Tensor): Tensor {
    const [, h, w] = this.computeOutputShape([...x.shape]) as number[];
    return slice(x, [0, this.cropping[0][0], this.cropping[1][0], 0], [-1, h, w, -1]);
  }

  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    checkSpatialInput(this, inputShape, 2);
    const [b, h, w, c] = inputShape;
    const keep = (n: number | null, [p, q]: [number, number]) => {
      if (n === null) return null;
      if (n - p - q <= 0) {
        throw new RangeError(`${this.name}: cropping ${JSON.stringify(this.cropping)} removes all of an input of shape ${shapeToString(inputShape)}`);
      }
      return n - p - q;
    };
    return [b, keep(h, this.cropping[0]), keep(w, this.cropping[1]), c];
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), cropping: this.cropping.map((p) => [...p]), dataFormat: "channelsLast" };
  }

  /** Rebuilds the layer from its config. */
  static fromConfig(config: LayerConfig): Cropping2D {
    return new Cropping2D(layerArgsFromConfig(config) as Cropping2DArgs);
  }
}

/** `nn.layers.cropping2d({ cropping: 1 })` — see {@link Cropping2D}. */
export function cropping2d(args: Cropping2DArgs = {}): Cropping2D {
  return new Cropping2D(args);
}
