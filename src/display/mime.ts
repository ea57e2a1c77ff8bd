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

/** One weight variable of a layer, as the summary shows it. */
export interface SummaryWeight {
  name: string;
  shape: number[];
  dtype: string;
  trainable: boolean;
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
}

/** The structured data of `model.summary()`. */
export interface SummaryData {
  version: number;
  /** Model name, e.g. `sequential`. */
  name: string;
  /** Model class, e.g. `Sequential` or `Functional`. */
  className: string;
  layers: SummaryLayer[];
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
  /** Bytes of all parameters (float32: 4 per parameter). */
  totalBytes: number;
  trainableBytes: number;
  nonTrainableBytes: number;
  /** Optimizer slot variables, once the optimizer is built (Keras prints "Optimizer params"). */
  optimizerParams?: number;
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
