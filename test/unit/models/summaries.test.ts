import * as nn from "nnlab";
import { torchFixture } from "../helpers";

// Keras 3's summary text for the models in the notes (test/fixtures/torch/callbacks.py), notes N18 and N19.
const keras: Record<string, string> = torchFixture("callbacks").summaries;

const d = (units: number, activation = "linear", extra: Partial<nn.layers.DenseArgs> = {}) => nn.layers.dense({ units, activation, ...extra });

const models: Record<string, () => nn.Sequential> = {
  // N18: Dense(3, input_dim=11) + Dense(1): 36 + 4 = 40 params, 160.00 B.
  n18_11_3_1: () => nn.sequential([d(3, "relu", { inputDim: 11 }), d(1, "sigmoid")]),
  // N19: 15 + 8 + 3 = 26.
  n19_4_3_2_1: () => nn.sequential([nn.layers.input({ shape: [4] }), d(3, "sigmoid"), d(2, "sigmoid"), d(1, "sigmoid")]),
  // N19: 56 + 56 + 8 = 120.
  n19_7_7_7_1: () => nn.sequential([nn.layers.input({ shape: [7] }), d(7, "relu"), d(7, "relu"), d(1)]),
  // N19: Flatten-128-32-10 = 104,938.
  n19_mnist: () => nn.sequential([nn.layers.input({ shape: [28, 28] }), nn.layers.flatten(), d(128, "relu"), d(32, "relu"), d(10, "softmax")]),
  // N19: 768 + 257 = 1,025.
  n19_2_256_1: () => nn.sequential([nn.layers.input({ shape: [2] }), d(256, "relu"), d(1, "sigmoid")]),
  // N19: 30 + 3·110 + 11 = 371.
  n19_he: () => nn.sequential([nn.layers.input({ shape: [2] }), ...[0, 1, 2, 3].map(() => d(10, "relu", { kernelInitializer: "heNormal" })), d(1, "sigmoid")]),
  // N19: BN model, total 40, trainable 30, non-trainable 10.
  n19_bn: () => nn.sequential([
    nn.layers.input({ shape: [2] }), d(3, "relu"), nn.layers.batchNormalization(), d(2, "relu"), nn.layers.batchNormalization(), d(1, "sigmoid"),
  ]),
};

const counts: Record<string, number> = { n18_11_3_1: 40, n19_4_3_2_1: 26, n19_7_7_7_1: 120, n19_mnist: 104938, n19_2_256_1: 1025, n19_he: 371, n19_bn: 40 };

describe("summaries of the notes' models match Keras 3 (names, shapes, counts, byte sizes)", () => {
  for (const [name, make] of Object.entries(models)) {
    test(`${name}: ${counts[name]} params`, () => {
      nn.clearSession();
      const model = make();
      expect(model.countParams()).toBe(counts[name]);
      expect(textOf(model)).toBe(keras[name]);
    });
  }

  test("N19 BN model: 30 trainable, 10 non-trainable (moving mean and variance)", () => {
    nn.clearSession();
    const data = models.n19_bn().summaryData();
    expect([data.totalParams, data.trainableParams, data.nonTrainableParams]).toEqual([40, 30, 10]);
    expect([data.totalBytes, data.trainableBytes, data.nonTrainableBytes]).toEqual([160, 120, 40]);
  });
});

function textOf(model: nn.Sequential): string {
  const lines: string[] = [];
  const spy = jest.spyOn(console, "log").mockImplementation((s: string) => void lines.push(s));
  try {
    model.summary();
  } finally {
    spy.mockRestore();
  }
  return lines.join("\n");
}
