#!/usr/bin/env node
// Runs every test suite after setup and ends with one line that sums them up:
//   jest (library with line coverage + extension renderers, on the wasm backend) → jest (library
//   again, on the TypeScript backend) → checks (library coverage per core
//   folder, type-check of the tests, API docs build) → pytest (kernel protocol, notebooks, HTML
//   export) → jest (browser: a real JupyterLab in headless Chromium).
// Each runner prints its own summary; a failing suite does not stop the others. Each check counts
// as one test in the summary line (passed or failed), so a missed bar cannot hide behind a
// "0 failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { root, venvBin, jupyterEnv } from "../jupyter-config/env.mjs";

const artifacts = path.join(root, "test-artifacts");
fs.mkdirSync(artifacts, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let runnerFailed = false;

function runJest(name, projects, { coverage = false, env = {} } = {}) {
  const report = path.join(artifacts, `jest-${name}.json`);
  fs.rmSync(report, { force: true });
  const jest = path.join(root, "node_modules", "jest", "bin", "jest.js");
  const args = [jest, "-c", "test/jest.config.js", "--selectProjects", ...projects, "--json", `--outputFile=${report}`];
  if (coverage) args.push("--coverage");
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...jupyterEnv(), ...env } });
  if (!fs.existsSync(report)) {
    console.error(`[test] jest ${name} produced no report (exit ${r.status})`);
    runnerFailed = true;
    return;
  }
  const result = JSON.parse(fs.readFileSync(report, "utf8"));
  totals.passed += result.numPassedTests;
  totals.failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
  totals.skipped += result.numPendingTests;
  if (r.status !== 0) runnerFailed = true;
}

function runPytest(name, paths) {
  const report = path.join(artifacts, `pytest-${name}.xml`);
  fs.rmSync(report, { force: true });
  const r = spawnSync(venvBin("python"), ["-m", "pytest", "-v", "-p", "no:cacheprovider", `--junitxml=${report}`, ...paths], {
    cwd: root,
    stdio: "inherit",
    env: jupyterEnv(),
  });
  if (!fs.existsSync(report)) {
    console.error(`[test] pytest produced no report (exit ${r.status})`);
    runnerFailed = true;
    return;
  }
  const xml = fs.readFileSync(report, "utf8");
  const suite = /<testsuite\b([^>]*)>/.exec(xml)?.[1] ?? "";
  const attr = (n) => Number(new RegExp(`\\b${n}="(\\d+)"`).exec(suite)?.[1] ?? 0);
  const failed = attr("failures") + attr("errors");
  totals.failed += failed;
  totals.skipped += attr("skipped");
  totals.passed += attr("tests") - failed - attr("skipped");
  if (r.status !== 0) runnerFailed = true;
}

/** Records a check (not a test runner) as one passed or failed test. */
function check(name, ok, detail) {
  console.log(`[test] check ${name}: ${ok ? "passed" : "FAILED"}${detail ? ` (${detail})` : ""}`);
  if (ok) totals.passed += 1;
  else totals.failed += 1;
}

/**
 * Line coverage per core folder of src/, against the thresholds in test/jest.config.js (jest
 * enforces them too and fails its run; this prints the table and counts the check).
 */
function checkCoverage() {
  const summaryFile = path.join(artifacts, "coverage", "coverage-summary.json");
  const thresholds = createRequire(import.meta.url)("./jest.config.js").coverageThreshold;
  if (!fs.existsSync(summaryFile)) return check("coverage", false, "jest wrote no coverage summary");
  const summary = JSON.parse(fs.readFileSync(summaryFile, "utf8"));
  const below = [];
  console.log("\nLine coverage of src/ core folders:");
  for (const [folder, { lines: bar }] of Object.entries(thresholds)) {
    const prefix = path.resolve(root, folder) + path.sep;
    let covered = 0;
    let total = 0;
    for (const [file, s] of Object.entries(summary)) {
      if (!file.startsWith(prefix)) continue;
      covered += s.lines.covered;
      total += s.lines.total;
    }
    const pct = total ? (100 * covered) / total : 100;
    if (pct < bar) below.push(`${folder} ${pct.toFixed(1)}%`);
    console.log(`  ${folder.padEnd(22)} ${pct.toFixed(1).padStart(5)}%  (${covered}/${total} lines, bar ${bar}%)`);
  }
  check("coverage", below.length === 0, below.length ? `below the bar: ${below.join(", ")}` : "every core folder at or above its bar");
}

/** Type-checks the test files: ts-jest only transpiles them (isolatedModules). */
function checkTestTypes() {
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  const r = spawnSync(process.execPath, [tsc, "--noEmit", "-p", "test"], { cwd: root, encoding: "utf8" });
  const errors = (r.stdout.match(/error TS\d+/g) ?? []).length;
  if (r.status !== 0) process.stdout.write(r.stdout + r.stderr);
  check("types (tsc --noEmit -p test)", r.status === 0, r.status === 0 ? "no errors" : `${errors} errors`);
}

/**
 * Builds the API reference (`npm run docs`) and reports how many exported symbols still lack a
 * doc comment (TypeDoc's validation.notDocumented warnings; the full list is in the log).
 */
function checkDocs() {
  const typedoc = path.join(root, "node_modules", "typedoc", "bin", "typedoc");
  const r = spawnSync(process.execPath, [typedoc, "--logLevel", "Warn"], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
  const log = path.join(artifacts, "typedoc.log");
  const output = (r.stdout ?? "") + (r.stderr ?? "");
  fs.writeFileSync(log, output);
  const undocumented = (output.match(/does not have any documentation/g) ?? []).length;
  const totalsLine = /Found \d+ errors? and \d+ warnings?/.exec(output)?.[0] ?? "no summary from typedoc";
  if (r.status !== 0) process.stdout.write(output.split("\n").filter((l) => /error/i.test(l)).join("\n") + "\n");
  check("docs (typedoc → docs/api)", r.status === 0, `${totalsLine}; ${undocumented} exported symbols without a doc comment; log: ${path.relative(root, log)}`);
}

// The library's unit suite runs once per compute backend: WebAssembly SIMD (the default, with
// coverage) and the TypeScript reference; both must pass, i.e. agree within the tests' float32
// tolerances.
runJest("unit", ["unit", "extension"], { coverage: true, env: { NNLAB_BACKEND: "wasm" } });
checkCoverage();
runJest("unit-ts-backend", ["unit"], { env: { NNLAB_BACKEND: "ts" } });
checkTestTypes();
checkDocs();
// Separate sessions: each folder's helpers live in its own conftest.py, which pytest would
// otherwise load under one module name.
runPytest("kernel", ["test/kernel"]);
runPytest("notebooks", ["test/notebooks"]);
runJest("browser", ["browser"]);

console.log(`\nnnlab: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || runnerFailed ? 1 : 0);
