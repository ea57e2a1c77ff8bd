/**
 * `nn.datasets`: synthetic and real datasets, train/test splits and cross-validation folds,
 * tabular data. Everything random takes a `seed` (or follows `nn.setSeed`).
 */
export { trainTestSplit, kFold, stratifiedKFold, type TrainTestSplitOptions, type KFoldOptions, type KFold, type StratifiedKFold, type Fold } from "./split";
export {
  makeMoons, makeCircles, makeBlobs, makeImbalanced, makeSpirals, makeRegression, makePolynomialRegression, sineSequences,
  logicGate, xor, placement, insurance,
  type Dataset, type GeneratorOptions, type CirclesOptions, type BlobsOptions, type ImbalancedOptions, type Gate, type SpiralsOptions,
  type RegressionOptions, type PolynomialRegressionOptions, type SineOptions,
} from "./synthetic";
export { loadMnist, loadFashionMnist, readIdx, MNIST_FILES, type ImageSplit } from "./mnist";
export {
  loadIris, loadDigits, loadBreastCancer, loadWine, loadDiabetes,
  type RealDataset, type DigitsDataset, type FrameDataset, type LoadOptions, type DigitsOptions, type DiabetesOptions, type Loaded, type AsTensors, type AsFrame,
} from "./real";
export { tableToTensor, tensorToTable, type TableLike, type TableToTensorOptions } from "./table";
export type { ArrayLike2D, Matrix, Label } from "./arrays";
