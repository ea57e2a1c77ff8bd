#!/usr/bin/env node
// Brings a fresh clone to a working state, and a working one up to date in seconds:
//   npm packages → Python venv (.venv, pinned JupyterLab) → build library, kernel, extension
//   → install the kernelspec and the prebuilt extension into the venv (never the user's Jupyter).
// Every step is skipped when its inputs are unchanged since it last succeeded.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { root, venv, venvBin, jupyterEnv } from "./env.mjs";

const stampDir = path.join(root, ".jupyter-env", "stamps");

function run(cmd, args, options = {}) {
  execFileSync(cmd, args, { cwd: root, stdio: "inherit", env: jupyterEnv(), ...options });
}

/** Hash of files' paths, sizes and mtimes (dirs walked, build output and deps skipped). */
function fingerprint(inputs) {
  const hash = createHash("sha256");
  const skip = new Set(["node_modules", "dist", "lib", "labextension", ".venv", "__pycache__"]);
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (!skip.has(name)) visit(path.join(p, name));
    } else {
      hash.update(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  inputs.forEach((i) => visit(path.join(root, i)));
  return hash.digest("hex");
}

/** Runs `action` unless the stamp for `name` matches the inputs' fingerprint and outputs exist. */
function step(name, inputs, outputs, action) {
  const stamp = path.join(stampDir, name);
  const print = fingerprint(inputs);
  const fresh = fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === print && outputs.every((o) => fs.existsSync(path.join(root, o)));
  if (fresh) {
    console.log(`[setup] ${name}: up to date`);
    return;
  }
  console.log(`[setup] ${name}…`);
  const t0 = Date.now();
  action();
  fs.mkdirSync(stampDir, { recursive: true });
  fs.writeFileSync(stamp, fingerprint(inputs));
  console.log(`[setup] ${name}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function findPython() {
  for (const candidate of [process.env.NNLAB_PYTHON, "python3", "python"].filter(Boolean)) {
    try {
      const version = execFileSync(candidate, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], { encoding: "utf8" }).trim();
      const [major, minor] = version.split(".").map(Number);
      if (major === 3 && minor >= 9) return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error("setup: Python ≥ 3.9 with venv is needed for JupyterLab; install python3 (or set NNLAB_PYTHON)");
}

step("npm", ["package.json", "package-lock.json", "src/package.json", "kernel/package.json", "extension/package.json"], ["node_modules"], () =>
  // `npm install` rather than `npm ci`: npm 11 leaves other platforms' optional binaries out of the
  // lock file, and `npm ci` then refuses the lock as out of sync. install still honours the lock.
  run("npm", ["install", "--no-audit", "--no-fund"]),
);

step("python-venv", ["jupyter-config/requirements.txt"], [".venv/bin/jupyter-lab"], () => {
  if (!fs.existsSync(venvBin("python"))) run(findPython(), ["-m", "venv", venv]);
  run(venvBin("python"), ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", "jupyter-config/requirements.txt"]);
});

step("build-library", ["src", "tsconfig.json"], ["src/dist/index.js"], () => run("npm", ["run", "build", "-w", "nnlab"]));
step("build-kernel", ["kernel", "src/dist/index.d.ts"], ["kernel/dist"], () => run("npm", ["run", "build", "-w", "nnlab-kernel"]));
step("build-extension", ["extension", "src/display/mime.ts"], ["extension/nnlab_extension/labextension/package.json"], () =>
  run("npm", ["run", "build", "-w", "nnlab-extension"]),
);

// Installing is cheap and keeps the venv consistent even if someone removed a file by hand.
run(process.execPath, [path.join(root, "kernel", "bin", "nnlab-kernel"), "install", "--prefix", venv], { stdio: ["ignore", "ignore", "inherit"] });
run(process.execPath, [path.join(root, "extension", "install.mjs"), "--prefix", venv], { stdio: ["ignore", "ignore", "inherit"] });
console.log("[setup] kernelspec 'nnlab' and extension 'nnlab-extension' installed into .venv");
