#!/usr/bin/env node
// Executes the given notebooks headless with the project's Jupyter and the nnlab kernel, the way
// `npm test` does, and reports each one's first error. For authors: run the notebook you edit.
//   node jupyter-config/run-notebooks.mjs notebooks/001-01-*.ipynb
// Executed copies land in test-artifacts/executed/.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { root, venvBin, jupyterEnv } from "./env.mjs";

const notebooks = process.argv.slice(2);
if (notebooks.length === 0) {
  console.error("usage: node jupyter-config/run-notebooks.mjs <notebook.ipynb> [...]");
  process.exit(2);
}
// pytest -k matches by test id, which is the notebook's file name.
const names = notebooks.map((p) => path.basename(p));
const r = spawnSync(
  venvBin("python"),
  ["-m", "pytest", "-q", "-p", "no:cacheprovider", "test/notebooks/test_notebooks.py", "-k", names.join(" or ")],
  { cwd: root, stdio: "inherit", env: jupyterEnv() },
);
process.exit(r.status ?? 1);
