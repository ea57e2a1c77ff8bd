/** `nn.plot.lossCurves` (training histories) and `nn.plot.lrFinder` (learning-rate range tests). */
import type { History } from "../callbacks/history";
import { historyData } from "../display/history-bundle";
import { HISTORY_VERSION, type HistoryData } from "../display/mime";
import { historyRows, historySpec, historyText } from "./history-spec";
import { Plot } from "./plot";
import { withDefaults } from "./spec";
import { finiteOption } from "./data";

/** Options of {@link lossCurves}. */
export interface LossCurvesOptions {
  /** Logarithmic y axes. */
  logScale?: boolean;
  /** Batch-level points when recorded (default true). */
  batches?: boolean;
  /** Chart title (default: none). */
  title?: string;
}

function isHistoryData(h: unknown): h is HistoryData {
  return typeof h === "object" && h !== null && "metrics" in h && "epoch" in h && "version" in h;
}

/** History data from a `History`, a history payload, or Keras's `history.history` dict. */
function toHistoryData(h: History | HistoryData | { [metric: string]: number[] }, where: string): HistoryData {
  if (isHistoryData(h)) return h;
  if (typeof h === "object" && h !== null && "history" in h && "epoch" in h) return historyData(h as History);
  if (typeof h !== "object" || h === null) throw new TypeError(`${where}: history must be a History, history data or { metric: number[] }, got ${h === null ? "null" : typeof h}`);
  const metrics = h as { [metric: string]: number[] };
  const lengths = Object.values(metrics).map((v) => (Array.isArray(v) ? v.length : -1));
  if (lengths.length === 0 || lengths.some((n) => n < 0)) throw new TypeError(`${where}: history must map metric names to arrays of numbers, got ${JSON.stringify(Object.keys(h))}`);
  const epochs = Math.max(...lengths);
  return { version: HISTORY_VERSION, runId: "", status: "finished", epochs, steps: 0, epoch: Array.from({ length: epochs }, (_, i) => i), metrics };
}

/**
 * One chart per metric group (loss with val_loss, accuracy with val_accuracy, …) with the best
 * epoch marked: the same charts as the training dashboard, from a finished history.
 */
export function lossCurves(history: History | HistoryData | { [metric: string]: number[] }, options: LossCurvesOptions = {}): Plot {
  const data = toHistoryData(history, "nn.plot.lossCurves");
  const spec = historySpec({ inlineRows: historyRows(data, options.batches ?? true), logScale: options.logScale });
  if (options.title) spec.title = options.title;
  return new Plot(spec, historyText(data));
}

/** A learning-rate range test: the learning rates tried and the loss after each. */
export interface LrFinderResult {
  /** The learning rate of each step, increasing geometrically. */
  learningRates: number[];
  /** The training loss after each step (raw; the chart smooths it). */
  losses: number[];
}

/** Options of {@link lrFinder}. */
export interface LrFinderOptions {
  /** Exponential smoothing of the loss, 0 (none) to < 1 (default 0.9), bias-corrected as fastai does. */
  smoothing?: number;
  /** Chart title (default: none). */
  title?: string;
}

/** Bias-corrected exponential moving average (fastai's LR finder smoothing). */
export function smoothLosses(losses: number[], beta: number): number[] {
  let avg = 0;
  return losses.map((l, i) => {
    avg = beta * avg + (1 - beta) * l;
    return avg / (1 - beta ** (i + 1));
  });
}

/** How many points of an LR-finder curve {@link steepestLearningRate} ignores at each end. */
export interface SteepestSkip {
  /** Points ignored at the start (default: a tenth of the curve, rounded down, as fastai's `lr_find`). */
  start?: number;
  /** Points ignored at the end (default 5, as fastai). */
  end?: number;
}

/**
 * The suggested learning rate, fastai's "steep" rule: drop the first tenth and the last 5 points
 * of the smoothed curve, then take the learning rate at the start of the segment where the
 * smoothed loss falls fastest against log(lr) (the most negative forward difference).
 *
 * Why skip: the first points of a bias-corrected moving average rest on one or two noisy batch
 * losses, so their "slope" is mostly noise and would pin the suggestion next to the smallest
 * rate tried; the last points are the blow-up. On short curves the skips shrink so that at
 * least 2 points (one segment) remain. Undefined when no segment falls.
 */
