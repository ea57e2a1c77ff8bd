/** The Keras-Tuner-style tuner: search space, random search on a tiny model, Bayesian optimisation vs random search, hyperband, errors. */
import * as nn from "nnlab";

const quiet = { verbose: 0 as const };

describe("hyperparameters", () => {
  it("N30: hp.int(8..128 step 8) yields exactly the 16 values 8..128; choices and num_layers sizes", async () => {
    const seen = new Set<number>();
    const tuner = nn.tuner.randomSearch({
      ...quiet, maxTrials: 400, seed: 0,
      runTrial: (hp) => {
        seen.add(hp.int("input_units", { min: 8, max: 128, step: 8 }));
        hp.choice("dropout_input", [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
        hp.int("num_layers", { min: 0, max: 10 });
        hp.choice("optimizer", ["adam", "sgd", "rmsprop", "adadelta"]);
        return 0;
      },
    });
    await tuner.search();
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => 8 * (i + 1)));
    expect(tuner.hyperparameters.space.map((h) => nn.tuner.spaceSize(h))).toEqual([16, 9, 11, 4]);
    const summary = tuner.searchSpaceSummary();
    expect(summary.toString()).toContain("input_units");
    expect(summary.toBundle()["text/html"]).toContain("<table");
  });

  it("conditional hyperparameters exist only when their branch runs", async () => {
    const tuner = nn.tuner.randomSearch({
      ...quiet, maxTrials: 30, seed: 1,
      runTrial: (hp) => {
        const n = hp.int("num_layers", { min: 0, max: 3 });
        for (let i = 0; i < n; i++) hp.int(`layer_${i}_units`, { min: 8, max: 32, step: 8 });
        return n;
      },
    });
    await tuner.search();
    for (const t of tuner.trials) {
      const n = t.values.num_layers as number;
      for (let i = 0; i < 3; i++) expect(`layer_${i}_units` in t.values).toBe(i < n);
    }
  });

  it("hp.float with log sampling: log10 of the draws is uniform (mean within 0.05 of the midpoint)", async () => {
    const logs: number[] = [];
    await nn.tuner.randomSearch({ ...quiet, maxTrials: 2000, seed: 2, runTrial: (hp) => (logs.push(Math.log10(hp.float("lr", { min: 1e-4, max: 1e-1, sampling: "log" }))), 0) }).search();
    // Uniform on [-4, -1]: mean -2.5, standard error 0.866/√2000 ≈ 0.019.
    expect(Math.abs(logs.reduce((a, b) => a + b, 0) / logs.length + 2.5)).toBeLessThan(0.05);
    expect(Math.min(...logs)).toBeGreaterThanOrEqual(-4);
    expect(Math.max(...logs)).toBeLessThanOrEqual(-1);
  });

  it.each([
    ["int bounds", (hp: nn.tuner.HyperParameters) => hp.int("a", { min: 5, max: 1 }), /hp.int\("a"\): min and max must be integers with min ≤ max, got min=5, max=1/],
    ["log needs min > 0", (hp: nn.tuner.HyperParameters) => hp.float("lr", { min: 0, max: 1, sampling: "log" }), /hp.float\("lr"\): log sampling needs min > 0, got 0/],
    ["empty choice", (hp: nn.tuner.HyperParameters) => hp.choice("c", []), /hp.choice\("c"\): values must be a non-empty array/],
    ["kind clash", (hp: nn.tuner.HyperParameters) => (hp.int("a", { min: 0, max: 1 }), hp.boolean("a")), /"a" was declared as int and is now used as boolean/],
    ["unknown get", (hp: nn.tuner.HyperParameters) => hp.get("nope"), /hp.get: unknown hyperparameter "nope"/],
  ])("%s", (_n, f, message) => expect(() => f(new nn.tuner.HyperParameters())).toThrow(message));

  it.each([
    ["no build function", () => nn.tuner.randomSearch({}), /randomSearch: give buildModel\(hp\)/],
    ["maxTrials", () => nn.tuner.randomSearch({ runTrial: () => 0, maxTrials: 0 }), /maxTrials must be a whole number ≥ 1, got 0/],
    ["hyperband without model", () => nn.tuner.hyperband({ runTrial: () => 0 }), /hyperband trains models/],
    ["objective", () => nn.tuner.randomSearch({ runTrial: () => 0, objective: { name: "x", direction: "up" } as never }), /objective must be a metric name or \{ name, direction/],
  ])("%s", (_n, f, message) => expect(f).toThrow(message));
});

describe("tuning nnlab models", () => {
  const x = [[0, 0], [0, 1], [1, 0], [1, 1], [0.9, 0.9], [0.1, 0.2], [0.8, 0.1], [0.2, 0.9]];
  const y = [[0], [0], [0], [1], [1], [0], [0], [0]];
  const buildModel = (hp: nn.tuner.HyperParameters) => {
    const m = nn.sequential([nn.layers.dense({ units: hp.int("units", { min: 2, max: 4 }), activation: "tanh", inputShape: [2] }), nn.layers.dense({ units: 1, activation: "sigmoid" })]);
    m.compile({ optimizer: nn.optimizers.sgd({ learningRate: hp.float("lr", { min: 0.01, max: 1, sampling: "log" }) }), loss: "binaryCrossentropy", metrics: ["accuracy"] });
    return m;
  };

  it("randomSearch: scores are each trial's best val_loss; best models and results table", async () => {
    nn.setSeed(7);
    const tuner = nn.tuner.randomSearch({ ...quiet, buildModel, objective: "val_loss", maxTrials: 3, seed: 3 });
    await tuner.search(x, y, { epochs: 3, validationSplit: 0.25 });
    expect(tuner.trials).toHaveLength(3);
    for (const t of tuner.trials) expect(t.score).toBe(Math.min(...t.model!.history!.history.val_loss));
    const best = tuner.getBestModels(1)[0];
    expect(best).toBe(tuner.sortedTrials()[0].model);
    expect(tuner.getBestHyperparameters(1)[0]).toEqual(tuner.sortedTrials()[0].values);
    const table = tuner.resultsSummary();
    expect(table.rows.map((r) => r[1])).toEqual(tuner.sortedTrials().map((t) => t.score));
    expect(tuner[nn.JUPYTER_DISPLAY]()["text/html"]).toContain("<table");
  });

  it("a missing objective names the logged metrics", async () => {
    const tuner = nn.tuner.randomSearch({ ...quiet, buildModel, objective: "val_accuracy", maxTrials: 1, seed: 0 });
    await expect(tuner.search(x, y, { epochs: 1 })).rejects.toThrow(/objective "val_accuracy" was not logged; logged metrics: loss, accuracy/);
  });

  it("hyperband: Li et al.'s brackets for maxEpochs 9, η 3; survivors keep training", async () => {
    nn.setSeed(8);
    const tuner = nn.tuner.hyperband({ ...quiet, buildModel, objective: "loss", maxEpochs: 9, factor: 3, seed: 4 });
    expect(tuner.brackets()).toEqual([
      [{ configs: 9, epochs: 1 }, { configs: 3, epochs: 3 }, { configs: 1, epochs: 9 }],
      [{ configs: 5, epochs: 3 }, { configs: 1, epochs: 9 }],
      [{ configs: 3, epochs: 9 }],
    ]);
    await tuner.search(x, y, { batchSize: 8 });
    expect(tuner.trials).toHaveLength(17);
    expect(tuner.trials.filter((t) => t.epochs === 9)).toHaveLength(5);
  });
});

describe("Bayesian optimisation needs fewer evaluations than random search (same seeds, same budget; mean over seeds 1–4)", () => {
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  /** Evaluations until the best value found is within `tol` of the known minimum (budget + 1 if never). */
  async function evaluationsToReach(kind: "random" | "bayes", f: (hp: nn.tuner.HyperParameters) => number, min: number, tol: number, budget: number, seed: number): Promise<number> {
    const opts = { ...quiet, runTrial: f, objective: { name: "f", direction: "min" as const }, maxTrials: budget, seed };
    const tuner = kind === "random" ? nn.tuner.randomSearch(opts) : nn.tuner.bayesianOptimization({ ...opts, numInitialPoints: 3, candidates: 500 });
    await tuner.search();
    const i = tuner.trials.findIndex((t) => t.score - min <= tol);
    return i < 0 ? budget + 1 : i + 1;
  }

  it("1-D: f(x) = (x − 0.37)² on [0, 1], minimum 0: within 1e-4 in fewer evaluations (budget 25)", async () => {
    const f = (hp: nn.tuner.HyperParameters) => (hp.float("x", { min: 0, max: 1 }) - 0.37) ** 2;
    const bayes: number[] = [];
    const rand: number[] = [];
    for (const seed of [1, 2, 3, 4]) {
      bayes.push(await evaluationsToReach("bayes", f, 0, 1e-4, 25, seed));
      rand.push(await evaluationsToReach("random", f, 0, 1e-4, 25, seed));
    }
    for (const b of bayes) expect(b).toBeLessThanOrEqual(25);
    expect(mean(bayes)).toBeLessThan(mean(rand));
  });

  it("2-D: f(x, y) = (x − 0.7)² + 3·(y − 0.2)² on [0, 1]², minimum 0: within 1e-3 in fewer evaluations (budget 40)", async () => {
    const f = (hp: nn.tuner.HyperParameters) => (hp.float("x", { min: 0, max: 1 }) - 0.7) ** 2 + 3 * (hp.float("y", { min: 0, max: 1 }) - 0.2) ** 2;
    const bayes: number[] = [];
    const rand: number[] = [];
    for (const seed of [1, 2, 3, 4]) {
      bayes.push(await evaluationsToReach("bayes", f, 0, 1e-3, 40, seed));
      rand.push(await evaluationsToReach("random", f, 0, 1e-3, 40, seed));
    }
    for (const b of bayes) expect(b).toBeLessThanOrEqual(40);
    expect(mean(bayes)).toBeLessThan(mean(rand));
  });
});
