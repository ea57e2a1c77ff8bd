/**
 * Train/test splits and k-fold cross-validation splitters, with scikit-learn's semantics:
 * the same sizes, the same fold assignment when nothing is shuffled, and the same
 * stratification algorithm (with nnlab's seeded generator in place of NumPy's, so shuffled
 * splits are reproducible with `seed` but are not NumPy's permutations).
 */
import { Random, random } from "../random/rng";
import type { Tensor } from "../tensor/tensor";
import { encodeClasses, numSamples, takeRows, toLabels, type ArrayLike2D, type Label } from "./arrays";

/** Options of {@link trainTestSplit}. */
export interface TrainTestSplitOptions {
  /** Fraction (0 < f < 1) or number of samples for the test set; 0.25 when neither size is given. */
  testSize?: number;
  /** Fraction or number of samples for the training set; the complement of the test set when omitted. */
  trainSize?: number;
  /** Shuffle before splitting (default true). Without shuffling the test set is the last samples. */
  shuffle?: boolean;
  /** Class labels: each class keeps its proportion in both sets (needs `shuffle`). */
  stratify?: Tensor | readonly Label[];
  /** Seed for the shuffle; the global generator (`nn.setSeed`) when omitted. */
  seed?: number;
}

/** A generator: a fresh one from `seed`, or the global one. */
export function rngFor(seed: number | undefined): Random {
  return seed === undefined ? random() : new Random(seed);
}

/** sklearn's `_validate_shuffle_split`: the train and test sizes for `n` samples. */
export function splitSizes(n: number, testSize: number | undefined, trainSize: number | undefined, where: string): [number, number] {
  const check = (v: number | undefined, name: string): void => {
    if (v === undefined) return;
    const isFraction = v > 0 && v < 1;
    const isCount = Number.isInteger(v) && v >= 1 && v < n;
    if (!isFraction && !isCount) {
      throw new RangeError(`${where}: ${name}=${v} should be a fraction in (0, 1) or a whole number of samples in [1, ${n - 1}] (${n} samples)`);
    }
  };
  check(testSize, "testSize");
  check(trainSize, "trainSize");
  if (testSize === undefined && trainSize === undefined) testSize = 0.25;
  let nTest = testSize === undefined ? undefined : testSize < 1 ? Math.ceil(testSize * n) : testSize;
  let nTrain = trainSize === undefined ? undefined : trainSize < 1 ? Math.floor(trainSize * n) : trainSize;
  if (nTrain === undefined) nTrain = n - nTest!;
  if (nTest === undefined) nTest = n - nTrain;
  if (nTrain + nTest > n) {
    throw new RangeError(`${where}: trainSize + testSize cover ${nTrain + nTest} samples but there are only ${n}; reduce them`);
  }
  if (nTrain === 0) {
    throw new RangeError(`${where}: with ${n} samples, testSize=${testSize} and trainSize=${trainSize}, the training set would be empty; adjust the sizes`);
  }
  return [nTrain, nTest];
}

/**
 * sklearn's `_approximate_mode`: `nDraws` split across classes in proportion to `counts`,
 * rounding down and giving the rest to the largest remainders (ties broken at random).
 */
export function approximateMode(counts: readonly number[], nDraws: number, rng: Random): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const continuous = counts.map((c) => (c / total) * nDraws);
  const floored = continuous.map(Math.floor);
  let needToAdd = Math.round(nDraws - floored.reduce((a, b) => a + b, 0));
  if (needToAdd > 0) {
    const remainder = continuous.map((c, i) => c - floored[i]);
    const values = [...new Set(remainder)].sort((a, b) => b - a);
    for (const value of values) {
      const inds = remainder.flatMap((r, i) => (r === value ? [i] : []));
      const addNow = Math.min(inds.length, needToAdd);
      const perm = rng.permutation(inds.length).slice(0, addNow);
      for (const p of perm) floored[inds[p]] += 1;
      needToAdd -= addNow;
      if (needToAdd === 0) break;
    }
  }
  return floored;
}

