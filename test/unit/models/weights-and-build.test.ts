import * as nn from "nnlab";

beforeEach(() => nn.clearSession());

function softmaxModel() {
  const model = nn.sequential([nn.layers.dense({ units: 2, activation: "softmax", inputShape: [2], kernelInitializer: "ones" })]);
  model.compile({ optimizer: nn.optimizers.sgd({ learningRate: 0.1 }), loss: "categoricalCrossentropy" });
  return model;
}

describe("class and sample weights", () => {
  test("classWeight on one-hot targets weighs each sample by its arg-max class (Keras's class_weight_to_sample_weights)", () => {
    const x = [[1, 0], [0, 1], [1, 1]];
    const y = [[1, 0], [0, 1], [0, 1]];
    const a = softmaxModel().trainOnBatch(x, y, { classWeight: { 1: 3 } }) as number;
    const b = softmaxModel().trainOnBatch(x, y, { sampleWeight: [1, 3, 3] }) as number;
    expect(a).toBe(b);
    // Equal kernel weights give p = 0.5 for both classes: per-sample loss ln 2; (1 + 3 + 3)·ln 2 / 3.
    expect(a).toBeCloseTo((7 * Math.LN2) / 3, 6);
  });

  test("validationData with sample weights: val_loss is the weighted evaluation", async () => {
    const model = softmaxModel();
    const xv = [[1, 0], [0, 2]];
    const yv = [[1, 0], [1, 0]];
    const h = await model.fit([[1, 0]], [[1, 0]], { verbose: 0, validationData: [xv, yv, [2, 0]] });
    const expected = model.evaluate(xv, yv, { sampleWeight: [2, 0] }) as number;
    expect(h.history.val_loss[0]).toBeCloseTo(expected, 7);
  });

  test("a per-sample metric with several values per sample weighs each of them by the sample's weight", () => {
    const m = new nn.metrics.MeanMetricWrapper("abs", (t, p) => nn.abs(nn.sub(t, p)), "down");
    // values [[1, 3], [10, 10]] with weights [1, 0] → (1 + 3) / 2
    m.updateState(nn.tensor([[0, 0], [0, 0]]), nn.tensor([[1, 3], [10, 10]]), [1, 0]);
    expect(m.result()).toBe(2);
  });
});

describe("building", () => {
  test("model.build creates the weights of a model without an input shape", () => {
    const model = nn.sequential([nn.layers.dense({ units: 3 }), nn.layers.dense({ units: 1 })]);
    expect(model.countParams()).toBe(0);
    model.build([null, 4]);
    expect(model.countParams()).toBe(4 * 3 + 3 + 3 + 1);
    expect(() => model.build([null, 0] as any)).toThrow("sequential.build: inputShape must be a list of positive integers or null with the batch dimension first, e.g. [null, 11]; got [null,0]");
  });

  test("an InputLayer must come first; fromConfig rejects what is not a config", () => {
    const model = nn.sequential([nn.layers.dense({ units: 1, inputShape: [2] })]);
    expect(() => model.add(nn.layers.input({ shape: [2] }))).toThrow("sequential.add: an InputLayer (input_layer) can only be the first layer");
    expect(() => nn.Sequential.fromConfig({ name: "x" } as any)).toThrow('Sequential.fromConfig: expected { name, layers: [...] }, got {"name":"x"}');
    expect(() => nn.sequential([], { name: "" })).toThrow('sequential: name must be a non-empty string, got ""');
  });
});

describe("'accuracy' with sparseCategoricalCrossentropy", () => {
  test("integer labels get sparse categorical accuracy (hand-computed 2/3)", () => {
    const model = nn.sequential([nn.layers.dense({ units: 3, activation: "softmax", inputShape: [2] })]);
    model.setWeights([[[1, 0, 0], [0, 1, 0]], [0, 0, 0]]);
    model.compile({ optimizer: "sgd", loss: "sparseCategoricalCrossentropy", metrics: ["accuracy"] });
    // argmax of the predictions: 0, 1, 1 against labels 0, 1, 0.
    const { accuracy } = model.evaluate([[5, 0], [0, 5], [0, 5]], [0, 1, 0], { returnDict: true });
    expect(accuracy).toBeCloseTo(2 / 3, 12);
    expect((model.metrics[0] as nn.metrics.Accuracy).resolved).toBeInstanceOf(nn.metrics.SparseCategoricalAccuracy);
  });
});
