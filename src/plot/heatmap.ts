/**
 * `nn.plot.heatmap`: a matrix as coloured cells, optionally with each value written in its cell —
 * attention weights, correlation matrices, a layer's weights, and (through
 * {@link heatmapSpec}) the confusion matrix.
 */
import { Plot } from "./plot";
import { withDefaults, type VegaLiteSpec } from "./spec";
import { matrix, type PlotData } from "./data";

/** Options of {@link heatmap}. */
export interface HeatmapOptions {
  /** Names of the columns, left to right (default "0", "1", …). */
  xLabels?: string[];
  /** Names of the rows, top to bottom (default "0", "1", …). */
  yLabels?: string[];
  /** Axis titles. */
  xTitle?: string;
  /** Axis titles. */
  yTitle?: string;
  /** Title of the colour legend (default "value"). */
  valueTitle?: string;
  /** Write each cell's value in it (default: when the matrix has at most 20 × 20 cells). */
  annotate?: boolean;
  /** d3-format of the written values (default ".2f"; "d" for counts). */
  format?: string;
  /**
   * Vega colour scheme: sequential ("blues", "viridis", …) for values of one sign; a diverging one
   * ("redblue", "blueorange") centres on 0 (default: "blueorange" when values have both signs,
   * else "blues").
   */
  scheme?: string;
  /** Chart title shown above the plot. */
  title?: string;
}

/** One cell of the chart's data. */
interface Cell {
  row: string;
  column: string;
  value: number;
}

/**
 * The Vega-Lite spec of a heatmap of `rows` (row i drawn top to bottom, column j left to right),
 * with the options' labels; shared by {@link heatmap} and `nn.plot.confusionMatrix`.
 */
export function heatmapSpec(rows: number[][], options: HeatmapOptions, where: string): VegaLiteSpec {
  const height = rows.length;
  const width = rows[0]?.length ?? 0;
  const xLabels = labels(options.xLabels, width, where, "xLabels");
  const yLabels = labels(options.yLabels, height, where, "yLabels");
  const cells: Cell[] = rows.flatMap((row, i) => row.map((value, j) => ({ row: yLabels[i], column: xLabels[j], value })));
  const values = cells.map((c) => c.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const diverging = lo < 0 && hi > 0;
  const scheme = options.scheme ?? (diverging ? "blueorange" : "blues");
  // A diverging scheme is centred on 0 (symmetric domain), so white means zero, not the middle.
  const bound = Math.max(Math.abs(lo), Math.abs(hi));
  const scale = diverging && options.scheme === undefined ? { scheme, domain: [-bound, bound] } : { scheme };
  const annotate = options.annotate ?? width * height <= 400;
  // Cells of 12–40 px, the longer side within 520 px and at least 160 px (a 2×2 matrix stays legible).
  const longer = Math.max(width, height, 1);
  const cellSize = Math.max(12, Math.min(Math.max(40, Math.ceil(160 / longer)), Math.floor(520 / longer)));
  const layer: Record<string, unknown>[] = [
    { mark: { type: "rect" }, encoding: { color: { field: "value", type: "quantitative", title: options.valueTitle ?? "value", scale } } },
  ];
  if (annotate) {
    // Dark text on light cells, white on dark ones: the darker half of a sequential scheme is its top.
    const darkAbove = diverging ? null : lo + (hi - lo) / 2;
    layer.push({
      mark: { type: "text", fontSize: Math.max(width, height) > 12 ? 8 : 12 },
      encoding: {
        text: { field: "value", type: "quantitative", format: options.format ?? ".2f" },
        color: darkAbove === null ? { value: "black" } : { condition: { test: `datum.value > ${darkAbove}`, value: "white" }, value: "black" },
      },
    });
  }
  return withDefaults(
    {
      width: cellSize * width,
      height: cellSize * height,
      data: { values: cells },
      encoding: {
        x: { field: "column", type: "ordinal", sort: xLabels, title: options.xTitle ?? null, axis: { labelAngle: 0 } },
        y: { field: "row", type: "ordinal", sort: yLabels, title: options.yTitle ?? null },
      },
      layer,
    },
    options.title,
  );
}

function labels(given: string[] | undefined, count: number, where: string, name: string): string[] {
  if (given === undefined) return Array.from({ length: count }, (_, i) => String(i));
  if (given.length !== count) throw new RangeError(`${where}: ${name} must have ${count} name${count === 1 ? "" : "s"} (one per ${name === "xLabels" ? "column" : "row"}), got ${given.length}`);
  if (new Set(given).size !== given.length) throw new RangeError(`${where}: ${name} must be distinct (cells with the same name would overlap), got ${JSON.stringify(given)}`);
  return given;
}

/**
 * A matrix ([rows, columns] tensor or nested array) as a heatmap: row 0 at the top, as the matrix
 * is printed. Non-finite values are an error (they have no colour).
 *
 * ```ts
 * nn.plot.heatmap(attentionWeights, { xLabels: tokens, yLabels: tokens, xTitle: "key", yTitle: "query" })
 * ```
 */
export function heatmap(values: PlotData, options: HeatmapOptions = {}): Plot {
  const where = "nn.plot.heatmap";
  const m = matrix(values, where, "values");
  const [height, width] = m.shape;
  if (height === 0 || width === 0) throw new RangeError(`${where}: values must have at least one row and one column, got shape [${height}, ${width}]`);
  const rows = m.toArray() as number[][];
  const bad = m.data.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new RangeError(`${where}: values must be finite, got ${m.data[bad]} at row ${Math.floor(bad / width)}, column ${bad % width}`);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of m.data) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return new Plot(heatmapSpec(rows, options, where), `Heatmap ${height}×${width}${options.title ? ` "${options.title}"` : ""}, values from ${lo.toPrecision(4)} to ${hi.toPrecision(4)}`);
}
