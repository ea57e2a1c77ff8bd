/**
 * Hooks into `fit`, with Keras's names and order. Any hook may be async; `fit`
 * awaits it. Logs carry the epoch's metrics (`loss`, `accuracy`, `val_loss`, …).
 */
import type { Model } from "../models/model";

/** Metric name → value, as passed to callbacks (`loss`, `accuracy`, `val_loss`, `learning_rate`, …). */
export type Logs = { [metric: string]: number };

/** What `fit` tells callbacks at the start (Keras's `params`). */
export interface TrainingParams {
  /** Number of epochs `fit` will run (Keras `params["epochs"]`). */
  epochs: number;
  /** Batches per epoch, i.e. ceil(samples / batchSize) (Keras `params["steps"]`). */
  steps: number;
  /** Number of training samples per epoch (after any validation split). */
  samples: number;
  /** Samples per batch; the last batch of an epoch may be smaller. */
  batchSize: number;
  /** Verbosity passed to `fit`: 0 silent, 1 progress bar, 2 one line per epoch. */
  verbose: number;
}

/**
 * The base of every callback: override the hooks you need. `fit` calls `setModel`/`setParams`
 * first, then the hooks in Keras's order; `this.model` is the model being trained.
 */
export abstract class Callback {
  /** The model being trained; set by `fit` through {@link Callback.setModel} before any hook runs. */
  protected model?: Model;
  /** What `fit` is about to do (epochs, steps, …); set through {@link Callback.setParams}. */
  protected params?: TrainingParams;

  /** Called by `fit` before training. */
  setModel(model: Model): void {
    this.model = model;
  }

  /** Called by `fit` before training with the run's {@link TrainingParams}. */
  setParams(params: TrainingParams): void {
    this.params = params;
  }

  /** Once, before the first epoch (Keras `on_train_begin`). */
  onTrainBegin(_logs?: Logs): void | Promise<void> {}
  /** Once, after the last epoch or an early stop; `logs` are the last epoch's (Keras `on_train_end`). */
  onTrainEnd(_logs?: Logs): void | Promise<void> {}
  /** At the start of epoch `epoch` (0-based) (Keras `on_epoch_begin`). */
  onEpochBegin(_epoch: number, _logs?: Logs): void | Promise<void> {}
  /** After epoch `epoch` (0-based) with its training and validation metrics (Keras `on_epoch_end`). */
  onEpochEnd(_epoch: number, _logs?: Logs): void | Promise<void> {}
  /** Before batch `batch` (0-based within the epoch) (Keras `on_train_batch_begin`). */
  onBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  /** After batch `batch` with the running means of the metrics so far this epoch (Keras `on_train_batch_end`). */
  onBatchEnd(_batch: number, _logs?: Logs): void | Promise<void> {}
}
