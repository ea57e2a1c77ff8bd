/**
 * Preparing what `fit`, `evaluate` and `trainOnBatch` are given: tensors from nested
 * arrays, sample counts that agree, sample weights from `sampleWeight` or `classWeight`,
 * Keras's validation split, and zero-copy row ranges for batches.
 */
import { Tensor, type NestedArray } from "../tensor/tensor";
import { toTensor } from "../tensor/creation";
import { allocate } from "../tensor/dtype";
import { shapeToString } from "../tensor/shape";

/** Training or evaluation data: a tensor or nested arrays of numbers. */
export type Data = Tensor | NestedArray;

/** Class index → weight (Keras's `class_weight`); classes not listed weigh 1. */
export type ClassWeight = { [classIndex: number]: number };

/** Rows [start, end) of `t` as a view on the same storage (no copy). */
export function rowRange(t: Tensor, start: number, end: number): Tensor {
  if (start === 0 && end === t.shape[0]) return t;
  const rowSize = t.shape[0] === 0 ? 0 : t.size / t.shape[0];
  return new Tensor(t.data.subarray(start * rowSize, end * rowSize), [end - start, ...t.shape.slice(1)]);
}

/** Converts x and y and checks that they hold the same number of samples. */
export function toXY(x: Data, y: Data, where: string): [Tensor, Tensor] {
  const xt = toTensor(x, `${where}: x`);
  const yt = toTensor(y, `${where}: y`);
  if (xt.rank === 0 || yt.rank === 0) {
    throw new RangeError(`${where}: x and y need a sample dimension, got shapes ${shapeToString(xt.shape)} and ${shapeToString(yt.shape)}`);
  }
  if (xt.shape[0] !== yt.shape[0]) {
    throw new RangeError(`${where}: x has ${xt.shape[0]} samples but y has ${yt.shape[0]} (shapes ${shapeToString(xt.shape)} and ${shapeToString(yt.shape)})`);
  }
  return [xt, yt];
}

/** Per-sample weights as a float tensor [samples], checked (finite, ≥ 0, one per sample). */
export function toSampleWeight(sampleWeight: Data, samples: number, where: string): Tensor {
  const sw = toTensor(sampleWeight, `${where}: sampleWeight`);
  const flat = sw.rank === 1 || (sw.rank === 2 && sw.shape[1] === 1);
  if (!flat || sw.shape[0] !== samples) {
    throw new RangeError(`${where}: sampleWeight needs one weight per sample, shape [${samples}], got ${shapeToString(sw.shape)}`);
  }
  for (let i = 0; i < sw.size; i++) {
    if (!Number.isFinite(sw.data[i]) || sw.data[i] < 0) throw new RangeError(`${where}: sample weights must be finite and ≥ 0, got ${sw.data[i]} at sample ${i}`);
  }
  return sw.rank === 1 ? sw : new Tensor(sw.data, [samples]);
}

/** NumPy's round: halves go to the even neighbour (Keras rounds labels with it). */
function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Sample weights from class weights, as Keras's `class_weight_to_sample_weights`: the
 * class of a sample is the arg-max of a one-hot row, or the rounded label of a [n] / [n, 1]
 * target; classes missing from `classWeight` weigh 1.
 */
export function classWeightsToSampleWeights(y: Tensor, classWeight: ClassWeight, where: string): Tensor {
  if (classWeight === null || typeof classWeight !== "object" || Array.isArray(classWeight)) {
    throw new TypeError(`${where}: classWeight must be an object mapping class index to weight, e.g. { 0: 1, 1: 5 }, got ${JSON.stringify(classWeight)}`);
  }
  for (const [k, w] of Object.entries(classWeight)) {
    if (!/^\d+$/.test(k)) throw new RangeError(`${where}: classWeight keys must be class indices (integers ≥ 0), got "${k}"`);
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) throw new RangeError(`${where}: classWeight[${k}] must be a finite number ≥ 0, got ${JSON.stringify(w)}`);
  }
  const n = y.shape[0];
  const width = y.rank <= 1 ? 1 : y.size / n;
  const out = allocate("float32", n);
  for (let i = 0; i < n; i++) {
    let cls: number;
    if (width === 1) cls = roundHalfEven(y.data[i]);
    else {
      cls = 0;
      for (let j = 1; j < width; j++) if (y.data[i * width + j] > y.data[i * width + cls]) cls = j;
    }
    out[i] = classWeight[cls] ?? 1;
  }
  return new Tensor(out, [n]);
}

