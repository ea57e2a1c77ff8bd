/**
 * The MIME contract between the nnlab library (which produces rich outputs),
 * the nnlab kernel (which sends them as Jupyter display bundles) and the
 * JupyterLab extension (which renders them).
 *
 * This file must stay dependency-free: the extension bundles it with webpack,
 * and the kernel's notebooks type-check it with TypeScript 5.0.
 */

/** A Jupyter MIME bundle: MIME type → data. JSON types carry objects, not strings. */
export type MimeBundle = { [mimeType: string]: unknown };

/** MIME type of a model summary ({@link SummaryData}). */
export const SUMMARY_MIME = "application/vnd.nnlab.summary+json";
/** MIME type of a training history (reserved; produced from the history/dashboard issue on). */
export const HISTORY_MIME = "application/vnd.nnlab.history+json";
/** MIME type of weight/gradient distributions (reserved; produced from the widgets issue on). */
export const WEIGHTS_MIME = "application/vnd.nnlab.weights+json";

/** Version of the summary data layout; renderers accept newer versions and ignore unknown fields. */
export const SUMMARY_VERSION = 1;

/** An output shape as Keras prints it: `null` is the batch (or any unknown) dimension. */
export type ShapeSpec = (number | null)[];

/** Value statistics of a weight (the summary's expanded row). */
export interface WeightStats {
  /** Smallest finite value (0 when there is none). */
  min: number;
  /** Largest finite value (0 when there is none). */
  max: number;
  /** Mean of the finite values. */
  mean: number;
  /** Population standard deviation. */
  std: number;
  /** Number of elements exactly equal to 0. */
  zeros: number;
  /** Number of NaN or ±Infinity elements (excluded from min/max/mean/std). */
  nonFinite: number;
}

/** One weight variable of a layer, as the summary shows it. */
export interface SummaryWeight {
  /** Variable name, e.g. `dense/kernel`. Comes from user data: always escape it. */
  name: string;
  /** The variable's shape, e.g. `[784, 128]` for a Dense kernel. */
  shape: number[];
  /** `float32` or `float64`. */
  dtype: string;
  /** False for non-trainable variables (BatchNormalization's moving mean/variance) and frozen layers. */
  trainable: boolean;
  /** Initializer as configured, e.g. `glorotUniform` (optional detail). */
  initializer?: string;
  /** Regularizer as configured, e.g. `l2(0.01)`; absent or null without one. */
  regularizer?: string | null;
  /** Value statistics, when the summary was asked for details. */
  stats?: WeightStats;
}

/** One row of the summary table: one layer. */
export interface SummaryLayer {
  /** Layer name, e.g. `dense_1`. Comes from user data: always escape it. */
  name: string;
  /** Layer class, e.g. `Dense`. */
  className: string;
  /** Output shape; several shapes for layers with several outputs; null while unknown (unbuilt). */
  outputShape: ShapeSpec | ShapeSpec[] | null;
  /** False while the layer has no weights yet because its input shape is unknown (Keras: "0 (unbuilt)"). */
  built?: boolean;
  /** Number of scalar parameters (trainable and not). */
  params: number;
  /** Number of trainable scalar parameters. */
  trainableParams: number;
  /** False when the layer is frozen (`layer.trainable = false`). */
  trainable: boolean;
  /** Names of inbound layers, for functional models (Keras's "Connected to" column). */
  connectedTo?: string[];
  /** The layer's weights, for the expandable row. */
  weights?: SummaryWeight[];
  /** Multiply-adds per sample of the forward pass (kernel size × output positions). */
  multAdds?: number;
  /** Bytes of this layer's output per sample (activation memory). */
  activationBytes?: number;
  /** Rows of a nested model's own layers (shown when the row is expanded). */
  layers?: SummaryLayer[];
}

/** The structured data of `model.summary()`. */
export interface SummaryData {
  /** Layout version ({@link SUMMARY_VERSION}). */
  version: number;
  /** Model name, e.g. `sequential`. */
  name: string;
  /** Model class, e.g. `Sequential` or `Functional`. */
  className: string;
  /** One row per top-level layer, in order. */
  layers: SummaryLayer[];
  /** All scalar parameters (Keras's "Total params"). */
  totalParams: number;
  /** Parameters updated by training (Keras's "Trainable params"). */
  trainableParams: number;
  /** Frozen parameters and non-trainable variables (Keras's "Non-trainable params"). */
  nonTrainableParams: number;
  /** Bytes of all parameters (float32: 4 per parameter). */
  totalBytes: number;
  /** Bytes of the trainable parameters. */
  trainableBytes: number;
  /** Bytes of the non-trainable parameters. */
  nonTrainableBytes: number;
  /** Optimizer slot variables, once the optimizer is built (Keras prints "Optimizer params"). */
  optimizerParams?: number;
  /** Bytes of those optimizer variables. */
  optimizerBytes?: number;
}

/**
 * Keras's byte formatting in `summary()`: `160.00 B`, `1.53 KB`, `2.10 MB` (base 1024,
 * two decimals). See keras/src/utils/summary_utils.py `readable_memory_size`.
 */
export function readableByteSize(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB", "PB"];
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit++;
  }
  return `${size.toFixed(2)} ${units[unit]}`;
}

