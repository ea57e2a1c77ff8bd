/**
 * Cross-validation of nnlab models (scikit-learn's `cross_validate` and `cross_val_score`): for
 * each fold a fresh model from the builder is trained on the other folds and scored on the fold.
 */
import type { Model } from "../models/model";
import type { Data } from "../models/data";
import type { FitArgs } from "../models/training";
import { Tensor } from "../tensor/tensor";
import { kFold, type Fold } from "../data/split";
import { takeRows } from "../data/arrays";
import { resolveScoring, type Scorer, type Scoring } from "./scoring";
import type { Params } from "./param-grid";

/** Builds a fresh, compiled model from parameters (a search's candidate, or `{}`). */
export type ModelBuilder<P extends Params = Params> = (params: P) => Model | Promise<Model>;

/** A splitter with scikit-learn's `split` (e.g. `nn.datasets.kFold(...)`). */
export interface Splitter {
  /** The folds for these samples: each fold's training and test row indices. */
  split(x: Data, y: Data): {
    /** Row indices to train on. */
    train: number[];
    /** Row indices to score on. */
    test: number[];
  }[];
}

/**
 * What `cv` accepts: a number of folds (k-fold without shuffling, scikit-learn's default for
 * non-classifiers; pass `stratifiedKFold(...)` for stratified folds), a splitter, or folds.
 */
export type Cv = number | Splitter | readonly Fold[];

/** Options of {@link crossValidate}. */
export interface CrossValidateOptions<P extends Params = Params> {
  /** Folds (default 5). */
  cv?: Cv;
  /** Scorers (default: the negated loss); see {@link Scoring}. */
  scoring?: Scoring;
  /** Also score each model on its training folds (default false). */
  returnTrainScore?: boolean;
  /** Arguments of each `fit` (default `{ verbose: 0 }`), or a function of the candidate's parameters. */
  fitArgs?: FitArgs | ((params: P) => FitArgs);
  /** Parameters passed to the builder (default `{}`). */
  params?: P;
  /** Keep the trained model of each fold (default false). */
  returnEstimator?: boolean;
}

/** Result of {@link crossValidate}: per-fold scores by scorer name, and times in seconds. */
export interface CrossValidateResult {
  /** Scorer name → one test score per fold (sklearn's `test_<scorer>`). */
  test: { [scorer: string]: number[] };
  /** Scorer name → one training score per fold, with `returnTrainScore`. */
  train?: { [scorer: string]: number[] };
  /** Seconds spent fitting, per fold. */
  fitTime: number[];
  /** Seconds spent scoring, per fold. */
  scoreTime: number[];
  /** Each fold's trained model, with `returnEstimator`. */
  estimators?: Model[];
}

/** The folds for `cv`, checked. */
export function resolveFolds(cv: Cv | undefined, x: Data, y: Data, where: string): Fold[] {
  const n = numSamples(x, where);
  const ny = numSamples(y, where);
  if (n !== ny) throw new RangeError(`${where}: x has ${n} samples but y has ${ny}`);
  let folds: readonly Fold[];
  if (cv === undefined || typeof cv === "number") {
    const k = cv ?? 5;
    if (!Number.isInteger(k) || k < 2) throw new RangeError(`${where}: cv must be a whole number ≥ 2, a splitter or a list of folds, got ${k}`);
    folds = kFold({ nSplits: k }).split(n);
  } else if (Array.isArray(cv)) folds = cv;
  else if (cv && typeof (cv as Splitter).split === "function") folds = (cv as Splitter).split(x, y);
  else throw new TypeError(`${where}: cv must be a number of folds, a splitter with split(x, y), or a list of { train, test } folds`);
  if (folds.length === 0) throw new RangeError(`${where}: cv gave no folds`);
  folds.forEach((f, i) => {
    for (const idx of [...f.train, ...f.test]) {
      if (!Number.isInteger(idx) || idx < 0 || idx >= n) throw new RangeError(`${where}: fold ${i} has sample index ${idx}, outside 0..${n - 1}`);
    }
  });
  return [...folds];
}

