/**
 * Model selection, as scikit-learn's `model_selection` for nnlab models: `crossValidate`,
 * `crossValScore`, `gridSearchCV`, `randomizedSearchCV` with distributions `uniform`,
 * `logUniform`, `randInt`, `choice`, and scorers by scikit-learn's names. Models come from a
 * builder function of the candidate's parameters (it returns a fresh compiled model).
 * The splitters (`kFold`, `stratifiedKFold`, `trainTestSplit`) are in `nn.datasets`.
 */
export { crossValidate, crossValScore, type CrossValidateOptions, type CrossValidateResult, type ModelBuilder, type Cv, type Splitter } from "./cross-validate";
export { gridSearchCV, randomizedSearchCV, SearchResult, CvResults, type SearchOptions } from "./search";
export { uniform, logUniform, randInt, choice, isDistribution, type Distribution } from "./distributions";
export { parameterGrid, parameterSampler, type Params, type ParamGrid, type ParamDistributions } from "./param-grid";
export { scorerRegistry, resolveScoring, type Scorer, type Scoring } from "./scoring";
export { SearchProgress, type SearchProgressOptions } from "./progress";
