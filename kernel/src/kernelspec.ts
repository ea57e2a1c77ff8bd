import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** Where `nnlab-kernel install` puts the kernelspec. */
export type InstallTarget =
  | { kind: "user" }
  /** The active virtual environment ($VIRTUAL_ENV): what `sys.prefix` is inside it. */
  | { kind: "sys-prefix" }
  | { kind: "prefix"; dir: string };

export const KERNEL_NAME = "nnlab";

/** The kernel package's directory (the parent of dist/). */
const packageDir = path.resolve(__dirname, "..");

/**
 * The kernelspec. argv holds absolute paths — this Node binary and this package's entry —
 * so Jupyter starts the kernel the same way whatever is on its PATH. `interrupt_mode: signal`:
 * Jupyter interrupts with SIGINT, which stops a running cell (tslab evaluates with
 * `breakOnSigint`, and the kernel rejects pending top-level awaits).
 */
export function kernelJson(): object {
  return {
    argv: [process.execPath, entryPath(), "kernel", "--config-path", "{connection_file}"],
    display_name: "TypeScript (nnlab)",
    language: "typescript",
    interrupt_mode: "signal",
    metadata: { nnlab: { version: packageVersion() } },
  };
}

/** Absolute path of bin/nnlab-kernel, symlinks resolved (npm links workspace packages). */
function entryPath(): string {
  return fs.realpathSync(path.join(packageDir, "bin", "nnlab-kernel"));
}

export function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

/**
 * Jupyter's `kernels` directory for a target, by jupyter_core's rules, computed here so that
 * installing needs no Python (`jupyter kernelspec install` would pick whatever python is first).
 */
export function kernelsDir(target: InstallTarget, env: NodeJS.ProcessEnv = process.env): string {
  switch (target.kind) {
    case "prefix":
      return path.join(path.resolve(target.dir), "share", "jupyter", "kernels");
    case "sys-prefix": {
      const venv = env.VIRTUAL_ENV;
      if (!venv) {
        throw new Error("--sys-prefix needs an active virtual environment ($VIRTUAL_ENV is not set); use --prefix DIR");
      }
      return path.join(path.resolve(venv), "share", "jupyter", "kernels");
    }
    case "user":
      return path.join(userDataDir(env), "kernels");
  }
}

/** jupyter_core's `jupyter_data_dir()`. */
function userDataDir(env: NodeJS.ProcessEnv): string {
  if (env.JUPYTER_DATA_DIR) return path.resolve(env.JUPYTER_DATA_DIR);
  const home = env.HOME || os.homedir();
  if (process.platform === "darwin") return path.join(home, "Library", "Jupyter");
  if (process.platform === "win32") return path.join(env.APPDATA || path.join(home, "AppData", "Roaming"), "jupyter");
  return path.join(env.XDG_DATA_HOME || path.join(home, ".local", "share"), "jupyter");
}

/** Writes kernel.json and the logos into `<kernels dir>/nnlab/`; returns that directory. */
export function installKernelspec(target: InstallTarget, env: NodeJS.ProcessEnv = process.env): string {
  const dest = path.join(kernelsDir(target, env), KERNEL_NAME);
  fs.mkdirSync(dest, { recursive: true });
  fs.writeFileSync(path.join(dest, "kernel.json"), JSON.stringify(kernelJson(), null, 2) + "\n");
  for (const logo of ["logo-32x32.png", "logo-64x64.png"]) {
    fs.copyFileSync(path.join(packageDir, "logos", logo), path.join(dest, logo));
  }
  return dest;
}
