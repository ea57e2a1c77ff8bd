/**
 * Small real datasets shipped with nnlab, extracted from scikit-learn's bundled copies by
 * test/fixtures/sklearn/datasets.py (sources and licences: src/data/files/README.md). Each
 * loader returns scikit-learn's shape of result (`data`, `target`, `featureNames`,
 * `targetNames`, `description`), or arquero tables with `{ asFrame: true }`. Nothing is
 * downloaded; files are read once per process and cached.
 */
import type * as aq from "arquero";
import { Tensor } from "../tensor/tensor";
import { getDefaultDType, assertDType, allocate, type DType } from "../tensor/dtype";
import { readShippedCsv, shippedDatasets } from "./shipped-files";
import { arquero } from "../util/lazy-modules";

/** A shipped dataset as tensors, like scikit-learn's `Bunch`. */
export interface RealDataset {
  /** Features `[samples, features]`. */
  data: Tensor;
  /** Targets `[samples]`: class indices for classification, values for regression (diabetes). */
  target: Tensor;
  /** Names of the feature columns, in order. */
  featureNames: string[];
  /** Class names by class index (`targetNames[target[i]]`); absent for regression. */
  targetNames?: string[];
  /** scikit-learn's description of the dataset (reStructuredText). */
  description: string;
  /** Where the data comes from. */
  source: string;
}

/** The digits with their 8×8 images as well as the flat 64 pixels. */
export interface DigitsDataset extends RealDataset {
  /** The same pixels as `data`, as images `[samples, 8, 8]` (values 0–16). */
  images: Tensor;
}

/** A dataset as arquero tables (`{ asFrame: true }`), like scikit-learn's `as_frame=True`. */
export type FrameDataset<D extends RealDataset = RealDataset> = Omit<D, "data" | "target"> & {
  /** The feature columns as a table. */
  data: aq.internal.ColumnTable;
  /** Targets, one number per sample. */
  target: number[];
  /** Features and a last column `target`, as a table. */
  frame: aq.internal.ColumnTable;
};

/** Options every loader takes. */
export interface LoadOptions {
  /** Return arquero tables (`data`, `frame`) and a `target` array instead of tensors. */
  asFrame?: boolean;
  /** dtype of the tensors (the default dtype, usually float32, when omitted). */
  dtype?: DType;
}

/** Options of {@link loadDigits}. */
export interface DigitsOptions extends LoadOptions {
  /** Keep only the digits 0 … nClass−1 (1–10, default 10), as scikit-learn's `n_class`. */
  nClass?: number;
}

/** Options of {@link loadDiabetes}. */
export interface DiabetesOptions extends LoadOptions {
  /**
   * Centre each feature and scale it to unit Euclidean norm (scikit-learn's default,
   * `scaled=True`: standardised, then divided by √n). Default true; false gives the raw values.
   */
  scaled?: boolean;
}

/** Loader options that ask for tensors, the default. */
export interface AsTensors {
  /** Absent or false: the loader returns tensors. */
  asFrame?: false;
}

/** Loader options that ask for arquero tables. */
export interface AsFrame {
  /** True: the loader returns arquero tables ({@link FrameDataset}). */
  asFrame: true;
}

/** What a loader returns for options `O`: tables when `O` has `asFrame: true`, tensors otherwise. */
export type Loaded<O, D extends RealDataset> = O extends AsFrame ? FrameDataset<D> : D;

/** The shipped values of one dataset after the loader's options: a fresh row-major float64 matrix and targets. */
interface Raw {
  features: Float64Array;
  target: Float64Array;
  rows: number;
  cols: number;
}

/** The options, checked: an object of known keys with valid values; `{}` when omitted. */
function checkOptions<T extends LoadOptions>(options: T | undefined, where: string, allowed: readonly string[]): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== "object") throw new TypeError(`${where}: options must be an object, got ${options === null ? "null" : typeof options}`);
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) throw new TypeError(`${where}: unknown option "${key}"; valid options are ${allowed.join(", ")}`);
  }
  const { dtype, asFrame } = options as LoadOptions;
  if (dtype !== undefined) assertDType(dtype, where);
  if (asFrame !== undefined && typeof asFrame !== "boolean") throw new TypeError(`${where}: asFrame must be true or false, got ${JSON.stringify(asFrame)}`);
  return options;
}

/** The shipped rows of `name` whose target passes `keep` (all rows by default), split into features and target. */
function readRaw(name: string, keep: (target: number) => boolean = () => true): Raw {
  const info = shippedDatasets()[name];
  const csv = readShippedCsv(info.file);
  const width = csv.columns.length, cols = width - 1;
  const rowsKept: number[] = [];
  for (let r = 0; r < csv.rows; r++) if (keep(csv.values[r * width + cols])) rowsKept.push(r);
  const features = new Float64Array(rowsKept.length * cols), target = new Float64Array(rowsKept.length);
  rowsKept.forEach((r, i) => {
    features.set(csv.values.subarray(r * width, r * width + cols), i * cols);
    target[i] = csv.values[r * width + cols];
  });
  return { features, target, rows: rowsKept.length, cols };
}

function toTensor(values: Float64Array, shape: number[], dtype: DType): Tensor {
  const data = allocate(dtype, values.length);
  data.set(values);
  return new Tensor(data, shape);
}

