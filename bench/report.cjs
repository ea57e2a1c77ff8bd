// The pure part of the benchmark runner: medians, ratios, issue 9's goals, the tables printed
// and written into bench/README.md. No timing and no I/O here, so it has unit tests
// (test/unit/bench/report.test.ts). CommonJS so that both run.mjs and jest load it as is.
"use strict";

/** Every library the suite knows, in table order. nnlab appears once per compute backend. */
const LIBRARIES = ["nnlab-wasm", "nnlab-ts", "tfjs-cpu", "tfjs-wasm", "torch"];

/** The peers nnlab is compared with (everything that is not nnlab). */
const PEERS = LIBRARIES.filter((name) => !name.startsWith("nnlab-"));

/** Peak memory may be at most this multiple of tfjs's for the same workload (issue 9). */
const MEMORY_GOAL = 1.2;

/**
 * Issue 9's speed goals: nnlab's best backend divided by `peer`, same run, at least `min`.
 * (For a lower-is-better unit such as latency the ratio is peer ÷ nnlab, so "≥" still means faster.)
 */
const SPEED_GOALS = [
  { workload: "mlp", peer: "tfjs-wasm", min: 1.5 },
  { workload: "cnn", peer: "tfjs-cpu", min: 10 },
  { workload: "matmul512", peer: "tfjs-wasm", min: 0.8 },
  { workload: "lstm", peer: "tfjs-cpu", min: 2 },
];

/** The median of a non-empty list of numbers (the mean of the middle two for an even count). */
function median(xs) {
  if (!Array.isArray(xs) || xs.length === 0) throw new RangeError(`median: needs a non-empty list of numbers, got ${JSON.stringify(xs)}`);
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** True when a library produced numbers for a workload (not skipped, unsupported or failed). */
function ok(entry) {
  return entry !== undefined && entry.status === "ok" && typeof entry.median === "number";
}

/**
 * How many times better `mine` is than `theirs`: mine ÷ theirs when higher is better (samples/s,
 * GFLOPS), theirs ÷ mine when lower is better (ms). `null` when either is missing or zero.
 */
function speedRatio(mine, theirs, better) {
  if (!(mine > 0) || !(theirs > 0)) return null;
  return better === "lower" ? theirs / mine : mine / theirs;
}

/** The nnlab backend with the best median on `workload` (`{ name, entry }`), or `null`. */
function bestNnlab(workload) {
  let best = null;
  for (const [name, entry] of Object.entries(workload.libraries)) {
    if (!name.startsWith("nnlab-") || !ok(entry)) continue;
    const better = !best || (workload.better === "lower" ? entry.median < best.entry.median : entry.median > best.entry.median);
    if (better) best = { name, entry };
  }
  return best;
}

/** `{ [peer]: ratio | null }`: nnlab-best against every peer on one workload. */
function ratiosToPeers(workload) {
  const best = bestNnlab(workload);
  const out = {};
  for (const peer of PEERS) {
    const entry = workload.libraries[peer];
    out[peer] = best && ok(entry) ? speedRatio(best.entry.median, entry.median, workload.better) : null;
  }
  return out;
}

/** Why a peer has no number: its status and reason, or "not run". */
function whyMissing(entry) {
  if (!entry) return "not run";
  if (entry.status === "ok") return "no number";
  return entry.reason ? `${entry.status}: ${entry.reason}` : entry.status;
}

/**
 * Every goal of issue 9 for the workloads present: `{ goal, value, met, note }`, `met` being
 * true/false, or null when the comparison could not be made (the note says why).
 */
function evaluateGoals(workloads) {
  const goals = [];
  for (const g of SPEED_GOALS) {
    const w = workloads[g.workload];
    if (!w) continue;
    const goal = `${w.title}: nnlab ≥ ${g.min}× ${g.peer}`;
    const best = bestNnlab(w);
    const peer = w.libraries[g.peer];
    if (!best) goals.push({ goal, value: null, met: null, note: "no nnlab result" });
    else if (!ok(peer)) goals.push({ goal, value: null, met: null, note: `${g.peer} ${whyMissing(peer)}` });
    else {
      const value = speedRatio(best.entry.median, peer.median, w.better);
      goals.push({ goal, value, met: value >= g.min, note: `${best.name} vs ${g.peer}` });
    }
  }
  for (const w of Object.values(workloads)) {
    if (!w.training) continue;
    const best = bestNnlab(w);
    for (const peer of ["tfjs-cpu", "tfjs-wasm"]) {
      const entry = w.libraries[peer];
      if (!entry) continue;
      const goal = `${w.title}: peak RSS ≤ ${MEMORY_GOAL}× ${peer}`;
      if (!best || typeof best.entry.peakRSSMiB !== "number") goals.push({ goal, value: null, met: null, note: "no nnlab memory figure" });
      else if (!ok(entry) || typeof entry.peakRSSMiB !== "number") goals.push({ goal, value: null, met: null, note: `${peer} ${whyMissing(entry)}` });
      else {
        const value = best.entry.peakRSSMiB / entry.peakRSSMiB;
        goals.push({ goal, value, met: value <= MEMORY_GOAL, note: `${best.name} ${fixed(best.entry.peakRSSMiB, 0)} MiB vs ${fixed(entry.peakRSSMiB, 0)} MiB` });
      }
    }
  }
  return goals;
}

/** `x` with `digits` decimals, or "—" for a missing number. */
function fixed(x, digits) {
  return typeof x === "number" && Number.isFinite(x) ? x.toFixed(digits) : "—";
}

/** A median in its unit with sensible precision: 3 significant digits, no exponent. */
function formatValue(x) {
  if (typeof x !== "number" || !Number.isFinite(x)) return "—";
  if (x === 0) return "0";
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x))));
  return x.toFixed(Math.min(digits, 4));
}

