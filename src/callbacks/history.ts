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
