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
//
// Writes bench/results.json. Not a test: nothing here asserts a speed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

const SAMPLES = 8192;
const FEATURES = 784;
const HIDDEN = 128;
const CLASSES = 10;
const BATCH = 64;
const LEARNING_RATE = 1e-3;
const SEED = 42;

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const REPS = option("reps", 5);
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
  const nn = require("nnlab");
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
  // The cpu backend is plain JavaScript, like nnlab: the fair comparison. (tfjs-node wraps
  // libtensorflow in C++ and is a different league; a later issue compares against it.)
  const tf = require("@tensorflow/tfjs");
  await tf.setBackend("cpu");
  await tf.ready();
  const seed = SEED;
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: HIDDEN, activation: "relu", inputShape: [FEATURES], kernelInitializer: tf.initializers.glorotUniform({ seed }) }),
      tf.layers.dense({ units: CLASSES, activation: "softmax", kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: "categoricalCrossentropy" });
  const x = tf.tensor2d(data.x, [SAMPLES, FEATURES]);
  const y = tf.tensor2d(data.y, [SAMPLES, CLASSES]);
  return {
    name: "tfjs-cpu",
    version: tf.version.tfjs,
    backend: tf.getBackend(),
    fitEpoch: async () => {
      const history = await model.fit(x, y, { epochs: 1, batchSize: BATCH, shuffle: true, verbose: 0 });
      return history.history.loss[0];
    },
  };
}

/** Where the numbers come from; load averages show how busy the (shared) machine was. */
function machine(loadAtStart) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    logicalCores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverageAtStart: loadAtStart.map((l) => Number(l.toFixed(2))),
    loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

async function main() {
  const loadAtStart = os.loadavg();
  const data = syntheticData();
  const setUps = { nnlab: setUpNnlab, "tfjs-cpu": setUpTfjs };
  const runners = [];
  for (const [name, setUp] of Object.entries(setUps)) if (!ONLY || ONLY === name) runners.push(await setUp(data));
  const results = Object.fromEntries(runners.map((r) => [r.name, { version: r.version, epochs: [] }]));
  console.log(`MLP ${FEATURES}-${HIDDEN}-${CLASSES}, Adam lr ${LEARNING_RATE}, batch ${BATCH}, ${SAMPLES} samples; ${WARMUP} warm-up + ${REPS} timed epochs each, alternating`);
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
  if (ONLY) return; // a partial run (profiling) does not replace the recorded comparison

  const report = {
    date: new Date().toISOString(),
    task: { model: `${FEATURES}-${HIDDEN}-${CLASSES} relu/softmax`, loss: "categoricalCrossentropy", optimizer: `adam(${LEARNING_RATE})`, batchSize: BATCH, samples: SAMPLES, warmup: WARMUP, reps: REPS },
    machine: machine(loadAtStart),
    results,
    ratio,
  };
  fs.writeFileSync(path.join(here, "results.json"), JSON.stringify(report, null, 2) + "\n");
  console.log(`wrote ${path.relative(process.cwd(), path.join(here, "results.json"))}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
