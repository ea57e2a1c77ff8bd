/**
 * The layers inside `fit`, against a Keras 3 run (test/fixtures/torch/layers.py, keras_training):
 * kernel L2 and activity L1 penalties join the loss, BatchNormalization updates its moving
 * statistics in training, and a MaxNorm kernel constraint is re-imposed after every step.
 */
import * as nn from "nnlab";
import { expectClose, flat, torchFixture } from "../helpers";

const ref = torchFixture("layers").keras_training;

test("a short SGD fit matches Keras 3: per-epoch loss (with penalties) and every final weight", async () => {
  nn.clearSession();
  const model = nn.sequential([
    nn.layers.dense({ units: 3, activation: "tanh", inputShape: [2], kernelRegularizer: nn.regularizers.l2(0.05), activityRegularizer: nn.regularizers.l1(0.01) }),
    nn.layers.batchNormalization({ momentum: 0.8 }),
    nn.layers.dense({ units: 1, activation: "sigmoid", kernelConstraint: nn.constraints.maxNorm({ maxValue: 0.5 }) }),
  ]);
  const w = ref.initial;
  model.setWeights([w.k1, w.b1, w.gamma, w.beta, [0, 0, 0], [1, 1, 1], w.k2, w.b2].map((v) => nn.tensor(v)));
  model.compile({ optimizer: nn.optimizers.sgd({ learningRate: 0.1 }), loss: "binaryCrossentropy" });
  const history = await model.fit(ref.x, ref.y, { batchSize: 4, epochs: 3, shuffle: false, verbose: 0 });
  expectClose(history.history.loss, ref.loss, 1e-5);
  const finals = model.getWeights();
  ref.final.forEach((expected: unknown, i: number) => expectClose(finals[i].data, flat(expected), 1e-5));
  // The constraint held: the kernel column's norm is at most 0.5.
  expect(Math.hypot(...Array.from(finals[6].data))).toBeLessThanOrEqual(0.5 + 1e-6);
});
