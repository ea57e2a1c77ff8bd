#!/usr/bin/env node
// Training throughput of nnlab next to TensorFlow.js (cpu backend), measured in the same run.
//
// The task (issue 3): an MLP 784-128-10 (relu, softmax + categorical cross-entropy), Adam with
// learning rate 1e-3, batch 64, 8192 synthetic samples. Each repetition is one `model.fit` epoch
// (128 steps) through each library's public API, so the numbers include everything a user pays
// for: batching, shuffling, the forward pass, backprop, the optimizer step and the loss logs.
// The libraries alternate (nnlab, tfjs, nnlab, …) after a warm-up epoch each, so a slow phase of a
// shared machine hits both; the medians are compared.
//
//   npm run bench                      # builds nnlab (src/dist), then runs this file
//   node bench/mlp.mjs --reps 7        # more repetitions
//   node --cpu-prof bench/mlp.mjs --only nnlab   # profile one library (results.json untouched)
//
// Writes bench/results.json. Not a test: nothing here asserts a speed.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { loadNnlab, loadTfjsCpu, mulberry32, runAlternating } from "./harness.mjs";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

const SAMPLES = 8192;
const FEATURES = 784;
const HIDDEN = 128;
const CLASSES = 10;
const BATCH = 64;
const LEARNING_RATE = 1e-3;
const SEED = 42;

/**
 * Inputs uniform in [0, 1) (like scaled MNIST pixels); labels from a fixed random linear
 * "teacher", so the task is learnable and the loss falls (a check that both libraries train).
 */
function syntheticData() {
  const rand = mulberry32(SEED);
  const x = new Float32Array(SAMPLES * FEATURES);
  for (let i = 0; i < x.length; i++) x[i] = rand();
  const teacher = new Float32Array(FEATURES * CLASSES);
  for (let i = 0; i < teacher.length; i++) teacher[i] = rand() * 2 - 1;
  const y = new Float32Array(SAMPLES * CLASSES);
  for (let s = 0; s < SAMPLES; s++) {
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < CLASSES; c++) {
      let score = 0;
      for (let f = 0; f < FEATURES; f++) score += x[s * FEATURES + f] * teacher[f * CLASSES + c];
      if (score > bestScore) [best, bestScore] = [c, score];
    }
    y[s * CLASSES + best] = 1;
  }
  return { x, y };
}

async function setUpNnlab(data) {
  const nn = loadNnlab();
  nn.setSeed(SEED);
  const model = nn.sequential([
    nn.layers.dense({ units: HIDDEN, activation: "relu", inputShape: [FEATURES] }),
    nn.layers.dense({ units: CLASSES, activation: "softmax" }),
  ]);
  model.compile({ optimizer: nn.optimizers.adam({ learningRate: LEARNING_RATE }), loss: "categoricalCrossentropy" });
  const x = nn.tensor(data.x, { shape: [SAMPLES, FEATURES] });
  const y = nn.tensor(data.y, { shape: [SAMPLES, CLASSES] });
  return {
    name: "nnlab",
    version: require("nnlab/package.json").version,
    fitEpoch: async () => {
      const history = await model.fit(x, y, { epochs: 1, batchSize: BATCH, shuffle: true, verbose: 0 });
      return history.history.loss[0];
    },
  };
}

async function setUpTfjs(data) {
  const tf = await loadTfjsCpu();
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: HIDDEN, activation: "relu", inputShape: [FEATURES], kernelInitializer: tf.initializers.glorotUniform({ seed: SEED }) }),
      tf.layers.dense({ units: CLASSES, activation: "softmax", kernelInitializer: tf.initializers.glorotUniform({ seed: SEED + 1 }) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: "categoricalCrossentropy" });
  const x = tf.tensor2d(data.x, [SAMPLES, FEATURES]);
  const y = tf.tensor2d(data.y, [SAMPLES, CLASSES]);
  return {
    name: "tfjs-cpu",
    version: tf.version.tfjs,
    fitEpoch: async () => {
      const history = await model.fit(x, y, { epochs: 1, batchSize: BATCH, shuffle: true, verbose: 0 });
      return history.history.loss[0];
    },
  };
}

const data = syntheticData();
await runAlternating({
  title: `MLP ${FEATURES}-${HIDDEN}-${CLASSES}, Adam lr ${LEARNING_RATE}, batch ${BATCH}, ${SAMPLES} samples`,
  task: { model: `${FEATURES}-${HIDDEN}-${CLASSES} relu/softmax`, loss: "categoricalCrossentropy", optimizer: `adam(${LEARNING_RATE})`, batchSize: BATCH, samples: SAMPLES },
  samples: SAMPLES,
  setUps: { nnlab: () => setUpNnlab(data), "tfjs-cpu": () => setUpTfjs(data) },
  resultsFile: path.join(here, "results.json"),
});
