/** Layer factories, as `nn.layers.dense(...)`, and the layer classes. */
export { Layer, type LayerArgs, type LayerConfig, type WeightOptions, type InputSpec, type RegularizationOptions } from "./layer";
export { Dense, dense, type DenseArgs } from "./dense";
export { InputLayer, inputLayer, input, type InputLayerArgs } from "./input-layer";
export { Activation, activation, type ActivationArgs } from "./activation";
export { Dropout, dropout, type DropoutArgs } from "./dropout";
export { Flatten, flatten } from "./flatten";
export { Reshape, reshape, type ReshapeArgs } from "./reshape";
export { BatchNormalization, batchNormalization, type BatchNormalizationArgs } from "./batch-normalization";
export { LayerNormalization, layerNormalization, type LayerNormalizationArgs } from "./layer-normalization";
export { PReLU, prelu, type PReLUArgs } from "./prelu";
export { BaseConv, type BaseConvArgs, type DataFormat, type SizeArg } from "./conv-base";
export { Conv1D, Conv2D, conv1dLayer as conv1d, conv2dLayer as conv2d, type ConvArgs, type Conv1DArgs } from "./conv";
export { Conv2DTranspose, conv2dTransposeLayer as conv2dTranspose, type Conv2DTransposeArgs } from "./conv-transpose";
export {
  DepthwiseConv2D, SeparableConv2D, depthwiseConv2dLayer as depthwiseConv2d, separableConv2dLayer as separableConv2d,
  type DepthwiseConv2DArgs, type SeparableConv2DArgs,
} from "./conv-separable";
export {
  MaxPooling1D, MaxPooling2D, AveragePooling1D, AveragePooling2D, maxPooling1d, maxPooling2d, averagePooling1d, averagePooling2d,
  type PoolingArgs,
} from "./pooling";
export { type PoolingBaseArgs } from "./pooling-base";
export {
  GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalMaxPooling1D, GlobalMaxPooling2D,
  globalAveragePooling1d, globalAveragePooling2d, globalMaxPooling1d, globalMaxPooling2d, type GlobalPoolingArgs,
} from "./pooling-global";
export { UpSampling2D, upSampling2d, type UpSampling2DArgs } from "./up-sampling";
export { ZeroPadding2D, zeroPadding2d, type ZeroPadding2DArgs, type SidesArg } from "./zero-padding";
export { Cropping2D, cropping2d, type Cropping2DArgs } from "./cropping";
export * from "./recurrent";
export * from "./merge";
export { Embedding, embedding, type EmbeddingArgs } from "./embedding";
export { Maxout, maxout, type MaxoutArgs } from "./maxout";
export { Sampling, sampling, type SamplingArgs } from "./sampling";
export { SpatialDropout1D, SpatialDropout2D, spatialDropout1d, spatialDropout2d, type SpatialDropoutArgs } from "./spatial-dropout";
export { GaussianNoise, gaussianNoise, type GaussianNoiseArgs } from "./gaussian-noise";
export { GroupNormalization, groupNormalization, type GroupNormalizationArgs } from "./group-normalization";
export {
  MultiHeadAttention, multiHeadAttention, type MultiHeadAttentionArgs, type AttentionCallOptions, type AttentionResult,
} from "./multi-head-attention";
export { Lambda, lambda, type LambdaArgs, type LambdaFunction } from "./lambda";
export {
  serializeLayer, deserializeLayer, registerLayerClass, layerClassRegistry, type SerializedLayer, type LayerFactory,
} from "./serialization";
export type { SerializedObject, SerializedIdentifier } from "./config-values";
