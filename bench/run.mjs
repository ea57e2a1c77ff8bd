#!/usr/bin/env node
// Issue 9's benchmark suite: every workload × every library in one run, alternating.
//
//   npm run bench                                   # builds nnlab, then runs this with defaults
//   node bench/run.mjs --workloads mlp,cnn          # some workloads (ids or groups: matmul, mlp)
//   node bench/run.mjs --only nnlab-ts,tfjs-cpu     # some libraries
//   node bench/run.mjs --reps 1 --warmup 0          # a quick check of the machinery
//   node bench/run.mjs --python /tmp/refvenv/bin/python   # the PyTorch peer's interpreter
//   node bench/run.mjs --verbose                    # show what the library processes print
//   node bench/run.mjs --write                      # a partial run also writes results.json and README
//
// Libraries: nnlab once per compute backend (nnlab-wasm, nnlab-ts), TensorFlow.js 4.22 on its cpu
// and wasm backends, and PyTorch CPU (bench/torch_peer.py) when `import torch` works in the
// project's venv (.venv/bin/python, or --python / NNLAB_BENCH_PYTHON); "skipped" otherwise.
// Every library runs every workload in its own process (peak RSS per library and workload; no
// shared heap), all with one thread. Within a workload the processes are started and set up, then
// each gets `warmup` untimed and `reps` timed repetitions, one at a time, in turn (the starting
// library rotates each round), so a busy phase of the shared machine hits all of them alike.
// The medians are compared.
//
// A full run (no --only/--workloads) writes bench/results.json and the marked results section of
// bench/README.md; a partial run prints only, unless --write. Not a test: nothing asserts a speed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { listOption, machine, option, root, stringOption } from "./harness.mjs";
import { writeWorkloadData } from "./data-files.mjs";
import { LibraryProcess } from "./library-process.mjs";
import { selectWorkloads } from "./workloads/index.mjs";

const require = createRequire(import.meta.url);
const report = require("./report.cjs");

// --help prints the usage above; an unknown option is an error (a typo must not start a full run,
// which takes ~10 minutes and rewrites results.json).
const KNOWN_FLAGS = ["--help", "--verbose", "--write"];
const KNOWN_OPTIONS = ["--reps", "--warmup", "--only", "--workloads", "--python"];
if (process.argv.includes("--help")) {
  const usage = fs.readFileSync(new URL(import.meta.url), "utf8").split("\n").slice(1).filter((l) => l.startsWith("//")).map((l) => l.replace(/^\/\/ ?/, ""));
  console.log(usage.join("\n"));
  process.exit(0);
}
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (KNOWN_OPTIONS.includes(arg)) i++;
  else if (!KNOWN_FLAGS.includes(arg)) {
    console.error(`bench: unknown argument ${JSON.stringify(arg)}; options: ${[...KNOWN_OPTIONS.map((o) => `${o} <value>`), ...KNOWN_FLAGS].join(", ")}`);
    process.exit(2);
  }
}

const here = path.join(root, "bench");
const verbose = process.argv.includes("--verbose");
const repsOption = option("reps", undefined);
const warmup = option("warmup", 1);
const onlyLibraries = listOption("only");
const workloadNames = listOption("workloads");
const partial = Boolean(onlyLibraries || workloadNames);
const write = !partial || process.argv.includes("--write");
const python = stringOption("python", process.env.NNLAB_BENCH_PYTHON ?? path.join(root, ".venv", "bin", "python"));

const unknown = (onlyLibraries ?? []).filter((l) => !report.LIBRARIES.includes(l));
if (unknown.length) throw new RangeError(`bench: unknown librar${unknown.length > 1 ? "ies" : "y"} ${unknown.join(", ")}; valid: ${report.LIBRARIES.join(", ")}`);
const libraries = report.LIBRARIES.filter((l) => !onlyLibraries || onlyLibraries.includes(l));
const workloads = selectWorkloads(workloadNames);

/** Whether the PyTorch peer can run: `{ ok, version, python }` or `{ ok: false, reason }`. */
function torchAvailability() {
  const probe = spawnSync(python, ["-c", "import sys, torch; print(torch.__version__); print(sys.version.split()[0])"], { encoding: "utf8" });
  if (probe.error) return { ok: false, reason: `no Python at ${python} (${probe.error.code}); pip install torch==2.13.0 into .venv or pass --python` };
  if (probe.status !== 0) return { ok: false, reason: `torch not installed in ${path.relative(root, python) || python} (pip install torch==2.13.0)` };
  const [version, pythonVersion] = probe.stdout.trim().split("\n");
  return { ok: true, version, python: pythonVersion };
}

const label = (rep) => (rep < 0 ? "warm-up" : `rep ${rep + 1}`);

