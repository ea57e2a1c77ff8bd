import * as nn from "nnlab";

const X = [[0, 0], [0, 1], [1, 0], [1, 1]];
const XOR = [[0], [1], [1], [0]];

function xorModel() {
  const model = nn.sequential([
    nn.layers.dense({ units: 2, activation: "sigmoid", inputShape: [2] }),
    nn.layers.dense({ units: 1, activation: "sigmoid" }),
  ]);
  model.compile({ optimizer: nn.optimizers.sgd({ learningRate: 0.5, momentum: 0.9 }), loss: "binaryCrossentropy", metrics: ["accuracy"] });
  return model;
}

describe("training XOR", () => {
  test("a seeded 2-2-1 network learns the truth table", async () => {
    nn.setSeed(0);
    const model = xorModel();
    const history = await model.fit(X, XOR, { epochs: 1000, batchSize: 4, verbose: 0 });
    const predicted = Array.from(model.predict(X).data, (p) => (p > 0.5 ? 1 : 0));
    expect(predicted).toEqual([0, 1, 1, 0]);
    expect(history.history.accuracy.at(-1)).toBe(1);
    expect(history.history.loss.at(-1)!).toBeLessThan(0.05);
    expect(history.epoch).toHaveLength(1000);
    expect(model.history).toBe(history);
  }, 60_000); // 1,000 epochs: well under a second alone, but CI machines may be busy.

  test("the same seed gives the same loss curve, bit for bit; another seed does not", async () => {
    const run = async (seed: number) => {
      nn.setSeed(seed);
      return (await xorModel().fit(X, XOR, { epochs: 20, batchSize: 2, verbose: 0 })).history.loss;
    };
    const a = await run(3);
    expect(await run(3)).toEqual(a);
    expect(await run(4)).not.toEqual(a);
  });

  test("validationSplit holds out the last samples and reports val_ metrics", async () => {
    nn.setSeed(1);
    const model = xorModel();
    const h = await model.fit(X, XOR, { epochs: 2, validationSplit: 0.25, verbose: 0 });
    expect(Object.keys(h.history).sort()).toEqual(["accuracy", "loss", "val_accuracy", "val_loss"]);
    // The held-out sample is [1, 1] → 0; val_loss is its BCE on the prediction after each epoch.
    const p = model.predict([[1, 1]]).item();
    expect(h.history.val_loss[1]).toBeCloseTo(-Math.log(1 - p), 5);
  });

  test("verbose 2 prints one Keras-style line per epoch", async () => {
    const lines: string[] = [];
    jest.spyOn(console, "log").mockImplementation((s: string) => void lines.push(s));
    try {
      await xorModel().fit(X, XOR, { epochs: 2, batchSize: 4, verbose: 2 });
    } finally {
      jest.restoreAllMocks();
    }
    expect(lines[0]).toBe("Epoch 1/2");
    expect(lines[1]).toMatch(/^1\/1 - \d+s - \d+(s|ms|us)\/step - accuracy: \d\.\d{4} - loss: \d\.\d{4}$/);
    expect(lines).toHaveLength(4);
  });

  test("evaluate returns [loss, accuracy] and, with returnDict, named values", () => {
    const model = xorModel();
    const [loss, acc] = model.evaluate(X, XOR) as number[];
    const dict = model.evaluate(X, XOR, { returnDict: true });
    expect(dict).toEqual({ loss, accuracy: acc });
    const p = Array.from(model.predict(X).data);
    const bce = -[0, 1, 1, 0].reduce((s, t, i) => s + (t ? Math.log(p[i]) : Math.log(1 - p[i])), 0) / 4;
    expect(loss).toBeCloseTo(bce, 5);
  });

  test("a callback can stop training; the model stays usable", async () => {
    const model = xorModel();
    class StopAfterTwo extends nn.callbacks.Callback {
      override onEpochEnd(epoch: number) {
        if (epoch === 1) this.model!.stopTraining = true;
      }
    }
    const h = await model.fit(X, XOR, { epochs: 10, verbose: 0, callbacks: [new StopAfterTwo()] });
    expect(h.epoch).toEqual([0, 1]);
    expect(model.predict(X).shape).toEqual([4, 1]);
  });
});