function numSamples(a: Data, where: string): number {
  if (a instanceof Tensor) return a.shape[0];
  if (Array.isArray(a)) return a.length;
  throw new TypeError(`${where}: x and y must be tensors or arrays, got ${typeof a}`);
}

/** Fits a fresh model on each fold and scores it; `onFit` is called after each fold. */
export async function runFolds<P extends Params>(
  build: ModelBuilder<P>, params: P, x: Data, y: Data, folds: Fold[], scorers: { [name: string]: Scorer },
  options: { fitArgs?: FitArgs | ((params: P) => FitArgs); returnTrainScore?: boolean; returnEstimator?: boolean },
  where: string, onFit?: () => void,
): Promise<CrossValidateResult> {
  if (typeof build !== "function") throw new TypeError(`${where}: the first argument must be a function that builds a compiled model from parameters`);
  const names = Object.keys(scorers);
  const result: CrossValidateResult = { test: Object.fromEntries(names.map((n) => [n, []])), fitTime: [], scoreTime: [] };
  if (options.returnTrainScore) result.train = Object.fromEntries(names.map((n) => [n, []]));
  if (options.returnEstimator) result.estimators = [];
  const fitArgs = { verbose: 0 as const, ...(typeof options.fitArgs === "function" ? options.fitArgs(params) : options.fitArgs ?? {}) };
  for (const fold of folds) {
    const model = await build(params);
    if (!model || typeof (model as Model).fit !== "function") throw new TypeError(`${where}: the builder must return an nnlab model, got ${typeof model}`);
    if (!model.isCompiled) throw new Error(`${where}: the builder returned a model that is not compiled; call model.compile({ optimizer, loss }) in the builder`);
    const xTrain = takeRows(x, fold.train);
    const yTrain = takeRows(y, fold.train);
    let t0 = performance.now();
    await model.fit(xTrain, yTrain, fitArgs);
    result.fitTime.push((performance.now() - t0) / 1000);
    t0 = performance.now();
    const xTest = takeRows(x, fold.test);
    const yTest = takeRows(y, fold.test);
    for (const n of names) result.test[n].push(scorers[n](model, xTest, yTest));
    result.scoreTime.push((performance.now() - t0) / 1000);
    if (result.train) for (const n of names) result.train[n].push(scorers[n](model, xTrain, yTrain));
    result.estimators?.push(model);
    onFit?.();
  }
  return result;
}

/**
 * Cross-validates models from `build` (scikit-learn's `cross_validate`): per-fold test scores
 * for every scorer (`result.test.accuracy`), train scores on request, fit and score times.
 *
 * ```ts
 * const r = await nn.selection.crossValidate(build, x, y, { cv: 5, scoring: ["accuracy", "f1"], returnTrainScore: true });
 * ```
 */
export async function crossValidate<P extends Params = Params>(build: ModelBuilder<P>, x: Data, y: Data, options: CrossValidateOptions<P> = {}): Promise<CrossValidateResult> {
  const where = "crossValidate";
  const scorers = resolveScoring(options.scoring, where);
  const folds = resolveFolds(options.cv, x, y, where);
  return runFolds(build, options.params ?? ({} as P), x, y, folds, scorers, options, where);
}

/**
 * One score per fold for one scorer (scikit-learn's `cross_val_score`; default: the negated loss).
 */
export async function crossValScore<P extends Params = Params>(build: ModelBuilder<P>, x: Data, y: Data, options: Omit<CrossValidateOptions<P>, "scoring" | "returnTrainScore"> & { scoring?: string | Scorer } = {}): Promise<number[]> {
  const where = "crossValScore";
  if (Array.isArray(options.scoring)) throw new TypeError(`${where}: scoring must be one scorer; use crossValidate for several`);
  const scorers = resolveScoring(options.scoring, where);
  const folds = resolveFolds(options.cv, x, y, where);
  const r = await runFolds(build, options.params ?? ({} as P), x, y, folds, scorers, options, where);
  return r.test.score;
}

