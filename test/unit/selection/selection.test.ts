/** Cross-validation and grid/random search over tiny nnlab models; distributions; errors. */
import * as nn from "nnlab";
import { Random } from "../../../src/random/rng";

const x = [[0, 0], [0, 1], [1, 0], [1, 1], [0.1, 0.1], [0.9, 0.8], [0.2, 0.9], [0.8, 0.1], [0.15, 0.05], [0.95, 0.9], [0.05, 0.95], [0.9, 0.05]];
const y = [[0], [0], [0], [1], [0], [1], [0], [0], [0], [1], [0], [0]];
const build = (p: { units?: number; lr?: number }) => {
  const m = nn.sequential([nn.layers.dense({ units: p.units ?? 2, activation: "tanh", inputShape: [2] }), nn.layers.dense({ units: 1, activation: "sigmoid" })]);
  m.compile({ optimizer: nn.optimizers.sgd({ learningRate: p.lr ?? 0.5 }), loss: "binaryCrossentropy" });
  return m;
};

describe("crossValidate / crossValScore", () => {
  it("one score per fold, several scorers, train scores on request", async () => {
    nn.setSeed(1);
    const scores = await nn.selection.crossValScore(build, x, y, { cv: 3, scoring: "accuracy", fitArgs: { epochs: 3 } });
    expect(scores).toHaveLength(3);
    for (const s of scores) expect(s === 0 || s === 0.25 || s === 0.5 || s === 0.75 || s === 1).toBe(true);
    const r = await nn.selection.crossValidate(build, x, y, { cv: 4, scoring: ["accuracy", "negLogLoss"], returnTrainScore: true, fitArgs: { epochs: 2 } });
    expect(Object.keys(r.test)).toEqual(["accuracy", "negLogLoss"]);
    expect(r.train!.accuracy).toHaveLength(4);
    expect(r.fitTime).toHaveLength(4);
    for (const v of r.test.negLogLoss) expect(v).toBeLessThan(0);
  });

  it("the default score is the negated loss, equal to -evaluate on the fold", async () => {
    nn.setSeed(2);
    const r = await nn.selection.crossValidate(build, x, y, { cv: [{ train: [0, 1, 2, 3, 4, 5], test: [6, 7, 8, 9, 10, 11] }], returnEstimator: true, fitArgs: { epochs: 1 } });
    const loss = r.estimators![0].evaluate(x.slice(6), y.slice(6)) as number;
    expect(r.test.score[0]).toBeCloseTo(-loss, 6);
  });

  it.each([
    ["mismatched lengths", () => nn.selection.crossValScore(build, x, y.slice(1)), /crossValScore: x has 12 samples but y has 11/],
    ["bad cv", () => nn.selection.crossValScore(build, x, y, { cv: 1 }), /cv must be a whole number ≥ 2/],
    ["unknown scorer", () => nn.selection.crossValScore(build, x, y, { scoring: "f2" }), /unknown scorer "f2". Valid scorers: accuracy/],
    ["fold index", () => nn.selection.crossValScore(build, x, y, { cv: [{ train: [0], test: [40] }] }), /fold 0 has sample index 40, outside 0..11/],
    ["uncompiled", () => nn.selection.crossValScore(() => nn.sequential([nn.layers.dense({ units: 1, inputShape: [2] })]), x, y, { cv: 2 }), /not compiled/],
  ])("%s", async (_n, f, message) => {
    await expect((f as () => Promise<unknown>)()).rejects.toThrow(message);
  });
});

describe("gridSearchCV", () => {
  it("fits = product of grid sizes × folds; scikit-learn's order, columns and ranks; refits the best", async () => {
    nn.setSeed(3);
    const lines: string[] = [];
    const search = await nn.selection.gridSearchCV(build, x, y, { units: [2, 3], lr: [0.1, 0.5, 1] }, {
      cv: 2, scoring: "accuracy", fitArgs: { epochs: 2 }, progress: { write: (t) => lines.push(t), tty: false },
    });
    expect(search.nCandidates).toBe(6);
    expect(search.nFits).toBe(12);
    expect(lines[0]).toBe("Fitting 2 folds for each of 6 candidates, totalling 12 fits\n");
    expect(lines.length).toBeGreaterThan(6);
    // scikit-learn's ParameterGrid: keys sorted (lr, units), the last key fastest.
    expect(search.cvResults.params).toEqual([
      { lr: 0.1, units: 2 }, { lr: 0.1, units: 3 }, { lr: 0.5, units: 2 }, { lr: 0.5, units: 3 }, { lr: 1, units: 2 }, { lr: 1, units: 3 },
    ]);
    const mean = search.cvResults.get("mean_test_score") as number[];
    const s0 = search.cvResults.get("split0_test_score") as number[];
    const s1 = search.cvResults.get("split1_test_score") as number[];
    mean.forEach((m, i) => expect(m).toBeCloseTo((s0[i] + s1[i]) / 2, 12));
    const rank = search.cvResults.get("rank_test_score") as number[];
    mean.forEach((m, i) => expect(rank[i]).toBe(1 + mean.filter((o) => o > m).length));
    expect(search.bestScore).toBe(Math.max(...mean));
    expect(search.bestParams).toEqual(search.cvResults.params[rank.indexOf(1)]);
    expect(search.bestEstimator).toBeDefined();
    const bundle = search.cvResults[nn.JUPYTER_DISPLAY]();
    expect(bundle["text/html"]).toContain("<table");
    expect(bundle["text/plain"]).toContain("mean_test_score");
  });

  it("shows live progress through the display host (one display, then updates)", async () => {
    const calls: string[] = [];
    const host = { display: (_b: unknown, o?: { displayId?: string }) => calls.push(`display ${o?.displayId ? "id" : ""}`), update: () => calls.push("update") };
    nn.setSeed(4);
    await nn.selection.gridSearchCV(build, x, y, { units: [2] }, { cv: 2, fitArgs: { epochs: 1 }, progress: { host } });
    expect(calls[0]).toBe("display id");
    expect(calls.filter((c) => c === "update").length).toBe(3);
  });

  it.each([
    ["refit with several scorers", () => nn.selection.gridSearchCV(build, x, y, { units: [2] }, { scoring: ["accuracy", "f1"] }), /refit must name the one that picks the best candidate/],
    ["unknown refit", () => nn.selection.gridSearchCV(build, x, y, { units: [2] }, { scoring: ["accuracy"], refit: "auc" }), /refit "auc" is not one of the scorers: accuracy/],
    ["empty values", () => nn.selection.gridSearchCV(build, x, y, { units: [] }), /parameter "units" has no candidate values/],
    ["not a list", () => nn.selection.gridSearchCV(build, x, y, { units: 3 } as never), /parameter "units" must have an array of candidate values/],
  ])("%s", async (_n, f, message) => {
    await expect((f as () => Promise<unknown>)()).rejects.toThrow(message);
  });
});

