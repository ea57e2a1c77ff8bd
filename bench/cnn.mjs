#!/usr/bin/env node
// Training throughput of a small CNN in nnlab next to TensorFlow.js (cpu backend), measured in the same run.
//
// The task (issue 4): conv 3×3×8 (relu) → max-pool 2 → conv 3×3×16 (relu) → max-pool 2 → dense 10
// (softmax + categorical cross-entropy) on 28×28×1 images, Adam with learning rate 1e-3, batch 32,
// 512 synthetic samples (tfjs-cpu trains this CNN at only a few samples/s, so more would take
// minutes per epoch). Each repetition is one `model.fit` epoch (16 steps) through each library's
// public API. The libraries alternate after a warm-up epoch each; medians are compared.
// tfjs's cpu backend is the peer: its wasm backend cannot train convolutions (no Conv2DBackpropFilter).
//
//   npm run bench                      # builds nnlab (src/dist), then runs the benchmarks
//   node bench/cnn.mjs --reps 5        # more repetitions
//   NNLAB_PATH=/tmp/dist node bench/cnn.mjs   # time another build of nnlab
//
// Writes bench/results-cnn.json. Not a test: nothing here asserts a speed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const SAMPLES = option("samples", 512);
const SIDE = 28;
const CLASSES = 10;
const BATCH = 32;
const LEARNING_RATE = 1e-3;
const SEED = 42;

const REPS = option("reps", 3);
const WARMUP = option("warmup", 1);
/** `--only nnlab` times one library (for profiling with `node --cpu-prof`). */
const ONLY = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;

/** mulberry32: a small seeded generator, so both libraries train on the same bytes every run. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** One epoch through `fit`; returns samples per second and the epoch's mean loss. */
async function timeEpoch(fitEpoch) {
  const start = process.hrtime.bigint();
  const loss = await fitEpoch();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { samplesPerSecond: SAMPLES / seconds, seconds, loss };
}

async function setUpNnlab(data) {
  const nn = require(process.env.NNLAB_PATH ?? "nnlab");
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
    version: require(path.join(path.dirname(require.resolve(process.env.NNLAB_PATH ?? "nnlab")), "..", "package.json")).version,
    fitEpoch: async () => {
      const history = await model.fit(x, y, { epochs: 1, batchSize: BATCH, shuffle: true, verbose: 0 });
      return history.history.loss[0];
    },
  };
}

async function setUpTfjs(data) {
  const tf = require("@tensorflow/tfjs");
  await tf.setBackend("cpu");
  await tf.ready();
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

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    logicalCores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

async function main() {
  const data = syntheticData();
  const setUps = { nnlab: setUpNnlab, "tfjs-cpu": setUpTfjs };
  const runners = [];
  for (const [name, setUp] of Object.entries(setUps)) if (!ONLY || ONLY === name) runners.push(await setUp(data));
  const results = Object.fromEntries(runners.map((r) => [r.name, { version: r.version, epochs: [] }]));
  console.log(`CNN conv3×3×8 → pool → conv3×3×16 → pool → dense${CLASSES} on ${SIDE}×${SIDE}×1, Adam lr ${LEARNING_RATE}, batch ${BATCH}, ${SAMPLES} samples; ${WARMUP} warm-up + ${REPS} timed epochs each, alternating`);
  for (let rep = -WARMUP; rep < REPS; rep++) {
    for (const r of runners) {
      const t = await timeEpoch(r.fitEpoch);
      const label = rep < 0 ? "warm-up" : `rep ${rep + 1}`;
      console.log(`  ${r.name.padEnd(9)} ${label.padEnd(8)} ${t.samplesPerSecond.toFixed(0).padStart(7)} samples/s  (${t.seconds.toFixed(2)} s, loss ${t.loss.toFixed(4)})`);
      if (rep >= 0) results[r.name].epochs.push(t);
    }
  }
  for (const r of runners) results[r.name].medianSamplesPerSecond = median(results[r.name].epochs.map((e) => e.samplesPerSecond));
  const nnlab = results.nnlab?.medianSamplesPerSecond;
  const tfjs = results["tfjs-cpu"]?.medianSamplesPerSecond;
  const ratio = nnlab && tfjs ? nnlab / tfjs : null;
  console.log(`\nmedian samples/s: ${runners.map((r) => `${r.name} ${results[r.name].medianSamplesPerSecond.toFixed(0)}`).join(", ")}${ratio ? `; nnlab/tfjs-cpu = ${ratio.toFixed(2)}` : ""}`);
  if (ONLY) return;

  const report = {
    date: new Date().toISOString(),
    task: { model: `conv3x3x8-maxpool-conv3x3x16-maxpool-dense${CLASSES}`, input: [SIDE, SIDE, 1], loss: "categoricalCrossentropy", optimizer: `adam(${LEARNING_RATE})`, batchSize: BATCH, samples: SAMPLES, warmup: WARMUP, reps: REPS },
    machine: machine(),
    results,
    ratio,
  };
  fs.writeFileSync(path.join(here, "results-cnn.json"), JSON.stringify(report, null, 2) + "\n");
  console.log(`wrote ${path.relative(process.cwd(), path.join(here, "results-cnn.json"))}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
