/**
 * Number and total-line formatting for the table, worded exactly as Keras's
 * `model.summary()` words them.
 */
import { readableByteSize, SummaryData } from 'nnlab/dist/display/mime';

/** `1234567` → `"1,234,567"`, as Keras 3 prints parameter counts. */
export function formatCount(n: number): string {
  const [whole, fraction] = String(n).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** One line of the totals block under the table. */
export interface TotalLine {
  /** Stable key for `data-total`: `total`, `trainable`, `non-trainable`, `optimizer`. */
  key: string;
  /** E.g. `Total params:`. */
  label: string;
  /** E.g. `40 (160.00 B)`. */
  value: string;
}

function countWithBytes(count: number, bytes: number | undefined): string {
  return bytes === undefined
    ? formatCount(count)
    : `${formatCount(count)} (${readableByteSize(bytes)})`;
}

/** The totals Keras prints under the table, in Keras's order. */
export function totalLines(summary: SummaryData): TotalLine[] {
  const lines: TotalLine[] = [
    {
      key: 'total',
      label: 'Total params:',
      value: countWithBytes(summary.totalParams, summary.totalBytes)
    },
    {
      key: 'trainable',
      label: 'Trainable params:',
      value: countWithBytes(summary.trainableParams, summary.trainableBytes)
    },
    {
      key: 'non-trainable',
      label: 'Non-trainable params:',
      value: countWithBytes(
        summary.nonTrainableParams,
        summary.nonTrainableBytes
      )
    }
  ];
  // Keras prints this line only once the optimizer has created its slot variables.
  if (summary.optimizerParams !== undefined) {
    lines.push({
      key: 'optimizer',
      label: 'Optimizer params:',
      value: countWithBytes(summary.optimizerParams, summary.optimizerBytes)
    });
  }
  return lines;
}

/** Whether the "Connected to" column is needed (functional models). */
export function hasConnections(summary: SummaryData): boolean {
  return summary.layers.some(layer => layer.connectedTo !== undefined);
}

/** Whether the "Trainable" column is needed: only when some layer is frozen, as it is the exception. */
export function hasFrozenLayers(summary: SummaryData): boolean {
  return summary.layers.some(layer => !layer.trainable);
}
