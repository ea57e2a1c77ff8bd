/**
 * Keras-Tuner-style searches: `randomSearch`, `bayesianOptimization` (Gaussian process with
 * expected improvement) and `hyperband`. A trial builds a model with `buildModel(hp)`, trains it
 * with `search(x, y, fitArgs)`'s arguments, and scores it by the best epoch value of the
 * objective (default `val_loss`, minimised; names with acc/auc/precision/recall/f1 are
 * maximised). `runTrial(hp)` instead returns the objective value directly (no model).
 */
import type { Model } from "../models/model";
import type { Data } from "../models/data";
import type { FitArgs } from "../models/training";
import { Random, random } from "../random/rng";
import { JUPYTER_DISPLAY } from "../display/host";
import type { MimeBundle } from "../display/mime";
import { RichTable } from "../metrics/sklearn/table";
import { SearchProgress, type SearchProgressOptions } from "../selection/progress";
import { HyperParameters, fromUnit, sampleValue, spaceSize, toUnit, type HpValues, type HyperParameter } from "./hyperparameters";
import { GaussianProcess, expectedImprovement } from "./gaussian-process";

/** What a trial optimises: a logged metric and its direction. */
export interface Objective {
  /** The logged quantity to optimise, e.g. "val_loss" or "val_accuracy". */
  name: string;
  /** Whether smaller ("min") or larger ("max") values are better. */
  direction: "min" | "max";
}

/** Options common to the tuners. */
export interface TunerOptions {
  /** Builds a compiled model from the trial's hyperparameters. */
  buildModel?: (hp: HyperParameters) => Model | Promise<Model>;
  /** Alternative to buildModel: returns the objective value of a trial directly. */
  runTrial?: (hp: HyperParameters) => number | Promise<number>;
  /** Metric name (direction guessed) or `{ name, direction }` (default "val_loss"). */
  objective?: string | Objective;
  /** Trials to run (default 10). */
  maxTrials?: number;
  /** Seed of the tuner's own generator (default: drawn from the global one, `nn.setSeed`). */
  seed?: number;
  /** 0: silent; 1 (default): progress. */
  verbose?: 0 | 1;
  /** Progress display options. */
  progress?: SearchProgressOptions;
}

/** One finished trial. */
export interface Trial {
  /** 0-based trial number, in the order trials ran. */
  id: number;
  /** The hyperparameter values this trial used. */
  values: HpValues;
  /** The objective's value (the best epoch's, for model trials). */
  score: number;
  /** Epochs trained (model trials). */
  epochs?: number;
  /** The trained model (model trials only). */
  model?: Model;
}

function resolveObjective(o: string | Objective | undefined, where: string): Objective {
  if (o === undefined) return { name: "val_loss", direction: "min" };
  if (typeof o === "string") return { name: o, direction: /acc|auc|precision|recall|f1|r2/i.test(o) ? "max" : "min" };
  if (!o || typeof o.name !== "string" || (o.direction !== "min" && o.direction !== "max")) {
    throw new TypeError(`${where}: objective must be a metric name or { name, direction: "min" | "max" }, got ${JSON.stringify(o)}`);
  }
  return o;
}

/** The base of the tuners: trials, the search space, summaries, best models. */
export abstract class Tuner {
  /** Finished trials in order. */
  readonly trials: Trial[] = [];
  /** The search space (declared by the build function as it runs). */
  readonly hyperparameters = new HyperParameters();
  /** What the search optimises (default "val_loss", minimised). */
  readonly objective: Objective;
  /** Number of trials to run at most (default 10). */
  readonly maxTrials: number;
  /** The tuner's own random stream (seeded from `seed` or `nn.setSeed`), for sampling values. */
  protected readonly rng: Random;
  /** The tuner's name for error messages, e.g. "RandomSearch". */
  protected readonly where: string;

  constructor(
    where: string,
    /** The options the tuner was created with. */
    protected readonly options: TunerOptions,
  ) {
    this.where = where;
    if (!options || (typeof options.buildModel !== "function" && typeof options.runTrial !== "function")) {
      throw new TypeError(`${where}: give buildModel(hp) (returns a compiled model) or runTrial(hp) (returns the objective value)`);
    }
    this.objective = resolveObjective(options.objective, where);
    this.maxTrials = options.maxTrials ?? 10;
    if (!Number.isInteger(this.maxTrials) || this.maxTrials < 1) throw new RangeError(`${where}: maxTrials must be a whole number ≥ 1, got ${this.maxTrials}`);
    this.rng = new Random(options.seed ?? random().nextUint32());
  }

