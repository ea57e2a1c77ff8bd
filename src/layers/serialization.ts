/**
 * Layers as plain JSON and back: `serializeLayer(layer)` gives `{ className, config }` (Keras's
 * `keras.layers.serialize` without the module) and `deserializeLayer` rebuilds a new, unbuilt
 * layer of that class from it. Weights are not part of a config; models save them separately.
 */
import { Layer, type LayerConfig } from "./layer";
import { Registry } from "../util/registry";
import { Dense } from "./dense";
import { InputLayer } from "./input-layer";
import { Activation } from "./activation";
import { Dropout } from "./dropout";
import { Flatten } from "./flatten";
import { Reshape } from "./reshape";
import { BatchNormalization } from "./batch-normalization";
import { LayerNormalization } from "./layer-normalization";
import { PReLU } from "./prelu";
import { Conv1D, Conv2D } from "./conv";
import { Conv2DTranspose } from "./conv-transpose";
import { DepthwiseConv2D, SeparableConv2D } from "./conv-separable";
import { AveragePooling1D, AveragePooling2D, MaxPooling1D, MaxPooling2D } from "./pooling";
import { GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D } from "./pooling-global";
import { UpSampling2D } from "./up-sampling";
import { ZeroPadding2D } from "./zero-padding";
import { Cropping2D } from "./cropping";
import { SimpleRNN, LSTM, GRU, Bidirectional, TimeDistributed, LSTMCell, GRUCell, SimpleRNNCell, RepeatVector } from "./recurrent";
import { Add, Subtract, Multiply, Average, Maximum, Minimum, Concatenate } from "./merge";
import { Embedding } from "./embedding";
import { Maxout } from "./maxout";
import { Sampling } from "./sampling";
import { SpatialDropout1D, SpatialDropout2D } from "./spatial-dropout";
import { GaussianNoise } from "./gaussian-noise";
import { GroupNormalization } from "./group-normalization";
import { MultiHeadAttention } from "./multi-head-attention";
import { Lambda } from "./lambda";

/** A layer in serialized form. */
export interface SerializedLayer {
  /** Keras class name, e.g. `"Dense"`. */
  className: string;
  /** The layer's `getConfig()`. */
  config: LayerConfig;
}

/** Rebuilds a layer from its config. */
export type LayerFactory = (config: LayerConfig) => Layer;

/** Layer classes by Keras class name. */
export const layerClassRegistry = new Registry<LayerFactory>("layer class", "layer classes");

/**
 * Makes a layer class loadable by `deserializeLayer` (needed for custom layers; the built-in
 * ones are registered here).
 *
 * ```ts
 * nn.layers.registerLayerClass("Scale", (config) => new Scale(config));
 * ```
 */
export function registerLayerClass(className: string, fromConfig: LayerFactory): void {
  if (typeof className !== "string" || className === "") throw new TypeError(`registerLayerClass: className must be a non-empty string, got ${JSON.stringify(className)}`);
  if (typeof fromConfig !== "function") throw new TypeError(`registerLayerClass: fromConfig for ${className} must be a function, got ${typeof fromConfig}`);
  layerClassRegistry.register(className, fromConfig);
}

/** `{ className, config }` of a layer; the config is plain JSON (ids and `{ className, config }` objects). */
export function serializeLayer(layer: Layer): SerializedLayer {
  if (!(layer instanceof Layer)) {
    throw new TypeError(`serializeLayer: expected a layer, got ${layer === null ? "null" : typeof layer}`);
  }
  // A Lambda's function is code, not data: refuse at save time, naming the layer (Keras refuses to load one in safe mode).
  if (layer instanceof Lambda) throw layer.notSerializableError();
  // A JSON round trip proves the config is plain data (and copies it, so later edits cannot leak back).
  return { className: layer.className, config: JSON.parse(JSON.stringify(layer.getConfig())) as LayerConfig };
}

/** A new (unbuilt) layer from `serializeLayer`'s output; unknown class names list the known ones. */
export function deserializeLayer(serialized: SerializedLayer): Layer {
  if (serialized === null || typeof serialized !== "object" || typeof serialized.className !== "string") {
    throw new TypeError(`deserializeLayer: expected { className, config }, got ${JSON.stringify(serialized)}`);
  }
  const config = serialized.config;
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    throw new TypeError(`deserializeLayer: the config of a ${serialized.className} must be an object, got ${JSON.stringify(config)}`);
  }
  const fromConfig = layerClassRegistry.get(serialized.className, "deserializeLayer");
  return fromConfig({ ...config });
}

