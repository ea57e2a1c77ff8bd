/**
 * Multiplies the learning rate by `factor` when a monitored quantity has not improved for
 * `patience` epochs (Keras 3's `ReduceLROnPlateau`, same counting): after a reduction it
 * waits `cooldown` epochs before counting again, and never goes below `minLr`. Each epoch's
 * learning rate is logged as `learning_rate` (so `history.history.learning_rate` has it).
 */
import type { Logs } from "./callback";
import { MonitorCallback, type MonitorMode } from "./monitor";

/** Options of {@link reduceLROnPlateau} (Keras's names in camelCase). */
export interface ReduceLROnPlateauArgs {
  /** Quantity to watch (default "val_loss"). */
  monitor?: string;
  /** New rate = rate · factor (default 0.1; must be < 1). */
  factor?: number;
  /** Epochs without improvement before reducing (default 10). */
  patience?: number;
  /** 1 prints each reduction (default 0). */
  verbose?: 0 | 1;
  /** "auto" (default), "min" or "max". */
  mode?: MonitorMode;
  /** Changes smaller than this do not count as improvement (default 1e-4). */
  minDelta?: number;
  /** Epochs to wait after a reduction before counting again (default 0). */
  cooldown?: number;
  /** Lower bound on the learning rate (default 0). */
  minLr?: number;
}

const KIND = "ReduceLROnPlateau";

/** Keras 3's `ReduceLROnPlateau`; see {@link reduceLROnPlateau} and the file comment. */
export class ReduceLROnPlateau extends MonitorCallback {
  /** New rate = rate · factor (< 1). */
  readonly factor: number;
  /** Epochs without improvement before a reduction. */
  readonly patience: number;
  /** 1 prints each reduction; 0 is silent. */
  readonly verbose: number;
  /** Epochs to wait after a reduction before counting again. */
  readonly cooldown: number;
  /** Lower bound on the learning rate. */
  readonly minLr: number;
  /** Epochs left in the current cooldown. */
  cooldownCounter = 0;
  /** Epochs since the last improvement (outside cooldowns). */
  wait = 0;

  constructor(args: ReduceLROnPlateauArgs = {}) {
    super(KIND, args.monitor ?? "val_loss", args.mode ?? "auto", args.minDelta ?? 1e-4);
    const factor = args.factor ?? 0.1;
    if (typeof factor !== "number" || !(factor >= 0 && factor < 1)) throw new RangeError(`${KIND}: factor must be in [0, 1) (the rate is multiplied by it), got ${JSON.stringify(factor)}`);
    for (const [name, v] of [["patience", args.patience ?? 10], ["cooldown", args.cooldown ?? 0]] as const) {
      if (!Number.isInteger(v) || v < 0) throw new RangeError(`${KIND}: ${name} must be an integer ≥ 0, got ${JSON.stringify(v)}`);
    }
    const minLr = args.minLr ?? 0;
    if (typeof minLr !== "number" || !(minLr >= 0)) throw new RangeError(`${KIND}: minLr must be a number ≥ 0, got ${JSON.stringify(minLr)}`);
    this.factor = factor;
    this.patience = args.patience ?? 10;
    this.verbose = args.verbose ?? 0;
    this.cooldown = args.cooldown ?? 0;
    this.minLr = minLr;
  }

  override onTrainBegin(): void {
    this.best = undefined;
    this.cooldownCounter = 0;
    this.wait = 0;
  }

  /** True while waiting after a reduction. */
  inCooldown(): boolean {
    return this.cooldownCounter > 0;
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    this.resolveDirection(KIND);
    const optimizer = this.model?.optimizer;
    if (!optimizer) throw new Error(`${KIND}: the model has no optimizer; compile it first`);
    logs.learning_rate = optimizer.learningRate;
    const current = this.monitorValue(KIND, logs);
    if (current === undefined) return;
    if (this.inCooldown()) {
      this.cooldownCounter -= 1;
      this.wait = 0;
    }
    if (this.isImprovement(current, this.best)) {
      this.best = current;
      this.wait = 0;
    } else if (!this.inCooldown()) {
      this.wait += 1;
      if (this.wait >= this.patience) {
        const old = optimizer.learningRate;
        // Keras compares with the float32 minimum, as its rate is a float32 variable.
        if (old > Math.fround(this.minLr)) {
          const lr = Math.max(old * this.factor, this.minLr);
          optimizer.learningRate = lr;
          if (this.verbose > 0) console.log(`\nEpoch ${epoch + 1}: ReduceLROnPlateau reducing learning rate to ${lr}.`);
          this.cooldownCounter = this.cooldown;
          this.wait = 0;
        }
      }
    }
  }
}

/** `nn.callbacks.reduceLROnPlateau({ monitor: "val_loss", factor: 0.5, patience: 3, cooldown: 1 })` */
export function reduceLROnPlateau(args: ReduceLROnPlateauArgs = {}): ReduceLROnPlateau {
  return new ReduceLROnPlateau(args);
}
