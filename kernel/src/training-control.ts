import { trainingRuns } from "nnlab/dist/display/training-runs";
import type { CommData, CommManager } from "./comms";

/** The comm target of the training display's "Stop training" button. */
export const TRAINING_TARGET = "nnlab.training";

/**
 * How the kernel stops running `fit` calls: on the training display's Stop button (comm target
 * `nnlab.training`) and on an interrupt. The library owns the registry of runs
 * (`src/display/training-runs.ts`); the kernel imports the same module, which shares one
 * registry per process with the library the cells import.
 */
export class TrainingControl {
  /** Asks one run to stop at its next batch boundary; false when no such run is training. */
  stop(runId: string): boolean {
    return trainingRuns().stop(runId);
  }

  /** Asks every running fit to stop (an interrupt); returns how many were asked. */
  stopAll(): number {
    return trainingRuns().stopAll();
  }

  /**
   * Registers the `nnlab.training` target: the frontend sends `{ method: "stop", runId }`, the
   * kernel asks the library to stop that run (at its next batch boundary) and answers
   * `{ method: "stopped", runId, ok }` — `ok` false when no such run is training (finished
   * or unknown). Other methods get `{ method: "error", error }`.
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
}