describe("randomizedSearchCV and distributions", () => {
  it("nIter candidates from the distributions, reproducible with a seed", async () => {
    const space = { lr: nn.selection.logUniform(1e-3, 1), units: nn.selection.randInt(1, 4) };
    nn.setSeed(5);
    const a = await nn.selection.randomizedSearchCV(build, x, y, space, { nIter: 3, seed: 0, cv: 2, verbose: 0, fitArgs: { epochs: 1 } });
    const b = await nn.selection.randomizedSearchCV(build, x, y, space, { nIter: 3, seed: 0, cv: 2, verbose: 0, fitArgs: { epochs: 1 } });
    expect(a.cvResults.params).toEqual(b.cvResults.params);
    expect(a.nFits).toBe(6);
    for (const p of a.cvResults.params as { lr: number; units: number }[]) {
      expect(p.lr).toBeGreaterThanOrEqual(1e-3);
      expect(p.lr).toBeLessThanOrEqual(1);
      expect([1, 2, 3]).toContain(p.units);
    }
  });

  it("lists only: drawn from the grid without replacement", () => {
    const c = nn.selection.parameterSampler({ a: [1, 2], b: ["x", "y"] }, 10, 0, new Random(0));
    expect(c).toHaveLength(4);
    expect(new Set(c.map((p) => JSON.stringify(p))).size).toBe(4);
  });

  // Kolmogorov–Smirnov with 4000 samples: the 1% critical value is 1.63/√n ≈ 0.0258.
  function ks(samples: number[], cdf: (v: number) => number): number {
    const s = [...samples].sort((p, q) => p - q);
    return Math.max(...s.map((v, i) => Math.max(Math.abs((i + 1) / s.length - cdf(v)), Math.abs(i / s.length - cdf(v)))));
  }
  const rng = new Random(12345);
  const n = 4000;
  it("uniform(2, 5) follows its CDF (KS < 0.0258)", () => {
    const d = nn.selection.uniform(2, 5);
    expect(ks(Array.from({ length: n }, () => d.sample(rng)), (v) => (v - 2) / 3)).toBeLessThan(0.0258);
  });
  it("logUniform(1e-4, 1e-1): log10 is uniform on [-4, -1] (KS < 0.0258)", () => {
    const d = nn.selection.logUniform(1e-4, 1e-1);
    expect(ks(Array.from({ length: n }, () => d.sample(rng)), (v) => (Math.log10(v) + 4) / 3)).toBeLessThan(0.0258);
  });
  // Chi-square goodness of fit: 5 categories (4 degrees of freedom), 1% critical value 13.28.
  function chi2(samples: unknown[], categories: unknown[]): number {
    const e = samples.length / categories.length;
    return categories.reduce<number>((s, c) => s + (samples.filter((v) => v === c).length - e) ** 2 / e, 0);
  }
  it("randInt(3, 8) gives 3..7 equally often (χ² < 13.28), never 8", () => {
    const d = nn.selection.randInt(3, 8);
    const s = Array.from({ length: n }, () => d.sample(rng));
    expect(s.every((v) => v >= 3 && v <= 7)).toBe(true);
    expect(chi2(s, [3, 4, 5, 6, 7])).toBeLessThan(13.28);
  });
  it("choice over 5 values is uniform (χ² < 13.28)", () => {
    const vals = ["a", "b", "c", "d", "e"];
    const d = nn.selection.choice(vals);
    expect(chi2(Array.from({ length: n }, () => d.sample(rng)), vals)).toBeLessThan(13.28);
  });
  it.each([
    ["uniform bounds", () => nn.selection.uniform(1, 1), /uniform: low must be less than high, got low=1, high=1/],
    ["logUniform low", () => nn.selection.logUniform(0, 1), /logUniform: low must be > 0, got 0/],
    ["randInt integers", () => nn.selection.randInt(0.5, 3), /randInt: low and high must be integers/],
    ["choice empty", () => nn.selection.choice([]), /choice: values must be a non-empty array/],
    ["NaN bound", () => nn.selection.uniform(NaN, 1), /uniform: low and high must be finite numbers/],
    ["unknown distribution", () => nn.selection.parameterSampler({ a: 3 } as never, 2, 0, new Random(0)), /parameter "a" must be a distribution/],
    ["nIter", () => nn.selection.parameterSampler({ a: [1] }, 0, 0, new Random(0)), /nIter must be a whole number ≥ 1, got 0/],
  ])("%s", (_n, f, message) => expect(f).toThrow(message));
});
