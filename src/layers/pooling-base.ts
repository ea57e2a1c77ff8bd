/**
 * What the pooling layers share, windowed (`pooling.ts`) and global (`pooling-global.ts`): no
 * weights, a channels-last input of 1 or 2 spatial axes, max or average, and the checks of the
 * arguments and input they have in common.
 */
import type { ShapeSpec } from "../display/mime";
import { Layer, type LayerArgs, type LayerConfig } from "./layer";
import { layerArgsFromConfig } from "./config-values";
import { checkDataFormat, type DataFormat } from "./conv-base";

/** Max or average pooling. */
export type PoolingMode = "max" | "avg";

/** Arguments of every pooling layer. */
export interface PoolingBaseArgs extends LayerArgs {
  /** Only channels-last is supported. */
  dataFormat?: DataFormat;
}

/** The base of the windowed and the global pooling layers. */
export abstract class PoolingBase extends Layer {
  /** Spatial axes (1 or 2). */
  readonly rank: number;
  /** @internal Max or average. */
  protected readonly mode: PoolingMode;

  constructor(args: PoolingBaseArgs, className: string, rank: number, mode: PoolingMode) {
    super(args, className);
    checkDataFormat(args.dataFormat, this.name);
    this.rank = rank;
    this.mode = mode;
  }

  /** Checks the input shape (a subclass's `computeOutputShape` names the layer and the shape) and fixes its rank. */
  override build(inputShape: ShapeSpec): void {
    this.computeOutputShape(inputShape);
    this.inputSpec = { ndim: this.rank + 2 };
  }

  /** Rebuilds a layer of the calling class (`MaxPooling2D.fromConfig(config)`) from its config. */
  static fromConfig<T>(this: new (args: PoolingBaseArgs) => T, config: LayerConfig): T {
    return new this(layerArgsFromConfig(config) as PoolingBaseArgs);
  }
}
