/**
 * A tuner in the style of Keras Tuner: `buildModel(hp)` declares hyperparameters with
 * `hp.int`, `hp.float` (log sampling), `hp.choice`, `hp.boolean`; `randomSearch`,
 * `bayesianOptimization` (Gaussian process + expected improvement) and `hyperband` search them;
 * `searchSpaceSummary()`, `resultsSummary()` (rich tables), `getBestHyperparameters()`, `getBestModels()`.
 */
export { HyperParameters, spaceSize, type HyperParameter, type HpValues } from "./hyperparameters";
export {
  Tuner, RandomSearch, BayesianOptimization, Hyperband, randomSearch, bayesianOptimization, hyperband,
  type TunerOptions, type BayesianOptions, type HyperbandOptions, type Objective, type Trial,
} from "./tuner";
export { GaussianProcess, expectedImprovement } from "./gaussian-process";
