/**
 * Seeded synthetic datasets: scikit-learn's `make_moons`, `make_circles`, `make_blobs`,
 * regression with noise, the logic gates, spirals, imbalanced blobs, sine sequences, and the
 * notes' toy tables. Each takes `seed` (or follows `nn.setSeed`) and returns `{ x, y }`
 * tensors in the default dtype.
 */
import type { Tensor } from "../tensor/tensor";
import { tensor } from "../tensor/creation";
import type { Random } from "../random/rng";
import { rngFor } from "./split";

/** A dataset: features `x` `[samples, features]` and targets `y`. */
export interface Dataset {
  /** Features. */
  x: Tensor;
  /** Targets: class indices `[samples]` for classification, values `[samples, 1]` for regression. */
  y: Tensor;
}

/** Options shared by the generators. */
export interface GeneratorOptions {
  /** Number of samples (default 100). */
  nSamples?: number;
  /** Standard deviation of Gaussian noise added to the features (default 0). */
  noise?: number;
  /** Shuffle the samples (default true). */
  shuffle?: boolean;
  /** Seed; the global generator (`nn.setSeed`) when omitted. */
  seed?: number;
}

function count(n: number | undefined, where: string, fallback = 100, min = 1): number {
  const v = n ?? fallback;
  if (!Number.isInteger(v) || v < min) throw new RangeError(`${where}: nSamples must be a whole number ≥ ${min}, got ${n}`);
  return v;
}

function noiseLevel(noise: number | undefined, where: string): number {
  const v = noise ?? 0;
  if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`${where}: noise must be a finite number ≥ 0, got ${noise}`);
  return v;
}

/** `n` evenly spaced values from a to b (b included unless `endpoint` is false), as np.linspace. */
function linspace(a: number, b: number, n: number, endpoint = true): number[] {
  const d = endpoint ? n - 1 : n;
  return Array.from({ length: n }, (_, i) => (d === 0 ? a : a + ((b - a) * i) / d));
}

/** Adds noise, shuffles and packs rows and labels into tensors. */
function finish(rows: number[][], labels: number[], noise: number, shuffle: boolean, rng: Random, regression = false): Dataset {
  if (noise > 0) for (const r of rows) for (let j = 0; j < r.length; j++) r[j] += noise * rng.normal();
  let order = rows.map((_, i) => i);
  if (shuffle) order = rng.permutation(rows.length);
  return {
    x: tensor(order.map((i) => rows[i])),
    y: tensor(regression ? order.map((i) => [labels[i]]) : order.map((i) => labels[i])),
  };
}

/** Two interleaving half circles (sklearn's `make_moons`): class 0 the upper, class 1 the lower moon. */
export function makeMoons(options: GeneratorOptions = {}): Dataset {
  const n = count(options.nSamples, "makeMoons", 100, 2);
  const rng = rngFor(options.seed);
  const nOut = Math.floor(n / 2), nIn = n - nOut;
  const rows = [
    ...linspace(0, Math.PI, nOut).map((t) => [Math.cos(t), Math.sin(t)]),
    ...linspace(0, Math.PI, nIn).map((t) => [1 - Math.cos(t), 1 - Math.sin(t) - 0.5]),
  ];
  const labels = [...Array(nOut).fill(0), ...Array(nIn).fill(1)];
  return finish(rows, labels, noiseLevel(options.noise, "makeMoons"), options.shuffle ?? true, rng);
}

/** Options of {@link makeCircles}. */
export interface CirclesOptions extends GeneratorOptions {
  /** Radius of the inner circle relative to the outer (0 < factor < 1, default 0.8). */
  factor?: number;
}

/** A circle inside a circle (sklearn's `make_circles`): class 0 outer, class 1 inner. */
export function makeCircles(options: CirclesOptions = {}): Dataset {
  const n = count(options.nSamples, "makeCircles", 100, 2);
  const factor = options.factor ?? 0.8;
  if (!(factor > 0 && factor < 1)) throw new RangeError(`makeCircles: factor must be in (0, 1), got ${options.factor}`);
  const rng = rngFor(options.seed);
  const nOut = Math.floor(n / 2), nIn = n - nOut;
  const rows = [
    ...linspace(0, 2 * Math.PI, nOut, false).map((t) => [Math.cos(t), Math.sin(t)]),
    ...linspace(0, 2 * Math.PI, nIn, false).map((t) => [factor * Math.cos(t), factor * Math.sin(t)]),
  ];
  const labels = [...Array(nOut).fill(0), ...Array(nIn).fill(1)];
  return finish(rows, labels, noiseLevel(options.noise, "makeCircles"), options.shuffle ?? true, rng);
}

