/**
 * The `fit` loop: mini-batches, one optimizer step per batch, stateful metrics over each
 * epoch (as Keras 3), validation, callbacks. It is async and yields to the event loop
 * between epochs and every ~100 ms, so a kernel can send live updates and handle a Stop
 * request (`model.stopTraining = true`) while training runs.
 */
import { isRichDisplayAvailable } from "../display/host";
import { Tensor } from "../tensor/tensor";
import { gradientsOf, noGrad } from "../tensor/autograd";
import { add, gatherRows, mul } from "../ops";
import { random } from "../random/rng";
import { History } from "../callbacks/history";
import { ProgressLogger } from "../callbacks/progress-logger";
import { defaultFitCallbacks } from "../callbacks/fit-defaults";
import { TerminateOnNaN } from "../callbacks/terminate-on-nan";
import { Callback, type Logs } from "../callbacks/callback";
import type { Model, CompiledState } from "./model";
import {
  checkSampleCounts, classWeightsToSampleWeights, datasetRows, splitValidation, toSampleWeight, toTensorList,
  type ClassWeight, type Data, type TrainingData, type ModelData,
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
  validationData?: [ModelData, ModelData] | [ModelData, ModelData, Data];
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
/** `verbose` as 0, 1 or 2 (0 when omitted), or a clear error naming the caller. */
export function checkVerbose(value: unknown, where: string): 0 | 1 | 2 {
  const verbose = value ?? 0;
  if (verbose !== 0 && verbose !== 1 && verbose !== 2) throw new RangeError(`${where}: verbose must be 0, 1 or 2, got ${JSON.stringify(verbose)}`);
  return verbose;
}

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
  /** Each output's own (unweighted) loss, for the per-output logs of multi-output models. */
  outputLosses: number[];
  /** The predictions the loss was computed from (before the update), one per output. */
  preds: Tensor[];
  /** False when the loss was NaN/±Inf and the update was skipped (only with `skipNonFinite`). */
  applied: boolean;
}

/**
 * The compiled loss of predictions: each output's loss (weighted by `sampleWeight`, reduced
 * over the batch) times its loss weight, summed, plus the model's regularization penalties and
 * added losses, as Keras 3's `compute_loss`. Also returns each output's own loss.
 */
export function compiledLoss(model: Model, state: CompiledState, y: Tensor[], preds: Tensor[], sampleWeight?: Tensor): { loss: Tensor; outputLosses: Tensor[] } {
  const outputLosses = state.outputs.map((o, i) => o.loss.loss.call(y[i], preds[i], sampleWeight));
  let loss: Tensor | undefined;
  state.outputs.forEach((o, i) => {
    const term = o.weight === 1 ? outputLosses[i] : mul(outputLosses[i], o.weight);
    loss = loss === undefined ? term : add(loss, term);
  });
  for (const penalty of model.regularizationLosses()) loss = add(loss!, penalty);
  return { loss: loss!, outputLosses };
}

/** A forward pass in training mode and its {@link compiledLoss}. */
export function trainingLoss(model: Model, state: CompiledState, x: Tensor[], y: Tensor[], sampleWeight?: Tensor): { loss: Tensor; outputLosses: Tensor[]; preds: Tensor[] } {
  const preds = model.forward(x, true);
  return { ...compiledLoss(model, state, y, preds, sampleWeight), preds };
}

/**
 * One gradient step on one batch: forward, loss, backward, optimizer update, constraints.
 * With `skipNonFinite` a NaN or infinite loss leaves the weights untouched (terminateOnNaN
 * relies on this so the model keeps the weights of the last good step).
 */
export function trainStep(
  model: Model, state: CompiledState, x: Tensor[], y: Tensor[], sampleWeight: Tensor | undefined,
  variables: Tensor[], skipNonFinite: boolean,
): StepResult {
  const { loss, outputLosses, preds } = trainingLoss(model, state, x, y, sampleWeight);
  const value = loss.item();
  const perOutput = outputLosses.map((l) => l.item());
  if (skipNonFinite && !Number.isFinite(value)) return { loss: value, outputLosses: perOutput, preds, applied: false };
  state.optimizer.applyGradients(gradientsOf(loss, variables), variables);
  model.applyConstraints();
  return { loss: value, outputLosses: perOutput, preds, applied: true };
}

/**
 * Adds a batch to the loss trackers (weighted by batch size, as Keras) and the metrics:
 * `metrics` without the sample weights, `weightedMetrics` with them (Keras 3's split).
 */
