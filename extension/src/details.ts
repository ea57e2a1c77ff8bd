/**
 * The summary's expandable detail: for a layer row, a sub-table of its weights (name, shape,
 * dtype, initializer, regularizer, min, max, mean, std, zeros, NaN/Inf) and, for a nested
 * model, its own layer rows. Everything goes in as text.
 */
import { SummaryLayer, SummaryWeight } from 'nnlab/dist/display/mime';
import { el } from './dom';
import { formatCount } from './format';

/** A statistic as text: 4 decimals, exponent form for tiny values, `–` when missing. */
export function statText(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) {
    return '–';
  }
  return Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(4) : v.toExponential(2);
}

/** True when a row has something to expand. */
export function hasDetails(layer: SummaryLayer): boolean {
  return (layer.weights?.length ?? 0) > 0 || (layer.layers?.length ?? 0) > 0;
}

function weightRow(w: SummaryWeight): HTMLTableRowElement {
  const s = w.stats;
  const cells = [
    w.name,
    `(${w.shape.join(', ')})`,
    w.dtype,
    w.initializer ?? '–',
    w.regularizer ?? '–',
    statText(s?.min),
    statText(s?.max),
    statText(s?.mean),
    statText(s?.std),
    s ? formatCount(s.zeros) : '–',
    s ? formatCount(s.nonFinite) : '–'
  ];
  return el(
    'tr',
    { className: s && s.nonFinite > 0 ? 'nnlab-summary-weight nnlab-summary-nonfinite' : 'nnlab-summary-weight', attrs: { 'data-weight': w.name } },
    cells.map(text => el('td', { text }))
  );
}

/** The detail block of one layer: its weights table and its nested layers. */
export function detailBlock(layer: SummaryLayer): HTMLElement {
  const parts: HTMLElement[] = [];
  if (layer.weights && layer.weights.length > 0) {
    const head = ['weight', 'shape', 'dtype', 'initializer', 'regularizer', 'min', 'max', 'mean', 'std', 'zeros', 'NaN/Inf'];
    parts.push(
      el('table', { className: 'nnlab-summary-weights' }, [
        el('thead', {}, [el('tr', {}, head.map(text => el('th', { text })))]),
        el('tbody', {}, layer.weights.map(weightRow))
      ])
    );
  }
  if (layer.layers && layer.layers.length > 0) {
    parts.push(
      el(
        'div',
        { className: 'nnlab-summary-nested' },
        layer.layers.map(inner =>
          el('div', { className: 'nnlab-summary-nested-row', attrs: { 'data-layer': inner.name } }, [
            `└ ${inner.name} (${inner.className}) · ${formatCount(inner.params)} params`
          ])
        )
      )
    );
  }
  return el('div', { className: 'nnlab-summary-detail' }, parts);
}