/** Options of {@link makeBlobs}. */
export interface BlobsOptions extends Omit<GeneratorOptions, "noise"> {
  /** Number of features when centers are random (default 2). */
  nFeatures?: number;
  /** Number of clusters (random centers in `centerBox`, default 3) or the centers themselves. */
  centers?: number | number[][];
  /** Standard deviation of each cluster (one number or one per cluster, default 1). */
  clusterStd?: number | number[];
  /** Box the random centers are drawn from (default [−10, 10]). */
  centerBox?: [number, number];
  /** Samples per cluster (instead of nSamples split evenly). */
  samplesPerCluster?: number[];
}

/** Gaussian clusters (sklearn's `make_blobs`); `y` is the cluster index. */
export function makeBlobs(options: BlobsOptions = {}): Dataset & {
  /** The cluster centers, one `[x, y, …]` row per cluster. */
  centers: number[][];
} {
  const rng = rngFor(options.seed);
  const [lo, hi] = options.centerBox ?? [-10, 10];
  let centers: number[][];
  if (Array.isArray(options.centers)) {
    centers = options.centers.map((c) => [...c]);
    if (centers.length === 0 || centers.some((c) => c.length !== centers[0].length)) throw new RangeError("makeBlobs: centers must be a non-empty list of points of equal length");
  } else {
    const k = options.centers ?? 3;
    const d = options.nFeatures ?? 2;
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`makeBlobs: centers must be a whole number ≥ 1 or a list of points, got ${options.centers}`);
    if (!Number.isInteger(d) || d < 1) throw new RangeError(`makeBlobs: nFeatures must be a whole number ≥ 1, got ${options.nFeatures}`);
    centers = Array.from({ length: k }, () => Array.from({ length: d }, () => lo + (hi - lo) * rng.uniform()));
  }
  const k = centers.length;
  let sizes: number[];
  if (options.samplesPerCluster) {
    sizes = options.samplesPerCluster;
    if (sizes.length !== k || sizes.some((s) => !Number.isInteger(s) || s < 0)) throw new RangeError(`makeBlobs: samplesPerCluster must list ${k} whole numbers ≥ 0, got ${JSON.stringify(sizes)}`);
  } else {
    const n = count(options.nSamples, "makeBlobs");
    sizes = centers.map((_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0));
  }
  const stds = Array.isArray(options.clusterStd) ? options.clusterStd : centers.map(() => (options.clusterStd as number | undefined) ?? 1);
  if (stds.length !== k || stds.some((s) => !(s >= 0))) throw new RangeError(`makeBlobs: clusterStd must be a number ≥ 0 or one per cluster (${k}), got ${JSON.stringify(options.clusterStd)}`);
  const rows: number[][] = [];
  const labels: number[] = [];
  centers.forEach((c, i) => {
    for (let s = 0; s < sizes[i]; s++) {
      rows.push(c.map((v) => v + stds[i] * rng.normal()));
      labels.push(i);
    }
  });
  return { ...finish(rows, labels, 0, options.shuffle ?? true, rng), centers };
}

/** Options of {@link makeImbalanced}. */
export interface ImbalancedOptions extends Omit<GeneratorOptions, "noise"> {
  /** Share of the minority class (0 < f < 0.5, default 0.05: a 95/5 split). */
  minorityFraction?: number;
  /** Distance between the two centres (default 3). */
  separation?: number;
  /** Standard deviation of both blobs (default 1). */
  clusterStd?: number;
}

/** Two Gaussian blobs in 2-D with a rare class 1 (default 95/5), for SMOTE and class-weight demos. */
export function makeImbalanced(options: ImbalancedOptions = {}): Dataset {
  const n = count(options.nSamples, "makeImbalanced", 1000, 2);
  const f = options.minorityFraction ?? 0.05;
  if (!(f > 0 && f < 0.5)) throw new RangeError(`makeImbalanced: minorityFraction must be in (0, 0.5), got ${options.minorityFraction}`);
  const nMin = Math.max(1, Math.round(n * f));
  const sep = options.separation ?? 3;
  const { x, y } = makeBlobs({ centers: [[0, 0], [sep, sep]], samplesPerCluster: [n - nMin, nMin], clusterStd: options.clusterStd ?? 1, shuffle: options.shuffle, seed: options.seed });
  return { x, y };
}

