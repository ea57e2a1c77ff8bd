/**
 * The `fit` loop: mini-batches, one optimizer step per batch, epoch logs averaged
 * over samples (as Keras), validation, callbacks. It is async and yields to the
 * event loop between epochs and every ~100 ms, so a kernel can send live updates
 * and handle interrupts while training runs.
 */
import type { Tensor } from "../tensor/tensor";
import { gradientsOf, noGrad } from "../tensor/autograd";
import { gatherRows } from "../ops";
import { random } from "../random/rng";
import { History } from "../callbacks/history";
import { ProgressLogger } from "../callbacks/progress-logger";
import { defaultFitCallbacks } from "../callbacks/fit-defaults";
import type { Callback, Logs } from "../callbacks/callback";
import { shapeToString } from "../tensor/shape";
import type { Model } from "./model";

export interface FitArgs {
  /** Passes over the data (default 1). */
  epochs?: number;
  /** Samples per gradient step (default 32). */
  batchSize?: number;
  /** Reshuffle the training samples every epoch (default true), with the seeded generator. */
  shuffle?: boolean;
  /** 0 silent, 1 progress line per epoch, 2 one line per epoch (default 1). */
  verbose?: 0 | 1 | 2;
  /** Fraction of the data, taken from the end before shuffling, held out for validation. */
  validationSplit?: number;
  /** Explicit validation data `[x, y]` (takes precedence over validationSplit). */
  validationData?: [Tensor, Tensor];
  callbacks?: Callback[];
  /** Epoch to start at (to resume training). */
  initialEpoch?: number;
}

const YIELD_EVERY_MS = 100;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function checkPositiveInteger(value: number, name: string, where: string): void {
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${where}: ${name} must be a positive integer, got ${JSON.stringify(value)}`);
}

export async function fitModel(model: Model, x: Tensor, y: Tensor, args: FitArgs): Promise<History> {
  const where = `${model.name}.fit`;
  const state = model.compiledState("fit");
  const epochs = args.epochs ?? 1;
  const batchSize = args.batchSize ?? 32;
  const initialEpoch = args.initialEpoch ?? 0;
  const verbose = args.verbose ?? 1;
  checkPositiveInteger(epochs, "epochs", where);
  checkPositiveInteger(batchSize, "batchSize", where);
  if (x.rank === 0 || y.rank === 0) throw new RangeError(`${where}: x and y need a sample dimension, got shapes ${shapeToString(x.shape)} and ${shapeToString(y.shape)}`);
  if (x.shape[0] !== y.shape[0]) {
    throw new RangeError(`${where}: x has ${x.shape[0]} samples but y has ${y.shape[0]} (shapes ${shapeToString(x.shape)} and ${shapeToString(y.shape)})`);
  }

  // Validation data: Keras takes the last fraction of the samples, before any shuffling.
  let xTrain = x;
  let yTrain = y;
  let validation: [Tensor, Tensor] | undefined = args.validationData;
  const split = args.validationSplit ?? 0;
  if (!(split >= 0 && split < 1)) throw new RangeError(`${where}: validationSplit must be in [0, 1), got ${split}`);
  if (!validation && split > 0) {
    const n = x.shape[0];
    const at = Math.ceil(n * (1 - split));
    if (at === 0 || at === n) throw new RangeError(`${where}: validationSplit ${split} leaves no ${at === 0 ? "training" : "validation"} samples out of ${n}`);
    const head = Array.from({ length: at }, (_, i) => i);
    const tail = Array.from({ length: n - at }, (_, i) => at + i);
    xTrain = gatherRows(x, head);
    yTrain = gatherRows(y, head);
    validation = [gatherRows(x, tail), gatherRows(y, tail)];
  }

  const samples = xTrain.shape[0];
  const steps = Math.ceil(samples / batchSize);
  const history = new History();
  const callbacks: Callback[] = [
    history,
    ...(verbose > 0 ? [new ProgressLogger(verbose as 1 | 2)] : []),
    ...defaultFitCallbacks({ model, epochs, verbose }),
    ...(args.callbacks ?? []),
  ];
  for (const cb of callbacks) {
    cb.setModel(model);
    cb.setParams({ epochs, steps, samples, batchSize, verbose });
  }
  model.stopTraining = false;
  model.history = history;

  const variables = model.trainableWeights;
  let lastYield = Date.now();
  for (const cb of callbacks) await cb.onTrainBegin();
  for (let epoch = initialEpoch; epoch < epochs && !model.stopTraining; epoch++) {
    for (const cb of callbacks) await cb.onEpochBegin(epoch);
    const order = args.shuffle === false ? Array.from({ length: samples }, (_, i) => i) : random().permutation(samples);
    const sums: Logs = { loss: 0 };
    for (const m of state.metrics) sums[m.name] = 0;
    let seen = 0;

    for (let step = 0; step < steps && !model.stopTraining; step++) {
      for (const cb of callbacks) await cb.onBatchBegin(step);
      const idx = order.slice(step * batchSize, (step + 1) * batchSize);
      const xb = gatherRows(xTrain, idx);
      const yb = gatherRows(yTrain, idx);
      const pred = model.call(xb, true);
      const perSample = state.loss(yb, pred);
      const loss = perSample.mean();
      const grads = gradientsOf(loss, variables);
      state.optimizer.applyGradients(grads, variables);

      const batchLogs: Logs = { loss: loss.item() };
      sums.loss += batchLogs.loss * idx.length;
      noGrad(() => {
        for (const m of state.metrics) {
          const v = m.fn(yb, pred.detach()).sum().item();
          sums[m.name] += v;
          batchLogs[m.name] = v / idx.length;
        }
      });
      seen += idx.length;
      for (const cb of callbacks) await cb.onBatchEnd(step, batchLogs);
      if (Date.now() - lastYield > YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = Date.now();
      }
    }

    const logs: Logs = Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v / Math.max(seen, 1)]));
    if (validation) {
      const valLogs = model.evaluateLogs(validation[0], validation[1], batchSize, "fit");
      for (const [k, v] of Object.entries(valLogs)) logs[`val_${k}`] = v;
    }
    for (const cb of callbacks) await cb.onEpochEnd(epoch, logs);
    await yieldToEventLoop();
    lastYield = Date.now();
  }
  for (const cb of callbacks) await cb.onTrainEnd();
  return history;
}
