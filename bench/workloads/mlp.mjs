// Issue 9's MLP: 784-128-10 (relu, softmax + categorical cross-entropy), Adam, batch 64,
// 8192 synthetic samples; training samples/s.
import { mulberry32 } from "../harness.mjs";
import { ADAM, fitEpochRep, tfjsAdam, tfjsGlorot, trainingWorkload } from "./common.mjs";

/** Sizes, shared with the PyTorch peer through the setup message. */
export const task = { samples: 8192, features: 784, hidden: 128, classes: 10, batchSize: 64, seed: 42, adam: ADAM };

/**
 * Inputs uniform in [0, 1) (like scaled MNIST pixels); one-hot labels from a fixed random linear
 * "teacher", so the task is learnable and the loss falls in every library.
 */
export function makeData({ samples, features, classes, seed } = task) {
  const rand = mulberry32(seed);
  const x = new Float32Array(samples * features);
  for (let i = 0; i < x.length; i++) x[i] = rand();
  const teacher = new Float32Array(features * classes);
  for (let i = 0; i < teacher.length; i++) teacher[i] = rand() * 2 - 1;
  const y = new Float32Array(samples * classes);
  for (let s = 0; s < samples; s++) {
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < classes; c++) {
      let score = 0;
      for (let f = 0; f < features; f++) score += x[s * features + f] * teacher[f * classes + c];
      if (score > bestScore) [best, bestScore] = [c, score];
    }
    y[s * classes + best] = 1;
  }
  return { x, y };
}

/** The MLP in nnlab (its initializers are seeded by nn.setSeed). */
export function nnlabModel(nn) {
  nn.setSeed(task.seed);
  const model = nn.sequential([
    nn.layers.dense({ units: task.hidden, activation: "relu", inputShape: [task.features] }),
    nn.layers.dense({ units: task.classes, activation: "softmax" }),
  ]);
  model.compile({ optimizer: nn.optimizers.adam(ADAM), loss: "categoricalCrossentropy" });
  return model;
}

/** The same MLP in TensorFlow.js. */
export function tfjsModel(tf) {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: task.hidden, activation: "relu", inputShape: [task.features], kernelInitializer: tfjsGlorot(tf, task.seed) }),
      tf.layers.dense({ units: task.classes, activation: "softmax", kernelInitializer: tfjsGlorot(tf, task.seed + 1) }),
    ],
  });
  model.compile({ optimizer: tfjsAdam(tf), loss: "categoricalCrossentropy" });
  return model;
}

export default trainingWorkload({
  id: "mlp",
  title: "MLP 784-128-10 training",
  reps: 5,
  task,
  makeData,
  nnlab(nn, data) {
    const x = nn.tensor(data.x, { shape: [task.samples, task.features] });
    const y = nn.tensor(data.y, { shape: [task.samples, task.classes] });
    return fitEpochRep(nnlabModel(nn), x, y, task);
  },
  tfjs(tf, data) {
    const x = tf.tensor2d(data.x, [task.samples, task.features]);
    const y = tf.tensor2d(data.y, [task.samples, task.classes]);
    return fitEpochRep(tfjsModel(tf), x, y, task);
  },
});
