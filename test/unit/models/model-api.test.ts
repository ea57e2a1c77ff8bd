import * as nn from "nnlab";
import { expectClose, flat } from "../helpers";

/** A 2-input linear unit with weights kernel [[0.5], [-0.5]], bias [0]. */
function linear(lr = 0.1) {
  const model = nn.sequential([nn.layers.dense({ units: 1, inputShape: [2] })]);
  model.setWeights([[[0.5], [-0.5]], [0]]);
  model.compile({ optimizer: nn.optimizers.sgd({ learningRate: lr }), loss: "mse" });
  return model;
}

describe("single-batch methods (hand-computed)", () => {
  test("trainOnBatch returns the loss before the step and takes one SGD step", () => {
    // pred = 1·0.5 + 2·(−0.5) = −0.5; loss = (−0.5 − 1)² = 2.25; dL/dpred = −3
    // kernel ← [0.5, −0.5] − 0.1·[−3, −6] = [0.8, 0.1]; bias ← 0 − 0.1·(−3) = 0.3
    const model = linear();
    expect(model.trainOnBatch([[1, 2]], [[1]])).toBeCloseTo(2.25, 6);
    expectClose(flat(model.getWeights().map((w) => w.toArray())), [0.8, 0.1, 0.3], 1e-6);
    expect(model.optimizer!.iterations).toBe(1);
    // After the step: pred = 0.8 + 0.2 + 0.3 = 1.3, loss 0.09; testOnBatch changes nothing.
    expect(model.testOnBatch([[1, 2]], [[1]])).toBeCloseTo(0.09, 6);
    expect(model.testOnBatch([[1, 2]], [[1]], { returnDict: true })).toEqual({ loss: expect.closeTo(0.09, 6) });
    expectClose(model.predictOnBatch([[1, 2]]).data, [1.3], 1e-6);
    expect(model.optimizer!.iterations).toBe(1);
  });

  test("trainOnBatch with sample weights: Keras's sum(w·loss)/batch", () => {
    const model = linear();
    // per-sample losses: (−0.5 − 1)² = 2.25 and (0.5 − 0)² = 0.25 for x = [1, 0]; weights 2 and 0.
    expect(model.trainOnBatch([[1, 2], [1, 0]], [[1], [0]], { sampleWeight: [2, 0] })).toBeCloseTo((2 * 2.25 + 0) / 2, 6);
  });
});

describe("stopping", () => {
  const x = [[1, 0], [0, 1], [1, 1], [2, 0], [0, 2], [1, 2]];
  const y = [[1], [2], [3], [2], [4], [5]];

  test("terminateOnNaN: fit stops at the bad batch, names epoch and batch, and keeps the last good step's weights", async () => {
    const bad = x.map((r) => [...r]);
    bad[5][0] = Number.NaN; // batch 3 of 3 (rows 4–5) has a NaN input
    const model = linear(0.01);
    const afterBatch: number[][] = [];
    const record = nn.callbacks.lambdaCallback({ onBatchEnd: () => void afterBatch.push(flat(model.getWeights().map((w) => w.toArray()))) });
    const lines: string[] = [];
    const log = jest.spyOn(console, "log").mockImplementation((s: string) => void lines.push(s));
    let h: nn.callbacks.History;
    try {
      h = await model.fit(bad, y, { epochs: 3, batchSize: 2, shuffle: false, verbose: 0, callbacks: [nn.callbacks.terminateOnNaN(), record] });
    } finally {
      log.mockRestore();
    }
    const message = "Epoch 1/3, batch 3/3: invalid loss (NaN), terminating training; the weights are those of the last good step";
    expect(lines).toEqual([message]);
    expect(h!.stopped).toBe(true);
    expect(h!.stopReason).toBe(message);
    expect(h!.stoppedAt).toEqual({ epoch: 0, batch: 2 });
    expect(model.optimizer!.iterations).toBe(2);
    const weights = flat(model.getWeights().map((w) => w.toArray()));
    expect(weights.every(Number.isFinite)).toBe(true);
    expect(weights).toEqual(afterBatch[1]);
    expect(afterBatch[2]).toEqual(afterBatch[1]);
  });

  test("terminateOnNaN({ raiseError: true }) rejects with the message; without it the NaN step is applied (as Keras)", async () => {
    const bad = x.map((r) => [...r]);
    bad[0][1] = Number.POSITIVE_INFINITY;
    await expect(linear().fit(bad, y, { batchSize: 2, shuffle: false, verbose: 0, callbacks: [nn.callbacks.terminateOnNaN({ raiseError: true })] })).rejects.toThrow(
      /^Epoch 1\/1, batch 1\/3: invalid loss \((NaN|Infinity)\), terminating training/,
    );
    const model = linear();
    await model.fit(bad, y, { batchSize: 2, shuffle: false, verbose: 0 });
    expect(flat(model.getWeights().map((w) => w.toArray())).some((v) => !Number.isFinite(v))).toBe(true);
  });

  test("stopTraining set during a batch (the kernel's Stop) ends fit at the batch boundary; history records it", async () => {
    const model = linear();
    const stop = nn.callbacks.lambdaCallback({ onBatchEnd: (batch) => { if (batch === 1) model.stopTraining = true; } });
    const h = await model.fit(x, y, { epochs: 5, batchSize: 2, shuffle: false, verbose: 0, callbacks: [stop] });
    expect(model.optimizer!.iterations).toBe(2);
    expect(h.epoch).toEqual([0]); // the partial epoch is still logged, as Keras does
    expect(h.stopped).toBe(true);
    expect(h.stoppedAt).toEqual({ epoch: 0, batch: 1 });
    expect(h.stopReason).toBe("model.stopTraining was set");
  });

  test("a full run is not marked stopped; earlyStopping's reason reaches the history", async () => {
    const model = linear(0);
    expect((await model.fit(x, y, { epochs: 2, verbose: 0 })).stopped).toBe(false);
    const h = await model.fit(x, y, { epochs: 10, verbose: 0, callbacks: [nn.callbacks.earlyStopping({ monitor: "loss", patience: 1 })] });
    expect(h.epoch).toEqual([0, 1]); // lr 0: no improvement after epoch 0
    expect(h.stopReason).toMatch(/^early stopping: loss did not improve for 1 epoch/);
  });
});

