/**
 * The whole rendered output: a header line (`Model: "sequential"` and the copy
 * button), the table, and the totals block; or, for data the renderer cannot read,
 * a short message instead.
 */
import { SummaryData } from 'nnlab/dist/display/mime';
import { createCopyButton } from './copy';
import { el } from './dom';
import { invalidView } from './invalid-view';
import { totalLines } from './format';
import { summaryTable } from './table';

function totals(summary: SummaryData): HTMLElement {
  return el(
    'div',
    { className: 'nnlab-summary-totals' },
    totalLines(summary).map(line =>
      el('div', { className: 'nnlab-summary-total', attrs: { 'data-total': line.key } }, [
        el('span', { className: 'nnlab-summary-total-label', text: line.label }),
        ' ',
        el('span', { className: 'nnlab-summary-total-value', text: line.value })
      ])
    )
  );
}

/**
 * The rendered summary. `plainText` is the bundle's `text/plain`: the library's
 * Keras-layout text of the same summary, which the "Copy as text" button copies (one
 * definition of that layout, in the library; no button without it).
 */
export function summaryView(summary: SummaryData, plainText?: string): HTMLElement {
  const header = el('div', { className: 'nnlab-summary-header' }, [
    el('span', { className: 'nnlab-summary-title', text: `Model: "${summary.name}"` }),
    ' ',
    el('span', { className: 'nnlab-summary-type', text: `(${summary.className})` })
  ]);
  if (plainText) {
    header.append(createCopyButton(() => plainText));
  }
  return el(
    'div',
    { className: 'nnlab-summary-view', attrs: { 'data-model': summary.name } },
    [header, summaryTable(summary), totals(summary)]
  );
}

/** What malformed summary data shows: a one-line message and the bundle's text. */
export function errorView(reason: string, fallbackText?: string): HTMLElement {
  return invalidView('nnlab-summary', 'model summary', reason, fallbackText);
}
