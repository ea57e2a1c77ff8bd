/**
 * Summaries of models made of this area's layers match Keras 3's text exactly (names, output
 * shapes, parameter counts, byte sizes). The strings come from Keras itself:
 * test/fixtures/torch/layer_summaries.py.
 */
import * as nn from "nnlab";
import { torchFixture } from "../helpers";

const keras: Record<string, string> = torchFixture("layer_summaries");

/** The text/plain summary, as `model.summary()` prints it on a console. */
function summaryText(model: nn.Model): string {
  return model[nn.JUPYTER_DISPLAY]()["text/plain"] as string;
}

const L = nn.layers;

function bnModel(): nn.Sequential {
  return nn.sequential([
    L.input({ shape: [2] }),
    L.dense({ units: 3, activation: "relu" }), L.batchNormalization(),
    L.dense({ units: 2, activation: "relu" }), L.batchNormalization(),
    L.dense({ units: 1, activation: "sigmoid" }),
  ]);
}

beforeEach(() => nn.clearSession());

test("N19 BatchNormalization model: 9, 12, 8, 8, 3 → 40 total, 30 trainable, 10 non-trainable", () => {
  const model = bnModel();
  expect(model.layers.map((l) => l.countParams())).toEqual([9, 12, 8, 8, 3]);
  expect(summaryText(model)).toBe(keras.bn_model);
});

test("a frozen BatchNormalization counts gamma and beta as non-trainable (24 / 16)", () => {
  const model = bnModel();
  model.layers[1].trainable = false;
  expect(summaryText(model)).toBe(keras.bn_frozen);
});

test("N19 MNIST Flatten-128-32-10: 104,938 params", () => {
  const model = nn.sequential([
    L.flatten({ inputShape: [28, 28] }),
    L.dense({ units: 128, activation: "relu" }), L.dense({ units: 32, activation: "relu" }), L.dense({ units: 10, activation: "softmax" }),
  ]);
  expect(model.countParams()).toBe(104938);
  expect(summaryText(model)).toBe(keras.mnist_flatten);
});

test("Reshape, LayerNormalization, Flatten, PReLU (per unit and shared), Dropout, Activation", () => {
  const model = nn.sequential([
    L.inputLayer({ inputShape: [12] }),
    L.reshape({ targetShape: [3, 4] }), L.layerNormalization(), L.flatten(),
    L.dense({ units: 8 }), L.prelu(), L.dropout({ rate: 0.5 }), L.activation({ activation: "relu" }),
    L.reshape({ targetShape: [-1, 2] }), L.prelu({ sharedAxes: [1] }), L.flatten(), L.dense({ units: 1 }),
  ]);
  expect(summaryText(model)).toBe(keras.mixed);
  // The model runs end to end with the shapes the summary shows.
  expect(model.predict(nn.ones([5, 12])).shape).toEqual([5, 1]);
});

test("regularizers and constraints leave the summary unchanged", () => {
  const model = nn.sequential([
    L.dense({ units: 4, inputShape: [5], kernelRegularizer: "l2", biasRegularizer: "l1", activityRegularizer: "l2", kernelConstraint: "max_norm" }),
    L.dense({ units: 1, useBias: false }),
  ]);
  expect(summaryText(model)).toBe(keras.regularized);
});
