import * as nn from "nnlab";

/** y = 2x₁ − x₂ + 0.5 on 64 fixed points. */
function regression() {
  const x = Array.from({ length: 64 }, (_, i) => [((i * 13) % 64) / 64, ((i * 29) % 64) / 64]);
  const y = x.map(([a, b]) => [2 * a - b + 0.5]);
  nn.setSeed(2);
  const model = nn.sequential([nn.layers.dense({ units: 1, inputShape: [2] })]);
  model.compile({ optimizer: nn.optimizers.sgd({ learningRate: 0.01, momentum: 0.9 }), loss: "mse" });
  return { model, x, y };
}

describe("nn.lrFinder", () => {
  test("learning rates grow exponentially from minLr to maxLr; losses are the bias-corrected moving average", async () => {
    const { model, x, y } = regression();
    const r = await nn.lrFinder(model, x, y, { minLr: 1e-4, maxLr: 1e-1, steps: 31, batchSize: 16 });
    expect(r.learningRates).toHaveLength(31);
    expect(r.learningRates[0]).toBeCloseTo(1e-4, 15);
    expect(r.learningRates[30]).toBeCloseTo(1e-1, 12);
    expect(r.learningRates[10]).toBeCloseTo(1e-3, 14); // a decade every 10 steps
    let avg = 0;
    r.rawLosses.forEach((loss, i) => {
      avg = 0.98 * avg + 0.02 * loss;
      expect(r.losses[i]).toBeCloseTo(avg / (1 - 0.98 ** (i + 1)), 10);
    });
    expect(r.losses.at(-1)!).toBeLessThan(r.losses[0]);
    expect(r.suggestion).toBeGreaterThan(1e-4);
    expect(r.suggestion).toBeLessThanOrEqual(1e-1);
  });

  test("restores the weights exactly and leaves the model's optimizer untouched", async () => {
    const { model, x, y } = regression();
    await model.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0 });
    const before = model.getWeights().map((w) => Array.from(w.data));
    const opt = model.optimizer!;
    const [iterations, lr, state] = [opt.iterations, opt.learningRate, JSON.stringify(opt.getState())];
    await nn.lrFinder(model, x, y, { minLr: 1e-3, maxLr: 10, steps: 50 });
    expect(model.getWeights().map((w) => Array.from(w.data))).toEqual(before);
    expect([opt.iterations, opt.learningRate, JSON.stringify(opt.getState())]).toEqual([iterations, lr, state]);
  });

  test("stops once the loss diverges (4× its best) and suggests a rate below the divergence", async () => {
    const { model, x, y } = regression();
    const r = await nn.lrFinder(model, x, y, { minLr: 1e-4, maxLr: 1e4, steps: 200, batchSize: 8 });
    expect(r.learningRates.length).toBeLessThan(200);
    const last = r.losses.at(-1)!;
    expect(!Number.isFinite(last) || last > 4 * Math.min(...r.losses.slice(0, -1))).toBe(true);
    expect(r.suggestion!).toBeLessThan(r.learningRates.at(-1)!);
    // The suggestion is where the smoothed loss falls fastest against log(lr), ignoring the first
    // tenth and the last 5 points (fastai's "steep" rule).
    let best = 0;
    let at = -1;
    const n = r.losses.length;
    for (let i = Math.floor(n / 10); i + 1 < n - 5; i++) {
      const slope = (r.losses[i + 1] - r.losses[i]) / Math.log(r.learningRates[i + 1] / r.learningRates[i]);
      if (Number.isFinite(slope) && slope < best) [best, at] = [slope, i];
    }
    expect(r.suggestion).toBe(r.learningRates[at]);
  });

  test("epochs sets the number of steps; bad arguments are named", async () => {
    const { model, x, y } = regression();
    expect((await nn.lrFinder(model, x, y, { epochs: 2, batchSize: 16, maxLr: 1e-2 })).learningRates).toHaveLength(8);
    await expect(nn.lrFinder(model, x, y, { minLr: 1, maxLr: 0.1 })).rejects.toThrow("lrFinder: maxLr must be a finite number > minLr (1), got 0.1");
    await expect(nn.lrFinder(model, x, y, { steps: 10, epochs: 1 })).rejects.toThrow("lrFinder: give steps or epochs, not both");
    await expect(nn.lrFinder(model, x, y, { minLr: 0 })).rejects.toThrow("lrFinder: minLr must be a finite number > 0, got 0");
    const uncompiled = nn.sequential([nn.layers.dense({ units: 1, inputShape: [2] })]);
    await expect(nn.lrFinder(uncompiled, x, y)).rejects.toThrow(/the model must be compiled first: call model.compile\(\{ optimizer, loss \}\) before lrFinder\(\)/);
  });
});
