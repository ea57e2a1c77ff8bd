import * as nn from "nnlab";

describe("nn.plot.steepestLearningRate (fastai's steep rule)", () => {
  // 20 rates, a quarter decade apart: 1e-4, 10^-3.75, …, 10^0.75.
  const lrs = Array.from({ length: 20 }, (_, i) => 10 ** (-4 + i / 4));
  // A hand-made smoothed curve: a noisy first drop (10 → 2, the first tenth = points 0–1),
  // the real fall with its steepest segment 1.3 → 0.8 from point 8, and a blow-up whose
  // 2 → 0.1 dip (points 16–17) lies in the last 5 points.
  const losses = [10, 2, 2.0, 1.98, 1.95, 1.9, 1.8, 1.6, 1.3, 0.8, 0.5, 0.4, 0.35, 0.34, 0.4, 0.3, 2, 0.1, 5, 9];

  test("ignores the first tenth and the last 5 points; takes the start of the steepest segment", () => {
    // Kept segments start at points 2…13; their drops are 0.02, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5 (8 → 9), 0.3, …
    // all over the same quarter decade, so the largest drop is the steepest: point 8, lr = 10^(-4 + 2).
    expect(nn.plot.steepestLearningRate(lrs, losses)).toBe(lrs[8]);
    expect(lrs[8]).toBeCloseTo(1e-2, 15);
  });

  test("without skipping, the noisy start would win (the bug this rule avoids)", () => {
    expect(nn.plot.steepestLearningRate(lrs, losses, { start: 0, end: 0 })).toBe(lrs[0]);
    expect(nn.plot.steepestLearningRate(lrs, losses, { start: 0, end: 5 })).toBe(lrs[0]);
    // Keeping the end: the 2 → 0.1 dip over a quarter decade (-7.6/decade) beats 1.3 → 0.8 (-2/decade).
    expect(nn.plot.steepestLearningRate(lrs, losses, { start: 2, end: 0 })).toBe(lrs[16]);
  });

  test("short curves keep at least one segment; a curve that never falls has no suggestion", () => {
    expect(nn.plot.steepestLearningRate([1e-3, 1e-2], [2, 1])).toBe(1e-3);
    expect(nn.plot.steepestLearningRate([1e-3, 1e-2, 1e-1], [3, 1, 0.5])).toBe(1e-3);
    expect(nn.plot.steepestLearningRate(lrs, lrs.map((_, i) => i))).toBeUndefined();
  });

  test("nn.lrFinder uses the same rule on its smoothed losses", async () => {
    nn.setSeed(3);
    const x = Array.from({ length: 64 }, (_, i) => [((i * 13) % 64) / 64, ((i * 29) % 64) / 64]);
    const y = x.map(([a, b]) => [1.5 * a - 2 * b]);
    const model = nn.sequential([nn.layers.dense({ units: 1, inputShape: [2] })]);
    model.compile({ optimizer: "sgd", loss: "mse" });
    const r = await nn.lrFinder(model, x, y, { minLr: 1e-4, maxLr: 1, steps: 40, batchSize: 16 });
    expect(r.suggestion).toBe(nn.plot.steepestLearningRate(r.learningRates, r.losses));
    // The first 4 of 40 steps are never suggested.
    expect(r.suggestion!).toBeGreaterThanOrEqual(r.learningRates[4]);
  });
});
