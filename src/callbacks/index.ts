/** Training callbacks, as `nn.callbacks.*`. */
export { Callback, type Logs, type TrainingParams } from "./callback";
export { History } from "./history";
export { registerFitCallback, defaultFitCallbacks, type FitCallbackFactory, type FitContext } from "./fit-defaults";