/** Names of the two-input logic gates. */
export type Gate = "and" | "or" | "nand" | "nor" | "xor" | "xnor";

const GATES: Record<Gate, (a: number, b: number) => number> = {
  and: (a, b) => a & b, or: (a, b) => a | b, nand: (a, b) => 1 - (a & b), nor: (a, b) => 1 - (a | b), xor: (a, b) => a ^ b, xnor: (a, b) => 1 - (a ^ b),
};

/** The truth table of a logic gate: x = [[0,0],[0,1],[1,0],[1,1]], y `[4, 1]` (as the notes train it). */
export function logicGate(gate: Gate): Dataset {
  const f = GATES[gate];
  if (!f) throw new RangeError(`logicGate: unknown gate ${JSON.stringify(gate)}; valid gates: ${Object.keys(GATES).join(", ")}`);
  const x = [[0, 0], [0, 1], [1, 0], [1, 1]];
  return { x: tensor(x), y: tensor(x.map(([a, b]) => [f(a, b)])) };
}

/** The XOR truth table (the classic problem a single neuron cannot solve). */
export function xor(): Dataset {
  return logicGate("xor");
}

/** Options of {@link makeSpirals}. */
export interface SpiralsOptions extends GeneratorOptions {
  /** Number of arms/classes (default 2). */
  nClasses?: number;
  /** Angle noise (default 0.2, as in CS231n's spiral). */
  noise?: number;
}

/** Interleaved spirals (CS231n's dataset): class j's arm has radius 0→1 and angle 4j→4(j+1) plus noise. */
export function makeSpirals(options: SpiralsOptions = {}): Dataset {
  const n = count(options.nSamples, "makeSpirals");
  const k = options.nClasses ?? 2;
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`makeSpirals: nClasses must be a whole number ≥ 2, got ${options.nClasses}`);
  const noise = noiseLevel(options.noise ?? 0.2, "makeSpirals");
  const rng = rngFor(options.seed);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let j = 0; j < k; j++) {
    const m = Math.floor(n / k) + (j < n % k ? 1 : 0);
    const r = linspace(0, 1, m);
    const t = linspace(4 * j, 4 * (j + 1), m);
    for (let i = 0; i < m; i++) {
      const a = t[i] + noise * rng.normal();
      rows.push([r[i] * Math.sin(a), r[i] * Math.cos(a)]);
      labels.push(j);
    }
  }
  return finish(rows, labels, 0, options.shuffle ?? true, rng);
}

/** Options of {@link makeRegression}. */
export interface RegressionOptions extends GeneratorOptions {
  /** Number of features (default 1). */
  nFeatures?: number;
  /** True coefficients (default: drawn uniformly from [−10, 10]). */
  coef?: number[];
  /** Intercept (default 0). */
  bias?: number;
}

/** A linear target y = x·coef + bias + N(0, noise²), x ~ N(0, 1); returns the true coefficients too. */
export function makeRegression(options: RegressionOptions = {}): Dataset & {
  /** The true coefficients, one per feature. */
  coef: number[];
  /** The true intercept. */
  bias: number;
} {
  const n = count(options.nSamples, "makeRegression");
  const rng = rngFor(options.seed);
  const d = options.coef?.length ?? options.nFeatures ?? 1;
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`makeRegression: nFeatures must be a whole number ≥ 1, got ${options.nFeatures}`);
  const coef = options.coef ? [...options.coef] : Array.from({ length: d }, () => -10 + 20 * rng.uniform());
  const bias = options.bias ?? 0;
  const noise = noiseLevel(options.noise, "makeRegression");
  const rows = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
  const y = rows.map((r) => r.reduce((a, v, j) => a + v * coef[j], bias) + noise * rng.normal());
  return { ...finish(rows, y, 0, false, rng, true), coef, bias };
}

/** Options of {@link makePolynomialRegression}. */
export interface PolynomialRegressionOptions extends GeneratorOptions {
  /** Coefficients from the constant up: y = c0 + c1·x + c2·x² + … (default [1, −2, 0.5]). */
  coefs?: number[];
  /** Range of x (uniform, default [−3, 3]). */
  xRange?: [number, number];
}

