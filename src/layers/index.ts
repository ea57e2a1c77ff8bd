/** Layer factories, as `nn.layers.dense(...)`, and the layer classes. */
export { Layer, type LayerArgs, type LayerConfig, type WeightOptions, type InputSpec } from "./layer";
export { Dense, dense, type DenseArgs } from "./dense";
export { InputLayer, inputLayer, input, type InputLayerArgs } from "./input-layer";
export { Activation, activation, type ActivationArgs } from "./activation";
export { Dropout, dropout, type DropoutArgs } from "./dropout";
export { Flatten, flatten } from "./flatten";
export { Reshape, reshape, type ReshapeArgs } from "./reshape";
export { BatchNormalization, batchNormalization, type BatchNormalizationArgs } from "./batch-normalization";
export { LayerNormalization, layerNormalization, type LayerNormalizationArgs } from "./layer-normalization";
export { PReLU, prelu, type PReLUArgs } from "./prelu";
export * from "./recurrent";
export {
  serializeLayer, deserializeLayer, registerLayerClass, layerClassRegistry, type SerializedLayer, type LayerFactory,
} from "./serialization";
export type { SerializedObject, SerializedIdentifier } from "./config-values";
