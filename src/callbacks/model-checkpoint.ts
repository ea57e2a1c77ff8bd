/**
 * Saves the model (or only its weights) at the end of every epoch (Keras 3's
 * `ModelCheckpoint`): `filepath` may hold placeholders filled from the epoch (1-based) and the
 * logs, e.g. `"ckpt/model-{epoch:02d}-{val_loss:.4f}"`. With `saveBestOnly` it saves only when
 * the monitored quantity improves. Each checkpoint is a folder (see `model.save`), written
 * atomically; `nn.loadModel(path)` or `model.loadWeights(path)` read it back.
 */
import * as fs from "fs";
import * as path from "path";
import type { Logs } from "./callback";
import { MonitorCallback, type MonitorMode } from "./monitor";
import { formatPython } from "./python-format";

/** Options of {@link modelCheckpoint} (Keras's names in camelCase). */
export interface ModelCheckpointArgs {
  /** Quantity for saveBestOnly (default "val_loss"). */
  monitor?: string;
  /** 1 prints what it saves (default 0). */
  verbose?: 0 | 1;
  /** Save only when `monitor` improves (default false). */
  saveBestOnly?: boolean;
  /** Save only the weights (`model.saveWeights`) instead of the whole model (default false). */
  saveWeightsOnly?: boolean;
  /** "auto" (default), "min" or "max". */
  mode?: MonitorMode;
  /** The value to beat before the first save with saveBestOnly (Keras's initial_value_threshold). */
  initialValueThreshold?: number;
}

const KIND = "ModelCheckpoint";

/** Keras 3's `ModelCheckpoint`, saving nnlab model folders; see {@link modelCheckpoint}. */
export class ModelCheckpoint extends MonitorCallback {
  /** Target folder path, possibly with `{epoch:02d}` / `{val_loss:.4f}` placeholders. */
  readonly filepath: string;
  /** 1 prints each save; 0 is silent. */
  readonly verbose: number;
  /** Save only when the monitored quantity improves. */
  readonly saveBestOnly: boolean;
  /** Save only the weights (`model.saveWeights`) rather than the whole model. */
  readonly saveWeightsOnly: boolean;
  /** Paths written so far, in order. */
  readonly saved: string[] = [];

  constructor(filepath: string, args: ModelCheckpointArgs = {}) {
    super(KIND, args.monitor ?? "val_loss", args.mode ?? "auto", 0);
    if (typeof filepath !== "string" || filepath === "") throw new TypeError(`${KIND}: filepath must be a non-empty string, got ${JSON.stringify(filepath)}`);
    this.filepath = filepath;
    this.verbose = args.verbose ?? 0;
    this.saveBestOnly = args.saveBestOnly ?? false;
    this.saveWeightsOnly = args.saveWeightsOnly ?? false;
    this.best = args.initialValueThreshold;
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    this.resolveDirection(KIND);
    const file = formatPython(this.filepath, { ...logs, epoch: epoch + 1 }, KIND);
    if (this.saveBestOnly) {
      const current = logs[this.monitor];
      if (current === undefined) {
        console.warn(`${KIND}: can save best model only with ${this.monitor} available; saving anyway`);
      } else if (this.isImprovement(current, this.best)) {
        if (this.verbose > 0) console.log(`\nEpoch ${epoch + 1}: ${this.monitor} improved from ${this.best === undefined ? "None" : this.best.toFixed(5)} to ${current.toFixed(5)}, saving model to ${file}`);
        this.best = current;
      } else {
        if (this.verbose > 0) console.log(`\nEpoch ${epoch + 1}: ${this.monitor} did not improve from ${this.best === undefined ? "None" : this.best.toFixed(5)}`);
        return;
      }
    } else if (this.verbose > 0) {
      console.log(`\nEpoch ${epoch + 1}: saving model to ${file}`);
    }
    const dir = path.dirname(path.resolve(file));
    fs.mkdirSync(dir, { recursive: true });
    if (this.saveWeightsOnly) this.model!.saveWeights(file);
    else this.model!.save(file);
    this.saved.push(file);
  }
}

/** `nn.callbacks.modelCheckpoint("ckpt/best", { monitor: "val_loss", saveBestOnly: true })` */
export function modelCheckpoint(filepath: string, args: ModelCheckpointArgs = {}): ModelCheckpoint {
  return new ModelCheckpoint(filepath, args);
}