/** What `fit` and `evaluate` iterate over (internal; not `nn.datasets.Dataset`, a generator's features and targets): inputs (one tensor per model input), targets (one per output; none for a custom step without targets) and optional per-sample weights, one row each. */
export interface TrainingData {
  /** One input tensor per model input, samples along axis 0. */
  x: Tensor[];
  /** One target tensor per output (empty for a custom step without targets). */
  y: Tensor[];
  /** One weight per sample, shape `[samples]`. */
  sampleWeight?: Tensor;
}

/**
 * Model inputs or targets as given to `fit`/`evaluate`: one tensor (or nested arrays) for a
 * single-input model; for several inputs an array in order, or an object keyed by input name.
 */
export type ModelData = Data | Data[] | { [name: string]: Data };

/**
 * One tensor per name from `data` (see {@link ModelData}): with one name the data is the tensor
 * itself; with several, an array in the names' order or an object keyed by the names.
 * `what` names the argument in errors ("x", "y").
 */
export function toTensorList(data: ModelData, names: string[], what: string, where: string): Tensor[] {
  if (names.length === 1) {
    if (data !== null && typeof data === "object" && !Array.isArray(data) && !(data instanceof Tensor)) {
      const keys = Object.keys(data);
      if (keys.length !== 1 || keys[0] !== names[0]) throw new TypeError(`${where}: ${what} given by name must have the one key "${names[0]}", got ${JSON.stringify(keys)}`);
      return [toTensor((data as { [name: string]: Data })[names[0]], `${where}: ${what}.${names[0]}`)];
    }
    return [toTensor(data as Data, `${where}: ${what}`)];
  }
  if (Array.isArray(data)) {
    if (data.length !== names.length) {
      throw new RangeError(`${where}: the model has ${names.length} ${what === "x" ? "inputs" : "outputs"} (${names.join(", ")}) but ${what} is an array of ${data.length}`);
    }
    return data.map((d, i) => toTensor(d as Data, `${where}: ${what}[${i}] (${names[i]})`));
  }
  if (data !== null && typeof data === "object" && !(data instanceof Tensor)) {
    const given = data as { [name: string]: Data };
    const unknown = Object.keys(given).filter((k) => !names.includes(k));
    if (unknown.length > 0) throw new TypeError(`${where}: ${what} has unknown key(s) ${unknown.join(", ")}; expected ${names.join(", ")}`);
    return names.map((n) => {
      if (given[n] === undefined) throw new TypeError(`${where}: ${what} is missing "${n}" (expected keys ${names.join(", ")})`);
      return toTensor(given[n], `${where}: ${what}.${n}`);
    });
  }
  throw new TypeError(`${where}: the model has ${names.length} ${what === "x" ? "inputs" : "outputs"} (${names.join(", ")}); give ${what} as an array of ${names.length} tensors or an object keyed by those names`);
}

/** Checks that every input and target holds the same number of samples (and has a sample dimension); returns it. */
export function checkSampleCounts(x: Tensor[], y: Tensor[], where: string): number {
  const all = [...x.map((t, i) => [x.length > 1 ? `x[${i}]` : "x", t] as const), ...y.map((t, i) => [y.length > 1 ? `y[${i}]` : "y", t] as const)];
  for (const [name, t] of all) {
    if (t.rank === 0) throw new RangeError(`${where}: ${name} needs a sample dimension, got a scalar`);
  }
  const [firstName, first] = all[0];
  for (const [name, t] of all.slice(1)) {
    if (t.shape[0] !== first.shape[0]) {
      throw new RangeError(`${where}: ${firstName} has ${first.shape[0]} samples but ${name} has ${t.shape[0]} (shapes ${shapeToString(first.shape)} and ${shapeToString(t.shape)})`);
    }
  }
  return first.shape[0];
}

/** The rows [start, end) of every tensor of a dataset (views). */
export function datasetRows(data: TrainingData, start: number, end: number): TrainingData {
  return {
    x: data.x.map((t) => rowRange(t, start, end)),
    y: data.y.map((t) => rowRange(t, start, end)),
    ...(data.sampleWeight ? { sampleWeight: rowRange(data.sampleWeight, start, end) } : {}),
  };
}

/**
 * Keras's `validation_split`: training keeps the first
 * ⌊n·(1 − split)⌋ samples and validation the rest, before any shuffling (views, no copies).
 */
export function splitValidation(data: TrainingData, split: number, where: string): [TrainingData, TrainingData] {
  const n = data.x[0].shape[0];
  const at = Math.floor(n * (1 - split));
  if (at === 0 || at === n) {
    throw new RangeError(`${where}: validationSplit ${split} leaves no ${at === 0 ? "training" : "validation"} samples out of ${n}`);
  }
  return [datasetRows(data, 0, at), datasetRows(data, at, n)];
}
