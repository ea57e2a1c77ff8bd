#!/usr/bin/env node
// One JavaScript library running one workload, in its own process (so its peak RSS is its own),
// driven by the runner (run.mjs): `node bench/child.mjs <library> <workload id> <data dir>`.
//
// Protocol (shared with torch_peer.py): commands arrive as JSON lines on stdin, replies leave as
// JSON lines on file descriptor 3 (stdout stays free for whatever a library prints):
//   on start      → {"type":"ready", "version", "backend"}  or  {"type":"unsupported"|"failed", "reason"}
//   {"cmd":"rep"} → {"type":"rep", "value", ...}             or  {"type":"unsupported"|"failed", "reason"}
//   {"cmd":"finish"} → {"type":"finish", "peakRSSMiB"}, then the process exits.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createRequire } from "node:module";
import { loadNnlab, loadTfjs, Unsupported } from "./harness.mjs";
import { readWorkloadData } from "./data-files.mjs";
import { WORKLOADS } from "./workloads/index.mjs";

const require = createRequire(import.meta.url);
const [library, workloadId, dataDir] = process.argv.slice(2);

function reply(message) {
  fs.writeSync(3, JSON.stringify(message) + "\n");
}

/**
 * "unsupported" for a library that lacks what the workload needs (our Unsupported, or tfjs's
 * "kernel … not registered for backend"), "failed" for anything else (a bug to look at).
 */
function errorReply(error) {
  const message = error instanceof Error ? error.message : String(error);
  const unsupported = error instanceof Unsupported || /not registered for backend|not yet implemented|not supported/i.test(message);
  return { type: unsupported ? "unsupported" : "failed", reason: message.split("\n")[0] };
}

/** Loads the library and builds the workload; returns its repetition function and what to report. */
async function setUp() {
  const workload = WORKLOADS.find((w) => w.id === workloadId);
  if (!workload) throw new Error(`child: unknown workload ${workloadId}`);
  const data = readWorkloadData(dataDir, workloadId);
  if (library === "nnlab-ts" || library === "nnlab-wasm") {
    const { nn, info } = loadNnlab(library.slice("nnlab-".length));
    const version = require(process.env.NNLAB_PATH ? path.resolve(process.env.NNLAB_PATH, "..", "package.json") : "nnlab/package.json").version;
    return { rep: await workload.nnlab(nn, data), version, backend: info };
  }
  if (library === "tfjs-cpu" || library === "tfjs-wasm") {
    const { tf, info } = await loadTfjs(library.slice("tfjs-".length));
    return { rep: await workload.tfjs(tf, data), version: tf.version.tfjs, backend: info };
  }
  throw new Error(`child: unknown library ${library}`);
}

let rep;
try {
  const ready = await setUp();
  rep = ready.rep;
  reply({ type: "ready", version: ready.version, backend: ready.backend });
} catch (error) {
  reply(errorReply(error));
  process.exit(0);
}

for await (const line of readline.createInterface({ input: process.stdin })) {
  const { cmd } = JSON.parse(line);
  if (cmd === "rep") {
    try {
      reply({ type: "rep", ...(await rep()) });
    } catch (error) {
      reply(errorReply(error));
    }
  } else if (cmd === "finish") {
    // maxRSS is in KiB on Linux (getrusage's ru_maxrss): the peak resident set of this process.
    reply({ type: "finish", peakRSSMiB: process.resourceUsage().maxRSS / 1024 });
    process.exit(0);
  } else {
    reply({ type: "failed", reason: `child: unknown command ${cmd}` });
  }
}