export function updateMetrics(state: CompiledState, y: Tensor[], preds: Tensor[], loss: number, outputLosses: number[], sampleWeight?: Tensor): void {
  const n = y[0].shape[0];
  state.lossTracker.update([loss], n);
  noGrad(() => {
    state.outputs.forEach((o, i) => {
      o.lossTracker?.update([outputLosses[i]], n);
      for (const m of o.metrics) m.updateState(y[i], preds[i]);
      for (const m of o.weightedMetrics) m.updateState(y[i], preds[i], sampleWeight);
    });
  });
}

/** `{ loss, <metric>: … }` from the trackers' current results (`<output>_loss`, `<output>_<metric>` for several outputs, as Keras). */
export function metricLogs(state: CompiledState, prefix = ""): Logs {
  const logs: Logs = { [`${prefix}loss`]: state.lossTracker.result() };
  for (const o of state.outputs) if (o.lossTracker) logs[`${prefix}${o.prefix}loss`] = o.lossTracker.result();
  for (const o of state.outputs) {
    for (const m of [...o.metrics, ...o.weightedMetrics]) logs[`${prefix}${o.prefix}${m.name}`] = m.result();
  }
  return logs;
}

/** Resets the loss trackers and every metric. */
export function resetMetrics(state: CompiledState): void {
  state.lossTracker.resetState();
  for (const o of state.outputs) {
    o.lossTracker?.resetState();
    for (const m of [...o.metrics, ...o.weightedMetrics]) m.resetState();
  }
}

/**
 * Inputs and targets as tensor lists (see {@link ModelData}) with the same number of samples.
 * Targets may be omitted (`null`/`undefined`) only when `targetsOptional` (a custom `trainStep`).
 */
export function toDataset(model: Model, x: ModelData, y: ModelData | null | undefined, where: string, targetsOptional = false): TrainingData {
  const xs = toTensorList(x, model.inputNames, "x", where);
  if (y === undefined || y === null) {
    if (!targetsOptional) throw new TypeError(`${where}: y (the targets) is required`);
    checkSampleCounts(xs, [], where);
    return { x: xs, y: [] };
  }
  const ys = toTensorList(y, model.outputNames, "y", where);
  checkSampleCounts(xs, ys, where);
  return { x: xs, y: ys };
}

/** Validates FitArgs and the data; returns what the loop needs. */
function prepareFit(model: Model, x: ModelData, y: ModelData | null | undefined, args: FitArgs) {
  const where = `${model.name}.fit`;
  if (args === null || typeof args !== "object") throw new TypeError(`${where}: options must be an object, got ${args === null ? "null" : typeof args}`);
  for (const key of Object.keys(args)) {
    if (!FIT_ARGS.has(key)) throw new TypeError(`${where}: unknown option "${key}". Valid options: ${[...FIT_ARGS].join(", ")}`);
  }
  const state = model.compiledState("fit");
  const epochs = checkInteger(args.epochs ?? 1, "epochs", where);
  const batchSize = checkInteger(args.batchSize ?? 32, "batchSize", where);
  const initialEpoch = checkInteger(args.initialEpoch ?? 0, "initialEpoch", where, 0);
  const verbose = checkVerbose(args.verbose ?? 1, where);
  if (args.shuffle !== undefined && typeof args.shuffle !== "boolean") throw new TypeError(`${where}: shuffle must be true or false, got ${JSON.stringify(args.shuffle)}`);
  const callbacks = args.callbacks ?? [];
  if (!Array.isArray(callbacks) || callbacks.some((cb) => !(cb instanceof Callback))) {
    throw new TypeError(`${where}: callbacks must be an array of callbacks (e.g. [nn.callbacks.earlyStopping()])`);
  }

  const custom = model.hasCustomTrainStep();
  let data: TrainingData = toDataset(model, x, y, where, custom);
  const samples = data.x[0].shape[0];
  if (args.classWeight !== undefined && args.sampleWeight !== undefined) {
    throw new TypeError(`${where}: give classWeight or sampleWeight, not both (Keras does not combine them)`);
  }
  if (args.sampleWeight !== undefined) data.sampleWeight = toSampleWeight(args.sampleWeight, samples, where);

  let validation: TrainingData | undefined;
  const split = args.validationSplit ?? 0;
  if (typeof split !== "number" || !(split >= 0 && split < 1)) throw new RangeError(`${where}: validationSplit must be a number in [0, 1), got ${JSON.stringify(split)}`);
  if (args.validationData !== undefined) {
    const vd = args.validationData;
    if (!Array.isArray(vd) || (vd.length !== 2 && vd.length !== 3)) {
      throw new TypeError(`${where}: validationData must be [x, y] or [x, y, sampleWeight]`);
    }
    validation = toDataset(model, vd[0], vd[1], `${where}: validationData`);
    if (vd.length === 3) validation.sampleWeight = toSampleWeight(vd[2], validation.x[0].shape[0], `${where}: validationData`);
  } else if (split > 0) {
    [data, validation] = splitValidation(data, split, where);
  }
  // Class weights apply to the training samples only, as in Keras.
  if (args.classWeight !== undefined) {
    if (data.y.length !== 1) throw new TypeError(`${where}: classWeight needs a model with one output and targets; this one has ${data.y.length} target tensors (use sampleWeight)`);
    data.sampleWeight = classWeightsToSampleWeights(data.y[0], args.classWeight, where);
  }
  return { state, custom, epochs, batchSize, initialEpoch, verbose, callbacks, data, validation, shuffle: args.shuffle ?? true };
}

