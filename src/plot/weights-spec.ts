/**
 * Charts of weight and gradient distributions ({@link WeightsData}) as Vega-Lite v5 specs,
 * shared by the library (static SVG) and the JupyterLab extension (the live widget, which
 * swaps the histogram rows when its epoch slider moves). Dependency-free: the extension
 * bundles it.
 */
import type { LayerDistributions, TensorHistogram, WeightsData } from "../display/mime";

/** Name of the histogram dataset (one snapshot's bins). */
export const BINS_DATASET = "bins";

/** One bar of a histogram. */
export interface BinRow {
  /** Which model (series label). */
  series: string;
  /** Panel title: `layer · variable (values|gradients)`. */
  panel: string;
  of: "value" | "gradient";
  lo: number;
  hi: number;
  count: number;
}

/** The short variable name: `dense/kernel` → `kernel`. */
export function variableName(name: string): string {
  const i = name.lastIndexOf("/");
  return i >= 0 ? name.slice(i + 1) : name;
}

/** Panel title of a histogram: `dense_1 · kernel` or `dense_1 · kernel gradient`. */
export function panelName(layer: LayerDistributions, h: TensorHistogram): string {
  return `${layer.layer} · ${variableName(h.name)}${h.of === "gradient" ? " gradient" : ""}`;
}

/** The epochs that have snapshots in every series (the slider's stops), ascending. */
export function snapshotEpochs(data: WeightsData): number[] {
  const all = new Set<number>();
  for (const s of data.series) for (const snap of s.snapshots) all.add(snap.epoch);
  return [...all].sort((a, b) => a - b);
}

/** Histogram rows of every series at `epoch` (each series' latest snapshot at or before it). */
export function binRows(data: WeightsData, epoch: number): BinRow[] {
  const rows: BinRow[] = [];
  for (const s of data.series) {
    const candidates = s.snapshots.filter((snap) => snap.epoch <= epoch);
    const snap = candidates[candidates.length - 1] ?? s.snapshots[0];
    if (!snap) continue;
    for (const layer of snap.layers) {
      for (const h of layer.tensors) {
        const panel = panelName(layer, h);
        h.counts.forEach((count, k) => rows.push({ series: s.label, panel, of: h.of, lo: h.edges[k], hi: h.edges[k + 1], count }));
      }
    }
  }
  return rows;
}

/** Gradient L2 norm per layer variable over epochs (vanishing / exploding gradients). */
export function gradientNormRows(data: WeightsData): { series: string; variable: string; epoch: number; norm: number }[] {
  return data.series.flatMap((s) =>
    s.snapshots.flatMap((snap) =>
      snap.layers.flatMap((layer) =>
        layer.tensors.filter((h) => h.of === "gradient").map((h) => ({ series: s.label, variable: `${layer.layer} · ${variableName(h.name)}`, epoch: snap.epoch + 1, norm: h.norm })),
      ),
    ),
  );
}

/** Fraction of dead ReLU units per layer over epochs. */
export function deadUnitRows(data: WeightsData): { series: string; layer: string; epoch: number; dead: number }[] {
  return data.series.flatMap((s) =>
    s.snapshots.flatMap((snap) =>
      snap.layers.filter((l) => l.deadFraction !== undefined).map((l) => ({ series: s.label, layer: l.layer, epoch: snap.epoch + 1, dead: l.deadFraction as number })),
    ),
  );
}

/** Histograms of one snapshot: one panel per layer variable, one column per series. */
export function histogramSpec(rows: BinRow[] | null): { [key: string]: unknown } {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    data: rows ? { name: BINS_DATASET, values: rows } : { name: BINS_DATASET },
    facet: { row: { field: "panel", type: "nominal", title: null, header: { labelAngle: 0, labelAlign: "left", labelFontWeight: "bold" } }, column: { field: "series", type: "nominal", title: null } },
    spec: {
      width: 240,
      height: 70,
      mark: { type: "rect", tooltip: true },
      encoding: {
        x: { field: "lo", type: "quantitative", title: null },
        x2: { field: "hi" },
        y: { field: "count", type: "quantitative", title: null, axis: { tickCount: 3 } },
        color: { field: "of", type: "nominal", scale: { domain: ["value", "gradient"], range: ["#4c78a8", "#e45756"] }, legend: null },
      },
    },
    resolve: { scale: { x: "independent", y: "independent" } },
    config: { view: { stroke: null }, facet: { spacing: 6 } },
  };
}

/** Line chart of per-series, per-variable values over epochs (gradient norms, dead fractions). */
export function trendSpec(rows: object[], field: string, by: string, title: string, logScale = false): { [key: string]: unknown } {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title,
    data: { values: rows },
    width: 300,
    height: 140,
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "epoch", type: "quantitative", title: "epoch" },
      y: { field, type: "quantitative", title: null, scale: logScale ? { type: "log" } : {} },
      color: { field: by, type: "nominal", title: null, legend: { orient: "bottom" } },
      strokeDash: { field: "series", type: "nominal", title: null },
    },
    config: { view: { stroke: null } },
  };
}

/** One line per series and layer variable: `label dense/kernel: min … max, mean ± std, zeros, NaN/Inf`. */
export function weightsText(data: WeightsData): string {
  const lines: string[] = [];
  for (const s of data.series) {
    const last = s.snapshots[s.snapshots.length - 1];
    lines.push(`Weights of ${s.label}: ${s.snapshots.length} snapshot(s)${last ? `, latest after epoch ${last.epoch + 1}` : ""}`);
    if (!last) continue;
    for (const layer of last.layers) {
      for (const h of layer.tensors) {
        const f = (v: number) => (Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(4) : v.toExponential(2));
        lines.push(
          `  ${panelName(layer, h)}: min ${f(h.min)}, max ${f(h.max)}, mean ${f(h.mean)} ± ${f(h.std)}, norm ${f(h.norm)}` +
            (h.zeros ? `, ${h.zeros} zeros` : "") + (h.nonFinite ? `, ${h.nonFinite} NaN/Inf` : ""),
        );
      }
      if (layer.deadFraction !== undefined) lines.push(`  ${layer.layer}: ${(layer.deadFraction * 100).toFixed(1)}% dead ReLU units`);
    }
  }
  return lines.join("\n");
}
