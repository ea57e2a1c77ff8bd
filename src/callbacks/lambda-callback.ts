/** A callback from plain functions (Keras's `LambdaCallback`), for one-off hooks in a notebook. */
import { Callback, type Logs } from "./callback";

/** Any of the hooks; each may be async. */
export interface LambdaCallbackArgs {
  /** Called once before training (see {@link Callback.onTrainBegin}). */
  onTrainBegin?: (logs?: Logs) => void | Promise<void>;
  /** Called once after training with the last epoch's logs. */
  onTrainEnd?: (logs?: Logs) => void | Promise<void>;
  /** Called at the start of each epoch (0-based `epoch`). */
  onEpochBegin?: (epoch: number, logs?: Logs) => void | Promise<void>;
  /** Called after each epoch with its metrics, e.g. `logs.loss`, `logs.val_loss`. */
  onEpochEnd?: (epoch: number, logs?: Logs) => void | Promise<void>;
  /** Called before each batch (0-based within the epoch). */
  onBatchBegin?: (batch: number, logs?: Logs) => void | Promise<void>;
  /** Called after each batch with the epoch's running metrics. */
  onBatchEnd?: (batch: number, logs?: Logs) => void | Promise<void>;
}

const HOOKS = ["onTrainBegin", "onTrainEnd", "onEpochBegin", "onEpochEnd", "onBatchBegin", "onBatchEnd"] as const;

/** A callback whose hooks are the given functions; see {@link lambdaCallback}. */
export class LambdaCallback extends Callback {
  constructor(private readonly hooks: LambdaCallbackArgs = {}) {
    super();
    if (hooks === null || typeof hooks !== "object") throw new TypeError(`LambdaCallback: expected an object of hooks, got ${hooks === null ? "null" : typeof hooks}`);
    for (const [key, f] of Object.entries(hooks)) {
      if (!(HOOKS as readonly string[]).includes(key)) throw new TypeError(`LambdaCallback: unknown hook "${key}". Valid hooks: ${HOOKS.join(", ")}`);
      if (typeof f !== "function") throw new TypeError(`LambdaCallback: ${key} must be a function, got ${typeof f}`);
    }
  }

  override onTrainBegin(logs?: Logs) { return this.hooks.onTrainBegin?.(logs); }
  override onTrainEnd(logs?: Logs) { return this.hooks.onTrainEnd?.(logs); }
  override onEpochBegin(epoch: number, logs?: Logs) { return this.hooks.onEpochBegin?.(epoch, logs); }
  override onEpochEnd(epoch: number, logs?: Logs) { return this.hooks.onEpochEnd?.(epoch, logs); }
  override onBatchBegin(batch: number, logs?: Logs) { return this.hooks.onBatchBegin?.(batch, logs); }
  override onBatchEnd(batch: number, logs?: Logs) { return this.hooks.onBatchEnd?.(batch, logs); }
}

/** `nn.callbacks.lambdaCallback({ onEpochEnd: (epoch, logs) => console.log(epoch, logs) })` */
export function lambdaCallback(hooks: LambdaCallbackArgs): LambdaCallback {
  return new LambdaCallback(hooks);
}
