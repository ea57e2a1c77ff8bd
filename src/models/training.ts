/**
 * The `fit` loop: mini-batches, one optimizer step per batch, stateful metrics over each
 * epoch (as Keras 3), validation, callbacks. It is async and yields to the event loop
 * between epochs and every ~100 ms, so a kernel can send live updates and handle a Stop
 * request (`model.stopTraining = true`) while training runs.
 */
import { Tensor } from "../tensor/tensor";
import { gradientsOf, noGrad } from "../tensor/autograd";
import { add, gatherRows } from "../ops";
import { random } from "../random/rng";
import { History } from "../callbacks/history";
import { ProgressLogger } from "../callbacks/progress-logger";
import { defaultFitCallbacks } from "../callbacks/fit-defaults";
import { TerminateOnNaN } from "../callbacks/terminate-on-nan";
import { Callback, type Logs } from "../callbacks/callback";
import type { Model, CompiledState } from "./model";
import {
  classWeightsToSampleWeights, rowRange, splitValidation, toSampleWeight, toXY,
  type ClassWeight, type Data, type Dataset,
} from "./data";

/** Options of {@link Model.fit} (Keras's `fit` arguments in camelCase). */
export interface FitArgs {
  /** Index of the epoch to stop before (default 1); with `initialEpoch` it is not a count. */
  epochs?: number;
  /** Samples per gradient step (default 32). */
  batchSize?: number;
  /** Reshuffle the training samples every epoch (default true), with the seeded generator. */
  shuffle?: boolean;
  /** 0 silent, 1 progress line per epoch, 2 one line per epoch (default 1). */
  verbose?: 0 | 1 | 2;
  /** Fraction of the data, taken from the end before shuffling, held out for validation. */
  validationSplit?: number;
  /** Explicit validation data `[x, y]` or `[x, y, sampleWeight]` (takes precedence over validationSplit). */
  validationData?: [Data, Data] | [Data, Data, Data];
  /** Callbacks (`nn.callbacks.earlyStopping(...)`, …), called in order. */
  callbacks?: Callback[];
  /** Epoch to start at (to resume training); epochs run from `initialEpoch` to `epochs − 1`. */
  initialEpoch?: number;
  /** Class index → loss weight (Keras's `class_weight`), e.g. `{ 0: 1, 1: 5 }` for a rare class 1. */
  classWeight?: ClassWeight;
  /** One loss weight per training sample (not with classWeight). */
  sampleWeight?: Data;
}

const FIT_ARGS = new Set([
  "epochs", "batchSize", "shuffle", "verbose", "validationSplit", "validationData", "callbacks",
  "initialEpoch", "classWeight", "sampleWeight",
]);

