/**
 * The whole rendered output: a header line (`Model: "sequential"` and the copy
 * button), the table, and the totals block; or, for data the renderer cannot read,
 * a short message instead.
 */
import { SummaryData } from 'nnlab/dist/display/mime';
import { createCopyButton } from './copy';
import { el } from './dom';
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

/**
 * What malformed data shows: one line saying so, and the bundle's `text/plain`
 * (which the library always sends alongside) so the user still sees the summary.
 */
export function errorView(reason: string, fallbackText?: string): HTMLElement {
  const children: HTMLElement[] = [
    el('div', {
      className: 'nnlab-summary-error',
      text: `nnlab: cannot display this model summary (${reason}).`,
      attrs: { role: 'alert' }
    })
  ];
  if (fallbackText) {
    children.push(el('pre', { className: 'nnlab-summary-fallback', text: fallbackText }));
  }
  return el('div', { className: 'nnlab-summary-view nnlab-summary-invalid' }, children);
}
