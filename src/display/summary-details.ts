/**
 * Optional detail for `model.summary()`'s data: per-weight initializer, regularizer and value
 * statistics, per-layer multiply-adds and activation memory, and nested models' rows. The
 * JupyterLab table shows them in expandable rows; Keras's text and the static table do not
 * change. `summaryData` calls {@link addSummaryDetails} when the model provides its layers.
 */
import type { SummaryData, SummaryLayer, SummaryWeight, WeightStats } from "./mime";
import type { Tensor } from "../tensor/tensor";
import { bytesPerElement } from "../tensor/dtype";
import { tensorStats } from "./tensor-histogram";

/** What the details need of a layer. */
interface DetailLayer {
  readonly name: string;
  readonly weights: Tensor[];
  getConfig(): { [key: string]: unknown };
  /** Present on nested models. */
  summaryLayers?(): SummaryLayer[];
  readonly layers?: DetailLayer[];
}

/** An initializer or regularizer config as short text: `"glorotUniform"`, `l2(0.01)`, or `{className}` JSON. */
export function configText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "object") {
    const v = value as { className?: unknown; config?: unknown };
    if (typeof v.className === "string") {
      const args = v.config && typeof v.config === "object" ? Object.entries(v.config as object).map(([k, x]) => `${k}=${JSON.stringify(x)}`).join(", ") : "";
      return `${v.className}(${args})`;
    }
  }
  return JSON.stringify(value);
}

/** Multiply-adds per sample: a kernel's size times the output positions it slides over (1 for Dense). */
export function multAdds(layer: DetailLayer, outputShape: SummaryLayer["outputShape"]): number | undefined {
  const kernel = layer.weights.find((w) => (w.name ?? "").endsWith("/kernel"));
  if (!kernel || !Array.isArray(outputShape) || outputShape.some((d) => Array.isArray(d))) return undefined;
  const dims = (outputShape as (number | null)[]).slice(1, -1);
  if (dims.some((d) => d === null)) return undefined;
  return kernel.size * dims.reduce<number>((a, d) => a * (d as number), 1);
}

/** Output bytes per sample (float32 unless the layer's weights say otherwise). */
export function activationBytes(layer: DetailLayer, outputShape: SummaryLayer["outputShape"]): number | undefined {
  if (!Array.isArray(outputShape) || outputShape.length === 0) return undefined;
  const shapes = (Array.isArray(outputShape[0]) ? outputShape : [outputShape]) as (number | null)[][];
  let elements = 0;
  for (const s of shapes) {
    const dims = s.slice(1);
    if (dims.some((d) => d === null)) return undefined;
    elements += dims.reduce<number>((a, d) => a * (d as number), 1);
  }
  const dtype = layer.weights[0]?.dtype ?? "float32";
  return elements * bytesPerElement(dtype);
}

function weightDetails(layer: DetailLayer, weight: SummaryWeight, tensor: Tensor | undefined): SummaryWeight {
  const config = layer.getConfig();
  const local = weight.name.slice(weight.name.lastIndexOf("/") + 1);
  const out: SummaryWeight = { ...weight };
  const init = configText(config[`${local}Initializer`]);
  if (init !== null) out.initializer = init;
  if (`${local}Regularizer` in config) out.regularizer = configText(config[`${local}Regularizer`]);
  if (tensor) {
    const { min, max, mean, std, zeros, nonFinite } = tensorStats(tensor.data);
    out.stats = { min, max, mean, std, zeros, nonFinite } satisfies WeightStats;
  }
  return out;
}

/** Adds the details to `data` for the layers of `layers` with matching names (in place; returns data). */
export function addSummaryDetails(data: SummaryData, layers: DetailLayer[]): SummaryData {
  const byName = new Map(layers.map((l) => [l.name, l]));
  data.layers = data.layers.map((row) => {
    const layer = byName.get(row.name);
    if (!layer) return row;
    const out: SummaryLayer = { ...row };
    const ops = multAdds(layer, row.outputShape);
    if (ops !== undefined) out.multAdds = ops;
    const bytes = activationBytes(layer, row.outputShape);
    if (bytes !== undefined) out.activationBytes = bytes;
    if (row.weights) {
      const tensors = new Map(layer.weights.map((w) => [w.name, w]));
      out.weights = row.weights.map((w) => weightDetails(layer, w, tensors.get(w.name)));
    }
    if (typeof layer.summaryLayers === "function" && Array.isArray(layer.layers)) {
      out.layers = addSummaryDetails({ layers: layer.summaryLayers() } as SummaryData, layer.layers).layers;
    }
    return out;
  });
  return data;
}
