/**
 * The SIGINT holder thread (see sigint-guard.ts for why). Runs in a worker thread, never in the
 * kernel's main thread.
 *
 * It keeps Node's SIGINT watchdog running for the life of the process by sitting inside three
 * nested `breakOnSigint` vm runs. A SIGINT goes to the most recently started run; when that run
 * ends ("Script execution interrupted."), the run around it counts the signal and starts it
 * again. The outer runs stay registered meanwhile, so the process-wide watchdog never stops and
 * never hands SIGINT back to the default action; a signal landing in the few microseconds
 * between an inner run's end and its restart is taken by the next run out, which is restarted
 * the same way (a loss would need three signals within those microseconds).
 *
 * The innermost run hands each counted signal to the main thread ("sigint") and waits for its
 * acknowledgement; if none comes within ACK_TIMEOUT_MS while the main thread says only user
 * code is running (a synchronous loop after a top-level `await`), it stops that JavaScript
 * through the inspector. Then it waits for the next signal.
 */
import { Session } from "inspector";
import * as vm from "vm";
import { parentPort, workerData } from "worker_threads";
import { ACK, ACK_TIMEOUT_MS, TERMINABLE, type HolderData } from "./sigint-shared";

function main(): void {
  const port = parentPort;
  if (!port) throw new Error("sigint-worker must run in a worker thread");
  const shared = new Int32Array((workerData as HolderData).shared);
  const never = new Int32Array(new SharedArrayBuffer(4));
  /** Signals caught and not yet handed to the main thread. */
  let pending = 0;
  let ready = false;

  /** Gives the caught signals to the main thread; stops stuck user code if it does not take them. */
  const handOver = (): void => {
    pending = 0;
    Atomics.store(shared, ACK, 0);
    port.postMessage("sigint");
    if (Atomics.wait(shared, ACK, 0, ACK_TIMEOUT_MS) !== "timed-out") return;
    if (Atomics.load(shared, TERMINABLE) !== 1) return;
    // The main thread is stuck in user code no watchdog covers: end that code (V8 cancels the
    // termination once the stuck call returns, and the event loop carries on). The session is
    // closed at once: a connected session would make the process wait for it at exit.
    try {
      const session = new Session();
      session.connectToMainThread();
      session.post("Runtime.terminateExecution");
      session.disconnect();
    } catch (err) {
      port.postMessage(`cannot stop the main thread: ${String(err)}`);
    }
  };

  const g = globalThis as { [key: string]: unknown };
  g.__nnlabHold = (): void => {
    // Inside all three runs: from here on the watchdog is held.
    if (!ready) port.postMessage("ready");
    ready = true;
    for (;;) {
      if (pending > 0) handOver();
      Atomics.wait(never, 0, 0);
    }
  };
  g.__nnlabCaught = (): void => {
    pending++;
  };
  let body = "__nnlabHold()";
  for (let level = 3; level >= 1; level--) {
    const script = new vm.Script(body, { filename: `nnlab-sigint-holder-${level}` });
    const name = `__nnlabRun${level}`;
    g[name] = (): void => {
      script.runInThisContext({ breakOnSigint: true });
    };
    body = `for (;;) { try { ${name}(); } catch { __nnlabCaught(); } }`;
  }
  for (;;) {
    try {
      (g.__nnlabRun1 as () => void)();
    } catch {
      pending++;
    }
  }
}

main();
