#!/usr/bin/env node
// Runs every test suite after setup and ends with one line that sums them up:
//   jest (library + extension renderers) → pytest (kernel protocol, notebooks, HTML export)
//   → jest (browser: a real JupyterLab in headless Chromium).
// Each runner prints its own summary; a failing suite does not stop the others.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { root, venvBin, jupyterEnv } from "../jupyter-config/env.mjs";

const artifacts = path.join(root, "test-artifacts");
fs.mkdirSync(artifacts, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let runnerFailed = false;

function runJest(name, projects) {
  const report = path.join(artifacts, `jest-${name}.json`);
  fs.rmSync(report, { force: true });
  const jest = path.join(root, "node_modules", "jest", "bin", "jest.js");
  const args = [jest, "-c", "test/jest.config.js", "--selectProjects", ...projects, "--json", `--outputFile=${report}`];
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: jupyterEnv() });
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

runJest("unit", ["unit", "extension"]);
// Separate sessions: each folder's helpers live in its own conftest.py, which pytest would
// otherwise load under one module name.
runPytest("kernel", ["test/kernel"]);
runPytest("notebooks", ["test/notebooks"]);
runJest("browser", ["browser"]);

console.log(`\nnnlab: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || runnerFailed ? 1 : 0);