describe("clear errors", () => {
  test("a wrong input width names the layer and both shapes", () => {
    nn.clearSession();
    const model = nn.sequential([nn.layers.dense({ units: 3, inputShape: [4] }), nn.layers.dense({ units: 1 })]);
    expect(() => model.predict(nn.zeros([32, 3]))).toThrow("sequential: layer dense expects input shape [*, 4] but got [32, 3]");
    const layer = model.layers[1];
    expect(() => layer.apply(nn.zeros([32, 4]))).toThrow("dense_1 expects input shape [*, 3] but got [32, 4]");
  });

  test("fit before compile says so", async () => {
    const model = nn.sequential([nn.layers.dense({ units: 1, inputShape: [2] })]);
    await expect(model.fit(X, XOR)).rejects.toThrow(/must be compiled first: call model.compile/);
  });

  test("an unknown id lists the valid ones; Keras snake_case ids work", () => {
    const model = nn.sequential([nn.layers.dense({ units: 1, inputShape: [2] })]);
    expect(() => model.compile({ optimizer: "sgd", loss: "binary_crossentropy_typo" })).toThrow(
      /unknown loss "binary_crossentropy_typo". Valid losses: (\w+, )*binaryCrossentropy, (\w+, )*meanSquaredError\b/,
    );
    expect(() => nn.layers.dense({ units: 1, activation: "relux" })).toThrow(/activation: unknown activation "relux". Valid activations: (\w+, )*relu, (\w+, )*sigmoid\b/);
    expect(() => model.compile({ optimizer: "sgd", loss: "mean_squared_error" })).not.toThrow();
  });

  test("x and y with different sample counts", async () => {
    const model = xorModel();
    await expect(model.fit(X, [[0], [1]])).rejects.toThrow("x has 4 samples but y has 2");
  });

  test("ragged data and bad hyperparameters", () => {
    expect(() => nn.tensor([[1, 2], [3]])).toThrow(/ragged nested array: \[1\] should have 2 entries, got 1/);
    expect(() => nn.layers.dense({ units: 0 })).toThrow(/units must be a positive integer, got 0/);
    expect(() => nn.optimizers.sgd({ momentum: 1.5 })).toThrow(/momentum must be in \[0, 1\), got 1.5/);
    expect(() => nn.add(nn.zeros([2, 3]), nn.zeros([4]))).toThrow(/shapes \[2, 3\] and \[4\] cannot be broadcast/);
  });
});

describe("tensors", () => {
  test("broadcasting follows NumPy", () => {
    const a = nn.tensor([[1, 2, 3], [4, 5, 6]]);
    expect(a.add(nn.tensor([10, 20, 30])).toArray()).toEqual([[11, 22, 33], [14, 25, 36]]);
    expect(a.mul(nn.tensor([[2], [3]])).toArray()).toEqual([[2, 4, 6], [12, 15, 18]]);
    expect(a.sum(0).toArray()).toEqual([5, 7, 9]);
    expect(a.mean(1, true).toArray()).toEqual([[2], [5]]);
    expect(a.transpose().toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(a.matmul(nn.tensor([[1], [0], [-1]])).toArray()).toEqual([[-2], [-2]]);
  });

  test("prints shape, dtype and NumPy-style values, truncating large tensors", () => {
    expect(nn.tensor([[1, 2], [3, 4]]).toString()).toBe("Tensor(shape=[2, 2], dtype=float32)\n[[1., 2.],\n [3., 4.]]");
    const big = nn.zeros([2000]).toString();
    expect(big).toContain("0., 0., 0., ..., 0., 0., 0.");
  });

  test("float64 on request, float32 by default", () => {
    expect(nn.tensor([1]).dtype).toBe("float32");
    expect(nn.tensor([1], { dtype: "float64" }).data).toBeInstanceOf(Float64Array);
  });
});