const YIELD_EVERY_MS = 100;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Throws unless `value` is an integer ≥ `min`. */
export function checkInteger(value: unknown, name: string, where: string, min = 1): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new RangeError(`${where}: ${name} must be ${min === 1 ? "a positive integer" : `an integer ≥ ${min}`}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** The outcome of one training step. */
export interface StepResult {
  /** The batch's loss including regularization penalties (what Keras reports). */
  loss: number;
  /** The predictions the loss was computed from (before the update). */
  pred: Tensor;
  /** False when the loss was NaN/±Inf and the update was skipped (only with `skipNonFinite`). */
  applied: boolean;
}

/**
 * The loss of a forward pass in training mode: the compiled loss (weighted by `sampleWeight`,
 * reduced over the batch) plus every layer's regularization penalty, as Keras 3's `compute_loss`.
 */
export function trainingLoss(model: Model, state: CompiledState, x: Tensor, y: Tensor, sampleWeight?: Tensor): { loss: Tensor; pred: Tensor } {
  const pred = model.call(x, true);
  let loss = state.loss.loss.call(y, pred, sampleWeight);
  for (const layer of model.layers) for (const penalty of layer.regularizationLosses()) loss = add(loss, penalty);
  return { loss, pred };
}

/**
 * One gradient step on one batch: forward, loss, backward, optimizer update, constraints.
 * With `skipNonFinite` a NaN or infinite loss leaves the weights untouched (terminateOnNaN
 * relies on this so the model keeps the weights of the last good step).
 */
export function trainStep(
  model: Model, state: CompiledState, x: Tensor, y: Tensor, sampleWeight: Tensor | undefined,
  variables: Tensor[], skipNonFinite: boolean,
): StepResult {
  const { loss, pred } = trainingLoss(model, state, x, y, sampleWeight);
  const value = loss.item();
  if (skipNonFinite && !Number.isFinite(value)) return { loss: value, pred, applied: false };
  state.optimizer.applyGradients(gradientsOf(loss, variables), variables);
  for (const layer of model.layers) layer.applyConstraints();
  return { loss: value, pred, applied: true };
}

/**
 * Adds a batch to the loss tracker (weighted by batch size, as Keras) and the metrics:
 * `metrics` without the sample weights, `weightedMetrics` with them (Keras 3's split).
 */
export function updateMetrics(state: CompiledState, y: Tensor, pred: Tensor, loss: number, sampleWeight?: Tensor): void {
  state.lossTracker.update([loss], y.shape[0]);
  noGrad(() => {
    for (const m of state.metrics) m.updateState(y, pred);
    for (const m of state.weightedMetrics) m.updateState(y, pred, sampleWeight);
  });
}

/** `{ loss, <metric>: … }` from the trackers' current results. */
export function metricLogs(state: CompiledState, prefix = ""): Logs {
  const logs: Logs = { [`${prefix}loss`]: state.lossTracker.result() };
  for (const m of state.metrics) logs[`${prefix}${m.name}`] = m.result();
  for (const m of state.weightedMetrics) logs[`${prefix}${m.name}`] = m.result();
  return logs;
}

/** Resets the loss tracker and every metric. */
export function resetMetrics(state: CompiledState): void {
  state.lossTracker.resetState();
  for (const m of [...state.metrics, ...state.weightedMetrics]) m.resetState();
}

/** Validates FitArgs and the data; returns what the loop needs. */
function prepareFit(model: Model, x: Data, y: Data, args: FitArgs) {
  const where = `${model.name}.fit`;
  if (args === null || typeof args !== "object") throw new TypeError(`${where}: options must be an object, got ${args === null ? "null" : typeof args}`);
  for (const key of Object.keys(args)) {
    if (!FIT_ARGS.has(key)) throw new TypeError(`${where}: unknown option "${key}". Valid options: ${[...FIT_ARGS].join(", ")}`);
  }
  const state = model.compiledState("fit");
  const epochs = checkInteger(args.epochs ?? 1, "epochs", where);
  const batchSize = checkInteger(args.batchSize ?? 32, "batchSize", where);
  const initialEpoch = checkInteger(args.initialEpoch ?? 0, "initialEpoch", where, 0);
  const verbose = args.verbose ?? 1;
  if (verbose !== 0 && verbose !== 1 && verbose !== 2) throw new RangeError(`${where}: verbose must be 0, 1 or 2, got ${JSON.stringify(verbose)}`);
  if (args.shuffle !== undefined && typeof args.shuffle !== "boolean") throw new TypeError(`${where}: shuffle must be true or false, got ${JSON.stringify(args.shuffle)}`);
  const callbacks = args.callbacks ?? [];
  if (!Array.isArray(callbacks) || callbacks.some((cb) => !(cb instanceof Callback))) {
    throw new TypeError(`${where}: callbacks must be an array of callbacks (e.g. [nn.callbacks.earlyStopping()])`);
  }

  const [xt, yt] = toXY(x, y, where);
  if (args.classWeight !== undefined && args.sampleWeight !== undefined) {
    throw new TypeError(`${where}: give classWeight or sampleWeight, not both (Keras does not combine them)`);
  }
  let data: Dataset = { x: xt, y: yt };
  if (args.sampleWeight !== undefined) data.sampleWeight = toSampleWeight(args.sampleWeight, xt.shape[0], where);

  let validation: Dataset | undefined;
  const split = args.validationSplit ?? 0;
  if (typeof split !== "number" || !(split >= 0 && split < 1)) throw new RangeError(`${where}: validationSplit must be a number in [0, 1), got ${JSON.stringify(split)}`);
  if (args.validationData !== undefined) {
    const vd = args.validationData;
    if (!Array.isArray(vd) || (vd.length !== 2 && vd.length !== 3)) {
      throw new TypeError(`${where}: validationData must be [x, y] or [x, y, sampleWeight]`);
    }
    const [vx, vy] = toXY(vd[0], vd[1], `${where}: validationData`);
    validation = { x: vx, y: vy };
    if (vd.length === 3) validation.sampleWeight = toSampleWeight(vd[2], vx.shape[0], `${where}: validationData`);
  } else if (split > 0) {
    [data, validation] = splitValidation(data, split, where);
  }
  // Class weights apply to the training samples only, as in Keras.
  if (args.classWeight !== undefined) data.sampleWeight = classWeightsToSampleWeights(data.y, args.classWeight, where);
  return { state, epochs, batchSize, initialEpoch, verbose, callbacks, data, validation, shuffle: args.shuffle ?? true };
}

/** `model.fit`: see {@link FitArgs}. Resolves to the run's {@link History}. */
export async function fitModel(model: Model, x: Data, y: Data, args: FitArgs): Promise<History> {
  const { state, epochs, batchSize, initialEpoch, verbose, callbacks: userCallbacks, data, validation, shuffle } = prepareFit(model, x, y, args);
  const samples = data.x.shape[0];
  const steps = Math.ceil(samples / batchSize);
  const history = new History();
  // Keras's order: the user's callbacks, then History, then the progress display(s), so the
  // latter see the keys callbacks add to the logs (learning_rate) and the restored weights.
  const callbacks: Callback[] = [
    ...userCallbacks,
    history,
    ...(verbose > 0 ? [new ProgressLogger(verbose as 1 | 2)] : []),
    ...defaultFitCallbacks({ model, epochs, verbose }),
  ];
  for (const cb of callbacks) {
    cb.setModel(model);
    cb.setParams({ epochs, steps, samples, batchSize, verbose });
  }
  const skipNonFinite = callbacks.some((cb) => cb instanceof TerminateOnNaN);
  model.stopTraining = false;
  model.stopReason = undefined;
  model.history = history;

  const variables = model.trainableWeights;
  const inOrder = Int32Array.from({ length: samples }, (_, i) => i);
  let lastYield = Date.now();
  let lastEpoch = initialEpoch;
  let lastStep = -1;
  for (const cb of callbacks) await cb.onTrainBegin();
  for (let epoch = initialEpoch; epoch < epochs && !model.stopTraining; epoch++) {
    lastEpoch = epoch;
    resetMetrics(state);
    for (const cb of callbacks) await cb.onEpochBegin(epoch);
    const order = shuffle ? Int32Array.from(random().permutation(samples)) : inOrder;

    for (let step = 0; step < steps && !model.stopTraining; step++) {
      lastStep = step;
      for (const cb of callbacks) await cb.onBatchBegin(step);
      const start = step * batchSize;
      const end = Math.min(start + batchSize, samples);
      // Unshuffled batches are views on the data; shuffled ones need a gather (one copy).
      const rows = (t: Tensor) => (shuffle ? gatherRows(t, order.subarray(start, end)) : rowRange(t, start, end));
      const xb = rows(data.x);
      const yb = rows(data.y);
      const sw = data.sampleWeight && rows(data.sampleWeight);
      const result = trainStep(model, state, xb, yb, sw, variables, skipNonFinite);
      updateMetrics(state, yb, result.pred, result.loss, sw);
      const batchLogs = metricLogs(state);
      if (!result.applied) batchLogs.loss = result.loss;
      for (const cb of callbacks) await cb.onBatchEnd(step, batchLogs);
      if (Date.now() - lastYield > YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = Date.now();
      }
    }

    const logs = metricLogs(state);
    if (validation) Object.assign(logs, evaluateDataset(model, state, validation, batchSize, "val_"));
    for (const cb of callbacks) await cb.onEpochEnd(epoch, logs);
    await yieldToEventLoop();
    lastYield = Date.now();
  }
  if (model.stopTraining) {
    history.stopped = true;
    history.stoppedAt = { epoch: lastEpoch, batch: lastStep };
    history.stopReason = model.stopReason ?? "model.stopTraining was set";
  }
  for (const cb of callbacks) await cb.onTrainEnd();
  return history;
}

/**
 * Loss and metrics over a whole dataset in inference mode, in batches (views, no copies),
 * with the compiled (stateful) metrics reset first. Keys get `prefix` (`val_` in fit).
 */
export function evaluateDataset(model: Model, state: CompiledState, data: Dataset, batchSize: number, prefix = ""): Logs {
  resetMetrics(state);
  const n = data.x.shape[0];
  noGrad(() => {
    for (let start = 0; start < n; start += batchSize) {
      const end = Math.min(start + batchSize, n);
      const xb = rowRange(data.x, start, end);
      const yb = rowRange(data.y, start, end);
      const sw = data.sampleWeight && rowRange(data.sampleWeight, start, end);
      const pred = model.call(xb, false);
      let loss = state.loss.loss.call(yb, pred, sw).item();
      for (const layer of model.layers) for (const penalty of layer.regularizationLosses()) loss += penalty.item();
      updateMetrics(state, yb, pred, loss, sw);
    }
  });
  return metricLogs(state, prefix);
}
