/**
 * Scorers for cross-validation and searches, by scikit-learn's scoring names (camelCase or
 * snake_case: `"f1Macro"` / `"f1_macro"`, `"negMeanSquaredError"` / `"neg_mean_squared_error"`).
 * Greater is better for every scorer, so losses and errors are negated (`neg…`), as scikit-learn.
 *
 * How an nnlab model's output becomes what a metric needs: targets given as one-hot rows are
 * turned into class indices; a model with one output unit is a binary classifier whose output is
 * the probability of class 1 (labels = output ≥ 0.5); with k > 1 units the label is the
 * arg-max and the scores are the k columns (column 1 alone for k = 2).
 */
import type { Model } from "../models/model";
import type { Data } from "../models/data";
import { Tensor } from "../tensor/tensor";
import { toTensor } from "../tensor/creation";
import { Registry } from "../util/registry";
import * as sk from "../metrics/sklearn";

/** A scorer: greater is better. */
export type Scorer = (model: Model, x: Data, y: Data) => number;

/** What `scoring` accepts: a scorer id, a scorer function, a list of ids, or named scorers. */
export type Scoring = string | Scorer | readonly string[] | { [name: string]: string | Scorer };

/** Per-sample class indices of a target: arg-max of one-hot rows, else the values. */
export function targetLabels(y: Tensor): number[] {
  const n = y.shape[0];
  const width = y.rank <= 1 ? 1 : y.size / n;
  if (width === 1) return Array.from(y.data);
  return Array.from({ length: n }, (_, i) => argmaxRow(y.data, i, width));
}

function argmaxRow(data: ArrayLike<number>, i: number, width: number): number {
  let best = 0;
  for (let j = 1; j < width; j++) if (data[i * width + j] > data[i * width + best]) best = j;
  return best;
}

/** The model's predicted labels: output ≥ 0.5 for one unit, else the arg-max. */
export function predictedLabels(output: Tensor): number[] {
  const n = output.shape[0];
  const width = output.rank <= 1 ? 1 : output.size / n;
  if (width === 1) return Array.from(output.data, (v) => (v >= 0.5 ? 1 : 0));
  return Array.from({ length: n }, (_, i) => argmaxRow(output.data, i, width));
}

/** The model's scores: the single column, column 1 of two, or all k columns as rows. */
export function predictedScores(output: Tensor): number[] | number[][] {
  const n = output.shape[0];
  const width = output.rank <= 1 ? 1 : output.size / n;
  if (width === 1) return Array.from(output.data);
  if (width === 2) return Array.from({ length: n }, (_, i) => output.data[i * 2 + 1]);
  return Array.from({ length: n }, (_, i) => Array.from(output.data.subarray(i * width, (i + 1) * width)));
}

function rows(t: Tensor): number[] | number[][] {
  const n = t.shape[0];
  const width = t.rank <= 1 ? 1 : t.size / n;
  if (width === 1) return Array.from(t.data);
  return Array.from({ length: n }, (_, i) => Array.from(t.data.subarray(i * width, (i + 1) * width)));
}

type Kind = "labels" | "scores" | "probabilities" | "values" | "loss";

function scorer(kind: Kind, metric: (yTrue: never, pred: never) => number, sign = 1): Scorer {
  return (model, x, y) => {
    const yt = toTensor(y, "scoring: y");
    if (kind === "loss") {
      const r = model.evaluate(x, yt, { returnDict: true });
      return -r.loss;
    }
    const out = model.predict(x);
    const truth = kind === "values" ? rows(yt) : targetLabels(yt);
    const pred = kind === "labels" ? predictedLabels(out) : kind === "values" ? rows(out) : kind === "scores" ? predictedScores(out) : rows(out);
    return sign * metric(truth as never, pred as never);
  };
}

