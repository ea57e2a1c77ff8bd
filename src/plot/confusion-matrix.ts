/** `nn.plot.confusionMatrix`: counts of (true class, predicted class) as an annotated heatmap. */
import { Plot } from "./plot";
import { withDefaults } from "./spec";
import { classLabels, type PlotData } from "./data";
import { className } from "./scatter";

/** Options of {@link confusionMatrix}. */
export interface ConfusionMatrixOptions {
  /** Class names by index; also fixes the number of classes. */
  classNames?: string[];
  /** Show each row as fractions of its true class (recall per class) instead of counts. */
  normalize?: boolean;
  /** Chart title shown above the plot. */
  title?: string;
}

/**
 * The confusion matrix, rows = true class and columns = predicted class (scikit-learn's
 * `confusion_matrix` layout): `matrix[i][j]` counts samples of class i predicted as j.
 */
export function confusionCounts(trueLabels: number[], predictedLabels: number[], classes: number): number[][] {
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  trueLabels.forEach((t, i) => {
    m[t][predictedLabels[i]] += 1;
  });
  return m;
}

/** A confusion-matrix plot; `matrix` holds the counts. */
export type ConfusionMatrixPlot = Plot & {
  /** The counts: `matrix[i][j]` samples of true class i predicted as j (see {@link confusionCounts}). */
  matrix: number[][];
};

/**
 * Heatmap of the confusion matrix with each cell's count (or row fraction) written in it.
 * `yTrue` and `yPred` may be integer labels, one-hot rows or predicted probabilities.
 */
export function confusionMatrix(yTrue: PlotData, yPred: PlotData, options: ConfusionMatrixOptions = {}): ConfusionMatrixPlot {
  const where = "nn.plot.confusionMatrix";
  const t = classLabels(yTrue, where, "yTrue");
  const p = classLabels(yPred, where, "yPred", t.length);
  const bad = [...t, ...p].find((c) => !Number.isInteger(c) || c < 0);
  if (bad !== undefined) throw new RangeError(`${where}: class labels must be integers ≥ 0, got ${bad}`);
  const seen = Math.max(...t, ...p) + 1;
  const classes = options.classNames?.length ?? seen;
  if (seen > classes) throw new RangeError(`${where}: classNames has ${classes} names but the labels go up to class ${seen - 1}`);
  const m = confusionCounts(t, p, classes);
  const names = Array.from({ length: classes }, (_, c) => className(c, options.classNames));
  const cells = m.flatMap((row, i) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((count, j) => ({
      actual: names[i],
      predicted: names[j],
      count,
      value: options.normalize ? (total > 0 ? count / total : 0) : count,
    }));
  });
  const max = Math.max(...cells.map((c) => c.value));
  const size = Math.max(160, Math.min(40 * classes, 520));
  const spec = withDefaults(
    {
      width: size,
      height: size,
      data: { values: cells },
      encoding: {
        x: { field: "predicted", type: "ordinal", sort: names, title: "predicted", axis: { labelAngle: 0 } },
        y: { field: "actual", type: "ordinal", sort: names, title: "true" },
      },
      layer: [
        { mark: { type: "rect" }, encoding: { color: { field: "value", type: "quantitative", title: options.normalize ? "fraction" : "count", scale: { scheme: "blues" } } } },
        {
          mark: { type: "text", fontSize: classes > 12 ? 8 : 12 },
          encoding: {
            text: { field: "value", type: "quantitative", format: options.normalize ? ".2f" : "d" },
            color: { condition: { test: `datum.value > ${max / 2}`, value: "white" }, value: "black" },
          },
        },
      ],
    },
    options.title ?? "Confusion matrix",
  );
  const correct = m.reduce((s, row, i) => s + row[i], 0);
  const plot = new Plot(spec, `Confusion matrix, ${classes} classes, ${t.length} samples, ${correct} on the diagonal (accuracy ${(correct / Math.max(t.length, 1)).toFixed(4)})`) as ConfusionMatrixPlot;
  plot.matrix = m;
  return plot;
}