describe("initialEpoch, learning-rate schedule, lambda callbacks", () => {
  test("epochs run from initialEpoch to epochs − 1; the scheduler sees those epoch numbers and logs learning_rate", async () => {
    const model = linear(0.1);
    const seen: number[] = [];
    const h = await model.fit([[1, 2]], [[1]], {
      epochs: 5, initialEpoch: 2, verbose: 0,
      callbacks: [nn.callbacks.learningRateScheduler((epoch, lr) => lr / 2), nn.callbacks.lambdaCallback({ onEpochBegin: (e) => void seen.push(e) })],
    });
    expect(seen).toEqual([2, 3, 4]);
    expect(h.epoch).toEqual([2, 3, 4]);
    expect(h.history.learning_rate).toEqual([0.05, 0.025, 0.0125]);
    expect(model.optimizer!.learningRate).toBe(0.0125);
  });

  test("a schedule returning a non-number is an error naming the epoch", async () => {
    const model = linear();
    await expect(model.fit([[1, 2]], [[1]], { verbose: 0, callbacks: [nn.callbacks.learningRateScheduler(() => Number.NaN)] })).rejects.toThrow(
      "LearningRateScheduler: schedule(0, 0.1) must return a finite number ≥ 0, got null",
    );
  });
});

describe("InputLayer, getConfig / fromConfig, setWeights", () => {
  test("an InputLayer first sets the input shape, is not listed in layers, and names itself in shape errors", () => {
    nn.clearSession();
    const model = nn.sequential([nn.layers.input({ shape: [3] }), nn.layers.dense({ units: 2 })]);
    expect(model.layers.map((l) => l.name)).toEqual(["dense"]);
    expect(model.summaryData().layers.map((l) => l.name)).toEqual(["dense"]);
    expect(model.countParams()).toBe(8);
    expect(() => model.predict(nn.zeros([4, 5]))).toThrow("sequential: layer input_layer expects input shape [*, 3] but got [4, 5]");
  });

  test("fromConfig(getConfig()) rebuilds the same architecture; setWeights(getWeights()) the same function", () => {
    nn.setSeed(3);
    const model = nn.sequential([nn.layers.input({ shape: [3] }), nn.layers.dense({ units: 4, activation: "relu" }), nn.layers.dense({ units: 1 })], { name: "net" });
    const config = JSON.parse(JSON.stringify(model.getConfig()));
    const copy = nn.Sequential.fromConfig(config);
    expect(copy.name).toBe("net");
    expect(copy.getConfig()).toEqual(config);
    copy.setWeights(model.getWeights());
    const x = nn.tensor([[0.1, -0.2, 0.3], [1, 2, 3]]);
    expect(Array.from(copy.predict(x).data)).toEqual(Array.from(model.predict(x).data));
  });

  test("setWeights checks the count and every shape before writing, naming the weight", () => {
    nn.clearSession();
    const model = nn.sequential([nn.layers.dense({ units: 2, inputShape: [3] })]);
    const before = model.getWeights();
    expect(() => model.setWeights([nn.zeros([3, 2])])).toThrow("sequential.setWeights: the model has 2 weights (dense/kernel, dense/bias) but 1 values were given");
    expect(() => model.setWeights([nn.ones([3, 2]), nn.zeros([3])])).toThrow("sequential.setWeights: weight 1 (dense/bias) has shape [2] but the value has shape [3]");
    expect(Array.from(model.weights[0].data)).toEqual(Array.from(before[0].data));
  });
});

