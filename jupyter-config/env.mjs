// Paths and environment of the project's own Jupyter: a venv in .venv, configuration from
// jupyter-config/, and runtime/settings state in .jupyter-env/ — never the user's ~/.jupyter.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const venv = path.join(root, ".venv");
export const venvBin = (name) => path.join(venv, "bin", name);
const state = path.join(root, ".jupyter-env");

/** Environment for every Jupyter process the project starts (lab, tests, reports). */
export function jupyterEnv(extra = {}) {
  return {
    ...process.env,
    PATH: `${path.join(venv, "bin")}${path.delimiter}${process.env.PATH ?? ""}`,
    VIRTUAL_ENV: venv,
    JUPYTER_CONFIG_DIR: path.join(root, "jupyter-config"),
    JUPYTER_RUNTIME_DIR: path.join(state, "runtime"),
    JUPYTERLAB_SETTINGS_DIR: path.join(state, "lab", "user-settings"),
    JUPYTERLAB_WORKSPACES_DIR: path.join(state, "lab", "workspaces"),
    // Only the venv's kernels and extensions: ignore ones a user installed elsewhere.
    JUPYTER_PREFER_ENV_PATH: "1",
    PYTHONNOUSERSITE: "1",
    ...extra,
  };
}
