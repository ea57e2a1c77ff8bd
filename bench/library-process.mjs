// A library running one workload in a child process (bench/child.mjs for the JavaScript
// libraries, bench/torch_peer.py for PyTorch), and the request/reply protocol the runner speaks
// with it: JSON lines on the child's stdin, replies as JSON lines on its file descriptor 3.
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Lines of a child's stdout/stderr kept to explain a failure. */
const LOG_LINES = 20;

/**
 * Environment of every library process: one thread wherever a library could take more
 * (OpenMP/MKL/OpenBLAS under PyTorch; nnlab computes on the calling thread), and
 * NNLAB_BACKEND so nnlab picks the backend under test at load time as well.
 */
function childEnv(library) {
  const env = { ...process.env, OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1" };
  if (library.startsWith("nnlab-")) env.NNLAB_BACKEND = library.slice("nnlab-".length);
  return env;
}

/** One library × workload process. Create with {@link LibraryProcess.start}. */
export class LibraryProcess {
  constructor(library, child, verbose) {
    this.library = library;
    this.child = child;
    this.log = [];
    this.waiting = [];
    this.exited = false;
    const keep = (stream) => {
      readline.createInterface({ input: stream }).on("line", (line) => {
        this.log.push(line);
        if (this.log.length > LOG_LINES) this.log.shift();
        if (verbose) process.stderr.write(`    [${library}] ${line}\n`);
      });
    };
    keep(child.stdout);
    keep(child.stderr);
    readline.createInterface({ input: child.stdio[3] }).on("line", (line) => this.waiting.shift()?.(JSON.parse(line)));
    child.on("exit", (code, signal) => {
      this.exited = true;
      const reason = `process exited (${signal ?? `code ${code}`})${this.log.length ? `: ${this.log.slice(-3).join(" / ")}` : ""}`;
      for (const resolve of this.waiting.splice(0)) resolve({ type: "failed", reason });
    });
  }

  /**
   * Starts `library` on workload `workloadId` (data in `dataDir`) and waits for its first reply:
   * "ready" (with version and backend) or "unsupported"/"failed" (with the reason).
   * `python` is the interpreter for the torch peer.
   */
  static async start(library, workloadId, dataDir, { python, verbose = false }) {
    const [command, args] =
      library === "torch"
        ? [python, [path.join(here, "torch_peer.py"), workloadId, dataDir]]
        : [process.execPath, [path.join(here, "child.mjs"), library, workloadId, dataDir]];
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe", "pipe"], env: childEnv(library) });
    const proc = new LibraryProcess(library, child, verbose);
    const first = await proc.next();
    return { proc, first };
  }

  /** The child's next reply. */
  next() {
    if (this.exited) return Promise.resolve({ type: "failed", reason: "process already exited" });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Sends `{ cmd }` and waits for the reply. */
  request(cmd) {
    const reply = this.next();
    if (!this.exited) this.child.stdin.write(JSON.stringify({ cmd }) + "\n");
    return reply;
  }

  /** Ends the process (it has nothing more to report). */
  stop() {
    if (!this.exited) this.child.kill();
  }
}
