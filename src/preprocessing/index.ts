/**
 * `nn.preprocessing`: scikit-learn-style transformers (fit / transform / fitTransform /
 * inverseTransform) and pipelines.
 *
 * ```ts
 * const scaler = nn.preprocessing.standardScaler();
 * const xTrainScaled = scaler.fitTransform(xTrain);
 * const xTestScaled = scaler.transform(xTest);   // statistics of the training set
 * ```
 */
export { Transformer, NumericTransformer, type TransformerLike } from "./transformer";
export {
  StandardScaler, MinMaxScaler, RobustScaler, Normalizer, standardScaler, minMaxScaler, robustScaler, normalizer,
  type StandardScalerOptions, type MinMaxScalerOptions, type RobustScalerOptions, type NormalizerOptions,
} from "./scalers";
export {
  OneHotEncoder, OrdinalEncoder, LabelEncoder, oneHotEncoder, ordinalEncoder, labelEncoder,
  type OneHotEncoderOptions, type OrdinalEncoderOptions, type CategoricalInput,
} from "./encoders";
export { SimpleImputer, simpleImputer, type SimpleImputerOptions } from "./imputer";
export { PolynomialFeatures, polynomialFeatures, type PolynomialFeaturesOptions } from "./polynomial";
export { Pipeline, pipeline, type PipelineStep, type EstimatorLike } from "./pipeline";