  /** Lower is better after this sign flip. */
  protected loss(score: number): number {
    return this.objective.direction === "min" ? score : -score;
  }

  /** Values for the next trial (hyperparameters declared later are drawn by `sampler`). */
  protected abstract propose(): HpValues;

  /** How hyperparameters first declared during a trial get their value. */
  protected sampler = (hp: HyperParameter): unknown => sampleValue(hp, this.rng);

  /** Runs one trial: builds and trains (or calls runTrial) and records the score. */
  protected async runOne(values: HpValues, x: Data | undefined, y: Data | undefined, fitArgs: FitArgs, epochs?: number, model?: Model, initialEpoch = 0): Promise<Trial> {
    const hp = this.hyperparameters.withValues(values, this.sampler);
    const record = (score: number, extra: Partial<Trial> = {}): Trial => {
      for (const h of hp.space) if (!this.hyperparameters.space.some((k) => k.name === h.name)) this.hyperparameters.space.push(h);
      // Only the hyperparameters this trial declared (conditional ones may be inactive).
      const values = Object.fromEntries(Object.entries(hp.values).filter(([k]) => hp.used.has(k)));
      return { id: this.trials.length, values, score, ...extra };
    };
    if (this.options.runTrial) {
      const score = await this.options.runTrial(hp);
      if (typeof score !== "number") throw new TypeError(`${this.where}: runTrial must return a number, got ${typeof score}`);
      return record(score);
    }
    if (x === undefined || y === undefined) throw new TypeError(`${this.where}.search: x and y are required with buildModel`);
    const m = model ?? (await this.options.buildModel!(hp));
    if (!m || typeof m.fit !== "function" || !m.isCompiled) throw new TypeError(`${this.where}: buildModel must return a compiled nnlab model`);
    const history = await m.fit(x, y, { verbose: 0, ...fitArgs, ...(epochs !== undefined ? { epochs, initialEpoch } : {}) });
    const series = history.history[this.objective.name];
    if (!series) {
      throw new RangeError(`${this.where}: objective "${this.objective.name}" was not logged; logged metrics: ${Object.keys(history.history).join(", ")} (val_… metrics need validationSplit or validationData)`);
    }
    const score = this.objective.direction === "min" ? Math.min(...series) : Math.max(...series);
    return record(score, { epochs: epochs ?? history.epoch.length, model: m });
  }

  /** Runs the search. With buildModel, `x`, `y` and `fitArgs` are passed to every `fit` (default `{ verbose: 0 }`). */
  async search(x?: Data, y?: Data, fitArgs: FitArgs = {}): Promise<this> {
    const progress = new SearchProgress(this.where, this.maxTrials, `Search: ${this.maxTrials} trials, objective ${this.objective.name} (${this.objective.direction})`, { verbose: this.options.verbose, ...this.options.progress });
    while (this.trials.length < this.maxTrials) {
      const trial = await this.runOne(this.propose(), x, y, fitArgs);
      this.trials.push(trial);
      progress.step(1, { value: -this.loss(trial.score), label: JSON.stringify(trial.values) });
    }
    progress.finish();
    return this;
  }

  /** Trials sorted best first. */
  sortedTrials(): Trial[] {
    return [...this.trials].sort((a, b) => this.loss(a.score) - this.loss(b.score) || a.id - b.id);
  }

  /** The best `n` trials' hyperparameter values. */
  getBestHyperparameters(n = 1): HpValues[] {
    return this.sortedTrials().slice(0, n).map((t) => t.values);
  }

  /** The best `n` trained models (kept in memory by each trial). */
  getBestModels(n = 1): Model[] {
    return this.sortedTrials().filter((t) => t.model).slice(0, n).map((t) => t.model!);
  }

  /** The search space as a table (Keras Tuner's `search_space_summary`). */
  searchSpaceSummary(): RichTable {
    const rows = this.hyperparameters.space.map((h) => [h.name, h.kind, describe(h), spaceSize(h), String(h.default)]);
    return new RichTable(["name", "kind", "range", "values", "default"], rows, { title: `Search space summary: ${rows.length} hyperparameters`, leftAligned: ["name", "kind", "range", "default"] });
  }