/** Indices `[train, test]` of a stratified shuffled split (sklearn's StratifiedShuffleSplit, one split). */
function stratifiedIndices(labels: readonly Label[], nTrain: number, nTest: number, rng: Random, where: string): [number[], number[]] {
  const { classes, codes } = encodeClasses(labels, true);
  const counts = classes.map(() => 0);
  codes.forEach((c) => counts[c]++);
  const least = Math.min(...counts);
  if (least < 2) {
    throw new RangeError(`${where}: stratify: class ${JSON.stringify(classes[counts.indexOf(least)])} has only 1 member; every class needs at least 2 to appear in both sets`);
  }
  if (nTrain < classes.length) throw new RangeError(`${where}: the training set (${nTrain} samples) must be at least the number of classes (${classes.length}) when stratifying`);
  if (nTest < classes.length) throw new RangeError(`${where}: the test set (${nTest} samples) must be at least the number of classes (${classes.length}) when stratifying`);
  const byClass = classes.map((_, k) => codes.flatMap((c, i) => (c === k ? [i] : [])));
  const nI = approximateMode(counts, nTrain, rng);
  const tI = approximateMode(counts.map((c, k) => c - nI[k]), nTest, rng);
  const train: number[] = [];
  const test: number[] = [];
  byClass.forEach((members, k) => {
    const perm = rng.permutation(members.length).map((p) => members[p]);
    train.push(...perm.slice(0, nI[k]));
    test.push(...perm.slice(nI[k], nI[k] + tI[k]));
  });
  const shuffled = (a: number[]): number[] => rng.permutation(a.length).map((p) => a[p]);
  return [shuffled(train), shuffled(test)];
}

/**
 * Splits each array into a training and a test part, as scikit-learn's `train_test_split`:
 * the result lists `[aTrain, aTest]` for each argument in turn, so
 * `const [xTrain, xTest, yTrain, yTest] = trainTestSplit(x, y, { testSize: 0.2, seed: 42 })`.
 * Tensors come back as tensors (rows gathered), arrays as arrays.
 *
 * Sizes follow sklearn: a fractional test size rounds up, a fractional train size rounds down,
 * 0.25 of the samples are the test set by default. Without `shuffle` the test set is the last
 * samples. With `stratify` each class keeps its share (sklearn's StratifiedShuffleSplit).
 * Pass options as the last argument (a plain object, not an array or tensor).
 */
export function trainTestSplit(...args: (ArrayLike2D | readonly unknown[] | TrainTestSplitOptions)[]): (ArrayLike2D | unknown[])[] {
  const where = "trainTestSplit";
  let options: TrainTestSplitOptions = {};
  const last = args[args.length - 1];
  if (args.length > 0 && last !== null && typeof last === "object" && !Array.isArray(last) && !("shape" in (last as object))) {
    options = args.pop() as TrainTestSplitOptions;
  }
  const arrays = args as (ArrayLike2D | readonly unknown[])[];
  if (arrays.length === 0) throw new RangeError(`${where}: expected at least one array to split`);
  const lengths = arrays.map((a, i) => numSamples(a, where, `array ${i}`));
  const n = lengths[0];
  lengths.forEach((len, i) => {
    if (len !== n) throw new RangeError(`${where}: array ${i} has ${len} samples but array 0 has ${n}; all arrays must have the same number of samples`);
  });
  const [nTrain, nTest] = splitSizes(n, options.testSize, options.trainSize, where);
  const shuffle = options.shuffle ?? true;
  let train: number[];
  let test: number[];
  if (!shuffle) {
    if (options.stratify !== undefined) throw new RangeError(`${where}: stratify needs shuffle: true (as in scikit-learn, a stratified split without shuffling is not defined)`);
    train = Array.from({ length: nTrain }, (_, i) => i);
    test = Array.from({ length: nTest }, (_, i) => nTrain + i);
  } else if (options.stratify !== undefined) {
    const labels = toLabels(options.stratify as Tensor | Label[], where, "stratify");
    if (labels.length !== n) throw new RangeError(`${where}: stratify has ${labels.length} labels but the arrays have ${n} samples`);
    [train, test] = stratifiedIndices(labels, nTrain, nTest, rngFor(options.seed), where);
  } else {
    const perm = rngFor(options.seed).permutation(n);
    test = perm.slice(0, nTest);
    train = perm.slice(nTest, nTest + nTrain);
  }
  return arrays.flatMap((a) => [takeRows(a, train), takeRows(a, test)] as (ArrayLike2D | unknown[])[]);
}

/** One cross-validation fold: indices of the training and the test samples. */
export interface Fold {
  /** Indices of the samples to train on, ascending. */
  train: number[];
  /** Indices of the held-out samples, ascending. */
  test: number[];
}

/** Options of {@link kFold} and {@link stratifiedKFold}. */
export interface KFoldOptions {
  /** Number of folds, at least 2 (default 5). */
  nSplits?: number;
  /** Shuffle the samples (kFold) or each class's fold assignment (stratifiedKFold) first (default false). */
  shuffle?: boolean;
  /** Seed for the shuffle; the global generator (`nn.setSeed`) when omitted. */
  seed?: number;
}

function checkFoldOptions(options: KFoldOptions, where: string): { nSplits: number; shuffle: boolean } {
  const nSplits = options.nSplits ?? 5;
  if (!Number.isInteger(nSplits) || nSplits < 2) throw new RangeError(`${where}: nSplits must be a whole number ≥ 2, got ${nSplits}`);
  if (options.seed !== undefined && !options.shuffle) {
    throw new RangeError(`${where}: seed has no effect unless shuffle is true (as in scikit-learn); set shuffle: true or drop seed`);
  }
  return { nSplits, shuffle: options.shuffle ?? false };
}

