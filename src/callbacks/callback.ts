/**
 * Hooks into `fit`, with Keras's names and order. Any hook may be async; `fit`
 * awaits it. Logs carry the epoch's metrics (`loss`, `accuracy`, `val_loss`, …).
 */
import type { Model } from "../models/model";

/** Metric name → value, as passed to callbacks (`loss`, `accuracy`, `val_loss`, `learning_rate`, …). */
export type Logs = { [metric: string]: number };

/** What `fit` tells callbacks at the start (Keras's `params`). */
export interface TrainingParams {
  epochs: number;
  steps: number;
  samples: number;
  batchSize: number;
  verbose: number;
}

/**
 * The base of every callback: override the hooks you need. `fit` calls `setModel`/`setParams`
 * first, then the hooks in Keras's order; `this.model` is the model being trained.
 */
export abstract class Callback {
  protected model?: Model;
  protected params?: TrainingParams;

  /** Called by `fit` before training. */
  setModel(model: Model): void {
    this.model = model;
  }

  setParams(params: TrainingParams): void {
    this.params = params;
  }

  onTrainBegin(_logs?: Logs): void | Promise<void> {}
  onTrainEnd(_logs?: Logs): void | Promise<void> {}
  onEpochBegin(_epoch: number, _logs?: Logs): void | Promise<void> {}
  onEpochEnd(_epoch: number, _logs?: Logs): void | Promise<void> {}
  onBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  onBatchEnd(_batch: number, _logs?: Logs): void | Promise<void> {}
}
