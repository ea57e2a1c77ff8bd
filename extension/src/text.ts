/**
 * The summary as plain text in the layout of Keras 3's `model.summary()` (a box-drawn
 * table, then the totals), for the "Copy as text" button: pasted into an issue or a
 * chat, it reads like the Keras output people know.
 */
import { formatShape, SummaryData, SummaryLayer } from 'nnlab/dist/display/mime';
import {
  formatCount,
  hasConnections,
  hasFrozenLayers,
  totalLines
} from './format';

interface Column {
  header: string;
  /** Numbers are right-aligned, as in Keras. */
  alignRight: boolean;
  /** A cell may span several lines ("Connected to" lists one input a line). */
  cell: (layer: SummaryLayer) => string[];
}

function columns(summary: SummaryData): Column[] {
  const cols: Column[] = [
    {
      header: 'Layer (type)',
      alignRight: false,
      cell: layer => [`${layer.name} (${layer.className})`]
    },
    {
      header: 'Output Shape',
      alignRight: false,
      cell: layer => [formatShape(layer.outputShape)]
    },
    {
      header: 'Param #',
      alignRight: true,
      cell: layer => [formatCount(layer.params)]
    }
  ];
  if (hasConnections(summary)) {
    cols.push({
      header: 'Connected to',
      alignRight: false,
      cell: layer =>
        layer.connectedTo && layer.connectedTo.length > 0
          ? layer.connectedTo
          : ['-']
    });
  }
  if (hasFrozenLayers(summary)) {
    // Keras's `show_trainable` column.
    cols.push({
      header: 'Trainable',
      alignRight: false,
      cell: layer => [layer.trainable ? 'Y' : 'N']
    });
  }
  return cols;
}

function pad(text: string, width: number, alignRight: boolean): string {
  return alignRight ? text.padStart(width) : text.padEnd(width);
}

/** Keras-format text of a model summary. */
export function summaryToText(summary: SummaryData): string {
  const cols = columns(summary);
  const cells = summary.layers.map(layer => cols.map(col => col.cell(layer)));
  const widths = cols.map((col, c) =>
    Math.max(
      col.header.length,
      ...cells.map(row => Math.max(...row[c].map(line => line.length)))
    )
  );
  // A horizontal rule such as ┏━━━┳━━━┓ for the given corner and junction characters.
  const rule = (left: string, fill: string, mid: string, right: string) =>
    left + widths.map(w => fill.repeat(w + 2)).join(mid) + right;
  const row = (texts: string[], bar: string) =>
    bar +
    texts.map((t, c) => ` ${pad(t, widths[c], cols[c].alignRight)} `).join(bar) +
    bar;

  const out: string[] = [`Model: "${summary.name}"`];
  out.push(rule('┏', '━', '┳', '┓'));
  out.push(row(cols.map(col => col.header), '┃'));
  out.push(rule('┡', '━', '╇', '┩'));
  cells.forEach((rowCells, r) => {
    if (r > 0) {
      out.push(rule('├', '─', '┼', '┤'));
    }
    const height = Math.max(...rowCells.map(lines => lines.length));
    for (let i = 0; i < height; i++) {
      out.push(row(rowCells.map(lines => lines[i] ?? ''), '│'));
    }
  });
  out.push(rule('└', '─', '┴', '┘'));
  for (const line of totalLines(summary)) {
    out.push(` ${line.label} ${line.value}`);
  }
  return out.join('\n') + '\n';
}