/** `model.fit`: see {@link FitArgs}. Resolves to the run's {@link History}. */
export async function fitModel(model: Model, x: ModelData, y: ModelData | null | undefined, args: FitArgs): Promise<History> {
  const { state, custom, epochs, batchSize, initialEpoch, verbose, callbacks: userCallbacks, data, validation, shuffle } = prepareFit(model, x, y, args);
  const samples = data.x[0].shape[0];
  const steps = Math.ceil(samples / batchSize);
  const history = new History();
  // Keras's order: the user's callbacks, then History, then the progress display(s), so the
  // latter see the keys callbacks add to the logs (learning_rate) and the restored weights.
  const callbacks: Callback[] = [
    ...userCallbacks,
    history,
    // In a rich kernel the live training display (a fit-defaults callback) shows progress;
    // printing Keras's text lines under it as well would only repeat it.
    ...(verbose > 0 && !isRichDisplayAvailable() ? [new ProgressLogger(verbose as 1 | 2)] : []),
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
    let epochLogs: Logs = {};
    for (const cb of callbacks) await cb.onEpochBegin(epoch);
    const order = shuffle ? Int32Array.from(random().permutation(samples)) : inOrder;

    for (let step = 0; step < steps && !model.stopTraining; step++) {
      lastStep = step;
      for (const cb of callbacks) await cb.onBatchBegin(step);
      const start = step * batchSize;
      const end = Math.min(start + batchSize, samples);
      // Unshuffled batches are views on the data; shuffled ones need a gather (one copy).
      const rows = (t: Tensor) => gatherRows(t, order.subarray(start, end));
      const batch: TrainingData = shuffle
        ? { x: data.x.map(rows), y: data.y.map(rows), ...(data.sampleWeight ? { sampleWeight: rows(data.sampleWeight) } : {}) }
        : datasetRows(data, start, end);
      let batchLogs: Logs;
      if (custom) {
        batchLogs = model.trainStep(model.stepBatch(batch));
        epochLogs = batchLogs;
      } else {
        const result = trainStep(model, state, batch.x, batch.y, batch.sampleWeight, variables, skipNonFinite);
        updateMetrics(state, batch.y, result.preds, result.loss, result.outputLosses, batch.sampleWeight);
        batchLogs = metricLogs(state);
        if (!result.applied) batchLogs.loss = result.loss;
      }
      for (const cb of callbacks) await cb.onBatchEnd(step, batchLogs);
      if (Date.now() - lastYield > YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = Date.now();
      }
    }

    const logs = custom ? { ...epochLogs } : metricLogs(state);
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
export function evaluateDataset(model: Model, state: CompiledState, data: TrainingData, batchSize: number, prefix = ""): Logs {
  resetMetrics(state);
  const n = data.x[0].shape[0];
  if (data.y.length === 0) throw new TypeError(`${model.name}: evaluating needs targets (y)`);
  noGrad(() => {
    for (let start = 0; start < n; start += batchSize) {
      const batch = datasetRows(data, start, Math.min(start + batchSize, n));
      const preds = model.forward(batch.x, false);
      const { loss, outputLosses } = compiledLoss(model, state, batch.y, preds, batch.sampleWeight);
      updateMetrics(state, batch.y, preds, loss.item(), outputLosses.map((l) => l.item()), batch.sampleWeight);
    }
  });
  return metricLogs(state, prefix);
}
