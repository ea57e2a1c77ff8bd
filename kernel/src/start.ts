import { expandShorthandProperties, type ShorthandParser } from "./shorthand";
import * as path from "path";
import { createRequire } from "module";
import { CellRunner } from "./cell-runner";
import { CellSources } from "./cell-sources";
import { LazyConverterSet } from "./converters";
import { KernelDisplayHost } from "./display-host";
import { NnlabHandler } from "./handler";
import { packageVersion } from "./kernelspec";
import { aliasPackage, type TypeScriptSys } from "./module-alias";
import { NnlabServer } from "./server";
import { SigintGuard } from "./sigint-guard";
import type { ScannerApi } from "./source-align";
import { TrainingControl } from "./training-control";

/** The package cells get for `import ... from "nnlab"`. */
const LIBRARY = "nnlab";

/**
 * Starts the kernel for the connection file `configPath`, in the current directory (Jupyter
 * starts kernels in the notebook's directory). This is tslab's `startKernel` with nnlab's
 * handler and server, the "nnlab" module alias, cell file names and stack mapping, the display
 * host, comms, the SIGINT guard, and the cell prelude.
 */
export function startKernel(configPath: string): void {
  const tslabRequire = createRequire(require.resolve("tslab/package.json"));
  // The TypeScript instance tslab's converter uses (its own 5.0 fork), not the kernel's.
  const ts = tslabRequire("@tslab/typescript-for-tslab") as TypeScriptSys & ScannerApi & { version: string };

  // Before the converter exists: it resolves modules from its first build on.
  const libraryDir = findLibrary();
  if (libraryDir) aliasPackage(LIBRARY, libraryDir, ts);

  const converters = new LazyConverterSet();
  const sources = new CellSources(ts);
  sources.install();
  // interrupt_mode "signal": a cell's synchronous part is stopped by vm's breakOnSigint; an
  // interrupt anywhere else stops the running fits and rejects a pending top-level await.
  const training = new TrainingControl();
  const guard = new SigintGuard(() => {
    training.stopAll();
    runner.interrupt();
  });
  const runner = new CellRunner(process.cwd(), converters, sources, guard, (code) => expandShorthandProperties(code, ts as unknown as ShorthandParser));
  const displayHost = new KernelDisplayHost();
  displayHost.register();

  const handler = new NnlabHandler(runner, displayHost, {
    kernel: packageVersion(),
    tslab: (tslabRequire("./package.json") as { version: string }).version,
    typescript: ts.version,
  });
  const server = new NnlabServer(handler, configPath, (work) => guard.kernelWork(work));
  server.comms.register();
  training.registerCommTarget(server.comms);
  guard.start().catch((err: unknown) => {
    console.error("nnlab kernel: the SIGINT holder thread did not start; interrupts may kill the kernel:", err);
    process.on("SIGINT", () => {
      training.stopAll();
      runner.interrupt();
    });
  });
  // A cell's timers and promises may fail after the cell finished: report, never die.
  process.on("uncaughtException", (err) => console.error("Uncaught exception:", err));
  process.on("unhandledRejection", (reason) => console.error("Unhandled promise rejection:", reason));

  server.init().catch((err: unknown) => {
    console.error("nnlab kernel: cannot open the kernel's sockets:", err);
    process.exit(1);
  });
  // `display` & co. in every cell's scope (cell-api.ts). The prelude's compilation builds tslab's
  // type checker (seconds of blocking work): started after the first kernel_info_reply, so
  // that reply is not delayed, or by the first cell, or a second after start-up at the latest.
  handler.setPrelude(`import { display, updateDisplay, clearOutput } from ${JSON.stringify(path.join(__dirname, "cell-api"))};`);
  const warmUp = (): void => void handler.runPrelude();
  server.afterFirstKernelInfo = () => setTimeout(warmUp, 50);
  setTimeout(warmUp, 1000).unref();
}

/** The library's package directory as the kernel package resolves it, or undefined if absent. */
function findLibrary(): string | undefined {
  try {
    return path.dirname(require.resolve(`${LIBRARY}/package.json`));
  } catch {
    console.error(`nnlab kernel: package "${LIBRARY}" not found; cells cannot import it`);
    return undefined;
  }
}
