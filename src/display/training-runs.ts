/**
 * The running `fit` calls that a "Stop training" button may stop, by run id.
 *
 * The registry lives on `globalThis[Symbol.for("nnlab.trainingRuns")]` so that every copy of
 * this module in one process (the kernel's import and the cells' library) shares one registry.
 */

/** The well-known symbol of the registry. */
export const TRAINING_RUNS: unique symbol = Symbol.for("nnlab.trainingRuns");

/**
 * The running fits: `fit`'s live display registers each run; the kernel stops one by id (the
 * "Stop training" button) or all of them (an interrupt).
 */
export interface TrainingRuns {
  /** Asks the run to stop at the next batch boundary; false for an unknown or finished run. */
  stop(runId: string): boolean;
  /** Asks every running fit to stop at its next batch boundary (an interrupt); returns how many were asked. */
  stopAll(): number;
  /** The ids of the runs registered now, in registration order. */
  runIds(): string[];
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
    stopAll(): number {
      // A copy: a run's onStop may unregister it (or another run) while we iterate.
      const onStops = [...runs.values()];
      for (const onStop of onStops) onStop();
      return onStops.length;
    },
    runIds(): string[] {
      return [...runs.keys()];
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

/**
 * The process-wide registry, installed on first use (at module load). The kernel imports this
 * module too (`nnlab/dist/display/training-runs`), so it stops runs through the same registry.
 */
export function trainingRuns(): TrainingRuns {
  const g = globalThis as WithRuns;
  // Another copy of the library may have installed it first: share it. Anything else on the
  // symbol (not a registry, or one without stopAll) is replaced.
  if (!isRegistry(g[TRAINING_RUNS])) g[TRAINING_RUNS] = createRegistry();
  return g[TRAINING_RUNS] as TrainingRuns;
}

/** True when `value` has every method of {@link TrainingRuns}. */
function isRegistry(value: unknown): value is TrainingRuns {
  const r = value as Partial<TrainingRuns> | undefined;
  return typeof r?.register === "function" && typeof r.stop === "function" && typeof r.stopAll === "function"
    && typeof r.runIds === "function" && typeof r.isRunning === "function";
}

trainingRuns();
