/**
 * `nn.plot.line`: a generic line chart, one or several named series over a shared x axis
 * (a loss against λ, a coefficient path against steps, activations against z, …).
 */
import { Plot } from "./plot";
import { withDefaults } from "./spec";
import { countOption, vector, type PlotData } from "./data";

/** Options of {@link line}. */
export interface LineOptions {
  /** Chart title shown above the plot. */
  title?: string;
  /** Title of the x axis (default "x"). */
  xTitle?: string;
  /** Title of the y axis (default "y"). */
  yTitle?: string;
  /** Logarithmic x axis (every x must then be > 0). Default false. */
  logX?: boolean;
  /** Logarithmic y axis (every plotted y must then be > 0). Default false. */
  logY?: boolean;
  /** A point marker on every value, besides the line. Default false. */
  points?: boolean;
  /** Width of the plotting area in pixels (default 380). */
  width?: number;
  /** Height of the plotting area in pixels (default 240). */
  height?: number;
}

/** One point of one series, as the spec's inline data holds it. */
interface LineRow {
  x: number;
  y: number;
  series: string;
}

const WHERE = "nn.plot.line";
const OPTIONS = ["title", "xTitle", "yTitle", "logX", "logY", "points", "width", "height"];

/**
 * The values of a 1-D input. Plain number arrays are taken as they are (float64), so x values
 * such as 0.005 + i·0.0101 are not rounded to float32 on the way to the axis and tooltips.
 */
function values(x: PlotData, argument: string, length?: number): number[] {
  const plain = Array.isArray(x) && x.every((v) => typeof v === "number");
  const out = plain ? (x as number[]) : vector(x, WHERE, argument, length);
  if (length !== undefined && out.length !== length) throw new RangeError(`${WHERE}: ${argument} must have ${length} values (one per x), got ${out.length}`);
  return out;
}

function isNamedSeries(series: unknown): series is { [name: string]: PlotData } {
  return typeof series === "object" && series !== null && !Array.isArray(series) && !ArrayBuffer.isView(series) && !("shape" in series);
}

/**
 * A line chart of `series` over `x`: `line(epochs, { train: trainLoss, validation: valLoss },
 * { yTitle: "loss", logY: true })`. `series` is one array (drawn without a legend) or named
 * arrays, each with one value per x (tensors of shape [n] or [n, 1] work too). Values that are
 * not finite (NaN, ±Infinity, e.g. a diverged loss) are left out of the line; the text form
 * says how many.
 */
export function line(x: PlotData, series: PlotData | { [name: string]: PlotData }, options: LineOptions = {}): Plot {
  if (typeof options !== "object" || options === null) throw new TypeError(`${WHERE}: options must be an object, got ${options === null ? "null" : typeof options}`);
  const unknown = Object.keys(options).filter((k) => !OPTIONS.includes(k));
  if (unknown.length > 0) throw new TypeError(`${WHERE}: unknown option ${unknown.map((k) => JSON.stringify(k)).join(", ")}; valid options: ${OPTIONS.join(", ")}`);
  const xs = values(x, "x");
  if (xs.length === 0) throw new RangeError(`${WHERE}: x is empty; give at least one x value`);
  const badX = xs.findIndex((v) => !Number.isFinite(v) || (options.logX === true && v <= 0));
  if (badX >= 0) throw new RangeError(`${WHERE}: x must be ${options.logX ? "finite numbers > 0 (logX)" : "finite numbers"}, got ${xs[badX]} at index ${badX}`);
  const named = isNamedSeries(series);
  if (series === null || series === undefined || (named && Object.keys(series).length === 0)) {
    throw new TypeError(`${WHERE}: series must be an array of y values or { name: values }, got ${series === null ? "null" : named ? "an empty object" : typeof series}`);
  }
  const entries: [string, PlotData][] = named ? Object.entries(series) : [["y", series as PlotData]];
  const rows: LineRow[] = [];
  let dropped = 0;
  for (const [name, ys] of entries) {
    values(ys, named ? `series ${JSON.stringify(name)}` : "series", xs.length).forEach((y, i) => {
      if (!Number.isFinite(y)) dropped++;
      else if (options.logY === true && y <= 0) throw new RangeError(`${WHERE}: logY needs values > 0, but series ${JSON.stringify(name)} has ${y} at index ${i} (x = ${xs[i]})`);
      else rows.push({ x: xs[i], y, series: name });
    });
  }
  const width = countOption(options.width ?? 380, WHERE, "width", 20, 4000);
  const height = countOption(options.height ?? 240, WHERE, "height", 20, 4000);
  const names = entries.map(([name]) => name);
  const spec = withDefaults(
    {
      width,
      height,
      data: { values: rows },
      mark: { type: "line", strokeWidth: 2, ...(options.points ? { point: { filled: true, size: 30 } } : {}) },
      encoding: {
        x: { field: "x", type: "quantitative", title: options.xTitle ?? "x", scale: options.logX ? { type: "log" } : { zero: false } },
        y: { field: "y", type: "quantitative", title: options.yTitle ?? "y", scale: options.logY ? { type: "log" } : { zero: false } },
        // The legend keeps the caller's order of series (Vega-Lite would sort the names).
        color: named ? { field: "series", type: "nominal", title: null, sort: names, legend: { orient: "bottom" } } : { value: "#4c78a8" },
        tooltip: [...(named ? [{ field: "series", title: "series" }] : []), { field: "x", format: ".4g" }, { field: "y", format: ".4g" }],
      },
    },
    options.title,
  );
  const range = `${xs.length} x values from ${xs.reduce((a, b) => Math.min(a, b))} to ${xs.reduce((a, b) => Math.max(a, b))}`;
  const what = named ? `${names.length} series (${names.join(", ")})` : "1 series";
  const title = options.title === undefined ? "" : `: ${options.title}`;
  return new Plot(spec, `Line chart${title} — ${what} over ${range}${dropped > 0 ? `; ${dropped} non-finite values left out` : ""}`);
}
