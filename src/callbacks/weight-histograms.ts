/**
 * `nn.callbacks.weightHistograms({ every, layers, gradients, data })`: records each layer's
 * weight distributions (and gradient distributions and dead-ReLU fractions on a probe batch)
 * before training and every `every` epochs. In the nnlab kernel it shows them live as a
 * widget with an epoch slider; the recorder also displays itself afterwards, and
 * `nn.display.compareWeights(a, b)` puts two recordings side by side.
 *
 * Its cost is bounded: statistics read each weight once, histograms bin at most
 * `maxSamples` values per variable, and the probe batch has at most `probeSize` rows.
 */
import { Callback } from "./callback";
import type { Model } from "../models/model";
import type { Layer } from "../layers/layer";
import { Tensor, type NestedArray } from "../tensor/tensor";
import { toTensor } from "../tensor/creation";
import { gradientsOf, noGrad } from "../tensor/autograd";
import { gatherRows } from "../ops";
import { shapeToString } from "../tensor/shape";
import { currentDisplayHost, JUPYTER_DISPLAY, type DisplayHost } from "../display/host";
import { WEIGHTS_VERSION, type LayerDistributions, type MimeBundle, type TensorHistogram, type WeightsData, type WeightsSnapshot } from "../display/mime";
import { tensorHistogram } from "../display/tensor-histogram";
import { weightsBundle, weightsBundleWith } from "../display/weights-bundle";

/** Options of {@link weightHistograms}. */
export interface WeightHistogramsOptions {
  /** Record every this many epochs (default 1); the last epoch is always recorded. */
  every?: number;
  /** Names of the layers to record (default: every layer with weights). */
  layers?: string[];
  /** Also record gradient distributions and norms on the probe batch (needs `data: [x, y]`). */
  gradients?: boolean;
  /** Probe batch: `{ x, y }` (gradients and dead units) or `{ x }` (dead units only). */
  data?: {
    /** Probe inputs (a few samples are enough). */
    x: Tensor | NestedArray;
    /** Probe targets, needed for gradients. */
    y?: Tensor | NestedArray;
  };
  /** Histogram bins (default 30). */
  bins?: number;
  /** Values binned per variable at most (default 20,000; larger variables are sampled). */
  maxSamples?: number;
  /** Rows of the probe batch used at most (default 256). */
  probeSize?: number;
  /** Series label in the widget (default: the model's name). */
  label?: string;
  /** Show the live widget when running in the nnlab kernel (default true). */
  display?: boolean;
}

const WHERE = "nn.callbacks.weightHistograms";

type PerSampleLoss = (yTrue: Tensor, yPred: Tensor) => Tensor;

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v <= 0) throw new RangeError(`${WHERE}: ${name} must be a positive integer, got ${JSON.stringify(value)}`);
  return v;
}

/** The probe batch as tensors (first `probeSize` rows). */
function probeBatch(data: WeightHistogramsOptions["data"], probeSize: number): { x?: Tensor; y?: Tensor } {
  if (data === undefined) return {};
  if (data === null || typeof data !== "object" || data instanceof Tensor || Array.isArray(data) || !("x" in data)) {
    throw new TypeError(`${WHERE}: data must be { x } or { x, y } (a probe batch), got ${data instanceof Tensor ? "a Tensor" : Array.isArray(data) ? "an array" : data === null ? "null" : typeof data}`);
  }
  const head = (t: Tensor) => (t.shape[0] > probeSize ? gatherRows(t, Array.from({ length: probeSize }, (_, i) => i)) : t);
  const x = toTensor(data.x, `${WHERE}: data.x`);
  if (data.y === undefined) return { x: head(x) };
  const y = toTensor(data.y, `${WHERE}: data.y`);
  if (x.shape[0] !== y.shape[0]) throw new RangeError(`${WHERE}: data.x has ${x.shape[0]} rows but data.y has ${y.shape[0]} (shapes ${shapeToString(x.shape)} and ${shapeToString(y.shape)})`);
  return { x: head(x), y: head(y) };
}