  /** The best `n` trials as a table (Keras Tuner's `results_summary`). */
  resultsSummary(n = 10): RichTable {
    const names = this.hyperparameters.space.map((h) => h.name);
    const rows = this.sortedTrials().slice(0, n).map((t) => [t.id, t.score, ...names.map((k) => (k in t.values ? String(t.values[k]) : ""))]);
    return new RichTable(["trial", this.objective.name, ...names], rows, { title: `Results summary: best ${rows.length} of ${this.trials.length} trials (objective ${this.objective.name}, ${this.objective.direction})`, leftAligned: names });
  }

  /** Jupyter's display protocol: the results table. */
  [JUPYTER_DISPLAY](): MimeBundle {
    return this.resultsSummary().toBundle();
  }
}

function describe(h: HyperParameter): string {
  switch (h.kind) {
    case "int":
    case "float": return `[${h.min}, ${h.max}]${h.step ? ` step ${h.step}` : ""}${h.sampling === "log" ? " log" : ""}`;
    case "choice": return h.values.map(String).join(", ");
    case "boolean": return "true, false";
    case "fixed": return String(h.value);
  }
}

/** Random search: every trial draws each hyperparameter from its distribution. */
export class RandomSearch extends Tuner {
  protected propose(): HpValues {
    return Object.fromEntries(this.hyperparameters.space.map((h) => [h.name, sampleValue(h, this.rng)]));
  }
}

/** Options of {@link BayesianOptimization}. */
export interface BayesianOptions extends TunerOptions {
  /** Random trials before the Gaussian process guides (default 3). */
  numInitialPoints?: number;
  /** Random candidates scored by expected improvement per trial (default 2000). */
  candidates?: number;
}

/** Bayesian optimisation: a Gaussian process over past trials, the next trial maximises expected improvement. */
export class BayesianOptimization extends Tuner {
  constructor(
    where: string,
    /** The Bayesian options (initial random points, candidates per trial). */
    protected readonly bo: BayesianOptions,
  ) {
    super(where, bo);
  }

  protected propose(): HpValues {
    const space = this.hyperparameters.space.filter((h) => h.kind !== "fixed");
    const init = this.bo.numInitialPoints ?? 3;
    if (this.trials.length < init || space.length === 0) return Object.fromEntries(this.hyperparameters.space.map((h) => [h.name, sampleValue(h, this.rng)]));
    const encode = (v: HpValues) => space.map((h) => (h.name in v ? toUnit(h, v[h.name]) : 0.5));
    const xs = this.trials.map((t) => encode(t.values));
    const ys = this.trials.map((t) => this.loss(t.score));
    const gp = new GaussianProcess(xs, ys);
    const best = Math.min(...ys);
    // The exploration margin scales with the observed range, so it means the same for any units.
    const xi = 1e-3 * (Math.max(...ys) - best);
    const bestX = xs[ys.indexOf(best)];
    let top = -1;
    let chosen: number[] = [];
    const n = this.bo.candidates ?? 2000;
    for (let c = 0; c < n; c++) {
      // Half the candidates explore the whole space, half refine around the best point.
      const u = c % 2 === 0 ? space.map(() => this.rng.uniform()) : bestX.map((b) => Math.min(0.999999, Math.max(0, b + 0.1 * this.rng.normal())));
      const { mean, std } = gp.predict(u);
      const ei = expectedImprovement(mean, std, best, xi);
      if (ei > top) {
        top = ei;
        chosen = u;
      }
    }
    const values: HpValues = Object.fromEntries(space.map((h, i) => [h.name, fromUnit(h, chosen[i])]));
    for (const h of this.hyperparameters.space) if (h.kind === "fixed") values[h.name] = h.value;
    return values;
  }
}

/** Options of {@link Hyperband}. */
export interface HyperbandOptions extends TunerOptions {
  /** Most epochs one model trains (default 27). */
  maxEpochs?: number;
  /** Reduction factor η: each round keeps 1/η of the models and trains them η times longer (default 3). */
  factor?: number;
}

/**
 * Hyperband (Li et al. 2018): brackets of successive halving. Bracket s starts
 * ⌈(sₘₐₓ+1)/(s+1)·ηˢ⌉ random configurations at maxEpochs·η⁻ˢ epochs; each round keeps the best
 * 1/η and continues training them (same weights, `initialEpoch`) to η times as many epochs.
 * `maxTrials` bounds the number of configurations. Needs buildModel.
 */
