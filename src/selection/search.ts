/**
 * Hyperparameter search with cross-validation over nnlab models (scikit-learn's `GridSearchCV`
 * and `RandomizedSearchCV`): each candidate's parameters go to a builder that returns a fresh
 * compiled model; every candidate is cross-validated; the best (by the refit scorer's mean test
 * score) is refitted on all data. Fits = candidates × folds (+1 refit) — a product, not a factorial.
 */
import type { Model } from "../models/model";
import type { Data } from "../models/data";
import { random } from "../random/rng";
import { JUPYTER_DISPLAY } from "../display/host";
import type { MimeBundle } from "../display/mime";
import { RichTable } from "../metrics/sklearn/table";
import { resolveFolds, runFolds, type CrossValidateOptions, type ModelBuilder } from "./cross-validate";
import { parameterGrid, parameterSampler, type ParamDistributions, type ParamGrid, type Params } from "./param-grid";
import { resolveScoring } from "./scoring";
import { SearchProgress, type SearchProgressOptions } from "./progress";

/** Options of {@link gridSearchCV} and {@link randomizedSearchCV}. */
export interface SearchOptions<P extends Params = Params> extends Omit<CrossValidateOptions<P>, "params" | "returnEstimator"> {
  /**
   * Refit the best candidate on all data (default true). With several scorers, the name of the
   * scorer that chooses the best, or false.
   */
  refit?: boolean | string;
  /** 0: silent; 1 (default): progress display / line. */
  verbose?: 0 | 1;
  /** Progress display options (host, console writer) — mainly for tests and custom front ends. */
  progress?: SearchProgressOptions;
}

/** Mean and population standard deviation (NumPy's `std`, ddof 0). */
function meanStd(v: number[]): [number, number] {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return [m, Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length)];
}

/** Ranks as scipy's `rankdata(-scores, method="min")`; NaN scores rank last. */
function rankMin(scores: number[]): number[] {
  const key = (v: number) => (Number.isNaN(v) ? -Infinity : v);
  return scores.map((s) => 1 + scores.filter((o) => key(o) > key(s)).length);
}

/**
 * A search's `cvResults`, with scikit-learn's column names: `params`, `param_<name>`,
 * `split<k>_test_<scorer>`, `mean_test_<scorer>`, `std_test_<scorer>`, `rank_test_<scorer>`,
 * `mean_fit_time`, `std_fit_time`, `mean_score_time`, `std_score_time` (and `…_train_…` with
 * `returnTrainScore`). A single scorer is named `score`. Displays as a table sorted by rank.
 */
export class CvResults<P extends Params = Params> {
  /** Column name → one value per candidate. */
  readonly columns: { [column: string]: unknown[] } = {};

  constructor(
    /** The candidates' parameters, one per row. */
    readonly params: P[],
    /** The scorers' names, e.g. `["accuracy"]` (columns `mean_test_<name>`, …). */
    readonly scorerNames: string[],
  ) {
    this.columns.params = params;
    const names = [...new Set(params.flatMap((p) => Object.keys(p)))].sort();
    for (const n of names) this.columns[`param_${n}`] = params.map((p) => p[n]);
  }

  /** One column's values. */
  get(column: string): unknown[] {
    const c = this.columns[column];
    if (!c) throw new RangeError(`cvResults: no column "${column}". Columns: ${Object.keys(this.columns).join(", ")}`);
    return c;
  }

  /** A table: rank, the parameters, mean ± std of each test score; sorted by the first scorer's rank. */
  toTable(): RichTable {
    const first = this.scorerNames[0];
    const rank = this.columns[`rank_test_${first}`] as number[];
    const order = this.params.map((_, i) => i).sort((a, b) => rank[a] - rank[b] || a - b);
    const paramCols = Object.keys(this.columns).filter((c) => c.startsWith("param_"));
    const cols = ["rank", ...paramCols.map((c) => c.slice(6)), ...this.scorerNames.flatMap((s) => [`mean_test_${s}`, `std_test_${s}`]), "mean_fit_time"];
    const rows = order.map((i) => [
      rank[i],
      ...paramCols.map((c) => formatParam(this.columns[c][i])),
      ...this.scorerNames.flatMap((s) => [(this.columns[`mean_test_${s}`] as number[])[i], (this.columns[`std_test_${s}`] as number[])[i]]),
      (this.columns.mean_fit_time as number[])[i],
    ]);
    return new RichTable(cols, rows, { title: "cvResults (sorted by rank)", leftAligned: paramCols.map((c) => c.slice(6)) });
  }