/** Built-in scorers by scikit-learn's names. */
export const scorerRegistry = new Registry<Scorer>("scorer");
scorerRegistry.register("accuracy", scorer("labels", (t, p) => sk.accuracyScore(t, p)));
scorerRegistry.register("balancedAccuracy", scorer("labels", (t, p) => sk.recallScore(t, p, { average: "macro", zeroDivision: 0 })));
for (const [suffix, average] of [["", "binary"], ["Macro", "macro"], ["Micro", "micro"], ["Weighted", "weighted"]] as const) {
  scorerRegistry.register(`precision${suffix}`, scorer("labels", (t, p) => sk.precisionScore(t, p, { average })));
  scorerRegistry.register(`recall${suffix}`, scorer("labels", (t, p) => sk.recallScore(t, p, { average })));
  scorerRegistry.register(`f1${suffix}`, scorer("labels", (t, p) => sk.f1Score(t, p, { average })));
}
scorerRegistry.register("rocAuc", scorer("scores", (t, p) => sk.rocAucScore(t, p)));
scorerRegistry.register("rocAucOvr", scorer("scores", (t, p) => sk.rocAucScore(t, p, { multiClass: "ovr" })));
scorerRegistry.register("rocAucOvo", scorer("scores", (t, p) => sk.rocAucScore(t, p, { multiClass: "ovo" })));
scorerRegistry.register("averagePrecision", scorer("scores", (t, p) => sk.averagePrecisionScore(t, p) as number));
// The model's output columns define the classes (a fold may lack one): 0/1 for one unit, else 0..k−1.
const outputLabels = (p: number[] | number[][]) => (Array.isArray(p[0]) ? (p[0] as number[]).map((_, i) => i) : [0, 1]);
scorerRegistry.register("negLogLoss", scorer("probabilities", (t, p) => sk.logLoss(t, p, { labels: outputLabels(p) }), -1));
scorerRegistry.register("negBrierScore", scorer("probabilities", (t, p) => sk.brierScoreLoss(t, p, { labels: outputLabels(p), posLabel: 1 }), -1));
scorerRegistry.register("r2", scorer("values", (t, p) => sk.r2Score(t, p) as number));
scorerRegistry.register("explainedVariance", scorer("values", (t, p) => sk.explainedVarianceScore(t, p) as number));
scorerRegistry.register("negMeanSquaredError", scorer("values", (t, p) => sk.meanSquaredError(t, p) as number, -1));
scorerRegistry.register("negRootMeanSquaredError", scorer("values", (t, p) => sk.rootMeanSquaredError(t, p) as number, -1));
scorerRegistry.register("negMeanAbsoluteError", scorer("values", (t, p) => sk.meanAbsoluteError(t, p) as number, -1));
scorerRegistry.register("negLoss", scorer("loss", () => 0));

/**
 * Named scorers from a `scoring` argument. Default (undefined): `{ score: negLoss }`, the
 * negated compiled loss, defined for every compiled model (scikit-learn's default is the
 * estimator's own `score`). One id or function is named `score`, as scikit-learn names it.
 */
export function resolveScoring(scoring: Scoring | undefined, where: string): { [name: string]: Scorer } {
  const get = (id: string | Scorer) => (typeof id === "function" ? id : scorerRegistry.get(id, `${where}: scoring`));
  if (scoring === undefined) return { score: get("negLoss") };
  if (typeof scoring === "string" || typeof scoring === "function") return { score: get(scoring) };
  if (Array.isArray(scoring)) {
    if (scoring.length === 0) throw new RangeError(`${where}: scoring is an empty list; give at least one scorer id`);
    return Object.fromEntries(scoring.map((id) => [id, get(id)]));
  }
  if (scoring && typeof scoring === "object") {
    const entries = Object.entries(scoring as { [name: string]: string | Scorer });
    if (entries.length === 0) throw new RangeError(`${where}: scoring is an empty object; give at least one named scorer`);
    return Object.fromEntries(entries.map(([k, v]) => [k, get(v)]));
  }
  throw new TypeError(`${where}: scoring must be a scorer id, a function, a list of ids or an object of named scorers, got ${typeof scoring}`);
}
