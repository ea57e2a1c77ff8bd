#!/usr/bin/env node
// Runs bench/notebook_times.py (every notebook on the ts and the wasm backend, paired) with the
// project's venv and Jupyter environment, as npm test runs notebooks.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { root, venvBin, jupyterEnv } from "../jupyter-config/env.mjs";

const r = spawnSync(venvBin("python"), [path.join(root, "bench", "notebook_times.py"), ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: jupyterEnv(),
});
process.exit(r.status ?? 1);
