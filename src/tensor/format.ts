/**
 * Printing tensors the way NumPy prints arrays: nested brackets, aligned columns,
 * and "..." once a dimension has more than {@link EDGE_ITEMS}*2 entries.
 */
import type { Tensor } from "./tensor";
import { sizeOf } from "./shape";

const EDGE_ITEMS = 3;
const SUMMARIZE_ABOVE = 1000;

function formatNumber(x: number, decimals: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return `${x}.`;
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e8)) return x.toExponential(decimals);
  return x.toFixed(decimals).replace(/0+$/, "");
}

/** Values of the tensor as a NumPy-style string, without the header line. */
export function formatValues(t: Tensor): string {
  const decimals = t.dtype === "float64" ? 10 : 4;
  const summarize = t.size > SUMMARIZE_ABOVE;
  const cells = Array.from(t.data, (v) => formatNumber(v, decimals));
  const width = cells.reduce((w, c) => Math.max(w, c.length), 0);
  if (t.rank === 0) return cells[0];

  const render = (dim: number, offset: number, indent: string): string => {
    const n = t.shape[dim];
    const stride = sizeOf(t.shape.slice(dim + 1));
    const indices: (number | null)[] = [];
    if (summarize && n > 2 * EDGE_ITEMS) {
      for (let i = 0; i < EDGE_ITEMS; i++) indices.push(i);
      indices.push(null);
      for (let i = n - EDGE_ITEMS; i < n; i++) indices.push(i);
    } else {
      for (let i = 0; i < n; i++) indices.push(i);
    }
    if (dim === t.rank - 1) {
      return `[${indices.map((i) => (i === null ? "..." : cells[offset + i].padStart(width))).join(", ")}]`;
    }
    const separator = ",\n" + "\n".repeat(t.rank - dim - 2) + indent + " ";
    const parts = indices.map((i) => (i === null ? "..." : render(dim + 1, offset + i * stride, indent + " ")));
    return `[${parts.join(separator)}]`;
  };
  return render(0, 0, "");
}

/** `Tensor(shape=[2, 2], dtype=float32)` followed by the values. */
export function formatTensor(t: Tensor): string {
  const grad = t.requiresGrad ? ", requiresGrad" : "";
  const name = t.name ? `, name=${t.name}` : "";
  return `Tensor(shape=[${t.shape.join(", ")}], dtype=${t.dtype}${grad}${name})\n${formatValues(t)}`;
}
