/** `nn.plot.decisionRegions`: what a 2-D classifier predicts over the plane, with the data on top. */
import { Tensor } from "../tensor/tensor";
import { tensor } from "../tensor/creation";
import { noGrad } from "../tensor/autograd";
import { Plot } from "./plot";
import { withDefaults } from "./spec";
import { classLabels, countOption, linspace, matrix, paddedBounds, rangeOption, type PlotData } from "./data";
import { className, pointRows } from "./scatter";

/** Anything that maps a [n, 2] batch to scores: a model (`predict`) or a function. */
export type Classifier =
  | {
      /** Scores for a `[n, 2]` batch: `[n, k]` class scores, or `[n]`/`[n, 1]` probabilities of class 1. */
      predict(x: Tensor): Tensor;
    }
  | ((x: Tensor) => Tensor);

/** Options of {@link decisionRegions}. */
export interface DecisionRegionsOptions {
  /** Grid cells per axis (default 80). */
  resolution?: number;
  /** Plot window; defaults to the data's bounds plus 10%. */
  xRange?: [number, number];
  /** Vertical plot window; defaults to the data's bounds plus 10%. */
  yRange?: [number, number];
  /** Names of the classes, by class index (default "0", "1", …). */
  classNames?: string[];
  /** Chart title shown above the plot. */
  title?: string;
}

/** The predicted class of each row of `grid` (argmax, or threshold 0.5 for one output). */
export function predictClasses(classifier: Classifier, grid: Tensor, where: string): number[] {
  const scores = noGrad(() => (typeof classifier === "function" ? classifier(grid) : classifier.predict(grid)));
  if (!(scores instanceof Tensor) || scores.shape[0] !== grid.shape[0]) {
    throw new TypeError(`${where}: the classifier must return a tensor with one row per input (${grid.shape[0]}), got ${scores instanceof Tensor ? `shape [${scores.shape.join(", ")}]` : typeof scores}`);
  }
  if (scores.rank === 2 && scores.shape[1] > 1) return classLabels(scores, where, "predictions");
  return Array.from(scores.data, (v) => (v >= 0.5 ? 1 : 0));
}

/**
 * Decision regions of a 2-D classifier: the plane coloured by predicted class (one output:
 * threshold 0.5; several: argmax), the samples drawn on top coloured by their true class.
 */
export function decisionRegions(classifier: Classifier, x: PlotData, y: PlotData, options: DecisionRegionsOptions = {}): Plot {
  const where = "nn.plot.decisionRegions";
  if (typeof classifier !== "function" && typeof (classifier as { predict?: unknown })?.predict !== "function") {
    throw new TypeError(`${where}: classifier must be a model (with predict) or a function of a tensor, got ${classifier === null ? "null" : typeof classifier}`);
  }
  const points = matrix(x, where, "x", 2);
  const labels = classLabels(y, where, "y", points.shape[0]);
  const n = countOption(options.resolution ?? 80, where, "resolution", 2, 400);
  const [bx, by] = paddedBounds(points);
  const [x0, x1] = options.xRange ? rangeOption(options.xRange, where, "xRange") : bx;
  const [y0, y1] = options.yRange ? rangeOption(options.yRange, where, "yRange") : by;
  const xs = linspace(x0, x1, n + 1);
  const ys = linspace(y0, y1, n + 1);
  const centres: number[][] = [];
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) centres.push([(xs[i] + xs[i + 1]) / 2, (ys[j] + ys[j + 1]) / 2]);
  const predicted = predictClasses(classifier, tensor(centres, { dtype: points.dtype }), where);
  const cells = centres.map((_, k) => {
    const i = k % n;
    const j = Math.floor(k / n);
    return { x: xs[i], x2: xs[i + 1], y: ys[j], y2: ys[j + 1], group: className(predicted[k], options.classNames) };
  });
  const samples = pointRows(points, (i) => className(labels[i], options.classNames));
  const xScale = { domain: [x0, x1], nice: false, zero: false };
  const yScale = { domain: [y0, y1], nice: false, zero: false };
  const spec = withDefaults(
    {
      width: 360,
      height: 320,
      layer: [
        {
          data: { values: cells },
          mark: { type: "rect", opacity: 0.3 },
          encoding: {
            x: { field: "x", type: "quantitative", scale: xScale, title: "x₁" },
            x2: { field: "x2" },
            y: { field: "y", type: "quantitative", scale: yScale, title: "x₂" },
            y2: { field: "y2" },
            color: { field: "group", type: "nominal", title: "class" },
          },
        },
        {
          data: { values: samples },
          mark: { type: "point", filled: true, size: 36, stroke: "black", strokeWidth: 0.5 },
          encoding: {
            x: { field: "x", type: "quantitative" },
            y: { field: "y", type: "quantitative" },
            color: { field: "group", type: "nominal", title: "class" },
            shape: { field: "group", type: "nominal", title: "class", legend: null },
          },
        },
      ],
    },
    options.title ?? "Decision regions",
  );
  const correct = samples.filter((s, i) => {
    const cell = Math.min(n - 1, Math.floor(((s.y - y0) / (y1 - y0)) * n)) * n + Math.min(n - 1, Math.floor(((s.x - x0) / (x1 - x0)) * n));
    return cell >= 0 && cell < predicted.length && predicted[cell] === labels[i];
  }).length;
  return new Plot(spec, `Decision regions on a ${n}×${n} grid, ${samples.length} samples (${correct} inside the region of their class)`);
}
