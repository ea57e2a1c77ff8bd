import type { CommData, CommManager } from "./comms";

/** The comm target of the training display's "Stop training" button. */
export const TRAINING_TARGET = "nnlab.training";

/** The well-known symbol of the library's registry of running fits (src/display/training-runs.ts). */
export const TRAINING_RUNS: unique symbol = Symbol.for("nnlab.trainingRuns") as never;

/** The library's registry of running `fit` calls, the parts the kernel uses. */
export interface TrainingRunsLike {
  /** Asks a run to stop at its next batch boundary; false for an unknown or finished run. */
  stop(runId: string): boolean;
  /** Adds a running fit; returns the function that removes it. */
  register?(runId: string, onStop: () => void): () => void;
}

type WithRuns = { [TRAINING_RUNS]?: TrainingRunsLike };

/**
 * How the kernel stops running `fit` calls: on the training display's Stop button (comm target
 * `nnlab.training`) and on an interrupt. The library owns the registry of runs; the kernel
 * watches which runs it registers so an interrupt can stop all of them (the registry can only
 * stop a run by id).
 */
export class TrainingControl {
  private readonly running = new Set<string>();

  /**
   * Watches the registry the library installs on `globalThis[Symbol.for("nnlab.trainingRuns")]`
   * (installed when the library loads, after the kernel starts): the property becomes an accessor
   * that wraps `register` to record run ids. A registry installed before this call is wrapped too.
   */
  watchRegistry(): void {
    const g = globalThis as WithRuns;
    let registry = g[TRAINING_RUNS] ? this.tracked(g[TRAINING_RUNS]) : undefined;
    Object.defineProperty(globalThis, TRAINING_RUNS, {
      configurable: true,
      enumerable: false,
      get: () => registry,
      set: (value: TrainingRunsLike | undefined) => {
        registry = value ? this.tracked(value) : undefined;
      },
    });
  }

  /** Asks one run to stop; false when no such run is training or the library is not loaded. */
  stop(runId: string): boolean {
    const runs = (globalThis as WithRuns)[TRAINING_RUNS];
    return typeof runs?.stop === "function" ? runs.stop(runId) : false;
  }

  /** Asks every running fit to stop (an interrupt); returns how many were asked. */
  stopAll(): number {
    let stopped = 0;
    for (const runId of [...this.running]) if (this.stop(runId)) stopped++;
    return stopped;
  }

  /**
   * Registers the `nnlab.training` target: the frontend sends `{ method: "stop", runId }`, the
   * kernel asks the library to stop that run (at its next batch boundary) and answers
   * `{ method: "stopped", runId, ok }` — `ok` false when no such run is training (finished,
   * unknown, or the library not loaded). Other methods get `{ method: "error", error }`.
   */
  registerCommTarget(comms: CommManager): void {
    comms.registerTarget(TRAINING_TARGET, (comm) => {
      comm.onMsg = (data: CommData) => {
        if (data.method !== "stop") {
          comm.send({ method: "error", error: `unknown method ${JSON.stringify(data.method)}; expected "stop"` });
          return;
        }
        if (typeof data.runId !== "string") {
          comm.send({ method: "error", error: `"stop" needs a string runId, got ${JSON.stringify(data.runId)}` });
          return;
        }
        comm.send({ method: "stopped", runId: data.runId, ok: this.stop(data.runId) });
      };
    });
  }

  /** `registry` with a `register` that also records the run id while the run is registered. */
  private tracked(registry: TrainingRunsLike): TrainingRunsLike {
    const register = registry.register;
    if (typeof register !== "function") return registry;
    const running = this.running;
    return Object.assign(Object.create(registry) as TrainingRunsLike, {
      register(runId: string, onStop: () => void): () => void {
        running.add(runId);
        const unregister = register.call(registry, runId, onStop);
        return () => {
          running.delete(runId);
          unregister();
        };
      },
    });
  }
}
