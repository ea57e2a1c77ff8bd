/**
 * `model.summary()`: the structured data (for the JupyterLab renderer), Keras's text
 * layout (for consoles and `text/plain`), and a static HTML table (for exported
 * reports). All three come from one {@link SummaryData}, so they always agree.
 */
import {
  escapeHtml, formatShape, readableByteSize, SUMMARY_MIME, SUMMARY_VERSION,
  type MimeBundle, type SummaryData, type SummaryLayer,
} from "../display/mime";
import { bytesPerElement } from "../tensor/dtype";
import type { Tensor } from "../tensor/tensor";
import type { VariableStats } from "../optimizers/optimizer";

/** What the summary needs to know about a model. */
export interface Summarizable {
  /** The model's name, e.g. `sequential`. */
  readonly name: string;
  /** The model's class, e.g. `Sequential`. */
  readonly className: string;
  /** One summary row per top-level layer. */
  summaryLayers(): SummaryLayer[];
  /** Weights updated by training. */
  readonly trainableWeights: Tensor[];
  /** Frozen weights and non-trainable variables. */
  readonly nonTrainableWeights: Tensor[];
  /** Optimizer state size, once the optimizer has run a step. */
  optimizerParams(): VariableStats | undefined;
}

const countOf = (ws: Tensor[]) => ws.reduce((n, w) => n + w.size, 0);
const bytesOf = (ws: Tensor[]) => ws.reduce((n, w) => n + w.size * bytesPerElement(w.dtype), 0);

/** The structured summary of a model: rows, parameter counts and byte sizes (Keras's totals). */
export function summaryData(model: Summarizable): SummaryData {
  const optimizer = model.optimizerParams();
  const trainableParams = countOf(model.trainableWeights);
  const nonTrainableParams = countOf(model.nonTrainableWeights);
  const trainableBytes = bytesOf(model.trainableWeights);
  const nonTrainableBytes = bytesOf(model.nonTrainableWeights);
  const data: SummaryData = {
    version: SUMMARY_VERSION,
    name: model.name,
    className: model.className,
    layers: model.summaryLayers(),
    // Keras's total includes optimizer variables once the optimizer is built.
    totalParams: trainableParams + nonTrainableParams + (optimizer?.count ?? 0),
    trainableParams,
    nonTrainableParams,
    totalBytes: trainableBytes + nonTrainableBytes + (optimizer?.bytes ?? 0),
    trainableBytes,
    nonTrainableBytes,
  };
  if (optimizer) {
    data.optimizerParams = optimizer.count;
    data.optimizerBytes = optimizer.bytes;
  }
  return data;
}

/** 1234567 → "1,234,567" (Python's `{:,}`). */
export function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Python's round(): halves go to the even neighbour. Rich's width arithmetic relies on it. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Column widths (content + 1 space padding each side) as Keras computes them and the
 * `rich` table then shrinks them to the line length: an equal-ratio reduction.
 */
function columnWidths(positions: number[], lineLength: number): number[] {
  let current = 0;
  const widths = positions.map((p) => {
    const w = Math.floor(p * lineLength) - current;
    current += w;
    return w + 2;
  });
  let excess = widths.reduce((a, b) => a + b, 0) + widths.length + 1 - lineLength;
  let totalRatio = widths.length;
  return widths.map((w) => {
    if (excess <= 0) return w;
    const cut = Math.min(w, roundHalfEven(excess / totalRatio));
    excess -= cut;
    totalRatio -= 1;
    return w - cut;
  });
}

