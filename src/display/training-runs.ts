/**
 * The running `fit` calls that a "Stop training" button may stop, by run id.
 *
 * The registry lives on `globalThis[Symbol.for("nnlab.trainingRuns")]` so the kernel (which
 * receives the button's comm message) reaches it without importing the library, and so two
 * copies of the library in one process share one registry.
 */

/** The well-known symbol of the registry. */
export const TRAINING_RUNS: unique symbol = Symbol.for("nnlab.trainingRuns");

/** What the kernel calls: `stop(runId)` is true when a running fit was asked to stop. */
export interface TrainingRuns {
  /** Asks the run to stop at the next batch boundary; false for an unknown or finished run. */
  stop(runId: string): boolean;
  /** Adds a running fit; `stop` calls `onStop`. Returns the function that removes it. */
  register(runId: string, onStop: () => void): () => void;
  /** True while the run is registered (training). */
  isRunning(runId: string): boolean;
}

function createRegistry(): TrainingRuns {
  const runs = new Map<string, () => void>();
  return {
    stop(runId: string): boolean {
      const onStop = runs.get(runId);
      if (!onStop) return false;
      onStop();
      return true;
    },
    register(runId: string, onStop: () => void): () => void {
      runs.set(runId, onStop);
      return () => {
        if (runs.get(runId) === onStop) runs.delete(runId);
      };
    },
    isRunning(runId: string): boolean {
      return runs.has(runId);
    },
  };
}

type WithRuns = { [TRAINING_RUNS]?: TrainingRuns };

/** The process-wide registry, installed on first use (at module load). */
export function trainingRuns(): TrainingRuns {
  const g = globalThis as WithRuns;
  // Another copy of the library may have installed it first: share it.
  if (typeof g[TRAINING_RUNS]?.register !== "function") g[TRAINING_RUNS] = createRegistry();
  return g[TRAINING_RUNS] as TrainingRuns;
}

trainingRuns();
