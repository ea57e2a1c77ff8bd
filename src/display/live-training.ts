/**
 * The live training dashboard: while `fit` runs in the nnlab kernel, one display shows the
 * history bundle and is updated in place (Jupyter `update_display_data`) — at most every
 * 200 ms between batches, at every epoch end, and once more with the final state, which is
 * what the saved notebook keeps. Each run has a `runId`; the dashboard's Stop button sends
 * it back and {@link trainingRuns} stops that run at the next batch boundary.
 *
 * `fit` adds this callback by itself (see `registerFitCallback`) only when a display host
 * exists and `verbose` is not 0.
 */
import { Callback, type Logs } from "../callbacks/callback";
import { registerFitCallback, type FitContext } from "../callbacks/fit-defaults";
import type { History } from "../callbacks/history";
import { currentDisplayHost, type DisplayHost } from "./host";
import { HISTORY_VERSION, type HistoryData } from "./mime";
import { attachHistoryData, historyBundleWith, historySvg } from "./history-bundle";
import { trainingRuns } from "./training-runs";

/** Least time between two batch-level updates. */
export const UPDATE_INTERVAL_MS = 200;
/** Least time between two static-SVG renderings (each costs tens of ms in the kernel). */
export const SVG_INTERVAL_MS = 1000;
/** Batch points kept per metric before the stride doubles (bounds the bundle's size). */
export const MAX_BATCH_POINTS = 2000;

let runCounter = 0;

/** A fresh run id: unique in the process and across kernel restarts, independent of `nn.setSeed`. */
function newRunId(): string {
  runCounter += 1;
  return `run-${Date.now().toString(36)}-${process.pid.toString(36)}-${runCounter}`;
}

/** Returns the current time in milliseconds (default `Date.now`), used for throttling and rates; tests replace it to count updates deterministically. */
export type Clock = () => number;

/** Options of {@link LiveTraining}. */
export interface LiveTrainingOptions {
  /** Where to display (default: the kernel's display host). */
  host?: DisplayHost;
  /** Milliseconds clock (default `Date.now`). */
  clock?: Clock;
}

/** The dashboard callback. Usually added by `fit` itself; usable directly with a custom host. */
export class LiveTraining extends Callback {
  /** The record displayed and updated; it stays linked to the run's `History`. */
  readonly data: HistoryData;
  private readonly host: DisplayHost;
  private readonly clock: Clock;
  private displayId = "";
  private svg = "";
  private lastUpdate = -Infinity;
  private lastSvg = -Infinity;
  private startTime = 0;
  private samplesDone = 0;
  private batchCounter = 0;
  private userStopped = false;
  private unregister: () => void = () => {};
  /** Updates sent so far (display + updates), for tests and diagnostics. */
  updates = 0;

  constructor(options: LiveTrainingOptions = {}) {
    super();
    const host = options.host ?? currentDisplayHost();
    if (!host) throw new Error("LiveTraining: no display host (it needs the nnlab kernel, or options.host)");
    this.host = host;
    this.clock = options.clock ?? Date.now;
    this.data = { version: HISTORY_VERSION, runId: newRunId(), status: "running", epochs: 0, steps: 0, epoch: [], metrics: {} };
  }

  override async onTrainBegin(): Promise<void> {
    const model = this.model;
    const params = this.params;
    this.data.model = model?.name;
    this.data.epochs = params?.epochs ?? 0;
    this.data.steps = params?.steps ?? 0;
    this.data.samples = params?.samples;
    this.data.batches = { x: [], metrics: {}, stride: 1 };
    this.startTime = this.clock();
    if (model?.history) attachHistoryData(model.history as History, this.data);
    this.unregister = trainingRuns().register(this.data.runId, () => {
      this.userStopped = true;
      if (this.model) this.model.stopTraining = true;
    });
    this.displayId = `nnlab-history-${this.data.runId}`;
    this.host.display(this.snapshot(), { displayId: this.displayId });
    this.updates++;
    this.lastUpdate = this.clock();
  }

  override async onEpochBegin(epoch: number): Promise<void> {
    this.batchCounter = 0;
    this.setProgress(epoch, 0);
  }

