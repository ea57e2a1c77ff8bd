// What every training benchmark in bench/ shares: options, a seeded generator for synthetic
// data, the machine description, and the alternating timing loop that prints medians and writes
// a results file. A benchmark supplies only its data and one `fitEpoch` per library.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** `--name value` from the command line as a number, or `fallback`. */
export function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** `--only nnlab` (or `--only tfjs-cpu`): time one library, e.g. under `node --cpu-prof`. */
export const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;

/**
 * The nnlab build to time: `NNLAB_PATH=/path/to/dist` compares another build (e.g. a branch's)
 * without touching this tree; by default the workspace package `nnlab` (src/dist).
 */
export function loadNnlab() {
  return require(process.env.NNLAB_PATH ? path.resolve(process.env.NNLAB_PATH) : "nnlab");
}

/** TensorFlow.js on its cpu backend (plain JavaScript, like nnlab: the fair peer). */
export async function loadTfjsCpu() {
  const tf = require("@tensorflow/tfjs");
  await tf.setBackend("cpu");
  await tf.ready();
  return tf;
}

/** mulberry32: a small seeded generator, so every library trains on the same bytes every run. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The median of a list of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
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

/**
 * Times `runners` (each `{ name, version, fitEpoch: async () => epochLoss }`, set up by
 * `setUps[name]()`), alternating after `warmup` epochs each so that a busy phase of a shared
 * machine hits all of them; prints every epoch and the medians of samples/s, and writes
 * `{ date, task, machine, results, ratio }` to `resultsFile` unless `--only` narrowed the run.
 * `ratio` is the first runner's median over the second's.
 */
export async function runAlternating({ title, task, samples, setUps, resultsFile, reps = option("reps", 5), warmup = option("warmup", 1) }) {
  const loadAtStart = os.loadavg();
  const runners = [];
  for (const [name, setUp] of Object.entries(setUps)) if (!only || only === name) runners.push(await setUp());
  const results = Object.fromEntries(runners.map((r) => [r.name, { version: r.version, epochs: [] }]));
  console.log(`${title}; ${warmup} warm-up + ${reps} timed epochs each, alternating`);
  for (let rep = -warmup; rep < reps; rep++) {
    for (const r of runners) {
      const start = process.hrtime.bigint();
      const loss = await r.fitEpoch();
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const t = { samplesPerSecond: samples / seconds, seconds, loss };
      const label = rep < 0 ? "warm-up" : `rep ${rep + 1}`;
      console.log(`  ${r.name.padEnd(9)} ${label.padEnd(8)} ${t.samplesPerSecond.toFixed(0).padStart(7)} samples/s  (${t.seconds.toFixed(2)} s, loss ${t.loss.toFixed(4)})`);
      if (rep >= 0) results[r.name].epochs.push(t);
    }
  }
  for (const r of runners) results[r.name].medianSamplesPerSecond = median(results[r.name].epochs.map((e) => e.samplesPerSecond));
  const [first, second] = runners.map((r) => results[r.name].medianSamplesPerSecond);
  const ratio = first && second ? first / second : null;
  const medians = runners.map((r) => `${r.name} ${results[r.name].medianSamplesPerSecond.toFixed(0)}`).join(", ");
  console.log(`\nmedian samples/s: ${medians}${ratio ? `; ${runners[0].name}/${runners[1].name} = ${ratio.toFixed(2)}` : ""}`);
  if (only) return; // a partial run (profiling) does not replace the recorded comparison
  const report = { date: new Date().toISOString(), task: { ...task, warmup, reps }, machine: machine(loadAtStart), results, ratio };
  fs.writeFileSync(resultsFile, JSON.stringify(report, null, 2) + "\n");
  console.log(`wrote ${path.relative(process.cwd(), resultsFile)}`);
}