/** One feature x ~ U(xRange) and y = polynomial(x) + N(0, noise²). */
export function makePolynomialRegression(options: PolynomialRegressionOptions = {}): Dataset {
  const n = count(options.nSamples, "makePolynomialRegression");
  const rng = rngFor(options.seed);
  const coefs = options.coefs ?? [1, -2, 0.5];
  const [lo, hi] = options.xRange ?? [-3, 3];
  if (!(lo < hi)) throw new RangeError(`makePolynomialRegression: xRange must be [lo, hi] with lo < hi, got ${JSON.stringify(options.xRange)}`);
  const noise = noiseLevel(options.noise, "makePolynomialRegression");
  const xs = Array.from({ length: n }, () => lo + (hi - lo) * rng.uniform());
  const y = xs.map((x) => coefs.reduce((a, c, p) => a + c * x ** p, 0) + noise * rng.normal());
  return finish(xs.map((x) => [x]), y, 0, false, rng, true);
}

/** Options of {@link sineSequences}. */
export interface SineOptions extends GeneratorOptions {
  /** Steps in each input window (default 20). */
  seqLength?: number;
  /** Time step between samples of the wave (default 0.1). */
  step?: number;
}

/**
 * Windows of a noisy sine wave for sequence models: x `[samples, seqLength, 1]` holds
 * sin(t) … sin(t + (seqLength−1)·step), y `[samples, 1]` the next value, t random in [0, 2π).
 */
export function sineSequences(options: SineOptions = {}): Dataset {
  const n = count(options.nSamples, "sineSequences");
  const len = options.seqLength ?? 20;
  if (!Number.isInteger(len) || len < 1) throw new RangeError(`sineSequences: seqLength must be a whole number ≥ 1, got ${options.seqLength}`);
  const step = options.step ?? 0.1;
  const noise = noiseLevel(options.noise, "sineSequences");
  const rng = rngFor(options.seed);
  const xs: number[][][] = [];
  const ys: number[][] = [];
  for (let i = 0; i < n; i++) {
    const t0 = 2 * Math.PI * rng.uniform();
    xs.push(Array.from({ length: len }, (_, s) => [Math.sin(t0 + s * step) + noise * rng.normal()]));
    ys.push([Math.sin(t0 + len * step)]);
  }
  return { x: tensor(xs), y: tensor(ys) };
}

/**
 * The notes' student-placement toy table: columns cgpa (5–10), iq (60–140) → placed (0/1).
 * Placement follows a logistic rule, P(placed) = σ(1.5·(cgpa − 7) + 0.05·(iq − 100)), so the
 * classes are separable up to label noise.
 */
export function placement(options: Omit<GeneratorOptions, "noise" | "shuffle"> = {}): Dataset & {
  /** Feature names of `x`'s columns: `["cgpa", "iq"]`. */
  columns: string[];
} {
  const n = count(options.nSamples, "placement");
  const rng = rngFor(options.seed);
  const rows = Array.from({ length: n }, () => [Math.round((5 + 5 * rng.uniform()) * 100) / 100, Math.round(60 + 80 * rng.uniform())]);
  const y = rows.map(([c, iq]) => (rng.uniform() < 1 / (1 + Math.exp(-(1.5 * (c - 7) + 0.05 * (iq - 100)))) ? 1 : 0));
  return { x: tensor(rows), y: tensor(y), columns: ["cgpa", "iq"] };
}

/**
 * The notes' age → bought-insurance table: ages uniform in 15–75 (integers), bought = 1 with
 * probability σ(0.042·age − 1.53) scaled by `sharpness` (default 10, a cut-off near the notes'
 * 36.43 years). `y` `[samples, 1]`.
 */
export function insurance(options: Omit<GeneratorOptions, "noise" | "shuffle"> & { sharpness?: number } = {}): Dataset & {
  /** Feature names of `x`'s columns: `["age"]`. */
  columns: string[];
} {
  const n = count(options.nSamples, "insurance");
  const sharp = options.sharpness ?? 10;
  const rng = rngFor(options.seed);
  const ages = Array.from({ length: n }, () => 15 + rng.int(61));
  const y = ages.map((a) => (rng.uniform() < 1 / (1 + Math.exp(-sharp * (0.042 * a - 1.53))) ? 1 : 0));
  return { x: tensor(ages.map((a) => [a])), y: tensor(y.map((v) => [v])), columns: ["age"] };
}