export function steepestLearningRate(learningRates: number[], smoothed: number[], skip: SteepestSkip = {}): number | undefined {
  const n = Math.min(learningRates.length, smoothed.length);
  let end = Math.min(skip.end ?? 5, Math.max(0, n - 2));
  const start = Math.min(skip.start ?? Math.floor(n / 10), Math.max(0, n - 2 - end));
  end = Math.min(end, Math.max(0, n - 2 - start));
  let best: number | undefined;
  let bestSlope = 0;
  for (let i = start; i + 1 < n - end; i++) {
    const slope = (smoothed[i + 1] - smoothed[i]) / (Math.log10(learningRates[i + 1]) - Math.log10(learningRates[i]));
    if (Number.isFinite(slope) && slope < bestSlope) {
      bestSlope = slope;
      best = learningRates[i];
    }
  }
  return best;
}

/** Loss against learning rate on a log axis, the raw and smoothed loss, and the suggested rate marked. */
export function lrFinder(result: LrFinderResult, options: LrFinderOptions = {}): Plot & {
  /** The suggested learning rate: the start of the steepest fall of the smoothed loss (undefined for too few points). */
  suggestion?: number;
} {
  const where = "nn.plot.lrFinder";
  const { learningRates, losses } = result ?? ({} as LrFinderResult);
  if (!Array.isArray(learningRates) || !Array.isArray(losses) || learningRates.length !== losses.length || losses.length < 2) {
    throw new RangeError(`${where}: learningRates and losses must be arrays of the same length ≥ 2, got lengths ${learningRates?.length} and ${losses?.length}`);
  }
  if (!learningRates.every((lr) => Number.isFinite(lr) && lr > 0)) throw new RangeError(`${where}: learning rates must be positive numbers (log axis)`);
  const beta = finiteOption(options.smoothing ?? 0.9, where, "smoothing");
  if (beta < 0 || beta >= 1) throw new RangeError(`${where}: smoothing must be in [0, 1), got ${beta}`);
  const smoothed = smoothLosses(losses, beta);
  const suggestion = steepestLearningRate(learningRates, smoothed);
  const rows = learningRates.flatMap((lr, i) => [
    { lr, loss: losses[i], curve: "loss" },
    { lr, loss: smoothed[i], curve: "smoothed" },
  ]).filter((r) => Number.isFinite(r.loss));
  const layers: object[] = [
    {
      mark: { type: "line" },
      encoding: {
        x: { field: "lr", type: "quantitative", scale: { type: "log" }, title: "learning rate" },
        y: { field: "loss", type: "quantitative", scale: { zero: false }, title: "loss" },
        color: { field: "curve", type: "nominal", title: null, legend: { orient: "bottom" } },
        opacity: { condition: { test: "datum.curve === 'loss'", value: 0.4 }, value: 1 },
      },
    },
  ];
  if (suggestion !== undefined) {
    layers.push({
      data: { values: [{ lr: suggestion, label: `suggested ${suggestion.toPrecision(2)}` }] },
      layer: [
        { mark: { type: "rule", strokeDash: [4, 3], color: "#d62728" }, encoding: { x: { field: "lr", type: "quantitative" } } },
        { mark: { type: "text", align: "left", dx: 4, dy: -6, color: "#d62728" }, encoding: { x: { field: "lr", type: "quantitative" }, y: { value: 8 }, text: { field: "label" } } },
      ],
    });
  }
  const spec = withDefaults({ width: 420, height: 260, data: { values: rows }, layer: layers }, options.title ?? "Learning-rate finder");
  const text = `Learning-rate finder: ${learningRates.length} rates from ${learningRates[0].toPrecision(2)} to ${learningRates[learningRates.length - 1].toPrecision(2)}` +
    (suggestion !== undefined ? `; steepest descent at ${suggestion.toPrecision(2)}` : "; the loss never fell");
  const plot = new Plot(spec, text) as Plot & { suggestion?: number };
  plot.suggestion = suggestion;
  return plot;
}
