/**
 * `nn.resampling`: over- and under-sampling for imbalanced classes with imbalanced-learn's
 * names and semantics (`smote`, `borderlineSmote`, `adasyn`, `smoteNC`, `randomOverSampler`,
 * `randomUnderSampler`, each with `fitResample(x, y)`), and `augmentBySampling` for tables.
 *
 * ```ts
 * const [xRes, yRes] = nn.resampling.smote({ kNeighbors: 5, seed: 42 }).fitResample(xTrain, yTrain);
 * ```
 * Resample the training split only, never the test split.
 */
export { type SamplingStrategy, samplingTargets } from "./strategy";
export { Sampler, OverSampler, type SamplerOptions, type LabelsInput, type ClassInfo } from "./sampler";
export { kNearest } from "./neighbors";
export { Smote, BorderlineSmote, Adasyn, smote, borderlineSmote, adasyn, type SmoteOptions, type BorderlineSmoteOptions, type AdasynOptions } from "./smote";
export { SmoteNC, smoteNC, type SmoteNCOptions } from "./smote-nc";
export { RandomOverSampler, RandomUnderSampler, randomOverSampler, randomUnderSampler } from "./random-samplers";
export { augmentBySampling, type AugmentOptions } from "./augment";
