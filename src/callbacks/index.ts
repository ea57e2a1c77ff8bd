/** Training callbacks, as `nn.callbacks.*` (Keras 3's names in camelCase). */
export { Callback, type Logs, type TrainingParams } from "./callback";
export { History } from "./history";
export { registerFitCallback, defaultFitCallbacks, type FitCallbackFactory, type FitContext } from "./fit-defaults";
export { MonitorCallback, type MonitorMode } from "./monitor";
export { EarlyStopping, earlyStopping, type EarlyStoppingArgs } from "./early-stopping";
export { ReduceLROnPlateau, reduceLROnPlateau, type ReduceLROnPlateauArgs } from "./reduce-lr-on-plateau";
export { LearningRateScheduler, learningRateScheduler, type Schedule } from "./learning-rate-scheduler";
export { ModelCheckpoint, modelCheckpoint, type ModelCheckpointArgs } from "./model-checkpoint";
export { TerminateOnNaN, terminateOnNaN, type TerminateOnNaNArgs } from "./terminate-on-nan";
export { CSVLogger, csvLogger, type CSVLoggerArgs } from "./csv-logger";
export { LambdaCallback, lambdaCallback, type LambdaCallbackArgs } from "./lambda-callback";
export { ProgressLogger, formatLogs, formatTimePerStep, type ProgressOutput } from "./progress-logger";
export { WeightHistograms, weightHistograms, type WeightHistogramsOptions } from "./weight-histograms";
