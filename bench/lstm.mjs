#!/usr/bin/env node
// Training throughput of an LSTM in nnlab next to TensorFlow.js (cpu backend), measured in the same run.
//
// The task (issue 4): LSTM(64) on sequences of length 32 with 8 features, batch 32, then Dense(1),
// mean squared error, Adam 1e-3; 512 synthetic sequences whose target is a fixed weighted sum of the
// inputs (learnable, so the loss falls in both libraries). Each repetition is one `model.fit`
// epoch (16 steps) through each library's public API; the libraries alternate after a warm-up
// epoch each and the medians are compared, as in bench/mlp.mjs.
//
//   npm run build -w src && node bench/lstm.mjs [--reps 5] [--only nnlab]
//
// Writes bench/results-lstm.json. Not a test: nothing here asserts a speed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

const SAMPLES = 512;
const STEPS = 32;
const FEATURES = 8;
const UNITS = 64;
const BATCH = 32;
const LEARNING_RATE = 1e-3;
const SEED = 42;

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const REPS = option("reps", 5);
const WARMUP = option("warmup", 1);
const ONLY = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;

/** mulberry32: the same bytes for both libraries every run. */
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

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

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
    nn.layers.lstm({ units: UNITS, inputShape: [STEPS, FEATURES] }),
    nn.layers.dense({ units: 1 }),
  ]);
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
  const tf = require("@tensorflow/tfjs");
  await tf.setBackend("cpu");
  await tf.ready();
  const model = tf.sequential({
    layers: [
      tf.layers.lstm({ units: UNITS, inputShape: [STEPS, FEATURES], kernelInitializer: tf.initializers.glorotUniform({ seed: SEED }), recurrentInitializer: tf.initializers.orthogonal({ seed: SEED + 1 }) }),
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

async function main() {
  const data = syntheticData();
  const setUps = { nnlab: setUpNnlab, "tfjs-cpu": setUpTfjs };
  const runners = [];
  for (const [name, setUp] of Object.entries(setUps)) if (!ONLY || ONLY === name) runners.push(await setUp(data));
  const results = Object.fromEntries(runners.map((r) => [r.name, { version: r.version, epochs: [] }]));
  console.log(`LSTM(${UNITS}) on ${STEPS}×${FEATURES} sequences → Dense(1), MSE, Adam lr ${LEARNING_RATE}, batch ${BATCH}, ${SAMPLES} samples; ${WARMUP} warm-up + ${REPS} timed epochs each, alternating`);
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
  const cpus = os.cpus();
  const report = {
    date: new Date().toISOString(),
    task: { model: `LSTM(${UNITS}) → Dense(1)`, sequence: [STEPS, FEATURES], loss: "meanSquaredError", optimizer: `adam(${LEARNING_RATE})`, batchSize: BATCH, samples: SAMPLES, warmup: WARMUP, reps: REPS },
    machine: { cpu: cpus[0]?.model ?? "unknown", logicalCores: cpus.length, node: process.version, loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))) },
    results,
    ratio,
  };
  fs.writeFileSync(path.join(here, "results-lstm.json"), JSON.stringify(report, null, 2) + "\n");
  console.log(`wrote ${path.relative(process.cwd(), path.join(here, "results-lstm.json"))}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
