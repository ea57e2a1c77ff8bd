/**
 * nnlab — neural networks in TypeScript, for learning and doing deep learning in JupyterLab.
 *
 * ```ts
 * import * as nn from "nnlab";
 * nn.setSeed(42);
 * const model = nn.sequential([
 *   nn.layers.dense({ units: 2, activation: "sigmoid", inputShape: [2] }),
 *   nn.layers.dense({ units: 1, activation: "sigmoid" }),
 * ]);
 * model.compile({ optimizer: nn.optimizers.sgd({ learningRate: 1 }), loss: "binaryCrossentropy", metrics: ["accuracy"] });
 * await model.fit(x, y, { epochs: 500, verbose: 0 });
 * model.summary();
 * ```
 */
import { selectDefaultBackend } from "./backend/select";

selectDefaultBackend();

// Tensors and autodiff
export { Tensor, type NestedArray } from "./tensor/tensor";
export { tensor, zeros, ones, fill, scalar, type TensorOptions } from "./tensor/creation";
export { randomNormal, randomUniform, type RandomTensorOptions } from "./tensor/random-tensors";
export { type DType, setDefaultDType, getDefaultDType } from "./tensor/dtype";
export { noGrad, enableGrad, isGradEnabled, gradientsOf } from "./tensor/autograd";
export type { TypedArray } from "./tensor/dtype";
export type { GradFn } from "./tensor/autograd";
export type { Shape } from "./tensor/shape";
export type { Registry } from "./util/registry";
export * from "./ops";
export * from "./autodiff";

// Checks for notebooks
export { assertClose, check, type CloseOptions } from "./testing";

// Randomness and session
export { setSeed, random, Random } from "./random/rng";
export { clearSession } from "./util/names";
export { backend, type Backend } from "./backend/backend";
export { setBackend, backendInfo, type BackendName, type BackendInfo } from "./backend/select";

// Building blocks, as namespaces: nn.layers.dense(...), nn.optimizers.sgd(...), …
export * as layers from "./layers";
export * as activations from "./activations";
export * as initializers from "./initializers";
export * as regularizers from "./regularizers";
export * as constraints from "./constraints";
export * as losses from "./losses";
export * as metrics from "./metrics";
export * as optimizers from "./optimizers";
export * as callbacks from "./callbacks";
export * as datasets from "./data";
export * as preprocessing from "./preprocessing";
export * as resampling from "./resampling";
export * as mock from "./mock";
export * as linalg from "./linalg";

// Models
export { Model, Sequential, sequential, type CompileArgs, type FitArgs, type SequentialArgs } from "./models";
export { Functional, model, input, SymbolicTensor, type FunctionalArgs, type InputArgs, type TrainBatch, type ModelData } from "./models";
export { loadModel } from "./io";
export { lrFinder, type LrFinderArgs, type LrFinderResult } from "./models";
// Types that appear in the public signatures above (type-only, so the API reference can link them)
export type {
  CompiledState, CompileConfig, OutputState, EvaluateArgs, PredictArgs, OnBatchArgs, ModelConfig, SequentialConfig, FunctionalConfig,
  AddedLoss, Data, ClassWeight, TrainingData, Summarizable, GraphNode, SavedMetric, TensorRef, FunctionalLayerConfig,
} from "./models";

// Rich display (used by the nnlab kernel and the JupyterLab extension)
export * as display from "./display";
export * as plot from "./plot";

// Model selection (cross-validation, grid/random search) and a Keras-Tuner-style tuner
export * as selection from "./selection";
export * as tuner from "./tuner";
export { JUPYTER_DISPLAY } from "./display/host";
