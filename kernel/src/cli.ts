import { installKernelspec, type InstallTarget } from "./kernelspec";
import { startKernel } from "./start";

const USAGE = `Usage:
  nnlab-kernel install [--user | --sys-prefix | --prefix DIR]
      Writes the "nnlab" kernelspec (kernel.json and logos) into
        --user        the per-user Jupyter data dir (default; ~/.local/share/jupyter on Linux)
        --sys-prefix  the active virtual environment, $VIRTUAL_ENV/share/jupyter
        --prefix DIR  DIR/share/jupyter
  nnlab-kernel kernel --config-path CONNECTION_FILE
      Runs the kernel (Jupyter does this, with the argv of kernel.json).`;

class UsageError extends Error {}

function parseInstallTarget(args: string[]): InstallTarget {
  const targets: InstallTarget[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--user") targets.push({ kind: "user" });
    else if (arg === "--sys-prefix") targets.push({ kind: "sys-prefix" });
    else if (arg === "--prefix" || arg.startsWith("--prefix=")) {
      const dir = arg === "--prefix" ? args[++i] : arg.slice("--prefix=".length);
      if (!dir) throw new UsageError("--prefix needs a directory");
      targets.push({ kind: "prefix", dir });
    } else throw new UsageError(`unknown option for install: ${arg}`);
  }
  if (targets.length > 1) throw new UsageError("choose one of --user, --sys-prefix, --prefix DIR");
  return targets[0] ?? { kind: "user" };
}

function parseConfigPath(args: string[]): string {
  if (args[0] === "--config-path" && args[1] && args.length === 2) return args[1];
  if (args.length === 1 && args[0]!.startsWith("--config-path=")) return args[0]!.slice("--config-path=".length);
  throw new UsageError("kernel needs --config-path CONNECTION_FILE");
}

export function main(argv: string[]): void {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case "install": {
        const dest = installKernelspec(parseInstallTarget(args));
        console.log(`Installed the nnlab kernelspec in ${dest}`);
        return;
      }
      case "kernel":
        startKernel(parseConfigPath(args));
        return;
      case "-h":
      case "--help":
      case "help":
        console.log(USAGE);
        return;
      default:
        throw new UsageError(command ? `unknown command: ${command}` : "missing command");
    }
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`nnlab-kernel: ${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(`nnlab-kernel: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
