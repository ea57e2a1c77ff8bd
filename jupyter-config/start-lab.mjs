#!/usr/bin/env node
// Launches the project's JupyterLab on notebooks/ at localhost (port 8888, or NNLAB_PORT).
// JupyterLab prints the URL with its token; Ctrl-C stops it.
import { spawn } from "node:child_process";
import path from "node:path";
import { root, venvBin, jupyterEnv } from "./env.mjs";

const port = process.env.NNLAB_PORT ?? "8888";
const lab = spawn(venvBin("jupyter"), ["lab", `--ServerApp.root_dir=${path.join(root, "notebooks")}`, `--port=${port}`], {
  cwd: root,
  stdio: "inherit",
  env: jupyterEnv(),
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => lab.kill(signal));
lab.on("exit", (code) => process.exit(code ?? 0));