/** True for layers whose output is a ReLU's (Dense with relu activation, ReLU layers). */
function isRelu(layer: Layer): boolean {
  if (layer.className === "ReLU") return true;
  const activation = layer.getConfig().activation;
  return activation === "relu";
}

/** Fraction of output units (last axis) that are ≤ 0 for every probe row. */
export function deadFraction(output: Tensor): number {
  const units = output.shape[output.shape.length - 1];
  const rows = output.size / units;
  let dead = 0;
  for (let u = 0; u < units; u++) {
    let alive = false;
    for (let r = 0; r < rows && !alive; r++) alive = output.data[r * units + u] > 0;
    if (!alive) dead++;
  }
  return units > 0 ? dead / units : 0;
}

/** Records weight (and gradient) distributions during `fit`; displays itself. */
export class WeightHistograms extends Callback {
  /** The recording, in the MIME contract's layout (one series). */
  readonly data: WeightsData = { version: WEIGHTS_VERSION, series: [] };
  private readonly every: number;
  private readonly bins: number;
  private readonly maxSamples: number;
  private readonly probe: { x?: Tensor; y?: Tensor };
  private readonly options: WeightHistogramsOptions;
  private host?: DisplayHost;
  private displayId = "";
  private static counter = 0;

  constructor(options: WeightHistogramsOptions = {}) {
    super();
    if (options === null || typeof options !== "object") throw new TypeError(`${WHERE}: options must be an object, got ${options === null ? "null" : typeof options}`);
    this.options = options;
    this.every = positiveInteger(options.every, 1, "every");
    this.bins = positiveInteger(options.bins, 30, "bins");
    this.maxSamples = positiveInteger(options.maxSamples, 20000, "maxSamples");
    const probeSize = positiveInteger(options.probeSize, 256, "probeSize");
    if (options.layers !== undefined && (!Array.isArray(options.layers) || options.layers.some((n) => typeof n !== "string"))) {
      throw new TypeError(`${WHERE}: layers must be a list of layer names, got ${JSON.stringify(options.layers)}`);
    }
    this.probe = probeBatch(options.data, probeSize);
    if (options.gradients && !this.probe.y) {
      throw new TypeError(`${WHERE}: gradients: true needs data: { x, y }, a probe batch to differentiate the loss on`);
    }
  }

  /** Layers recorded, checked against the model's. */
  private selectedLayers(model: Model): Layer[] {
    const withWeights = model.layers.filter((l) => l.weights.length > 0 || isRelu(l));
    if (!this.options.layers) return withWeights;
    const names = model.layers.map((l) => l.name);
    const unknown = this.options.layers.filter((n) => !names.includes(n));
    if (unknown.length > 0) throw new RangeError(`${WHERE}: unknown layer(s) ${unknown.map((n) => JSON.stringify(n)).join(", ")}; the model's layers are ${names.join(", ")}`);
    return model.layers.filter((l) => this.options.layers!.includes(l.name));
  }