/** Formats a shape as Keras does: `(None, 3)`; a list of shapes as `[(None, 3), (None, 4)]`; unknown as `?`. */
export function formatShape(shape: ShapeSpec | ShapeSpec[] | null): string {
  if (shape === null) return "?";
  const one = (s: ShapeSpec) => {
    const dims = s.map((d) => (d === null ? "None" : String(d)));
    return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(", ")})`;
  };
  if (shape.length > 0 && Array.isArray(shape[0])) {
    return `[${(shape as ShapeSpec[]).map(one).join(", ")}]`;
  }
  return one(shape as ShapeSpec);
}

/** Escapes text for safe inclusion in HTML (element content and quoted attributes). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Version of the history data layout ({@link HistoryData}). */
export const HISTORY_VERSION = 1;
/** Version of the weight-distribution data layout ({@link WeightsData}). */
export const WEIGHTS_VERSION = 1;
/** JupyterLab renders this MIME type natively (its vega5 extension); nnlab's plots emit it. */
export const VEGALITE_MIME = "application/vnd.vegalite.v5+json";

/** Where a training run is. `stopped`: ended early (Stop button or a callback such as early stopping). */
export type RunStatus = "running" | "finished" | "stopped";

/** The live progress line of a running fit. */
export interface HistoryProgress {
  /** 0-based epoch being trained. */
  epoch: number;
  /** Batches done in that epoch. */
  batch: number;
  /** Training throughput over the run so far. */
  samplesPerSecond: number;
  /** Seconds since training began. */
  elapsedSeconds: number;
  /** Estimated seconds left (null until one batch is done). */
  etaSeconds: number | null;
}

/**
 * Batch-granularity metrics. `x[i]` is a fractional epoch (epoch + batches done / steps), so
 * batch and epoch points share one axis. Long runs keep every `stride`-th batch only.
 */
export interface HistoryBatches {
  /** Fractional epoch of each kept batch (epoch + batches done / steps). */
  x: number[];
  /** Metric name → one running value per kept batch, aligned with `x`. */
  metrics: { [metric: string]: number[] };
  /** Every how many batches a point was kept (1, 2, 4, …). */
  stride: number;
}

/**
 * A training history (`model.fit`'s result and the live training dashboard):
 * per-epoch logs as Keras's `History.history`, plus what the dashboard needs.
 */
export interface HistoryData {
  /** Layout version ({@link HISTORY_VERSION}). */
  version: number;
  /** Identifies one `fit` call; the Stop button sends it back to the kernel. */
  runId: string;
  /** Name of the trained model. */
  model?: string;
  /** Running, finished, or stopped early. */
  status: RunStatus;
  /** Why the run stopped early: the user's Stop button, or a callback (early stopping). */
  stopReason?: "user" | "callback";
  /** Epochs asked for (`fit`'s `epochs`). */
  epochs: number;
  /** Batches per epoch. */
  steps: number;
  /** Training samples per epoch. */
  samples?: number;
  /** 0-based indices of the finished epochs (Keras's `History.epoch`). */
  epoch: number[];
  /** Metric name → one value per finished epoch (`loss`, `accuracy`, `val_loss`, …). */
  metrics: { [metric: string]: number[] };
  /** Learning rate at the end of each finished epoch, when the optimizer has a numeric one. */
  learningRate?: number[];
  /** Batch-level curves, when recorded. */
  batches?: HistoryBatches;
  /** The live progress line while the run is going. */
  progress?: HistoryProgress;
}

/** A histogram of one tensor's values (or of its gradient) with its {@link WeightStats} (over all elements). */
export interface TensorHistogram extends WeightStats {
  /** Variable name, e.g. `dense/kernel`. Comes from user data: always escape it. */
  name: string;
  /** `value`: the weights themselves; `gradient`: d loss / d weights on the probe batch. */
  of: "value" | "gradient";
  /** Elements in the tensor. */
  size: number;
  /** Elements the histogram counts (a seeded sample when the tensor is large). */
  sampled: number;
  /** L2 norm over all elements. */
  norm: number;
  /** Bin edges, `counts.length + 1` of them, equal widths. */
  edges: number[];
  /** Number of sampled values in each bin. */
  counts: number[];
}

/** One layer's distributions at one snapshot. */
export interface LayerDistributions {
  /** Layer name. Comes from user data: always escape it. */
  layer: string;
  /** Layer class, e.g. `Dense`. */
  className: string;
  /** One histogram per weight (and per gradient when recorded). */
  tensors: TensorHistogram[];
  /** Fraction of ReLU units that output 0 for every probe sample (only ReLU layers, with probe data). */
  deadFraction?: number;
}

/** The state of one model's weights after an epoch. */
export interface WeightsSnapshot {
  /** 0-based epoch after which it was taken; -1 before training. */
  epoch: number;
  /** One entry per layer with weights, in model order. */
  layers: LayerDistributions[];
}

/** One model's recorded distributions. */
export interface WeightsSeries {
  /** Shown above its column, e.g. the model name or "with L2". */
  label: string;
  /** One per recorded epoch, in order. */
  snapshots: WeightsSnapshot[];
}

/**
 * Weight and gradient distributions over epochs (`nn.callbacks.weightHistograms`),
 * for one model or two side by side (`nn.display.compareWeights`).
 */
export interface WeightsData {
  /** Layout version ({@link WEIGHTS_VERSION}). */
  version: number;
  /** One series per model (two for a side-by-side comparison). */
  series: WeightsSeries[];
}
