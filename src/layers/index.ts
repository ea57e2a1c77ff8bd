/** Layer factories, as `nn.layers.dense(...)`, and the layer classes. */
export { Layer, type LayerArgs, type LayerConfig, type WeightOptions, type InputSpec } from "./layer";
export { Dense, dense, type DenseArgs } from "./dense";
export { InputLayer, inputLayer, input, type InputLayerArgs } from "./input-layer";
export {
  serializeLayer, deserializeLayer, registerLayerClass, layerClassRegistry, type SerializedLayer, type LayerFactory,
} from "./serialization";
export type { SerializedObject, SerializedIdentifier } from "./config-values";
