import * as path from "path";
import { Worker } from "worker_threads";
import { ACK, ACK_TIMEOUT_MS, TERMINABLE } from "./sigint-shared";

/**
 * Makes SIGINT (Jupyter's interrupt, `interrupt_mode: "signal"`) safe at every moment.
 *
 * The race it removes: tslab runs a cell's synchronous part with `vm`'s `breakOnSigint`. Node
 * implements that with a process-wide SIGINT watchdog, and when the main thread also has
 * `process.on("SIGINT")` listeners, Node removes them for the run and adds them back afterwards.
 * Removing the last listener resets SIGINT to the default action (libuv), and stopping the
 * watchdog installs Node's "exit on SIGINT" handler until the listeners are back; a SIGINT in
 * either window — about a microsecond, hit about once in a dozen deliberate tries — killed the
 * kernel.
 *
 * The fix: the main thread has no SIGINT listener at all, and a worker thread
 * (sigint-worker.ts) holds the watchdog for the life of the process, so SIGINT always goes to a
 * watchdog: to the running cell's (the most recently started one wins, and Node ends that cell
 * with "Script execution interrupted."), or else to the holder, which posts "sigint" to this
 * thread; {@link onInterrupt} then stops what is awaited. No signal disposition ever changes
 * after start-up, so there is no window.
 *
 * When nothing takes the interrupt for {@link ACK_TIMEOUT_MS} because this thread is stuck in
 * synchronous user code outside a vm run (a loop after a top-level `await`), the holder
 * terminates that code through the inspector — but only while this thread says it may
 * ({@link terminable}): never while the kernel's own code runs (compiling a cell, answering a
 * request), which would lose a reply.
 */
export class SigintGuard {
  /** Shared with the holder: [ack, terminable]. */
  private readonly shared = new Int32Array(new SharedArrayBuffer(8));
  private worker: Worker | undefined;
  private awaiting = false;
  private kernelDepth = 0;

  constructor(private readonly onInterrupt: () => void) {}

  /**
   * Starts the holder thread; resolves once it holds the watchdog (SIGINT is safe from then on).
   * Rejects if the thread cannot start; the caller should then fall back to `process.on("SIGINT")`.
   */
  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(path.join(__dirname, "sigint-worker.js"), { workerData: { shared: this.shared.buffer } });
      this.worker = worker;
      worker.unref();
      worker.on("error", reject);
      // The holder only ends if the process is going down or on a bug: restart it, SIGINT must stay safe.
      worker.on("exit", (code) => {
        if (this.worker !== worker) return;
        console.error(`nnlab kernel: the SIGINT holder thread ended (code ${code}); restarting it`);
        this.start().catch((err: unknown) => console.error("nnlab kernel: cannot restart the SIGINT holder:", err));
      });
      worker.on("message", (message: unknown) => {
        if (message === "ready") resolve();
        else if (message === "sigint") this.take();
        else console.error("nnlab kernel (SIGINT holder):", message);
      });
    });
  }

  /** Marks whether a cell's top-level await is pending: its code then runs from the event loop. */
  setAwaiting(awaiting: boolean): void {
    this.awaiting = awaiting;
    this.publish();
  }

  /** Runs the kernel's own synchronous work (handling a request), which must not be terminated. */
  kernelWork<T>(work: () => T): T {
    this.kernelDepth++;
    this.publish();
    try {
      return work();
    } finally {
      this.kernelDepth--;
      this.publish();
    }
  }

  private publish(): void {
    Atomics.store(this.shared, TERMINABLE, this.awaiting && this.kernelDepth === 0 ? 1 : 0);
  }

  /** Acknowledges the interrupt to the holder (so it does not terminate this thread's code), then handles it. */
  private take(): void {
    Atomics.store(this.shared, ACK, 1);
    Atomics.notify(this.shared, ACK);
    this.onInterrupt();
  }
}
