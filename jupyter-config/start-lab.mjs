#!/usr/bin/env node
// Launches the project's JupyterLab on notebooks/ at localhost (port 8888, or NNLAB_PORT).
// JupyterLab prints the URL with its token; Ctrl-C stops it.
import { spawn } from "node:child_process";
import path from "node:path";
import { root, venvBin, jupyterEnv } from "./env.mjs";

const port = process.env.NNLAB_PORT ?? "8888";
const args = ["lab", `--ServerApp.root_dir=${path.join(root, "notebooks")}`, `--port=${port}`];
// Containers and CI machines often run as root, which Jupyter refuses without this flag.
if (process.getuid?.() === 0) args.push("--allow-root");
const lab = spawn(venvBin("jupyter"), args, {
  cwd: root,
  stdio: "inherit",
  env: jupyterEnv(),
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => lab.kill(signal));
lab.on("exit", (code) => process.exit(code ?? 0));
