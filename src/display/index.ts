/** The display contract: MIME types and data, and how the library reaches a kernel. */
export * from "./mime";
export * from "./host";
export { trainingRuns, TRAINING_RUNS, type TrainingRuns } from "./training-runs";
export { LiveTraining, type LiveTrainingOptions, type Clock } from "./live-training";
export { historyBundle, historyData } from "./history-bundle";
export { weightsBundle } from "./weights-bundle";
export { compareWeights, weightDistributions, WeightsView, type CompareWeightsOptions, type Side } from "./compare-weights";
export { tensorHistogram, type HistogramOptions } from "./tensor-histogram";
