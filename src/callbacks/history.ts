/**
 * Records every epoch's logs: `history.history.loss[i]` is epoch i's loss, as Keras.
 * `fit` returns it and also keeps it as `model.history`.
 */
import { Callback, type Logs } from "./callback";

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
}
