/** Keras's `ZeroPadding2D`: rows and columns of zeros around every image. */
import type { Tensor } from "../tensor/tensor";
import type { ShapeSpec } from "../display/mime";
import { Layer, type LayerArgs, type LayerConfig } from "./layer";
import { layerArgsFromConfig } from "./config-values";
import { pad } from "../ops/pad";
import { checkDataFormat, checkSpatialInput, type DataFormat } from "./conv-base";

/** Rows and columns at each side: `n` (all four), `[rows, columns]` (symmetric), or `[[top, bottom], [left, right]]`. */
export type SidesArg = number | readonly [number, number] | readonly [readonly [number, number], readonly [number, number]];

/** `[[top, bottom], [left, right]]` from any {@link SidesArg} form; `name` names the argument in errors. */
export function sides(value: unknown, name: string): [[number, number], [number, number]] {
  const ok = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
  if (ok(value)) return [[value as number, value as number], [value as number, value as number]];
  if (Array.isArray(value) && value.length === 2) {
    if (value.every(ok)) return [[value[0], value[0]], [value[1], value[1]]];
    if (value.every((p) => Array.isArray(p) && p.length === 2 && p.every(ok))) return [[value[0][0], value[0][1]], [value[1][0], value[1][1]]];
  }
  throw new RangeError(`${name} must be a non-negative integer, [rows, columns] or [[top, bottom], [left, right]], got ${JSON.stringify(value)}`);
}

/** Arguments of {@link zeroPadding2d}. */
export interface ZeroPadding2DArgs extends LayerArgs {
  /** Zeros to add (default 1 on every side). */
  padding?: SidesArg;
  /** Only channels-last is supported. */
  dataFormat?: DataFormat;
}

/**
 * Keras's `ZeroPadding2D`: `[batch, h, w, c]` → `[batch, top + h + bottom, left + w + right, c]`.
 *
 * ```ts
 * nn.layers.zeroPadding2d({ padding: [[1, 2], [0, 3]] });  // [*, 2, 3, 2] → [*, 5, 6, 2]
 * ```
 */
export class ZeroPadding2D extends Layer {
  readonly className = "ZeroPadding2D";
  /** `[[top, bottom], [left, right]]`. */
  readonly padding: [[number, number], [number, number]];

  constructor(args: ZeroPadding2DArgs = {}) {
    super(args, "ZeroPadding2D");
    this.padding = sides(args.padding ?? 1, `${this.name}: padding`);
    checkDataFormat(args.dataFormat, this.name);
  }

  override build(inputShape: ShapeSpec): void {
    checkSpatialInput(this, inputShape, 2);
    this.inputSpec = { ndim: 4 };
  }

  call(x: Tensor): Tensor {
    return pad(x, [[0, 0], this.padding[0], this.padding[1], [0, 0]]);
  }

  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    checkSpatialInput(this, inputShape, 2);
    const [b, h, w, c] = inputShape;
    const grow = (n: number | null, [p, q]: [number, number]) => (n === null ? null : n + p + q);
    return [b, grow(h, this.padding[0]), grow(w, this.padding[1]), c];
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), padding: this.padding.map((p) => [...p]), dataFormat: "channelsLast" };
  }

  /** Rebuilds the layer from its config. */
  static fromConfig(config: LayerConfig): ZeroPadding2D {
    return new ZeroPadding2D(layerArgsFromConfig(config) as ZeroPadding2DArgs);
  }
}

/** `nn.layers.zeroPadding2d({ padding: 1 })` — see {@link ZeroPadding2D}. */
export function zeroPadding2d(args: ZeroPadding2DArgs = {}): ZeroPadding2D {
  return new ZeroPadding2D(args);
}
