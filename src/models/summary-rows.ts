/** One summary-table row for a layer (or a nested model): its shape, parameter counts and weights. */
import type { Layer } from "../layers/layer";
import type { ShapeSpec, SummaryLayer } from "../display/mime";

/**
 * The summary row of `layer` with the given output shape (null while unknown) and, for
 * functional models that are not a plain chain, the "Connected to" entries (`dense[0][0]`).
 */
export function layerRow(layer: Layer, outputShape: ShapeSpec | ShapeSpec[] | null, connectedTo?: string[]): SummaryLayer {
  const trainable = layer.trainableWeights;
  const row: SummaryLayer = {
    name: layer.name,
    className: layer.className,
    outputShape,
    // A nested model is never "built" as a plain layer is, but its layers hold weights.
    built: layer.built || layer.weights.length > 0,
    params: layer.countParams(),
    trainableParams: trainable.reduce((n, w) => n + w.size, 0),
    trainable: layer.trainable,
    weights: layer.weights.map((w) => ({
      name: w.name ?? "",
      shape: [...w.shape],
      dtype: w.dtype,
      trainable: trainable.includes(w),
    })),
  };
  if (connectedTo !== undefined) row.connectedTo = connectedTo;
  return row;
}