describe("input validation of fit, evaluate and the batch methods", () => {
  const x = [[0, 0], [0, 1], [1, 0], [1, 1]];
  const y = [[0], [1], [1], [0]];
  beforeEach(() => nn.clearSession());

  test("fit options", async () => {
    const model = linear();
    await expect(model.fit(x, y, { batch_size: 2 } as any)).rejects.toThrow('sequential.fit: unknown option "batch_size". Valid options: epochs, batchSize');
    await expect(model.fit(x, y, { verbose: 3 as any })).rejects.toThrow("sequential.fit: verbose must be 0, 1 or 2, got 3");
    await expect(model.fit(x, y, { validationSplit: 1.5 })).rejects.toThrow("sequential.fit: validationSplit must be a number in [0, 1), got 1.5");
    await expect(model.fit(x, y, { validationSplit: 0.9 })).rejects.toThrow("sequential.fit: validationSplit 0.9 leaves no training samples out of 4");
    await expect(model.fit(x, y, { validationData: [x] as any })).rejects.toThrow("sequential.fit: validationData must be [x, y] or [x, y, sampleWeight]");
    await expect(model.fit(x, y, { validationData: [x, [[1]]] })).rejects.toThrow("sequential.fit: validationData: x has 4 samples but y has 1");
    await expect(model.fit(x, y, { epochs: 0 })).rejects.toThrow("sequential.fit: epochs must be a positive integer, got 0");
    await expect(model.fit(x, y, { callbacks: [{}] as any })).rejects.toThrow("sequential.fit: callbacks must be an array of callbacks");
  });

  test("sample and class weights", async () => {
    const model = linear();
    await expect(model.fit(x, y, { sampleWeight: [1, 2] })).rejects.toThrow("sequential.fit: sampleWeight needs one weight per sample, shape [4], got [2]");
    await expect(model.fit(x, y, { sampleWeight: [1, 2, -1, 1] })).rejects.toThrow("sequential.fit: sample weights must be finite and ≥ 0, got -1 at sample 2");
    await expect(model.fit(x, y, { sampleWeight: [1, 1, 1, 1], classWeight: { 0: 1 } })).rejects.toThrow("sequential.fit: give classWeight or sampleWeight, not both");
    await expect(model.fit(x, y, { classWeight: { a: 1 } as any })).rejects.toThrow('sequential.fit: classWeight keys must be class indices (integers ≥ 0), got "a"');
    await expect(model.fit(x, y, { classWeight: { 1: -2 } })).rejects.toThrow("sequential.fit: classWeight[1] must be a finite number ≥ 0, got -2");
  });

  test("before compile, and mismatched data", () => {
    const model = nn.sequential([nn.layers.dense({ units: 1, inputShape: [2] })]);
    expect(() => model.evaluate(x, y)).toThrow("sequential.evaluate: the model must be compiled first: call model.compile({ optimizer, loss }) before evaluate()");
    expect(() => model.trainOnBatch(x, y)).toThrow("the model must be compiled first: call model.compile({ optimizer, loss }) before trainOnBatch()");
    expect(() => linear().evaluate(x, [[1]])).toThrow("evaluate: x has 4 samples but y has 1 (shapes [4, 2] and [1, 1])");
    expect(() => linear().testOnBatch(x, y, { sampleWeight: [1] })).toThrow("testOnBatch: sampleWeight needs one weight per sample, shape [4], got [1]");
    expect(() => linear().predict(x, { batchSize: 0 })).toThrow(/\.predict: batchSize must be a positive integer, got 0/);
    expect(() => linear().predict(5)).toThrow(/\.predict: x needs a sample dimension, got a scalar/);
    expect(() => linear().compile({ optimizer: "sgd", loss: "mse", metrics: "accuracy" as any })).toThrow(/\.compile: metrics must be an array \(e.g. \["accuracy"\]\), got string/);
    expect(() => linear().compile({ optimizer: "sgd", loss: "mse", metrics: ["mae", "mae"] })).toThrow(/\.compile: two metrics would be logged as "mae"/);
  });
});
