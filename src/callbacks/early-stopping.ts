/**
 * Stops training when a monitored quantity stops improving (Keras 3's `EarlyStopping`, same
 * counting): every epoch from `startFromEpoch` on increments a wait counter; an improvement
 * over the best value (by more than `minDelta`) resets it — unless a `baseline` is set and
 * not yet beaten — and training stops once the counter reaches `patience` (never at epoch 0).
 * With `restoreBestWeights` the weights of the best epoch are put back at the end of training,
 * also when training ran to its last epoch without stopping.
 */
import type { Tensor } from "../tensor/tensor";
import type { Logs } from "./callback";
import { MonitorCallback, type MonitorMode } from "./monitor";

/** Options of {@link earlyStopping} (Keras's names in camelCase). */
export interface EarlyStoppingArgs {
  /** Quantity to watch (default "val_loss"). */
  monitor?: string;
  /** Changes smaller than this do not count as improvement (default 0). */
  minDelta?: number;
  /** Epochs without improvement before stopping (default 0). */
  patience?: number;
  /** 1 prints when it stops and restores (default 0). */
  verbose?: 0 | 1;
  /** "auto" (default), "min" or "max". */
  mode?: MonitorMode;
  /** A value to beat: the wait counter only resets on epochs better than both the best and the baseline. */
  baseline?: number | null;
  /** Put back the weights of the best epoch when training ends (default false). */
  restoreBestWeights?: boolean;
  /** Epochs to ignore at the start (warm-up; default 0). */
  startFromEpoch?: number;
}

const KIND = "EarlyStopping";

/** Keras 3's `EarlyStopping`; see {@link earlyStopping} and the file comment for the exact counting. */
export class EarlyStopping extends MonitorCallback {
  /** Epochs without improvement before stopping. */
  readonly patience: number;
  /** 1 prints when it stops and restores; 0 is silent. */
  readonly verbose: number;
  /** A value the monitored quantity must beat before the wait counter resets (Keras's `baseline`). */
  readonly baseline?: number;
  /** Whether the best epoch's weights are put back when training ends. */
  readonly restoreBestWeights: boolean;
  /** Epochs ignored at the start before counting begins (warm-up). */
  readonly startFromEpoch: number;
  /** Epochs since the last improvement. */
  wait = 0;
  /** The epoch at which training was stopped (0 if it was not). */
  stoppedEpoch = 0;
  /** The epoch with the best value. */
  bestEpoch = 0;
  /** Copies of the best epoch's weights (with restoreBestWeights). */
  bestWeights?: Tensor[];

  constructor(args: EarlyStoppingArgs = {}) {
    super(KIND, args.monitor ?? "val_loss", args.mode ?? "auto", args.minDelta ?? 0);
    const patience = args.patience ?? 0;
    if (!Number.isInteger(patience) || patience < 0) throw new RangeError(`${KIND}: patience must be an integer ≥ 0, got ${JSON.stringify(patience)}`);
    const start = args.startFromEpoch ?? 0;
    if (!Number.isInteger(start) || start < 0) throw new RangeError(`${KIND}: startFromEpoch must be an integer ≥ 0, got ${JSON.stringify(start)}`);
    if (args.baseline != null && (typeof args.baseline !== "number" || !Number.isFinite(args.baseline))) {
      throw new RangeError(`${KIND}: baseline must be a finite number or null, got ${typeof args.baseline === "number" ? args.baseline : JSON.stringify(args.baseline)}`);
    }
    this.patience = patience;
    this.verbose = args.verbose ?? 0;
    this.baseline = args.baseline ?? undefined;
    this.restoreBestWeights = args.restoreBestWeights ?? false;
    this.startFromEpoch = start;
  }

  override onTrainBegin(): void {
    // Instances can be reused across fit calls, as in Keras.
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.best = undefined;
    this.bestWeights = undefined;
    this.bestEpoch = 0;
  }

  override onEpochEnd(epoch: number, logs?: Logs): void {
    this.resolveDirection(KIND);
    const current = this.monitorValue(KIND, logs);
    if (current === undefined || epoch < this.startFromEpoch) return;
    const model = this.model!;
    if (this.restoreBestWeights && this.bestWeights === undefined) {
      // Until something is better, the current weights are the best.
      this.bestWeights = model.getWeights();
      this.bestEpoch = epoch;
    }
    this.wait += 1;
    if (this.isImprovement(current, this.best)) {
      this.best = current;
      this.bestEpoch = epoch;
      if (this.restoreBestWeights) this.bestWeights = model.getWeights();
      // Only restart the wait if we beat both the baseline and our previous best.
      if (this.baseline === undefined || this.isImprovement(current, this.baseline)) this.wait = 0;
      return;
    }
    if (this.wait >= this.patience && epoch > 0) {
      this.stoppedEpoch = epoch;
      model.stopTraining = true;
      model.stopReason = `early stopping: ${this.monitor} did not improve for ${this.wait} epoch${this.wait === 1 ? "" : "s"} (best ${this.best} at epoch ${this.bestEpoch + 1})`;
    }
  }

  override onTrainEnd(): void {
    if (this.stoppedEpoch > 0 && this.verbose > 0) console.log(`Epoch ${this.stoppedEpoch + 1}: early stopping`);
    if (this.restoreBestWeights && this.bestWeights !== undefined) {
      if (this.verbose > 0) console.log(`Restoring model weights from the end of the best epoch: ${this.bestEpoch + 1}.`);
      this.model!.setWeights(this.bestWeights);
    }
  }
}

/** `nn.callbacks.earlyStopping({ monitor: "val_loss", patience: 5, restoreBestWeights: true })` */
export function earlyStopping(args: EarlyStoppingArgs = {}): EarlyStopping {
  return new EarlyStopping(args);
}
