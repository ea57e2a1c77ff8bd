/**
 * `nn.display.compareWeights(a, b)`: two models' weight distributions side by side — e.g.
 * the notes' model without and with L2, whose first-layer weights reach −2.72 and −0.57.
 * Each side is a `weightHistograms` recording (all its epochs) or a model (its weights now).
 */
import { JUPYTER_DISPLAY } from "./host";
import { WEIGHTS_VERSION, type MimeBundle, type WeightsData } from "./mime";
import { weightsBundle } from "./weights-bundle";
import { WeightHistograms, type WeightHistogramsOptions } from "../callbacks/weight-histograms";
import { Model } from "../models/model";

/** A displayable set of weight distributions. */
export class WeightsView {
  constructor(
    /** The distributions shown, as the extension's weights MIME data. */
    readonly data: WeightsData,
  ) {}

  /** Jupyter's self-display protocol (the nnlab kernel awaits it). */
  [JUPYTER_DISPLAY](): Promise<MimeBundle> {
    return weightsBundle(this.data);
  }
}

/** Options of {@link compareWeights} and {@link weightDistributions}. */
export interface CompareWeightsOptions extends Pick<WeightHistogramsOptions, "layers" | "bins" | "maxSamples" | "data"> {
  /** Column labels (default: the recordings' labels or the models' names). */
  labels?: string[];
}

/** One column of a comparison: a recording made by `nn.callbacks.weightHistograms`, or a model (its current weights). */
export type Side = WeightHistograms | Model;

function seriesOf(side: Side, label: string | undefined, options: CompareWeightsOptions, where: string) {
  if (side instanceof WeightHistograms) {
    const s = side.data.series[0];
    if (!s) throw new Error(`${where}: a weightHistograms recording is empty until it has been passed to fit`);
    return { label: label ?? s.label, snapshots: s.snapshots };
  }
  if (side instanceof Model) {
    const recorder = new WeightHistograms({ layers: options.layers, bins: options.bins, maxSamples: options.maxSamples, data: options.data, display: false });
    return { label: label ?? side.name, snapshots: [recorder.snapshot(side, -1)] };
  }
  throw new TypeError(`${where}: expected a model or a weightHistograms recording, got ${side === null ? "null" : typeof side}`);
}

/** Weight distributions of several models or recordings, one column each. */
export function weightDistributions(sides: Side[], options: CompareWeightsOptions = {}): WeightsView {
  const where = "nn.display.weightDistributions";
  if (!Array.isArray(sides) || sides.length === 0) throw new RangeError(`${where}: give at least one model or recording`);
  const series = sides.map((s, i) => seriesOf(s, options.labels?.[i], options, where));
  const labels = series.map((s) => s.label);
  const dup = labels.find((l, i) => labels.indexOf(l) !== i);
  if (dup !== undefined) throw new RangeError(`${where}: two columns are labelled ${JSON.stringify(dup)}; pass options.labels to tell them apart`);
  return new WeightsView({ version: WEIGHTS_VERSION, series });
}

/** Two models or recordings side by side (e.g. without and with L2 regularization). */
export function compareWeights(a: Side, b: Side, options: CompareWeightsOptions = {}): WeightsView {
  return weightDistributions([a, b], options);
}
