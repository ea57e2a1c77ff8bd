/**
 * The learning-rate range test (Leslie Smith, "Cyclical Learning Rates", 2017; popularized by
 * fastai's `lr_find`): train for a short while with a learning rate growing exponentially from
 * `minLr` to `maxLr`, one step per batch, and record the loss. The loss first barely moves,
 * then falls fastest, then blows up; a good learning rate sits on the steep fall.
 *
 * The model is left as it was: its weights (including non-trainable state such as batch-norm
 * statistics) are restored afterwards, and the test trains with a fresh copy of the compiled
 * optimizer, so the model's own optimizer (learning rate, step count, momentum) is untouched.
 */
import { gatherRows } from "../ops";
import { random } from "../random/rng";
import { steepestLearningRate } from "../plot/curves";
import { freshCopy } from "../io/optimizer-config";
import type { Model } from "./model";
import { checkInteger, toDataset, trainStep } from "./training";
import type { ModelData } from "./data";

/** Options of {@link lrFinder}. */
export interface LrFinderArgs {
  /** First learning rate (default 1e-7). */
  minLr?: number;
  /** Last learning rate (default 10). */
  maxLr?: number;
  /** Number of steps (one batch each; default 100). Give either steps or epochs. */
  steps?: number;
  /** Passes over the data instead of `steps` (steps = epochs · ⌈samples / batchSize⌉). */
  epochs?: number;
  /** Samples per step (default 32). */
  batchSize?: number;
  /** Smoothing of the recorded loss: an exponential moving average with this factor (default 0.98, fastai's). */
  beta?: number;
  /** Stop early once the smoothed loss exceeds this multiple of its best value (default 4), or is NaN/∞. */
  divergeFactor?: number;
}

/** What {@link lrFinder} returns: the curve and a suggested learning rate. */
export interface LrFinderResult {
  /** The learning rate of each step taken. */
  learningRates: number[];
  /** The smoothed (bias-corrected moving average) loss at each step — the curve to plot. */
  losses: number[];
  /** The raw loss of each step's batch, before its update. */
  rawLosses: number[];
  /**
   * The learning rate where the smoothed loss falls fastest against log(learning rate), ignoring
   * the first tenth and the last 5 steps (fastai's "steep" suggestion, see
   * `nn.plot.steepestLearningRate`); undefined when fewer than 3 steps ran or the loss never fell.
   */
  suggestion?: number;
}

/**
 * `nn.lrFinder(model, x, y, { minLr: 1e-6, maxLr: 1, steps: 100 })`: the LR range test on a
 * compiled model. Resolves to the learning rates, the losses and a suggested learning rate.
 */
export async function lrFinder(model: Model, x: ModelData, y: ModelData, args: LrFinderArgs = {}): Promise<LrFinderResult> {
  const where = "lrFinder";
  if (model === null || typeof model !== "object" || typeof (model as Model).compiledState !== "function") {
    throw new TypeError(`${where}: expected a model as first argument, got ${model === null ? "null" : typeof model}`);
  }
  const state = model.compiledState("lrFinder");
  const data = toDataset(model, x, y, where);
  const minLr = args.minLr ?? 1e-7;
  const maxLr = args.maxLr ?? 10;
  if (!(typeof minLr === "number" && minLr > 0 && Number.isFinite(minLr))) throw new RangeError(`${where}: minLr must be a finite number > 0, got ${JSON.stringify(minLr)}`);
  if (!(typeof maxLr === "number" && maxLr > minLr && Number.isFinite(maxLr))) throw new RangeError(`${where}: maxLr must be a finite number > minLr (${minLr}), got ${JSON.stringify(maxLr)}`);
  if (args.steps !== undefined && args.epochs !== undefined) throw new TypeError(`${where}: give steps or epochs, not both`);
  const batchSize = checkInteger(args.batchSize ?? 32, "batchSize", where);
  const samples = data.x[0].shape[0];
  const stepsPerEpoch = Math.ceil(samples / batchSize);
  const steps = args.epochs !== undefined ? checkInteger(args.epochs, "epochs", where) * stepsPerEpoch : checkInteger(args.steps ?? 100, "steps", where, 2);
  const beta = args.beta ?? 0.98;
  if (!(beta >= 0 && beta < 1)) throw new RangeError(`${where}: beta must be in [0, 1), got ${JSON.stringify(beta)}`);
  const divergeFactor = args.divergeFactor ?? 4;
  if (!(divergeFactor > 1)) throw new RangeError(`${where}: divergeFactor must be > 1, got ${JSON.stringify(divergeFactor)}`);

  const saved = model.getWeights();
  const optimizer = freshCopy(state.optimizer, where);
  const trialState = { ...state, optimizer };
  const variables = model.trainableWeights;
  const result: LrFinderResult = { learningRates: [], losses: [], rawLosses: [] };
  try {
    let order: number[] = [];
    let average = 0;
    let best = Infinity;
    let lastYield = Date.now();
    for (let step = 0; step < steps; step++) {
      const inEpoch = step % stepsPerEpoch;
      if (inEpoch === 0) order = random().permutation(samples);
      const idx = order.slice(inEpoch * batchSize, (inEpoch + 1) * batchSize);
      const lr = minLr * Math.pow(maxLr / minLr, steps === 1 ? 0 : step / (steps - 1));
      optimizer.learningRate = lr;
      const { loss } = trainStep(model, trialState, data.x.map((t) => gatherRows(t, idx)), data.y.map((t) => gatherRows(t, idx)), undefined, variables, true);
      average = beta * average + (1 - beta) * loss;
      const smoothed = average / (1 - Math.pow(beta, step + 1));
      result.learningRates.push(lr);
      result.rawLosses.push(loss);
      result.losses.push(smoothed);
      if (!Number.isFinite(smoothed) || (step > 0 && smoothed > divergeFactor * best)) break;
      best = Math.min(best, smoothed);
      if (Date.now() - lastYield > 100) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        lastYield = Date.now();
      }
    }
  } finally {
    model.setWeights(saved);
  }
  result.suggestion = result.losses.length < 3 ? undefined : steepestLearningRate(result.learningRates, result.losses);
  return result;
}
