/** The start of a model: declares the input shape (Keras's `InputLayer` / `keras.Input`). */
import type { Tensor } from "../tensor/tensor";
import type { DType } from "../tensor/dtype";
import { Layer, type LayerConfig } from "./layer";
import type { ShapeSpec } from "../display/mime";

/** Arguments of {@link inputLayer}: one of `inputShape`/`shape` (per sample) or `batchInputShape`. */
export interface InputLayerArgs {
  /** Shape of one sample, without the batch dimension, e.g. `[28, 28]`. */
  inputShape?: (number | null)[];
  /** Keras 3's spelling of `inputShape`. */
  shape?: (number | null)[];
  /** A fixed batch size (null/omitted: any). */
  batchSize?: number | null;
  /** The whole shape including the batch dimension, e.g. `[null, 28, 28]`. */
  batchInputShape?: (number | null)[];
  /** dtype of the input (the global default when omitted). */
  dtype?: DType;
  /** Layer name (default `input_layer`, `input_layer_1`, …). */
  name?: string;
}

/**
 * Keras's `InputLayer`: passes its input through and fixes the model's input shape. As the first
 * element of `nn.sequential([...])` it takes the role of `inputShape` on the first layer; Keras 3
 * shows no summary row for it.
 *
 * ```ts
 * const model = nn.sequential([nn.layers.input({ shape: [784] }), nn.layers.dense({ units: 10 })]);
 * ```
 */
export class InputLayer extends Layer {
  readonly className = "InputLayer";
  /** The input shape with its batch dimension (null: any batch size). */
  declare readonly batchInputShape: ShapeSpec;

  constructor(args: InputLayerArgs) {
    if (args === null || typeof args !== "object") {
      throw new TypeError(`InputLayer: expected { shape } or { inputShape }, got ${args === null ? "null" : typeof args}`);
    }
    const sample = args.inputShape ?? args.shape;
    if (args.inputShape !== undefined && args.shape !== undefined) {
      throw new TypeError(`${args.name ?? "InputLayer"}: give either inputShape or shape, not both`);
    }
    if (sample === undefined && args.batchInputShape === undefined) {
      throw new TypeError(`${args.name ?? "InputLayer"}: an input shape is required: give shape (e.g. { shape: [784] }) or batchInputShape`);
    }
    if (sample !== undefined && args.batchInputShape !== undefined) {
      throw new TypeError(`${args.name ?? "InputLayer"}: give either ${args.inputShape !== undefined ? "inputShape" : "shape"} or batchInputShape, not both`);
    }
    const batchSize = args.batchSize ?? null;
    if (batchSize !== null && (!Number.isInteger(batchSize) || batchSize <= 0)) {
      throw new RangeError(`${args.name ?? "InputLayer"}: batchSize must be a positive integer, got ${JSON.stringify(batchSize)}`);
    }
    const batchInputShape = Array.isArray(sample) ? [batchSize, ...sample] : sample === undefined ? args.batchInputShape : sample;
    super({ name: args.name, dtype: args.dtype, batchInputShape: batchInputShape as (number | null)[] }, "InputLayer");
    this.built = true;
    this.inputSpec = {
      ndim: this.batchInputShape.length,
      axes: Object.fromEntries(this.batchInputShape.map((d, i) => [i, d]).filter(([, d]) => d !== null)),
    };
  }

  /** The identity. */
  call(x: Tensor): Tensor {
    return x;
  }

  /** The identity. */
  override computeOutputShape(inputShape: ShapeSpec): ShapeSpec {
    return inputShape;
  }

  override getConfig(): LayerConfig {
    const { name, trainable, dtype } = super.getConfig();
    const config: LayerConfig = { name, trainable, batchInputShape: [...this.batchInputShape] };
    if (dtype !== undefined) config.dtype = dtype;
    return config;
  }

  /** Rebuilds an InputLayer from {@link InputLayer.getConfig}'s output. */
  static fromConfig(config: LayerConfig): InputLayer {
    return new InputLayer({ name: config.name, batchInputShape: config.batchInputShape as ShapeSpec, dtype: config.dtype as DType | undefined });
  }
}

/** `nn.layers.inputLayer({ inputShape: [11] })` — see {@link InputLayer}. */
export function inputLayer(args: InputLayerArgs): InputLayer {
  return new InputLayer(args);
}

/** `nn.layers.input({ shape: [11] })`, Keras's `keras.Input(shape=...)` for the start of a Sequential model. */
export function input(args: InputLayerArgs): InputLayer {
  return new InputLayer(args);
}
