/**
 * The training dashboard's charts as one Vega-Lite v5 spec, built from {@link HistoryData}.
 * Shared by the library (static SVG in the kernel, `nn.plot.lossCurves`) and the JupyterLab
 * extension (the live view), so both draw the same charts. Dependency-free on purpose:
 * the extension bundles it.
 *
 * Layout: one chart per metric group (`loss` with `val_loss`, `accuracy` with
 * `val_accuracy`, …, and the learning rate), epoch points as lines with dots, batch points
 * as a faint line, a dashed rule at each group's best epoch and a red rule where training
 * stopped early.
 */
import type { HistoryData } from "../display/mime";

/** The name of the dataset the spec reads; the live renderer streams rows into it. */
export const HISTORY_DATASET = "history";

/** The group of the learning-rate track. */
export const LEARNING_RATE_GROUP = "learning rate";

/** One row of the dashboard's dataset. */
export interface HistoryRow {
  /** `epoch` and `batch` are measurements; `best` and `stop` are markers. */
  kind: "epoch" | "batch" | "best" | "stop";
  /** Chart the row belongs to, e.g. `loss` for `loss` and `val_loss`. */
  group: string;
  /** Metric name, e.g. `val_loss`. */
  series: string;
  /** Epochs done, fractional for batch rows (epoch 0's last batch is at 1). */
  x: number;
  value: number;
  /** Chart order: loss first, the learning rate last. */
  order: number;
}

/** Options of {@link historySpec}. */
export interface HistorySpecOptions {
  /** Logarithmic y axes (rows with values ≤ 0 are left out). */
  logScale?: boolean;
  /** Include batch-granularity rows (default true). */
  batches?: boolean;
  /** Width and height of each chart in pixels. */
  width?: number;
  height?: number;
  /** Charts per row (default 2). */
  columns?: number;
  /** Rows inline in the spec (static rendering) instead of left for a live view to stream in. */
  inlineRows?: HistoryRow[];
}

/** The chart a metric belongs to: `val_loss` → `loss`. */
export function metricGroup(metric: string): string {
  return metric.startsWith("val_") ? metric.slice(4) : metric;
}

/** True for metrics where larger is better (accuracy, AUC, precision, recall, F1). */
export function higherIsBetter(metric: string): boolean {
  return /acc|auc|precision|recall|f1|r2/i.test(metricGroup(metric));
}

/** The epoch index (0-based) with the best value of `values`, or -1 for none. */
export function bestIndex(values: readonly number[], higher: boolean): number {
  let best = -1;
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) return;
    if (best < 0 || (higher ? v > values[best] : v < values[best])) best = i;
  });
  return best;
}

/** Where a group's chart goes: loss first, the learning-rate track last. */
export function groupOrder(group: string): number {
  return group === "loss" ? 0 : group === LEARNING_RATE_GROUP ? 2 : 1;
}

/** A plottable number (JSON turns NaN and ±Infinity into null). */
function isValue(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Measurement rows (epochs, batches, learning rate): append-only while a run goes on. */
export function measurementRows(data: HistoryData, batches = true): HistoryRow[] {
  const rows: HistoryRow[] = [];
  if (batches && data.batches) {
    const { x, metrics } = data.batches;
    for (const [series, values] of Object.entries(metrics)) {
      const group = metricGroup(series);
      values.forEach((value, i) => {
        if (isValue(value)) rows.push({ kind: "batch", group, series, x: x[i], value, order: groupOrder(group) });
      });
    }
  }
  for (const [series, values] of Object.entries(data.metrics)) {
    const group = metricGroup(series);
    values.forEach((value, i) => {
      if (isValue(value)) rows.push({ kind: "epoch", group, series, x: (data.epoch[i] ?? i) + 1, value, order: groupOrder(group) });
    });
  }
  data.learningRate?.forEach((value, i) =>
    rows.push({ kind: "epoch", group: LEARNING_RATE_GROUP, series: "learning_rate", x: (data.epoch[i] ?? i) + 1, value, order: 2 }),
  );
  return rows;
}

/**
 * Marker rows: each group's best epoch (validation metric when there is one) and, when the
 * run stopped early, the epoch it stopped at. They move as training goes on.
 */
export function markerRows(data: HistoryData): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const groups = new Map<string, string>();
  for (const series of Object.keys(data.metrics)) {
    const group = metricGroup(series);
    // The validation metric decides the best epoch, as early stopping's default monitor does.
    if (!groups.has(group) || series.startsWith("val_")) groups.set(group, series);
  }
  for (const [group, series] of groups) {
    const values = data.metrics[series];
    const i = bestIndex(values, higherIsBetter(series));
    if (i >= 0) rows.push({ kind: "best", group, series, x: (data.epoch[i] ?? i) + 1, value: values[i], order: groupOrder(group) });
  }
  if (data.status === "stopped" && data.epoch.length > 0) {
    const x = data.epoch[data.epoch.length - 1] + 1;
    for (const group of groups.keys()) rows.push({ kind: "stop", group, series: data.stopReason ?? "stopped", x, value: 0, order: groupOrder(group) });
  }
  return rows;
}