  override async onBatchEnd(batch: number, logs: Logs = {}): Promise<void> {
    const steps = Math.max(this.data.steps, 1);
    const epoch = this.data.progress?.epoch ?? this.data.epoch.length;
    this.batchCounter = batch + 1;
    this.samplesDone += this.batchSize(batch);
    this.recordBatch(epoch + (batch + 1) / steps, logs);
    this.setProgress(epoch, batch + 1);
    if (this.clock() - this.lastUpdate >= UPDATE_INTERVAL_MS) this.send();
  }

  override async onEpochEnd(epoch: number, logs: Logs = {}): Promise<void> {
    this.data.epoch.push(epoch);
    for (const [name, value] of Object.entries(logs)) (this.data.metrics[name] ??= []).push(value);
    const lr = (this.model?.optimizer as { learningRate?: unknown } | undefined)?.learningRate;
    if (typeof lr === "number") (this.data.learningRate ??= []).push(lr);
    this.setProgress(epoch, this.batchCounter);
    if (this.clock() - this.lastSvg >= SVG_INTERVAL_MS) await this.renderSvg();
    this.send();
  }

  override async onTrainEnd(): Promise<void> {
    this.unregister();
    const stoppedEarly = this.model?.stopTraining === true && this.data.epoch.length < this.data.epochs;
    if (this.userStopped || stoppedEarly) {
      this.data.status = "stopped";
      this.data.stopReason = this.userStopped ? "user" : "callback";
    } else {
      this.data.status = "finished";
    }
    await this.renderSvg();
    this.send();
  }

  /** Samples in batch `batch` (the last one may be short). */
  private batchSize(batch: number): number {
    const p = this.params;
    if (!p) return 0;
    return Math.min(p.batchSize, Math.max(p.samples - batch * p.batchSize, 0));
  }

  /** Appends a batch point; past {@link MAX_BATCH_POINTS}, keeps every other point and doubles the stride. */
  private recordBatch(x: number, logs: Logs): void {
    const b = this.data.batches as NonNullable<HistoryData["batches"]>;
    const index = Math.round(x * Math.max(this.data.steps, 1));
    if (index % b.stride !== 0) return;
    b.x.push(x);
    for (const [name, value] of Object.entries(logs)) {
      const series = (b.metrics[name] ??= []);
      // A metric that appears late starts aligned with x.
      while (series.length < b.x.length - 1) series.push(NaN);
      series.push(value);
    }
    if (b.x.length > MAX_BATCH_POINTS) {
      const even = <T>(a: T[]) => a.filter((_, i) => i % 2 === 1);
      b.x = even(b.x);
      for (const name of Object.keys(b.metrics)) b.metrics[name] = even(b.metrics[name]);
      b.stride *= 2;
    }
  }

  private setProgress(epoch: number, batch: number): void {
    const elapsedSeconds = (this.clock() - this.startTime) / 1000;
    const samplesPerSecond = elapsedSeconds > 0 ? this.samplesDone / elapsedSeconds : 0;
    const totalSamples = (this.data.samples ?? 0) * this.data.epochs;
    const left = Math.max(totalSamples - this.samplesDone, 0);
    this.data.progress = {
      epoch,
      batch,
      samplesPerSecond,
      elapsedSeconds,
      etaSeconds: samplesPerSecond > 0 ? left / samplesPerSecond : null,
    };
  }

  private async renderSvg(): Promise<void> {
    try {
      this.svg = await historySvg(this.data);
    } catch (error) {
      // The live view does not need the SVG; a rendering failure must not stop training.
      this.svg = `<p>(static chart unavailable: ${String((error as Error).message).replace(/[<>&]/g, "")})</p>`;
    }
    this.lastSvg = this.clock();
  }

  /** A copy of the current state: the kernel may serialize the bundle after training moved on. */
  private snapshot() {
    return historyBundleWith(JSON.parse(JSON.stringify(this.data)) as HistoryData, this.svg);
  }

  private send(): void {
    this.host.update(this.displayId, this.snapshot(), { displayId: this.displayId });
    this.updates++;
    this.lastUpdate = this.clock();
  }
}

/** Adds the dashboard to every `fit` with verbose ≠ 0 while a kernel display host exists. */
export function liveTrainingFactory(context: FitContext): LiveTraining | undefined {
  return currentDisplayHost() !== undefined && context.verbose !== 0 ? new LiveTraining() : undefined;
}

registerFitCallback(liveTrainingFactory);
