/**
 * Sets the learning rate at the start of every epoch from `schedule(epoch, lr)` (Keras 3's
 * `LearningRateScheduler`); epochs are 0-based and `lr` is the current rate. The rate used in
 * each epoch is logged as `learning_rate`.
 */
import { Callback, type Logs } from "./callback";

/** (epoch, current learning rate) → the learning rate for this epoch. */
export type Schedule = (epoch: number, lr: number) => number;

const KIND = "LearningRateScheduler";

/** Keras 3's `LearningRateScheduler`; see {@link learningRateScheduler}. */
export class LearningRateScheduler extends Callback {
  constructor(
    /** (epoch, current rate) → the rate for this epoch. */
    readonly schedule: Schedule,
    /** 1 prints each new rate; 0 is silent. */
    readonly verbose: 0 | 1 = 0,
  ) {
    super();
    if (typeof schedule !== "function") throw new TypeError(`${KIND}: schedule must be a function (epoch, lr) => number, got ${typeof schedule}`);
  }

  override onEpochBegin(epoch: number): void {
    const optimizer = this.model?.optimizer;
    if (!optimizer) throw new Error(`${KIND}: the model has no optimizer; compile it first`);
    const lr = this.schedule(epoch, optimizer.learningRate);
    if (typeof lr !== "number" || !Number.isFinite(lr) || lr < 0) {
      throw new RangeError(`${KIND}: schedule(${epoch}, ${optimizer.learningRate}) must return a finite number ≥ 0, got ${JSON.stringify(lr)}`);
    }
    optimizer.learningRate = lr;
    if (this.verbose > 0) console.log(`\nEpoch ${epoch + 1}: LearningRateScheduler setting learning rate to ${lr}.`);
  }

  override onEpochEnd(_epoch: number, logs: Logs = {}): void {
    logs.learning_rate = this.model!.optimizer!.learningRate;
  }
}

/** `nn.callbacks.learningRateScheduler((epoch, lr) => (epoch < 10 ? lr : lr * Math.exp(-0.1)))` */
export function learningRateScheduler(schedule: Schedule, verbose: 0 | 1 = 0): LearningRateScheduler {
  return new LearningRateScheduler(schedule, verbose);
}