/** Runs one workload for every library; returns `{ title, unit, better, training, task, libraries }`. */
async function runWorkload(workload, dataDir, torch) {
  const reps = repsOption ?? workload.reps;
  const entries = {};
  const active = [];
  console.log(`\n${workload.title} (${workload.unit}, ${workload.better} is better; ${warmup} warm-up + ${reps} reps)`);
  for (const library of libraries) {
    if (library === "torch" && !torch.ok) {
      entries[library] = { status: "skipped", reason: torch.reason };
      continue;
    }
    const { proc, first } = await LibraryProcess.start(library, workload.id, dataDir, { python, verbose });
    if (first.type !== "ready") {
      entries[library] = { status: first.type, reason: first.reason };
      console.log(`  ${library.padEnd(10)} ${first.type}: ${first.reason}`);
      proc.stop();
      continue;
    }
    entries[library] = { status: "ok", version: first.version, backend: first.backend, values: [], warmup: [], losses: [] };
    active.push(proc);
  }
  for (let rep = -warmup; rep < reps; rep++) {
    const round = rep + warmup;
    const order = active.map((_, i) => active[(i + round) % active.length]);
    for (const proc of order) {
      const entry = entries[proc.library];
      if (entry.status !== "ok") continue;
      const reply = await proc.request("rep");
      if (reply.type !== "rep") {
        Object.assign(entry, { status: reply.type, reason: reply.reason });
        console.log(`  ${proc.library.padEnd(10)} ${label(rep).padEnd(8)} ${reply.type}: ${reply.reason}`);
        proc.stop();
        continue;
      }
      (rep < 0 ? entry.warmup : entry.values).push(reply.value);
      if (typeof reply.loss === "number") entry.losses.push(reply.loss);
      const loss = typeof reply.loss === "number" ? `  loss ${reply.loss.toFixed(4)}` : "";
      console.log(`  ${proc.library.padEnd(10)} ${label(rep).padEnd(8)} ${report.formatValue(reply.value).padStart(9)} ${workload.unit}${loss}`);
    }
  }
  for (const proc of active) {
    const entry = entries[proc.library];
    if (entry.status === "ok") {
      const finish = await proc.request("finish");
      if (finish.type === "finish") entry.peakRSSMiB = finish.peakRSSMiB;
      if (entry.values.length) entry.median = report.median(entry.values);
    }
    proc.stop();
  }
  return { title: workload.title, unit: workload.unit, better: workload.better, training: workload.training, task: workload.task, reps, libraries: entries };
}

/** "1 thread for every library", with each library's own figure and how it was fixed. */
function threadStatement(results) {
  const seen = {};
  for (const w of Object.values(results)) for (const [lib, e] of Object.entries(w.libraries)) if (e.backend && !seen[lib]) seen[lib] = e.backend;
  const how = {
    "nnlab-ts": "TypeScript on the main thread",
    "nnlab-wasm": "WebAssembly on the main thread: nnlab computes on the calling thread",
    "tfjs-cpu": "JavaScript on the main thread",
    "tfjs-wasm": "setThreadsCount(1); Node has no multithreaded tfjs-wasm (WASM_HAS_MULTITHREAD_SUPPORT false)",
    torch: "torch.set_num_threads(1), 1 inter-op thread, OMP/MKL_NUM_THREADS=1",
  };
  const parts = Object.entries(seen).map(([lib, b]) => `${lib} ${b.threads}${b.name === "wasm" && lib.startsWith("tfjs") && b.multithreadSupport ? " (multithread support!)" : ""} (${how[lib]})`);
  const all = Object.values(seen).every((b) => b.threads === 1);
  return { all1: all, perLibrary: Object.fromEntries(Object.entries(seen).map(([l, b]) => [l, b.threads])), statement: `${all ? "1 thread for every library" : "NOT the same thread count everywhere"}: ${parts.join("; ")}` };
}

const loadAtStart = os.loadavg();
const started = Date.now();
const torch = libraries.includes("torch") ? torchAvailability() : { ok: false, reason: "not selected" };
console.log(`nnlab benchmark suite: ${workloads.map((w) => w.id).join(", ")} × ${libraries.join(", ")}`);
console.log(torch.ok ? `PyTorch ${torch.version} (Python ${torch.python}, ${python})` : `PyTorch: skipped: ${torch.reason}`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nnlab-bench-"));
const results = {};
try {
  for (const workload of workloads) {
    writeWorkloadData(dataDir, workload);
    results[workload.id] = await runWorkload(workload, dataDir, torch);
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const threads = threadStatement(results);
const versions = { node: process.version };
for (const w of Object.values(results)) for (const [lib, e] of Object.entries(w.libraries)) if (e.version) versions[lib] = e.version;
const full = {
  date: new Date().toISOString(),
  options: { reps: repsOption ?? "per workload", warmup, libraries, workloads: workloads.map((w) => w.id) },
  machine: { ...machine(), loadAverageAtStart: loadAtStart.map((l) => Number(l.toFixed(2))), loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))) },
  python: torch.ok ? torch.python : undefined,
  threads,
  versions,
  workloads: results,
  goals: report.evaluateGoals(results),
  runSeconds: Math.round((Date.now() - started) / 1000),
};

const tables = report.renderTables(full);
console.log(`\n${report.machineLines(full)}\n\n${tables}\n\n(run took ${full.runSeconds} s)`);
if (write) {
  fs.writeFileSync(path.join(here, "results.json"), JSON.stringify(full, null, 2) + "\n");
  const readmePath = path.join(here, "README.md");
  const section = `## Results of the last full run\n\nWritten by \`npm run bench\` (bench/run.mjs); do not edit by hand.\n\n${report.machineLines(full)}\n\n${tables}`;
  fs.writeFileSync(readmePath, report.replaceSection(fs.readFileSync(readmePath, "utf8"), section));
  console.log("wrote bench/results.json and the results section of bench/README.md");
} else {
  console.log("partial run (--only/--workloads): results.json and README untouched (--write to write them)");
}
