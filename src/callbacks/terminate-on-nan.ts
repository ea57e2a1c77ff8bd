/**
 * Stops training when a batch's loss is NaN or infinite (Keras 3's `TerminateOnNaN`). With this
 * callback in the list, `fit` checks each loss before applying the update and skips the bad
 * one, so the model keeps the weights of the last good step. The message names the epoch and
 * batch; `raiseError: true` makes `fit` reject with it instead of ending normally.
 */
import { Callback, type Logs } from "./callback";

/** Options of {@link terminateOnNaN}. */
export interface TerminateOnNaNArgs {
  /** Reject `fit` with the message instead of stopping gracefully (default false). */
  raiseError?: boolean;
}

/** Keras 3's `TerminateOnNaN`, checking before the update; see {@link terminateOnNaN}. */
export class TerminateOnNaN extends Callback {
  /** True: `fit` rejects with the message; false: training just stops. */
  readonly raiseError: boolean;
  private epoch = 0;

  constructor(args: TerminateOnNaNArgs = {}) {
    super();
    this.raiseError = args.raiseError ?? false;
  }

  override onEpochBegin(epoch: number): void {
    this.epoch = epoch;
  }

  override onBatchEnd(batch: number, logs: Logs = {}): void {
    const loss = logs.loss;
    if (loss === undefined || Number.isFinite(loss)) return;
    const steps = this.params?.steps;
    const epochs = this.params?.epochs;
    const message =
      `Epoch ${this.epoch + 1}${epochs ? `/${epochs}` : ""}, batch ${batch + 1}${steps ? `/${steps}` : ""}: ` +
      `invalid loss (${loss}), terminating training; the weights are those of the last good step`;
    if (this.raiseError) throw new Error(message);
    console.log(message);
    this.model!.stopTraining = true;
    this.model!.stopReason = message;
  }
}

/** `nn.callbacks.terminateOnNaN()` */
export function terminateOnNaN(args: TerminateOnNaNArgs = {}): TerminateOnNaN {
  return new TerminateOnNaN(args);
}