registerLayerClass("Dense", Dense.fromConfig);
registerLayerClass("InputLayer", InputLayer.fromConfig);
registerLayerClass("Activation", Activation.fromConfig);
registerLayerClass("Dropout", Dropout.fromConfig);
registerLayerClass("Flatten", Flatten.fromConfig);
registerLayerClass("Reshape", Reshape.fromConfig);
registerLayerClass("BatchNormalization", BatchNormalization.fromConfig);
registerLayerClass("LayerNormalization", LayerNormalization.fromConfig);
registerLayerClass("PReLU", PReLU.fromConfig);
// Convolution, pooling and image-shape layers.
registerLayerClass("Conv1D", Conv1D.fromConfig);
registerLayerClass("Conv2D", Conv2D.fromConfig);
registerLayerClass("Conv2DTranspose", Conv2DTranspose.fromConfig);
registerLayerClass("DepthwiseConv2D", DepthwiseConv2D.fromConfig);
registerLayerClass("SeparableConv2D", SeparableConv2D.fromConfig);
registerLayerClass("MaxPooling1D", (c) => MaxPooling1D.fromConfig(c));
registerLayerClass("MaxPooling2D", (c) => MaxPooling2D.fromConfig(c));
registerLayerClass("AveragePooling1D", (c) => AveragePooling1D.fromConfig(c));
registerLayerClass("AveragePooling2D", (c) => AveragePooling2D.fromConfig(c));
registerLayerClass("GlobalAveragePooling1D", (c) => GlobalAveragePooling1D.fromConfig(c));
registerLayerClass("GlobalAveragePooling2D", (c) => GlobalAveragePooling2D.fromConfig(c));
registerLayerClass("GlobalMaxPooling1D", (c) => GlobalMaxPooling1D.fromConfig(c));
registerLayerClass("GlobalMaxPooling2D", (c) => GlobalMaxPooling2D.fromConfig(c));
registerLayerClass("UpSampling2D", UpSampling2D.fromConfig);
registerLayerClass("ZeroPadding2D", ZeroPadding2D.fromConfig);
registerLayerClass("Cropping2D", Cropping2D.fromConfig);
// Recurrent layers; the wrappers' factories are closures because their modules import this one.
registerLayerClass("SimpleRNN", (c) => SimpleRNN.fromConfig(c));
registerLayerClass("LSTM", (c) => LSTM.fromConfig(c));
registerLayerClass("GRU", (c) => GRU.fromConfig(c));
registerLayerClass("Bidirectional", (c) => Bidirectional.fromConfig(c));
registerLayerClass("TimeDistributed", (c) => TimeDistributed.fromConfig(c));
registerLayerClass("LSTMCell", (c) => LSTMCell.fromConfig(c));
registerLayerClass("GRUCell", (c) => GRUCell.fromConfig(c));
registerLayerClass("SimpleRNNCell", (c) => SimpleRNNCell.fromConfig(c));
registerLayerClass("RepeatVector", (c) => RepeatVector.fromConfig(c));
registerLayerClass("Embedding", Embedding.fromConfig);
registerLayerClass("Add", Add.fromConfig);
registerLayerClass("Subtract", Subtract.fromConfig);
registerLayerClass("Multiply", Multiply.fromConfig);
registerLayerClass("Average", Average.fromConfig);
registerLayerClass("Maximum", Maximum.fromConfig);
registerLayerClass("Minimum", Minimum.fromConfig);
registerLayerClass("Concatenate", Concatenate.fromConfig);
registerLayerClass("Maxout", Maxout.fromConfig);
registerLayerClass("Sampling", Sampling.fromConfig);
registerLayerClass("SpatialDropout1D", SpatialDropout1D.fromConfig);
registerLayerClass("SpatialDropout2D", SpatialDropout2D.fromConfig);
registerLayerClass("GaussianNoise", GaussianNoise.fromConfig);
registerLayerClass("GroupNormalization", GroupNormalization.fromConfig);
registerLayerClass("MultiHeadAttention", MultiHeadAttention.fromConfig);
registerLayerClass("Lambda", Lambda.fromConfig);
