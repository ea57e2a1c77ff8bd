/**
 * Records every epoch's logs: `history.history.loss[i]` is epoch i's loss, as Keras.
 * `fit` returns it and also keeps it as `model.history`.
 */
import { Callback, type Logs } from "./callback";
import { JUPYTER_DISPLAY } from "../display/host";
import type { MimeBundle } from "../display/mime";
import { historyBundle, historyData } from "../display/history-bundle";

export class History extends Callback {
  /** Epoch indices seen (0-based, as Keras). */
  readonly epoch: number[] = [];
  /** Metric name → one value per epoch. */
  readonly history: { [metric: string]: number[] } = {};
  /**
   * True when training ended before its last epoch because `model.stopTraining` was set
   * (early stopping, terminateOnNaN, the kernel's Stop button, a custom callback).
   */
  stopped = false;
  /** Why it stopped, when the stopper said (e.g. "early stopping: val_loss did not improve for 5 epochs"). */
  stopReason?: string;
  /** Where it stopped: the epoch (0-based) and the batch within it (0-based) after which training ended. */
  stoppedAt?: {
    /** 0-based epoch during which training ended. */
    epoch: number;
    /** 0-based batch within that epoch after which training ended. */
    batch: number;
  };

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    this.epoch.push(epoch);
    for (const [key, value] of Object.entries(logs)) {
      (this.history[key] ??= []).push(value);
    }
  }

  /**
   * A history displays itself as the training dashboard's final state (charts per metric
   * group, static SVG for exported HTML, Keras-like text on consoles).
   */
  [JUPYTER_DISPLAY](): Promise<MimeBundle> {
    return historyBundle(historyData(this));
  }
}