/** Packs raw values as the loader's result: tensors, or tables with `asFrame`. */
function finish(name: string, raw: Raw, options: LoadOptions, extra: (dtype: DType) => Record<string, Tensor> = () => ({})): RealDataset | FrameDataset {
  const info = shippedDatasets()[name];
  const dtype = options.dtype ?? getDefaultDType();
  const meta = {
    featureNames: [...info.featureNames],
    ...(info.targetNames ? { targetNames: [...info.targetNames] } : {}),
    description: info.description,
    source: info.source,
    ...extra(dtype),
  };
  if (!options.asFrame) {
    return { data: toTensor(raw.features, [raw.rows, raw.cols], dtype), target: toTensor(raw.target, [raw.rows], dtype), ...meta };
  }
  const columns: Record<string, number[]> = {};
  info.featureNames.forEach((f, j) => {
    columns[f] = Array.from({ length: raw.rows }, (_, i) => raw.features[i * raw.cols + j]);
  });
  const target = Array.from(raw.target);
  return { data: arquero().table(columns), target, frame: arquero().table({ ...columns, target: [...target] }), ...meta };
}

/**
 * Fisher's iris: 150 flowers, 4 measurements in cm, 3 species (50 each), as
 * `sklearn.datasets.load_iris`. `loadIris({ asFrame: true })` gives arquero tables.
 */
export function loadIris<O extends LoadOptions = LoadOptions & AsTensors>(options?: O): Loaded<O, RealDataset> {
  return finish("iris", readRaw("iris"), checkOptions(options, "loadIris", ["asFrame", "dtype"])) as Loaded<O, RealDataset>;
}

/**
 * The 8×8 handwritten digits: 1,797 images with values 0–16, as `sklearn.datasets.load_digits`:
 * flat `data` `[n, 64]` (columns `pixel_<row>_<col>`), `images` `[n, 8, 8]`, `target` the digit.
 * With `nClass`, `targetNames` still lists all ten digits, as in scikit-learn.
 * Parsed once per process; later calls only copy the cached values into new tensors.
 */
export function loadDigits<O extends DigitsOptions = DigitsOptions & AsTensors>(options?: O): Loaded<O, DigitsDataset> {
  const opts: DigitsOptions = checkOptions(options, "loadDigits", ["asFrame", "dtype", "nClass"]);
  const nClass = opts.nClass ?? 10;
  if (!Number.isInteger(nClass) || nClass < 1 || nClass > 10) throw new RangeError(`loadDigits: nClass must be a whole number in 1..10, got ${opts.nClass}`);
  const raw = readRaw("digits", (t) => t < nClass);
  return finish("digits", raw, opts, (dtype) => ({ images: toTensor(raw.features, [raw.rows, 8, 8], dtype) })) as Loaded<O, DigitsDataset>;
}

/**
 * Breast Cancer Wisconsin (Diagnostic): 569 tumours, 30 features, classes malignant (0, 212)
 * and benign (1, 357), as `sklearn.datasets.load_breast_cancer`.
 */
export function loadBreastCancer<O extends LoadOptions = LoadOptions & AsTensors>(options?: O): Loaded<O, RealDataset> {
  return finish("breastCancer", readRaw("breastCancer"), checkOptions(options, "loadBreastCancer", ["asFrame", "dtype"])) as Loaded<O, RealDataset>;
}

/** Wine: 178 wines, 13 chemical measurements, 3 cultivars (59, 71, 48), as `sklearn.datasets.load_wine`. */
export function loadWine<O extends LoadOptions = LoadOptions & AsTensors>(options?: O): Loaded<O, RealDataset> {
  return finish("wine", readRaw("wine"), checkOptions(options, "loadWine", ["asFrame", "dtype"])) as Loaded<O, RealDataset>;
}

/**
 * Diabetes regression: 442 patients, 10 baseline variables, target a measure of disease
 * progression one year later, as `sklearn.datasets.load_diabetes`. Features are scaled as
 * scikit-learn scales them unless `{ scaled: false }`.
 */
export function loadDiabetes<O extends DiabetesOptions = DiabetesOptions & AsTensors>(options?: O): Loaded<O, RealDataset> {
  const opts: DiabetesOptions = checkOptions(options, "loadDiabetes", ["asFrame", "dtype", "scaled"]);
  if (opts.scaled !== undefined && typeof opts.scaled !== "boolean") throw new TypeError(`loadDiabetes: scaled must be true or false, got ${JSON.stringify(opts.scaled)}`);
  const raw = readRaw("diabetes");
  if (opts.scaled ?? true) scaleColumns(raw);
  return finish("diabetes", raw, opts) as Loaded<O, RealDataset>;
}

/**
 * scikit-learn's diabetes scaling, in place: `preprocessing.scale` (subtract the mean, divide by
 * the population standard deviation), then divide by √n, so each column has unit Euclidean
 * norm. The two divisions are kept apart, as scikit-learn does them, so results agree to the
 * last bits. (scale's extra centring passes only trigger when the mean after centring exceeds
 * 1e-8, which it does not for these values.)
 */
function scaleColumns(raw: Raw): void {
  const { features, rows, cols } = raw;
  const root = Math.sqrt(rows);
  for (let j = 0; j < cols; j++) {
    let sum = 0;
    for (let i = 0; i < rows; i++) sum += features[i * cols + j];
    const mean = sum / rows;
    let ss = 0;
    for (let i = 0; i < rows; i++) ss += (features[i * cols + j] - mean) ** 2;
    const std = Math.sqrt(ss / rows);
    for (let i = 0; i < rows; i++) features[i * cols + j] = (features[i * cols + j] - mean) / std / root;
  }
}