/** All rows of the dashboard for `data`. */
export function historyRows(data: HistoryData, batches = true): HistoryRow[] {
  return [...measurementRows(data, batches), ...markerRows(data)];
}

const kindIs = (kind: HistoryRow["kind"]) => ({ filter: `datum.kind === '${kind}'` });

/** The dashboard's Vega-Lite spec (data inline or, for the live view, the named dataset). */
export function historySpec(options: HistorySpecOptions = {}): { [key: string]: unknown } {
  const logScale = options.logScale ?? false;
  const showBatches = options.batches ?? true;
  const y = { field: "value", type: "quantitative", title: null, scale: logScale ? { type: "log" } : { zero: false } };
  const x = { field: "x", type: "quantitative", title: "epoch", scale: { domainMin: 0 } };
  const color = { field: "series", type: "nominal", title: null, legend: { orient: "bottom" } };
  const valueFilter = logScale ? [{ filter: "datum.value > 0" }] : [];
  const layers: object[] = [];
  if (showBatches) {
    layers.push({
      transform: [kindIs("batch"), ...valueFilter],
      mark: { type: "line", opacity: 0.3, strokeWidth: 1, interpolate: "linear" },
      encoding: { x, y, color, detail: { field: "series" } },
    });
  }
  layers.push(
    {
      transform: [kindIs("epoch"), ...valueFilter],
      mark: { type: "line", point: { size: 18 }, strokeWidth: 2 },
      encoding: {
        x, y, color,
        tooltip: [
          { field: "series", title: "metric" },
          { field: "x", title: "epoch" },
          { field: "value", title: "value", format: ".4g" },
        ],
      },
    },
    {
      transform: [kindIs("best")],
      mark: { type: "rule", strokeDash: [4, 3], color: "#2ca02c" },
      encoding: { x, tooltip: [{ field: "series", title: "best" }, { field: "x", title: "epoch" }, { field: "value", format: ".4g" }] },
    },
    {
      transform: [kindIs("stop")],
      mark: { type: "rule", color: "#d62728", strokeWidth: 2 },
      encoding: { x, tooltip: [{ field: "series", title: "stopped" }, { field: "x", title: "epoch" }] },
    },
  );
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    data: options.inlineRows ? { name: HISTORY_DATASET, values: options.inlineRows } : { name: HISTORY_DATASET },
    facet: { field: "group", type: "nominal", title: null, sort: { field: "order", op: "min" }, header: { labelFontWeight: "bold", labelFontSize: 12 } },
    columns: options.columns ?? 2,
    spec: { width: options.width ?? 280, height: options.height ?? 160, layer: layers },
    resolve: { scale: { y: "independent", x: "independent" } },
    config: { view: { stroke: null }, axis: { gridOpacity: 0.4 } },
  };
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/** The dashboard's progress line: `epoch 3/50 · batch 2/4 · 1,234 samples/s · ETA 12s`, or how the run ended. */
export function progressText(data: HistoryData): string {
  const done = data.epoch.length;
  const p = data.progress;
  const rate = p ? ` · ${Math.round(p.samplesPerSecond).toLocaleString("en-US")} samples/s` : "";
  const elapsed = p ? ` · ${formatDuration(p.elapsedSeconds)}` : "";
  if (data.status === "running") {
    const epoch = p ? p.epoch + 1 : done + 1;
    const batch = p ? ` · batch ${p.batch}/${data.steps}` : "";
    const eta = p && p.etaSeconds !== null ? ` · ETA ${formatDuration(p.etaSeconds)}` : "";
    return `epoch ${epoch}/${data.epochs}${batch}${rate}${eta}`;
  }
  if (data.status === "stopped") {
    const by = data.stopReason === "user" ? "by the Stop button" : data.stopReason === "callback" ? "by a callback (early stopping)" : "early";
    return `stopped ${by} after epoch ${done}/${data.epochs}${rate}${elapsed}`;
  }
  return `finished ${done}/${data.epochs} epochs${rate}${elapsed}`;
}

/** Keras-like one-line-per-metric summary of a history: first → last value, and the best epoch. */
export function historyText(data: HistoryData): string {
  const lines = [`History${data.model ? ` of "${data.model}"` : ""}: ${progressText(data)}`];
  for (const [name, values] of Object.entries(data.metrics)) {
    if (values.length === 0) continue;
    const i = bestIndex(values, higherIsBetter(name));
    const f = (v: number) => (Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(4) : v.toExponential(3));
    lines.push(`  ${name}: ${f(values[0])} → ${f(values[values.length - 1])} (best ${f(values[i])} at epoch ${(data.epoch[i] ?? i) + 1})`);
  }
  return lines.join("\n");
}