  /** Aligned text table. */
  toString(): string {
    return this.toTable().toString();
  }

  /** Jupyter's display protocol: an HTML table. */
  [JUPYTER_DISPLAY](): MimeBundle {
    return this.toTable().toBundle();
  }
}

function formatParam(v: unknown): string {
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** The outcome of a search. */
export class SearchResult<P extends Params = Params> {
  /** All candidates' results. */
  readonly cvResults: CvResults<P>;
  /** Index of the best candidate (by the refit scorer), or -1 with `refit: false` and several scorers. */
  readonly bestIndex: number;
  /** The best candidate's parameters. */
  readonly bestParams?: P;
  /** Its mean test score. */
  readonly bestScore?: number;
  /** The best candidate refitted on all data (with `refit`). */
  readonly bestEstimator?: Model;
  /** Folds per candidate. */
  readonly nSplits: number;
  /** Candidates tried. */
  readonly nCandidates: number;
  /** Cross-validation fits (candidates × folds; the refit is not counted, as in scikit-learn's message). */
  readonly nFits: number;

  /** @internal made by the search functions */
  constructor(init: { cvResults: CvResults<P>; bestIndex: number; bestEstimator?: Model; nSplits: number; refitName?: string }) {
    this.cvResults = init.cvResults;
    this.bestIndex = init.bestIndex;
    this.nSplits = init.nSplits;
    this.nCandidates = init.cvResults.params.length;
    this.nFits = this.nCandidates * this.nSplits;
    this.bestEstimator = init.bestEstimator;
    if (init.bestIndex >= 0 && init.refitName) {
      this.bestParams = init.cvResults.params[init.bestIndex];
      this.bestScore = (init.cvResults.columns[`mean_test_${init.refitName}`] as number[])[init.bestIndex];
    }
  }

  /** Jupyter's display protocol: the results table. */
  [JUPYTER_DISPLAY](): MimeBundle {
    return this.cvResults[JUPYTER_DISPLAY]();
  }

  /** A text summary and the table. */
  toString(): string {
    return `best ${JSON.stringify(this.bestParams)} score ${this.bestScore}\n${this.cvResults.toString()}`;
  }
}

/** The search itself, shared by grid and randomized search. */
async function search<P extends Params>(where: string, build: ModelBuilder<P>, x: Data, y: Data, candidates: P[], options: SearchOptions<P>): Promise<SearchResult<P>> {
  if (typeof build !== "function") throw new TypeError(`${where}: the first argument must be a function that builds a compiled model from parameters`);
  const scorers = resolveScoring(options.scoring, where);
  const names = Object.keys(scorers);
  const refit = options.refit ?? true;
  let refitName: string | undefined;
  if (typeof refit === "string") {
    if (!names.includes(refit)) throw new RangeError(`${where}: refit "${refit}" is not one of the scorers: ${names.join(", ")}`);
    refitName = refit;
  } else if (names.length === 1) refitName = names[0];
  else if (refit === true) throw new RangeError(`${where}: with several scorers (${names.join(", ")}), refit must name the one that picks the best candidate, or be false`);
  const folds = resolveFolds(options.cv, x, y, where);
  const total = candidates.length * folds.length;
  const progress = new SearchProgress(where, total, `Fitting ${folds.length} folds for each of ${candidates.length} candidates, totalling ${total} fits`, { verbose: options.verbose, ...options.progress });
  const results = new CvResults<P>(candidates, names);
  const per: Awaited<ReturnType<typeof runFolds>>[] = [];
  for (const params of candidates) {
    const r = await runFolds(build, params, x, y, folds, scorers, options, where, () => progress.step(1));
    per.push(r);
    const [mean] = meanStd(r.test[refitName ?? names[0]]);
    progress.step(0, { value: mean, label: formatCandidate(params) });
  }
  progress.finish();
  const c = results.columns;
  const set = (name: string, f: (r: (typeof per)[number]) => number) => (c[name] = per.map(f));
  set("mean_fit_time", (r) => meanStd(r.fitTime)[0]);
  set("std_fit_time", (r) => meanStd(r.fitTime)[1]);
  set("mean_score_time", (r) => meanStd(r.scoreTime)[0]);
  set("std_score_time", (r) => meanStd(r.scoreTime)[1]);
  for (const n of names) {
    folds.forEach((_, k) => set(`split${k}_test_${n}`, (r) => r.test[n][k]));
    set(`mean_test_${n}`, (r) => meanStd(r.test[n])[0]);
    set(`std_test_${n}`, (r) => meanStd(r.test[n])[1]);
    c[`rank_test_${n}`] = rankMin(c[`mean_test_${n}`] as number[]);
    if (options.returnTrainScore) {
      folds.forEach((_, k) => set(`split${k}_train_${n}`, (r) => r.train![n][k]));
      set(`mean_train_${n}`, (r) => meanStd(r.train![n])[0]);
      set(`std_train_${n}`, (r) => meanStd(r.train![n])[1]);
    }
  }
  const bestIndex = refitName ? (c[`rank_test_${refitName}`] as number[]).indexOf(1) : -1;
  let bestEstimator: Model | undefined;
  if (refit !== false && bestIndex >= 0) {
    bestEstimator = await build(candidates[bestIndex]);
    const fitArgs = { verbose: 0 as const, ...(typeof options.fitArgs === "function" ? options.fitArgs(candidates[bestIndex]) : options.fitArgs ?? {}) };
    await bestEstimator.fit(x, y, fitArgs);
  }
  return new SearchResult<P>({ cvResults: results, bestIndex, bestEstimator, nSplits: folds.length, refitName });
}

function formatCandidate(p: Params): string {
  return Object.entries(p).map(([k, v]) => `${k}=${formatParam(v)}`).join(", ");
}

/**
 * Exhaustive search over every combination of `paramGrid` (scikit-learn's `GridSearchCV`).
 *
 * ```ts
 * const search = await nn.selection.gridSearchCV(
 *   ({ units, lr }) => { const m = nn.sequential([...]); m.compile({ optimizer: nn.optimizers.adam({ learningRate: lr }), loss: "bce" }); return m; },
 *   x, y, { units: [8, 16, 32], lr: [1e-3, 1e-2] }, { cv: 3, scoring: "accuracy", fitArgs: { epochs: 20 } });
 * search.bestParams; search.nFits;  // 18
 * search.cvResults;                  // a table in the kernel
 * ```
 */
export function gridSearchCV<P extends Params = Params>(build: ModelBuilder<P>, x: Data, y: Data, paramGrid: ParamGrid, options: SearchOptions<P> = {}): Promise<SearchResult<P>> {
  return Promise.resolve().then(() => search("gridSearchCV", build, x, y, parameterGrid(paramGrid, "gridSearchCV") as P[], options));
}

/**
 * `nIter` candidates drawn from `paramDistributions` (scikit-learn's `RandomizedSearchCV`):
 * distributions (`uniform`, `logUniform`, `randInt`, `choice`) or lists. `seed` fixes the draws
 * (default: the global generator, `nn.setSeed`).
 */
export function randomizedSearchCV<P extends Params = Params>(build: ModelBuilder<P>, x: Data, y: Data, paramDistributions: ParamDistributions, options: SearchOptions<P> & { nIter?: number; seed?: number } = {}): Promise<SearchResult<P>> {
  return Promise.resolve().then(() =>
    search("randomizedSearchCV", build, x, y, parameterSampler(paramDistributions, options.nIter ?? 10, options.seed, random(), "randomizedSearchCV") as P[], options));
}
