export { Model, type TrainBatch, type OutputState, type CompileArgs, type CompiledState, type CompileConfig, type EvaluateArgs, type PredictArgs, type OnBatchArgs, type ModelConfig, type AddedLoss, type SavedMetric } from "./model";
export { Sequential, sequential, type SequentialArgs, type SequentialConfig } from "./sequential";
export type { FitArgs } from "./training";
export type { Data, ClassWeight, ModelData, TrainingData } from "./data";
export { summaryText, summaryHtml, summaryBundle, type Summarizable } from "./summary";
export { lrFinder, type LrFinderArgs, type LrFinderResult } from "./lr-finder";
export { Functional, model, input, SymbolicTensor, type FunctionalArgs, type FunctionalConfig, type InputArgs, type GraphNode, type TensorRef, type FunctionalLayerConfig } from "./functional";