/** Splits cell text into lines that fit `width`, breaking at spaces where possible (as rich folds). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    let w = word;
    const candidate = line ? `${line} ${w}` : w;
    if (candidate.length <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    while (w.length > width) {
      lines.push(w.slice(0, width));
      w = w.slice(width);
    }
    line = w;
  }
  lines.push(line);
  return lines;
}

function layerCells(layer: SummaryLayer, functional: boolean): string[] {
  const params = layer.built === false ? "0 (unbuilt)" : groupThousands(layer.params);
  const cells = [`${layer.name} (${layer.className})`, formatShape(layer.outputShape), params];
  if (functional) cells.push(layer.connectedTo && layer.connectedTo.length > 0 ? layer.connectedTo.join(", ") : "-");
  return cells;
}

/** The summary in Keras 3's text layout (`rich` table, 88 columns; 108 with "Connected to"). */
export function summaryText(data: SummaryData): string {
  const functional = data.layers.some((l) => l.connectedTo !== undefined);
  const lineLength = functional ? 108 : 88;
  const positions = functional ? [0.3, 0.56, 0.74, 1.0] : [0.45, 0.8, 1.0];
  const header = functional ? ["Layer (type)", "Output Shape", "Param #", "Connected to"] : ["Layer (type)", "Output Shape", "Param #"];
  const rightAligned = header.map((h) => h === "Param #");
  const widths = columnWidths(positions, lineLength);

  const rule = (left: string, fill: string, mid: string, right: string) =>
    left + widths.map((w) => fill.repeat(w)).join(mid) + right;
  const row = (cells: string[], edge: string): string[] => {
    const wrapped = cells.map((c, i) => wrap(c, widths[i] - 2));
    const height = Math.max(...wrapped.map((w) => w.length));
    const out: string[] = [];
    for (let r = 0; r < height; r++) {
      const parts = wrapped.map((lines, i) => {
        const text = lines[r] ?? "";
        const inner = widths[i] - 2;
        return ` ${rightAligned[i] ? text.padStart(inner) : text.padEnd(inner)} `;
      });
      out.push(edge + parts.join(edge) + edge);
    }
    return out;
  };

  const lines = [`Model: "${data.name}"`, rule("┏", "━", "┳", "┓"), ...row(header, "┃"), rule("┡", "━", "╇", "┩")];
  data.layers.forEach((layer, i) => {
    if (i > 0) lines.push(rule("├", "─", "┼", "┤"));
    lines.push(...row(layerCells(layer, functional), "│"));
  });
  lines.push(rule("└", "─", "┴", "┘"));
  lines.push(` Total params: ${groupThousands(data.totalParams)} (${readableByteSize(data.totalBytes)})`);
  lines.push(` Trainable params: ${groupThousands(data.trainableParams)} (${readableByteSize(data.trainableBytes)})`);
  lines.push(` Non-trainable params: ${groupThousands(data.nonTrainableParams)} (${readableByteSize(data.nonTrainableBytes)})`);
  if (data.optimizerParams !== undefined) {
    lines.push(` Optimizer params: ${groupThousands(data.optimizerParams)} (${readableByteSize(data.optimizerBytes ?? 0)})`);
  }
  return lines.join("\n");
}

/**
 * A static HTML table: no script, no external resources, every data string escaped —
 * what exported reports and untrusted notebooks show.
 */
export function summaryHtml(data: SummaryData): string {
  const functional = data.layers.some((l) => l.connectedTo !== undefined);
  const th = (s: string, right = false) => `<th style="text-align:${right ? "right" : "left"};padding:2px 10px">${escapeHtml(s)}</th>`;
  const td = (s: string, right = false) => `<td style="text-align:${right ? "right" : "left"};padding:2px 10px;font-family:monospace">${escapeHtml(s)}</td>`;
  const head = `<tr>${th("Layer (type)")}${th("Output Shape")}${th("Param #", true)}${functional ? th("Connected to") : ""}</tr>`;
  const body = data.layers
    .map((layer) => {
      const cells = layerCells(layer, functional);
      const frozen = layer.trainable ? "" : ' title="frozen (not trainable)" style="opacity:0.6"';
      return `<tr data-layer="${escapeHtml(layer.name)}"${frozen}>${cells.map((c, i) => td(c, i === 2)).join("")}</tr>`;
    })
    .join("");
  const total = (label: string, count: number, bytes: number) =>
    `<div><b>${label}:</b> ${groupThousands(count)} (${escapeHtml(readableByteSize(bytes))})</div>`;
  return (
    `<div class="nnlab-summary-static">` +
    `<div><b>Model: "${escapeHtml(data.name)}"</b> (${escapeHtml(data.className)})</div>` +
    `<table style="border-collapse:collapse;margin:4px 0"><thead>${head}</thead><tbody>${body}</tbody></table>` +
    total("Total params", data.totalParams, data.totalBytes) +
    total("Trainable params", data.trainableParams, data.trainableBytes) +
    total("Non-trainable params", data.nonTrainableParams, data.nonTrainableBytes) +
    (data.optimizerParams !== undefined ? total("Optimizer params", data.optimizerParams, data.optimizerBytes ?? 0) : "") +
    `</div>`
  );
}

/** The display bundle: structured data, static HTML and Keras text. */
export function summaryBundle(data: SummaryData): MimeBundle {
  return { [SUMMARY_MIME]: data, "text/html": summaryHtml(data), "text/plain": summaryText(data) };
}
