/** `nn.plot.confusionMatrix`: counts of (true class, predicted class) as an annotated heatmap. */
import { Plot } from "./plot";
import { heatmapSpec } from "./heatmap";
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
  if (new Set(names).size !== names.length) throw new RangeError(`${where}: classNames must be distinct, got ${JSON.stringify(names)}`);
  const values = m.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return options.normalize ? row.map((count) => (total > 0 ? count / total : 0)) : row;
  });
  const spec = heatmapSpec(
    values,
    {
      xLabels: names,
      yLabels: names,
      xTitle: "predicted",
      yTitle: "true",
      valueTitle: options.normalize ? "fraction" : "count",
      format: options.normalize ? ".2f" : "d",
      scheme: "blues",
      annotate: true,
      title: options.title ?? "Confusion matrix",
    },
    where,
  );
  const correct = m.reduce((s, row, i) => s + row[i], 0);
  const plot = new Plot(spec, `Confusion matrix, ${classes} classes, ${t.length} samples, ${correct} on the diagonal (accuracy ${(correct / Math.max(t.length, 1)).toFixed(4)})`) as ConfusionMatrixPlot;
  plot.matrix = m;
  return plot;
}
