import * as nn from "nnlab";
import { torchFixture, expectClose, flat } from "../helpers";

// Keras 3 fits of the same data from the same weights (test/fixtures/torch/callbacks.py).
const fx = torchFixture("callbacks");

function weightedModel(c: any, l2: boolean) {
  const model = nn.sequential([
    nn.layers.dense({ units: 1, activation: "sigmoid", inputShape: [2], ...(l2 ? { kernelRegularizer: nn.regularizers.l2(0.01) } : {}) }),
  ]);
  model.setWeights([c.kernel, c.bias]);
  model.compile({
    optimizer: nn.optimizers.sgd({ learningRate: 0.5 }), loss: "binaryCrossentropy",
    metrics: ["accuracy", "precision", "recall", "auc"], weightedMetrics: ["accuracy", "auc"],
  });
  return model;
}

describe("fit matches Keras 3 epoch by epoch: weighted loss, unweighted metrics, weightedMetrics, epoch-wide precision/recall/AUC, validation", () => {
  for (const kind of ["plain", "sample_weight", "class_weight", "l2"]) {
    test(kind, async () => {
      const c = fx.fits[kind];
      const model = weightedModel(c, kind === "l2");
      const history = await model.fit(c.x, c.y, {
        batchSize: 4, epochs: 2, shuffle: false, verbose: 0, validationData: [c.x_val, c.y_val],
        ...(kind === "sample_weight" ? { sampleWeight: c.sample_weight } : {}),
        ...(kind === "class_weight" ? { classWeight: { 0: 1, 1: 3 } } : {}),
      });
      expect(Object.keys(history.history).sort()).toEqual(Object.keys(c.history).sort());
      for (const [key, values] of Object.entries<number[]>(c.history)) {
        try {
          expectClose(history.history[key], values, 1e-5);
        } catch (e) {
          throw new Error(`${key}: ${(e as Error).message}`);
        }
      }
      expectClose(flat(model.getWeights().map((w) => w.toArray())), flat(c.weights_after), 1e-5);
      const ev = model.evaluate(c.x, c.y, { batchSize: 3, returnDict: true, sampleWeight: c.sample_weight });
      for (const [key, value] of Object.entries<number>(c.evaluate_weighted)) expectClose([ev[key]], [value], 1e-5);
    });
  }
});

/** Records fit's steps per epoch and counts the batches. */
class StepProbe extends nn.callbacks.Callback {
  steps = 0;
  batches = 0;
  override onTrainBegin() {
    this.steps = this.params!.steps;
  }
  override onBatchEnd() {
    this.batches++;
  }
}

describe("step and update counts (notes N24, N25) equal Keras's", () => {
  for (const c of fx.steps) {
    test(`${c.n} rows, batch ${c.batch_size}, ${c.epochs} epochs, validationSplit ${c.validation_split}: ${c.steps_per_epoch} steps/epoch, ${c.updates} updates`, async () => {
      nn.setSeed(1);
      const rows = Array.from({ length: c.n }, (_, i) => [((i * 37) % 100) / 100, ((i * 61) % 100) / 100]);
      const y = rows.map(([a, b]) => [a + b > 1 ? 1 : 0]);
      const model = nn.sequential([nn.layers.dense({ units: 1, activation: "sigmoid", inputShape: [2] })]);
      model.compile({ optimizer: "sgd", loss: "binaryCrossentropy" });
      const probe = new StepProbe();
      await model.fit(rows, y, { batchSize: c.batch_size, epochs: c.epochs, validationSplit: c.validation_split, verbose: 0, callbacks: [probe] });
      const { steps, batches } = probe;
      expect(steps).toBe(c.steps_per_epoch);
      expect(batches).toBe(c.updates);
      expect(model.optimizer!.iterations).toBe(c.updates);
    });
  }

  test("N25: the progress line shows 320/320 with batch 1 and 1/1 with batch 400; val accuracy × 80 is a whole number", async () => {
    const rows = Array.from({ length: 400 }, (_, i) => [((i * 37) % 100) / 100, ((i * 61) % 100) / 100]);
    const y = rows.map(([a, b]) => [a + b > 1 ? 1 : 0]);
    for (const [batchSize, progress] of [[1, "320/320"], [400, "1/1"]] as const) {
      const model = nn.sequential([nn.layers.dense({ units: 1, activation: "sigmoid", inputShape: [2] })]);
      model.compile({ optimizer: "sgd", loss: "binaryCrossentropy", metrics: ["accuracy"] });
      const lines: string[] = [];
      const log = jest.spyOn(console, "log").mockImplementation((s: string) => void lines.push(s));
      let h: nn.callbacks.History;
      try {
        h = await model.fit(rows, y, { batchSize, epochs: 1, validationSplit: 0.2, verbose: 2 });
      } finally {
        log.mockRestore();
      }
      expect(lines[1].startsWith(`${progress} - `)).toBe(true);
      const correct = h!.history.val_accuracy[0] * 80;
      expect(Math.abs(correct - Math.round(correct))).toBeLessThan(1e-9);
    }
  });
});

describe("N16: the 'cost of 3' is the sum (not the mean) of squared differences", () => {
  const onehot3 = [0, 0, 0, 1, 0, 0, 0, 0, 0, 0];
  const sse = (outputs: number[]) => nn.metrics.meanSquaredError(nn.tensor([onehot3], { dtype: "float64" }), nn.tensor([outputs], { dtype: "float64" })).item() * 10;
  test("recomputed from the rounded activations: 3.3585 and 0.0252; the notes' 3.37 and 0.03 are rounding", () => {
    const bad = sse([0.43, 0.28, 0.19, 0.88, 0.72, 0.01, 0.64, 0.86, 0.99, 0.63]);
    const good = sse([0.02, 0.03, 0.06, 0.97, 0.07, 0.02, 0.05, 0.06, 0.08, 0.04]);
    expect(Math.abs(bad - 3.3585)).toBeLessThan(1e-9);
    expect(Math.abs(good - 0.0252)).toBeLessThan(1e-9);
    const listed = [0.1863, 0.0809, 0.0357, 0.0138, 0.5242, 0.0001, 0.4079, 0.7388, 0.9817, 0.3998].reduce((a, b) => a + b, 0);
    expect(listed.toFixed(2)).toBe("3.37");
    expect(Math.abs(bad - 3.37)).toBeLessThan(0.02);
  });
});