/** A ratio as "12.3×" (two significant digits below 10), or "—". */
function formatRatio(r) {
  if (typeof r !== "number" || !Number.isFinite(r)) return "—";
  return `${r < 10 ? r.toFixed(2) : r.toFixed(1)}×`;
}

/** One cell of the medians table: the median, or the reason there is none (shortened). */
function medianCell(entry) {
  if (ok(entry)) return formatValue(entry.median);
  if (!entry) return "not run";
  return entry.status;
}

/** A GitHub-flavoured Markdown table. */
function markdownTable(headers, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

/** The libraries that took part in any workload, in table order. */
function librariesIn(workloads) {
  return LIBRARIES.filter((name) => Object.values(workloads).some((w) => w.libraries[name]));
}

/** Medians per workload × library, then nnlab-best's ratio to each peer. */
function speedTable(workloads) {
  const libs = librariesIn(workloads);
  const peers = libs.filter((l) => PEERS.includes(l));
  const rows = Object.values(workloads).map((w) => {
    const ratios = ratiosToPeers(w);
    const best = bestNnlab(w);
    return [w.title, w.unit, String(w.reps), ...libs.map((l) => medianCell(w.libraries[l])), best ? best.name : "—", ...peers.map((p) => formatRatio(ratios[p]))];
  });
  return markdownTable(["workload", "unit", "reps", ...libs, "nnlab best", ...peers.map((p) => `best ÷ ${p}`)], rows);
}

/** Peak RSS (MB) of each training workload's process per library, and nnlab-best ÷ tfjs. */
function memoryTable(workloads) {
  const training = Object.values(workloads).filter((w) => w.training);
  if (training.length === 0) return "";
  const libs = librariesIn(workloads);
  const rows = training.map((w) => {
    const best = bestNnlab(w);
    const mb = (entry) => (ok(entry) && typeof entry.peakRSSMiB === "number" ? entry.peakRSSMiB : null);
    const ratio = (peer) => {
      const mine = best ? mb(best.entry) : null;
      const theirs = mb(w.libraries[peer]);
      return mine && theirs ? `${(mine / theirs).toFixed(2)}` : "—";
    };
    return [w.title, ...libs.map((l) => (mb(w.libraries[l]) === null ? medianCell(w.libraries[l]) : fixed(mb(w.libraries[l]), 0))), ratio("tfjs-cpu"), ratio("tfjs-wasm")];
  });
  return markdownTable(["peak RSS (MiB)", ...libs, "best ÷ tfjs-cpu", "best ÷ tfjs-wasm"], rows);
}

/** The goals as a table: goal, measured value, met / NOT met / n/a with the reason. */
function goalsTable(goals) {
  const verdict = (g) => (g.met === null ? "n/a" : g.met ? "met" : "**not met**");
  return markdownTable(["goal", "measured", "verdict", "note"], goals.map((g) => [g.goal, g.value === null ? "—" : `${g.value.toFixed(2)}×`, verdict(g), g.note]));
}

/** Why some libraries have no numbers (unsupported, skipped, failed), one line each. */
function missingNotes(workloads) {
  const notes = [];
  for (const w of Object.values(workloads)) {
    for (const [name, entry] of Object.entries(w.libraries)) {
      if (!ok(entry)) notes.push(`- ${w.title}, ${name}: ${whyMissing(entry)}`);
    }
  }
  return notes.join("\n");
}

/** Everything the run prints and writes into the README: medians, ratios, memory, goals. */
function renderTables(report) {
  const { workloads } = report;
  const goals = evaluateGoals(workloads);
  const parts = ["### Medians and ratios", "", speedTable(workloads)];
  const memory = memoryTable(workloads);
  if (memory) parts.push("", "### Peak memory", "", memory);
  if (goals.length) parts.push("", "### Issue 9's goals", "", goalsTable(goals));
  const notes = missingNotes(workloads);
  if (notes) parts.push("", "### Not measured", "", notes);
  return parts.join("\n");
}

/** The machine, threads and load as Markdown bullet points. */
function machineLines(report) {
  const m = report.machine;
  return [
    `- ${report.date}: ${m.cpu}, ${m.logicalCores} logical cores, ${m.memoryGiB} GiB, ${m.os}, Node.js ${m.node}${report.python ? `, Python ${report.python}` : ""}`,
    `- threads: ${report.threads.statement}`,
    `- load average (1/5/15 min) at start ${m.loadAverageAtStart.join(" / ")}, at end ${m.loadAverageAtEnd.join(" / ")}`,
    `- ${report.options.warmup} warm-up + ${typeof report.options.reps === "number" ? report.options.reps : "the table's"} timed repetitions per library and workload, each library in its own process, alternating; medians`,
    `- versions: ${Object.entries(report.versions).map(([k, v]) => `${k} ${v}`).join(", ")}`,
  ].join("\n");
}

const START = "<!-- bench:results:start -->";
const END = "<!-- bench:results:end -->";

/**
 * `readme` with the text between the results markers replaced by `content` (markers kept); when
 * the markers are missing, the marked section is appended. Throws when only one marker is present
 * or they are out of order, rather than guessing where the section ends.
 */
function replaceSection(readme, content) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  const section = `${START}\n${content.trim()}\n${END}`;
  if (start < 0 && end < 0) return `${readme.replace(/\s*$/, "")}\n\n${section}\n`;
  if (start < 0 || end < 0 || end < start) {
    throw new Error(`bench README: expected "${START}" before "${END}", found start at ${start}, end at ${end}`);
  }
  return readme.slice(0, start) + section + readme.slice(end + END.length);
}

module.exports = {
  LIBRARIES,
  PEERS,
  MEMORY_GOAL,
  SPEED_GOALS,
  median,
  speedRatio,
  bestNnlab,
  ratiosToPeers,
  evaluateGoals,
  formatValue,
  formatRatio,
  markdownTable,
  renderTables,
  machineLines,
  replaceSection,
};
