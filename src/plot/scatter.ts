/** `nn.plot.scatter`: 2-D datasets, coloured by class or by dataset (e.g. original vs resampled). */
import { Tensor } from "../tensor/tensor";
import { Plot } from "./plot";
import { withDefaults } from "./spec";
import { classLabels, matrix, type PlotData } from "./data";

/** Options of {@link scatter}. */
export interface ScatterOptions {
  /** Class of each point ([n], [n, 1] or one-hot [n, k]); colours the points. */
  labels?: PlotData;
  /** Names of the classes, by class index. */
  classNames?: string[];
  /** Title of the x axis (default "x₁"). */
  xTitle?: string;
  /** Title of the y axis (default "x₂"). */
  yTitle?: string;
  /** Chart title shown above the plot. */
  title?: string;
  /** Point area in pixels² (default 40). */
  size?: number;
}

/** Rows {x, y, group} of one [n, 2] dataset. */
export function pointRows(x: Tensor, group: (i: number) => string): { x: number; y: number; group: string }[] {
  return Array.from({ length: x.shape[0] }, (_, i) => ({ x: x.data[2 * i], y: x.data[2 * i + 1], group: group(i) }));
}

/** The name of class `c`: `classNames[c]` or the number. */
export function className(c: number, names?: string[]): string {
  return names?.[c] ?? String(c);
}

function isDatasets(x: unknown): x is { [name: string]: PlotData } {
  return typeof x === "object" && x !== null && !Array.isArray(x) && !(x instanceof Tensor);
}

/**
 * A scatter plot of [n, 2] points: `scatter(x, { labels: y })` colours by class;
 * `scatter({ original: x, resampled: xr })` overlays datasets, one colour each.
 */
export function scatter(x: PlotData | { [dataset: string]: PlotData }, options: ScatterOptions = {}): Plot {
  const where = "nn.plot.scatter";
  let rows: { x: number; y: number; group: string }[];
  let legend: string;
  if (isDatasets(x)) {
    const names = Object.keys(x);
    if (names.length === 0) throw new RangeError(`${where}: give at least one dataset, got an empty object`);
    rows = names.flatMap((name) => pointRows(matrix(x[name], where, `x.${name}`, 2), () => name));
    legend = "dataset";
  } else {
    const points = matrix(x, where, "x", 2);
    const labels = options.labels === undefined ? undefined : classLabels(options.labels, where, "labels", points.shape[0]);
    rows = pointRows(points, (i) => (labels ? className(labels[i], options.classNames) : "points"));
    legend = labels ? "class" : "";
  }
  const spec = withDefaults(
    {
      width: 360,
      height: 300,
      data: { values: rows },
      mark: { type: "point", filled: true, opacity: 0.75, size: options.size ?? 40 },
      encoding: {
        x: { field: "x", type: "quantitative", scale: { zero: false }, title: options.xTitle ?? "x₁" },
        y: { field: "y", type: "quantitative", scale: { zero: false }, title: options.yTitle ?? "x₂" },
        color: legend ? { field: "group", type: "nominal", title: legend } : { value: "#4c78a8" },
        shape: legend ? { field: "group", type: "nominal", title: legend } : { value: "circle" },
      },
    },
    options.title,
  );
  const groups = [...new Set(rows.map((r) => r.group))];
  return new Plot(spec, `Scatter plot of ${rows.length} points${legend ? ` by ${legend}: ${groups.join(", ")}` : ""}`);
}
