/**
 * Printing tensors the way NumPy prints arrays: one number format for the whole tensor
 * (fixed point with aligned decimal points, whole numbers as `1.`, or scientific when the
 * magnitudes call for it), nested brackets, lines wrapped at 75 characters, and "..." once
 * a tensor has more than 1000 values (3 items kept at each edge).
 *
 * Precision is 10 significant decimals for float64 (σ(20) prints 0.9999999979) and 4 for
 * float32, whose 7 significant digits make longer output noise.
 */
import type { Tensor } from "./tensor";
import { sizeOf } from "./shape";

const EDGE_ITEMS = 3;
const SUMMARIZE_ABOVE = 1000;
const LINE_WIDTH = 75;

/** Flat indices of the elements that will be shown (all, or the edges of every axis when summarizing). */
function shownIndices(shape: readonly number[], summarize: boolean): number[] {
  const out: number[] = [];
  const visit = (dim: number, offset: number): void => {
    if (dim === shape.length) {
      out.push(offset);
      return;
    }
    const n = shape[dim];
    const stride = sizeOf(shape.slice(dim + 1));
    for (const i of edgeIndices(n, summarize)) if (i !== null) visit(dim + 1, offset + i * stride);
  };
  visit(0, 0);
  return out;
}

function edgeIndices(n: number, summarize: boolean): (number | null)[] {
  if (!summarize || n <= 2 * EDGE_ITEMS) return Array.from({ length: n }, (_, i) => i);
  const head = Array.from({ length: EDGE_ITEMS }, (_, i) => i);
  const tail = Array.from({ length: EDGE_ITEMS }, (_, i) => n - EDGE_ITEMS + i);
  return [...head, null, ...tail];
}

function special(x: number): string | null {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  return null;
}

/** Trailing zeros of a fixed or scientific mantissa removed ("0.2500" → "0.25", "1.000" → "1."). */
function trimZeros(s: string): string {
  return s.replace(/(\.\d*?)0+$/, "$1");
}

/**
 * A formatter chosen from the values shown, as NumPy's FloatingFormat does: scientific when the
 * largest magnitude is ≥ 1e8, the smallest non-zero one < 1e-4, or their ratio > 1000; otherwise
 * fixed point with as many decimals as the most precise value needs (up to `precision`).
 */
function numberFormatter(values: number[], precision: number): (x: number) => string {
  const finite = values.filter((v) => Number.isFinite(v));
  const abs = finite.map(Math.abs).filter((v) => v !== 0);
  const maxAbs = abs.length ? Math.max(...abs) : 0;
  const minAbs = abs.length ? Math.min(...abs) : 0;
  if (abs.length > 0 && (maxAbs >= 1e8 || minAbs < 1e-4 || maxAbs / minAbs > 1e3)) {
    const digits = Math.max(0, ...finite.map((v) => (trimZeros(v.toExponential(precision).split("e")[0]).split(".")[1] ?? "").length));
    return (x) => {
      const s = special(x);
      if (s) return s;
      const [mantissa, exponent] = x.toExponential(digits).split("e");
      const e = Number(exponent);
      return `${digits === 0 ? `${mantissa}.` : mantissa}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
    };
  }
  const decimals = Math.max(0, ...finite.map((v) => (trimZeros(v.toFixed(precision)).split(".")[1] ?? "").length));
  return (x) => {
    const s = special(x);
    if (s) return s;
    // Aligned decimal points: drop trailing zeros, pad with spaces to the common width (NumPy's "0.5 ").
    const t = decimals === 0 ? `${x.toFixed(0)}.` : trimZeros(x.toFixed(decimals));
    const fraction = t.split(".")[1] ?? "";
    return t + " ".repeat(decimals - fraction.length);
  };
}

/** Values of the tensor as a NumPy-style string, without the header line. */
export function formatValues(t: Tensor): string {
  const precision = t.dtype === "float64" ? 10 : 4;
  const summarize = t.size > SUMMARIZE_ABOVE;
  const shown = shownIndices(t.shape, summarize);
  const format = numberFormatter(shown.map((i) => t.data[i]), precision);
  const cells = new Map<number, string>();
  for (const i of shown) cells.set(i, format(t.data[i]));
  const width = Math.max(0, ...[...cells.values()].map((c) => c.length));
  if (t.rank === 0) return cells.get(0)!.trim();

  const render = (dim: number, offset: number, indent: string): string => {
    const stride = sizeOf(t.shape.slice(dim + 1));
    const indices = edgeIndices(t.shape[dim], summarize);
    if (dim === t.rank - 1) {
      const items = indices.map((i) => (i === null ? "..." : cells.get(offset + i)!.padStart(width)));
      return `[${wrap(items, indent + " ")}]`;
    }
    const separator = ",\n" + "\n".repeat(t.rank - dim - 2) + indent + " ";
    const parts = indices.map((i) => (i === null ? "..." : render(dim + 1, offset + i * stride, indent + " ")));
    return `[${parts.join(separator)}]`;
  };
  return render(0, 0, "");
}

/** Joins items with ", ", starting a new line (under the first item) before one would pass the line width. */
function wrap(items: string[], indent: string): string {
  let out = "";
  let line = indent.length;
  items.forEach((item, k) => {
    const piece = k === items.length - 1 ? item : `${item},`;
    if (k > 0 && line + 1 + piece.length > LINE_WIDTH) {
      out += `\n${indent}`;
      line = indent.length;
    } else if (k > 0) {
      out += " ";
      line += 1;
    }
    out += piece;
    line += piece.length;
  });
  return out;
}

/** `Tensor(shape=[2, 2], dtype=float32)` followed by the values. */
export function formatTensor(t: Tensor): string {
  const grad = t.requiresGrad ? ", requiresGrad" : "";
  const name = t.name ? `, name=${t.name}` : "";
  return `Tensor(shape=[${t.shape.join(", ")}], dtype=${t.dtype}${grad}${name})\n${formatValues(t)}`;
}
