/**
 * `nn.datasets`: synthetic and real datasets, train/test splits and cross-validation folds,
 * tabular data. Everything random takes a `seed` (or follows `nn.setSeed`).
 */
export { trainTestSplit, kFold, stratifiedKFold, type TrainTestSplitOptions, type KFoldOptions, type KFold, type StratifiedKFold, type Fold } from "./split";