/** Folds from a per-sample fold number. */
function foldsFrom(testFold: readonly number[], nSplits: number): Fold[] {
  return Array.from({ length: nSplits }, (_, k) => ({
    train: testFold.flatMap((f, i) => (f !== k ? [i] : [])),
    test: testFold.flatMap((f, i) => (f === k ? [i] : [])),
  }));
}

/** A k-fold splitter: `split(x)` lists the folds. */
export interface KFold {
  /** Number of folds. */
  readonly nSplits: number;
  /** The folds of the samples of `x` (a tensor, an array, or just the number of samples). */
  split(x: ArrayLike2D | readonly unknown[] | number): Fold[];
}

/** A stratified k-fold splitter: `split(x, y)` lists the folds. */
export interface StratifiedKFold {
  /** Number of folds. */
  readonly nSplits: number;
  /** The folds of `x`'s samples, each class spread evenly over the folds. */
  split(x: ArrayLike2D | readonly unknown[] | number, y: Tensor | readonly Label[]): Fold[];
}

/**
 * K-fold cross-validation as scikit-learn's `KFold`: consecutive blocks of samples (after an
 * optional shuffle) are the test folds; the first `n % nSplits` folds have one extra sample.
 *
 * ```ts
 * for (const { train, test } of nn.datasets.kFold({ nSplits: 5 }).split(x)) { ... }
 * ```
 */
export function kFold(options: KFoldOptions = {}): KFold {
  const where = "kFold";
  const { nSplits, shuffle } = checkFoldOptions(options, where);
  return {
    nSplits,
    split(x) {
      const n = typeof x === "number" ? x : numSamples(x, `${where}.split`, "x");
      if (n < nSplits) throw new RangeError(`${where}.split: cannot make ${nSplits} folds from ${n} samples; nSplits must be at most the number of samples`);
      const order = shuffle ? rngFor(options.seed).permutation(n) : Array.from({ length: n }, (_, i) => i);
      const testFold = new Array<number>(n);
      let start = 0;
      for (let k = 0; k < nSplits; k++) {
        const size = Math.floor(n / nSplits) + (k < n % nSplits ? 1 : 0);
        for (let i = start; i < start + size; i++) testFold[order[i]] = k;
        start += size;
      }
      return foldsFrom(testFold, nSplits);
    },
  };
}

/**
 * Stratified k-fold as scikit-learn's `StratifiedKFold` (since 0.22): classes are numbered
 * by first appearance, the sorted labels are dealt round-robin to the folds to fix how many
 * of each class each fold gets, and each class's samples take their folds in order (or in
 * a shuffled order with `shuffle`). Each fold's class counts differ by at most one between folds.
 */
export function stratifiedKFold(options: KFoldOptions = {}): StratifiedKFold {
  const where = "stratifiedKFold";
  const { nSplits, shuffle } = checkFoldOptions(options, where);
  return {
    nSplits,
    split(x, y) {
      const n = typeof x === "number" ? x : numSamples(x, `${where}.split`, "x");
      const labels = toLabels(y as Tensor | Label[], `${where}.split`, "y");
      if (labels.length !== n) throw new RangeError(`${where}.split: x has ${n} samples but y has ${labels.length}; they must match`);
      const { classes, codes } = encodeClasses(labels);
      const counts = classes.map(() => 0);
      codes.forEach((c) => counts[c]++);
      if (counts.every((c) => c < nSplits)) {
        throw new RangeError(`${where}.split: nSplits=${nSplits} is greater than the number of members in every class (largest class: ${Math.max(...counts)})`);
      }
      const sorted = [...codes].sort((a, b) => a - b);
      // allocation[k][c]: how many samples of class c fold k tests (sklearn deals sorted labels round-robin).
      const allocation = Array.from({ length: nSplits }, () => classes.map(() => 0));
      sorted.forEach((c, i) => allocation[i % nSplits][c]++);
      const rng = shuffle ? rngFor(options.seed) : null;
      const testFold = new Array<number>(n);
      classes.forEach((_, c) => {
        let folds: number[] = [];
        for (let k = 0; k < nSplits; k++) for (let j = 0; j < allocation[k][c]; j++) folds.push(k);
        if (rng) folds = rng.permutation(folds.length).map((p) => folds[p]);
        let next = 0;
        codes.forEach((code, i) => {
          if (code === c) testFold[i] = folds[next++];
        });
      });
      return foldsFrom(testFold, nSplits);
    },
  };
}
