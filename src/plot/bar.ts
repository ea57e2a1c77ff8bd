/** `nn.plot.bar`: bar charts, e.g. per-class precision/recall/F1 side by side. */
import { Plot } from "./plot";
import { withDefaults } from "./spec";

/** Options of {@link bar}. */
export interface BarOptions {
  /** Title of the value axis. */
  yTitle?: string;
  /** Chart title shown above the plot. */
  title?: string;
  /** Horizontal bars (long category names). */
  horizontal?: boolean;
}

/** `{ category: value }` (one series), or `{ series: { category: value } }` (grouped bars). */
export type BarData = { [category: string]: number } | { [series: string]: { [category: string]: number } };

/**
 * Bars per category; with several series, grouped side by side:
 * `nn.plot.bar({ precision: { cat: 0.9, dog: 0.8 }, recall: { cat: 0.85, dog: 0.9 } })`.
 */
export function bar(data: BarData, options: BarOptions = {}): Plot {
  const where = "nn.plot.bar";
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw new TypeError(`${where}: data must be { category: value } or { series: { category: value } }, got ${Array.isArray(data) ? "an array" : typeof data}`);
  const entries = Object.entries(data);
  if (entries.length === 0) throw new RangeError(`${where}: data is empty`);
  const grouped = entries.every(([, v]) => typeof v === "object" && v !== null);
  const rows: { category: string; series: string; value: number }[] = [];
  for (const [key, value] of entries) {
    if (grouped) {
      for (const [category, v] of Object.entries(value as { [c: string]: number })) {
        if (typeof v !== "number") throw new TypeError(`${where}: data.${key}.${category} must be a number, got ${typeof v}`);
        rows.push({ category, series: key, value: v });
      }
    } else {
      if (typeof value !== "number") throw new TypeError(`${where}: data.${key} must be a number, got ${typeof value}`);
      rows.push({ category: key, series: "value", value });
    }
  }
  const categories = [...new Set(rows.map((r) => r.category))];
  const band = { field: "category", type: "nominal", sort: categories, title: null };
  const measure = { field: "value", type: "quantitative", title: options.yTitle ?? (grouped ? null : "value") };
  const offset = grouped ? { field: "series" } : undefined;
  const encoding: { [k: string]: unknown } = options.horizontal
    ? { y: band, x: measure, ...(offset ? { yOffset: offset } : {}) }
    : { x: { ...band, axis: { labelAngle: categories.some((c) => c.length > 6) ? -40 : 0 } }, y: measure, ...(offset ? { xOffset: offset } : {}) };
  encoding.color = grouped ? { field: "series", type: "nominal", title: null, legend: { orient: "bottom" } } : { value: "#4c78a8" };
  encoding.tooltip = [{ field: "category" }, ...(grouped ? [{ field: "series" }] : []), { field: "value", format: ".4g" }];
  const spec = withDefaults({ width: Math.max(200, Math.min(categories.length * (grouped ? 60 : 36), 640)), height: 240, data: { values: rows }, mark: { type: "bar" }, encoding }, options.title);
  const series = [...new Set(rows.map((r) => r.series))];
  return new Plot(spec, `Bar chart: ${categories.length} categories${grouped ? ` × ${series.length} series (${series.join(", ")})` : ""}`);
}
