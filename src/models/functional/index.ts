/** The functional API: `nn.input`, `nn.model`, and the `Functional` model class. */
export { Functional, model, type FunctionalArgs, type FunctionalConfig, type FunctionalLayerConfig, type TensorRef } from "./functional";
export { SymbolicTensor, input, type InputArgs, type GraphNode } from "./symbolic-tensor";