export class Hyperband extends RandomSearch {
  constructor(
    where: string,
    /** The Hyperband options (maxEpochs, factor). */
    protected readonly hb: HyperbandOptions,
  ) {
    super(where, { maxTrials: 1000, ...hb });
    if (!hb.buildModel) throw new TypeError(`${where}: hyperband trains models for growing numbers of epochs; give buildModel(hp)`);
    const maxEpochs = hb.maxEpochs ?? 27;
    const factor = hb.factor ?? 3;
    if (!Number.isInteger(maxEpochs) || maxEpochs < 1) throw new RangeError(`${where}: maxEpochs must be a whole number ≥ 1, got ${maxEpochs}`);
    if (!Number.isInteger(factor) || factor < 2) throw new RangeError(`${where}: factor must be a whole number ≥ 2, got ${factor}`);
  }

  /** The brackets: configurations and epochs per round, e.g. maxEpochs 9, η 3 → [[9,1],[3,3],[1,9]], … */
  brackets(): {
    /** Configurations trained in this round. */
    configs: number;
    /** Epochs each of them is trained for (in total, by the end of the round). */
    epochs: number;
  }[][] {
    const R = this.hb.maxEpochs ?? 27;
    const eta = this.hb.factor ?? 3;
    const sMax = Math.floor(Math.log(R) / Math.log(eta) + 1e-9);
    const out: { configs: number; epochs: number }[][] = [];
    for (let s = sMax; s >= 0; s--) {
      const n = Math.ceil(((sMax + 1) / (s + 1)) * eta ** s);
      const rounds: { configs: number; epochs: number }[] = [];
      for (let i = 0; i <= s; i++) rounds.push({ configs: Math.floor(n * eta ** -i), epochs: Math.round(R * eta ** (i - s)) });
      out.push(rounds);
    }
    return out;
  }

  override async search(x?: Data, y?: Data, fitArgs: FitArgs = {}): Promise<this> {
    const brackets = this.brackets();
    const total = brackets.reduce((s, b) => s + b.reduce((t, r) => t + r.configs, 0), 0);
    const eta = this.hb.factor ?? 3;
    const progress = new SearchProgress(this.where, total, `Hyperband: ${brackets.length} brackets, ${total} training runs, objective ${this.objective.name}`, { verbose: this.options.verbose, ...this.options.progress });
    let configsStarted = 0;
    for (const bracket of brackets) {
      let alive: Trial[] = [];
      for (let i = 0; i < bracket.length; i++) {
        const { epochs } = bracket[i];
        if (i === 0) {
          const n = Math.min(bracket[0].configs, this.options.maxTrials === undefined ? Infinity : this.options.maxTrials - configsStarted);
          for (let k = 0; k < n; k++) {
            const t = await this.runOne(this.propose(), x, y, fitArgs, epochs);
            this.trials.push(t);
            alive.push(t);
            configsStarted++;
            progress.step(1, { value: -this.loss(t.score), label: JSON.stringify(t.values) });
          }
        } else {
          const keep = alive.sort((a, b) => this.loss(a.score) - this.loss(b.score)).slice(0, Math.max(1, Math.floor(alive.length / eta)));
          alive = [];
          for (const prev of keep) {
            const t = await this.runOne(prev.values, x, y, fitArgs, epochs, prev.model, prev.epochs);
            t.id = prev.id;
            Object.assign(prev, { score: t.score, epochs: t.epochs });
            alive.push(prev);
            progress.step(1, { value: -this.loss(t.score), label: JSON.stringify(t.values) });
          }
        }
      }
    }
    progress.finish();
    return this;
  }
}

/** A random-search tuner (Keras Tuner's `RandomSearch`). */
export function randomSearch(options: TunerOptions): RandomSearch {
  return new RandomSearch("randomSearch", options);
}

/** A Bayesian-optimisation tuner (Keras Tuner's `BayesianOptimization`). */
export function bayesianOptimization(options: BayesianOptions): BayesianOptimization {
  return new BayesianOptimization("bayesianOptimization", options);
}

/** A Hyperband tuner (Keras Tuner's `Hyperband`). */
export function hyperband(options: HyperbandOptions): Hyperband {
  return new Hyperband("hyperband", options);
}
