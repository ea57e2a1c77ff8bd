#!/usr/bin/env node
// Training throughput of a small CNN in nnlab next to TensorFlow.js (cpu backend), measured in the same run.
//
// The task (issue 4): conv 3×3×8 (relu) → max-pool 2 → conv 3×3×16 (relu) → max-pool 2 → dense 10
// (softmax + categorical cross-entropy) on 28×28×1 images, Adam with learning rate 1e-3, batch 32,
// 512 synthetic samples (tfjs-cpu trains this CNN at only a few samples/s, so more would take
// minutes per epoch). Each repetition is one `model.fit` epoch (16 steps) through each library's
// public API. The libraries alternate after a warm-up epoch each; medians are compared
// (bench/harness.mjs).
// tfjs's cpu backend is the peer: its wasm backend cannot train convolutions (no Conv2DBackpropFilter).
//
//   npm run bench                                 # builds nnlab, runs every benchmark
//   node bench/cnn.mjs --reps 5 --samples 1024
//   node --cpu-prof bench/cnn.mjs --only nnlab    # profile one library (results untouched)
//   NNLAB_PATH=/other/src/dist node bench/cnn.mjs # time another build of nnlab
//
// Writes bench/results-cnn.json. Not a test: nothing here asserts a speed.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { loadNnlab, loadTfjsCpu, mulberry32, option, runAlternating } from "./harness.mjs";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

const SAMPLES = option("samples", 512);
const SIDE = 28;
const CLASSES = 10;
const BATCH = 32;
const LEARNING_RATE = 1e-3;
const SEED = 42;

/**
 * Images with a bright 6×6 square on a noisy background; the label is the square's position on
 * a coarse grid (a task a CNN learns, so the falling loss shows that both libraries train).
 */
function syntheticData() {
  const rand = mulberry32(SEED);
  const x = new Float32Array(SAMPLES * SIDE * SIDE);
  const y = new Float32Array(SAMPLES * CLASSES);
  for (let s = 0; s < SAMPLES; s++) {
    const label = Math.floor(rand() * CLASSES);
    const top = 2 + Math.floor(label / 5) * 12 + Math.floor(rand() * 6);
    const left = 1 + (label % 5) * 5 + Math.floor(rand() * 2);
    for (let i = 0; i < SIDE * SIDE; i++) x[s * SIDE * SIDE + i] = rand() * 0.3;
    for (let r = top; r < Math.min(top + 6, SIDE); r++) for (let c = left; c < Math.min(left + 6, SIDE); c++) x[s * SIDE * SIDE + r * SIDE + c] = 0.7 + rand() * 0.3;
    y[s * CLASSES + label] = 1;
  }
  return { x, y };
}

async function setUpNnlab(data) {
  const nn = loadNnlab();
  nn.setSeed(SEED);
  const L = nn.layers;
  const model = nn.sequential([
    L.conv2d({ filters: 8, kernelSize: 3, activation: "relu", inputShape: [SIDE, SIDE, 1] }),
    L.maxPooling2d({ poolSize: 2 }),
    L.conv2d({ filters: 16, kernelSize: 3, activation: "relu" }),
    L.maxPooling2d({ poolSize: 2 }),
    L.flatten(),
    L.dense({ units: CLASSES, activation: "softmax" }),
  ]);
  model.compile({ optimizer: nn.optimizers.adam({ learningRate: LEARNING_RATE }), loss: "categoricalCrossentropy" });
  const x = nn.tensor(data.x, { shape: [SAMPLES, SIDE, SIDE, 1] });
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
  const init = (seed) => tf.initializers.glorotUniform({ seed });
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: "relu", inputShape: [SIDE, SIDE, 1], kernelInitializer: init(SEED) }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: "relu", kernelInitializer: init(SEED + 1) }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: CLASSES, activation: "softmax", kernelInitializer: init(SEED + 2) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: "categoricalCrossentropy" });
  const x = tf.tensor4d(data.x, [SAMPLES, SIDE, SIDE, 1]);
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
  title: `CNN conv3×3×8 → pool → conv3×3×16 → pool → dense${CLASSES} on ${SIDE}×${SIDE}×1, Adam lr ${LEARNING_RATE}, batch ${BATCH}, ${SAMPLES} samples`,
  task: { model: `conv3x3x8-maxpool-conv3x3x16-maxpool-dense${CLASSES}`, input: [SIDE, SIDE, 1], loss: "categoricalCrossentropy", optimizer: `adam(${LEARNING_RATE})`, batchSize: BATCH, samples: SAMPLES },
  samples: SAMPLES,
  setUps: { nnlab: () => setUpNnlab(data), "tfjs-cpu": () => setUpTfjs(data) },
  resultsFile: path.join(here, "results-cnn.json"),
  reps: option("reps", 3),
});
