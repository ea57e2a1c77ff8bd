#!/usr/bin/env node
// Training throughput of an LSTM in nnlab next to TensorFlow.js (cpu backend), measured in the same run.
//
// The task (issue 4): LSTM(64) on sequences of length 32 with 8 features, batch 32, then Dense(1),
// mean squared error, Adam 1e-3; 512 synthetic sequences whose target is a fixed weighted sum of
// the inputs averaged over time (learnable, so the loss falls in both libraries). Each repetition
// is one `model.fit` epoch (16 steps) through each library's public API; the libraries alternate
// after a warm-up epoch each and the medians are compared (bench/harness.mjs).
//
//   npm run bench                                  # builds nnlab, runs every benchmark
//   node bench/lstm.mjs --reps 7
//   node --cpu-prof bench/lstm.mjs --only nnlab    # profile one library (results untouched)
//
// Writes bench/results-lstm.json. Not a test: nothing here asserts a speed.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { loadNnlab, loadTfjsCpu, mulberry32, runAlternating } from "./harness.mjs";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

const SAMPLES = 512;
const STEPS = 32;
const FEATURES = 8;
const UNITS = 64;
const BATCH = 32;
const LEARNING_RATE = 1e-3;
const SEED = 42;

/** Inputs uniform in [−1, 1); target: a fixed random weighting of the features, averaged over time. */
function syntheticData() {
  const rand = mulberry32(SEED);
  const x = new Float32Array(SAMPLES * STEPS * FEATURES);
  for (let i = 0; i < x.length; i++) x[i] = rand() * 2 - 1;
  const w = Array.from({ length: FEATURES }, () => rand() * 2 - 1);
  const y = new Float32Array(SAMPLES);
  for (let s = 0; s < SAMPLES; s++) {
    let v = 0;
    for (let t = 0; t < STEPS; t++) for (let f = 0; f < FEATURES; f++) v += w[f] * x[(s * STEPS + t) * FEATURES + f];
    y[s] = v / STEPS;
  }
  return { x, y };
}

async function setUpNnlab(data) {
  const nn = loadNnlab();
  nn.setSeed(SEED);
  const model = nn.sequential([nn.layers.lstm({ units: UNITS, inputShape: [STEPS, FEATURES] }), nn.layers.dense({ units: 1 })]);
  model.compile({ optimizer: nn.optimizers.adam({ learningRate: LEARNING_RATE }), loss: "meanSquaredError" });
  const x = nn.tensor(data.x, { shape: [SAMPLES, STEPS, FEATURES] });
  const y = nn.tensor(data.y, { shape: [SAMPLES, 1] });
  return {
    name: "nnlab",
    version: require("nnlab/package.json").version,
    fitEpoch: async () => (await model.fit(x, y, { epochs: 1, batchSize: BATCH, shuffle: true, verbose: 0 })).history.loss[0],
  };
}

async function setUpTfjs(data) {
  const tf = await loadTfjsCpu();
  const model = tf.sequential({
    layers: [
      tf.layers.lstm({
        units: UNITS, inputShape: [STEPS, FEATURES],
        kernelInitializer: tf.initializers.glorotUniform({ seed: SEED }), recurrentInitializer: tf.initializers.orthogonal({ seed: SEED + 1 }),
      }),
      tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: SEED + 2 }) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: "meanSquaredError" });
  const x = tf.tensor3d(data.x, [SAMPLES, STEPS, FEATURES]);
  const y = tf.tensor2d(data.y, [SAMPLES, 1]);
  return {
    name: "tfjs-cpu",
    version: tf.version.tfjs,
    fitEpoch: async () => (await model.fit(x, y, { epochs: 1, batchSize: BATCH, shuffle: true, verbose: 0 })).history.loss[0],
  };
}

const data = syntheticData();
await runAlternating({
  title: `LSTM(${UNITS}) on ${STEPS}×${FEATURES} sequences → Dense(1), MSE, Adam lr ${LEARNING_RATE}, batch ${BATCH}, ${SAMPLES} samples`,
  task: { model: `LSTM(${UNITS}) → Dense(1)`, sequence: [STEPS, FEATURES], loss: "meanSquaredError", optimizer: `adam(${LEARNING_RATE})`, batchSize: BATCH, samples: SAMPLES },
  samples: SAMPLES,
  setUps: { nnlab: () => setUpNnlab(data), "tfjs-cpu": () => setUpTfjs(data) },
  resultsFile: path.join(here, "results-lstm.json"),
});