  /** One snapshot of `model` now, labelled with `epoch`. */
  snapshot(model: Model, epoch: number): WeightsSnapshot {
    const layers = this.selectedLayers(model);
    const grads = new Map<Tensor, TensorHistogram>();
    if (this.options.gradients && this.probe.x && this.probe.y) {
      const state = model.compiledState("weightHistograms");
      const variables = model.trainableWeights;
      // training = false: no dropout, so recording draws nothing from the seeded generator.
      // The compiled loss is a per-sample function, or (newer models) an object holding one as `fn`.
      const compiled = state.loss as unknown as PerSampleLoss | { fn: PerSampleLoss };
      const perSample = typeof compiled === "function" ? compiled : compiled.fn;
      // The data loss's gradient (the mean over the probe batch), without regularization penalties.
      const loss = perSample(this.probe.y, model.call(this.probe.x, false)).mean();
      gradientsOf(loss, variables).forEach((g, i) => grads.set(variables[i], tensorHistogram(variables[i].name ?? `weight_${i}`, "gradient", g, { bins: this.bins, maxSamples: this.maxSamples })));
    }
    const dead = this.deadFractions(model);
    return {
      epoch,
      layers: layers.map((layer): LayerDistributions => {
        const tensors: TensorHistogram[] = [];
        for (const w of layer.weights) {
          tensors.push(tensorHistogram(w.name ?? layer.name, "value", w.data, { bins: this.bins, maxSamples: this.maxSamples }));
          const g = grads.get(w);
          if (g) tensors.push(g);
        }
        const out: LayerDistributions = { layer: layer.name, className: layer.className, tensors };
        const d = dead.get(layer);
        if (d !== undefined) out.deadFraction = d;
        return out;
      }),
    };
  }

  /** Dead-unit fractions of ReLU layers on the probe inputs (sequential models: layers in order). */
  private deadFractions(model: Model): Map<Layer, number> {
    const result = new Map<Layer, number>();
    if (!this.probe.x || model.className !== "Sequential") return result;
    noGrad(() => {
      let h = this.probe.x as Tensor;
      for (const layer of model.layers) {
        h = layer.apply(h, false);
        if (isRelu(layer)) result.set(layer, deadFraction(h));
      }
    });
    return result;
  }

  override async onTrainBegin(): Promise<void> {
    const model = this.model as Model;
    WeightHistograms.counter += 1;
    const label = this.options.label ?? model.name;
    // A second fit with the same recorder continues its series.
    let series = this.data.series[0];
    if (!series) {
      series = { label, snapshots: [] };
      this.data.series.push(series);
    }
    this.selectedLayers(model);
    // Before training: epoch −1. A later fit continues from the weights already recorded.
    if (series.snapshots.length === 0) series.snapshots.push(this.snapshot(model, -1));
    this.host = this.options.display === false ? undefined : currentDisplayHost();
    if (this.host) {
      this.displayId = `nnlab-weights-${process.pid.toString(36)}-${Date.now().toString(36)}-${WeightHistograms.counter}`;
      this.host.display(weightsBundleWith(this.copy(), []), { displayId: this.displayId });
    }
  }

  override async onEpochEnd(epoch: number): Promise<void> {
    const last = this.params ? epoch === this.params.epochs - 1 : false;
    if ((epoch + 1) % this.every !== 0 && !last) return;
    this.data.series[0].snapshots.push(this.snapshot(this.model as Model, epoch));
    if (this.host) this.host.update(this.displayId, weightsBundleWith(this.copy(), []), { displayId: this.displayId });
  }

  override async onTrainEnd(): Promise<void> {
    const series = this.data.series[0];
    const model = this.model as Model;
    // Stopped early: record where it stopped, unless that epoch is recorded already.
    const lastEpoch = model.history?.epoch[model.history.epoch.length - 1];
    if (lastEpoch !== undefined && series.snapshots[series.snapshots.length - 1].epoch !== lastEpoch) {
      series.snapshots.push(this.snapshot(model, lastEpoch));
    }
    // The final state carries the static charts, so saved notebooks and exports show them.
    if (this.host) this.host.update(this.displayId, await weightsBundle(this.copy()), { displayId: this.displayId });
  }

  private copy(): WeightsData {
    return JSON.parse(JSON.stringify(this.data)) as WeightsData;
  }

  /** The recording displays itself (widget in JupyterLab, static charts in exports). */
  [JUPYTER_DISPLAY](): Promise<MimeBundle> {
    return weightsBundle(this.data);
  }
}

/** Records weight (and, with `gradients: true`, gradient) distributions during `fit`. */
export function weightHistograms(options: WeightHistogramsOptions = {}): WeightHistograms {
  return new WeightHistograms(options);
}
