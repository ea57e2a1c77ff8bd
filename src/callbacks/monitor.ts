/**
 * The shared logic of callbacks that watch one logged quantity (Keras's `MonitorCallback`):
 * whether larger or smaller is better (`mode`), and what counts as an improvement
 * (`minDelta`). EarlyStopping, ReduceLROnPlateau and ModelCheckpoint build on it.
 */
import { Callback, type Logs } from "./callback";

/** "min": smaller is better; "max": larger; "auto": from the metric (loss → min, accuracy → max). */
export type MonitorMode = "auto" | "min" | "max";

export abstract class MonitorCallback extends Callback {
  /** The logged quantity watched, e.g. "val_loss". */
  readonly monitor: string;
  /** Whether smaller ("min") or larger ("max") values are better, or "auto" to decide from the metric's name. */
  readonly mode: MonitorMode;
  /** Smallest change that counts as an improvement (≥ 0). */
  readonly minDelta: number;
  /** The best value so far (undefined before the first; the baseline when one was given). */
  best?: number;
  /** True when larger values are better; decided on the first epoch end. */
  protected maximize?: boolean;

  constructor(kind: string, monitor: string, mode: MonitorMode, minDelta: number) {
    super();
    if (typeof monitor !== "string" || monitor === "") throw new TypeError(`${kind}: monitor must be a logged quantity such as "val_loss", got ${JSON.stringify(monitor)}`);
    if (mode !== "auto" && mode !== "min" && mode !== "max") throw new RangeError(`${kind}: mode must be "auto", "min" or "max", got ${JSON.stringify(mode)}`);
    if (typeof minDelta !== "number" || !Number.isFinite(minDelta)) throw new RangeError(`${kind}: minDelta must be a finite number, got ${JSON.stringify(minDelta)}`);
    this.monitor = monitor;
    this.mode = mode;
    this.minDelta = Math.abs(minDelta);
  }

  /**
   * Decides the direction as Keras's `_set_monitor_op`: explicit mode, else "loss" → min, else
   * the compiled metric of that name (accuracy, AUC… → max; mse… → min); unknown → an error.
   */
  protected resolveDirection(kind: string): boolean {
    if (this.maximize !== undefined) return this.maximize;
    if (this.mode !== "auto") return (this.maximize = this.mode === "max");
    const name = this.monitor.replace(/^val_/, "");
    let direction: "up" | "down" | undefined = name === "loss" ? "down" : undefined;
    for (const m of this.model?.metrics ?? []) if (m.name === name && m.direction) direction = m.direction;
    if (direction === undefined) {
      throw new Error(
        `${kind}: cannot tell whether "${this.monitor}" should be maximized or minimized; ` +
          `pass mode: "max" to use its highest value or mode: "min" to use its lowest`,
      );
    }
    return (this.maximize = direction === "up");
  }

  /** Keras's `_is_improvement`: better than `reference` by more than minDelta (always true without a reference). */
  protected isImprovement(value: number, reference: number | undefined): boolean {
    if (reference === undefined) return true;
    return this.maximize ? value - this.minDelta > reference : value + this.minDelta < reference;
  }

  /** The monitored value from `logs`, or undefined (with a warning listing what is available, as Keras). */
  protected monitorValue(kind: string, logs: Logs | undefined): number | undefined {
    const value = logs?.[this.monitor];
    if (value === undefined) {
      console.warn(`${kind} is conditioned on "${this.monitor}", which is not available. Available metrics are: ${Object.keys(logs ?? {}).join(",")}`);
    }
    return value;
  }
}
