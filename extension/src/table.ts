/**
 * The summary's `<table>`: Keras's columns Layer (type) | Output Shape | Param #,
 * plus "Connected to" for functional models and "Trainable" when a layer is frozen.
 *
 * Stable hooks for tests and styling: `table.nnlab-summary`, one `tr[data-layer]`
 * per layer (with `data-trainable` and `data-params`), and a cell class per column.
 */
import { formatShape, SummaryData, SummaryLayer } from 'nnlab/dist/display/mime';
import { el } from './dom';
import { formatCount, hasConnections, hasFrozenLayers } from './format';
import { detailBlock, hasDetails } from './details';
import { readableByteSize } from 'nnlab/dist/display/mime';

/** `formatShape` trusts its input; a shape it cannot print should not sink the table. */
function shapeText(layer: SummaryLayer): string {
  try {
    return formatShape(layer.outputShape);
  } catch {
    return '?';
  }
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** The layer's name and class, with the class muted, as in Keras's "dense (Dense)". */
function layerCell(layer: SummaryLayer, toggle?: HTMLButtonElement): HTMLTableCellElement {
  return el('td', { className: 'nnlab-summary-layer' }, [
    ...(toggle ? [toggle] : []),
    el('span', { className: 'nnlab-summary-name', text: layer.name }),
    ' ',
    el('span', { className: 'nnlab-summary-type', text: `(${layer.className})` })
  ]);
}

/** Keras's count text: `1,234`, or `0 (unbuilt)` while the layer has no weights yet. */
function countText(layer: SummaryLayer): string {
  return layer.built === false ? '0 (unbuilt)' : formatCount(layer.params);
}

/** The parameter count with a small bar for the layer's share of all parameters. */
function paramsCell(layer: SummaryLayer, total: number): HTMLTableCellElement {
  const share = total > 0 ? Math.min(Math.max(layer.params / total, 0), 1) : 0;
  const fill = el('span', { className: 'nnlab-summary-bar-fill' });
  // A number we computed, set through the CSSOM: no data reaches a style string.
  fill.style.width = percent(share);
  const bar = el(
    'span',
    {
      className: 'nnlab-summary-bar',
      attrs: {
        role: 'img',
        'aria-label': `${percent(share)} of all parameters`,
        title: `${percent(share)} of all parameters`
      }
    },
    [fill]
  );
  return el('td', { className: 'nnlab-summary-params' }, [
    bar,
    el('span', { className: 'nnlab-summary-count', text: countText(layer) })
  ]);
}

function connectedCell(layer: SummaryLayer): HTMLTableCellElement {
  const names = layer.connectedTo ?? [];
  return el(
    'td',
    { className: 'nnlab-summary-connected' },
    names.length > 0
      ? names.map(name => el('div', { text: name }))
      : [el('span', { className: 'nnlab-summary-none', text: '-' })]
  );
}

function trainableCell(layer: SummaryLayer): HTMLTableCellElement {
  return el('td', { className: 'nnlab-summary-trainable' }, [
    el('span', {
      className: layer.trainable ? 'nnlab-summary-yes' : 'nnlab-summary-frozen',
      text: layer.trainable ? 'Y' : 'N',
      attrs: {
        title: layer.trainable
          ? 'Trainable'
          : 'Frozen (trainable = false): fit() does not update its weights'
      }
    })
  ]);
}

/** Builds the summary table. */
export function summaryTable(summary: SummaryData): HTMLTableElement {
  const withConnections = hasConnections(summary);
  const withTrainable = hasFrozenLayers(summary);

  const withMultAdds = summary.layers.some(l => l.multAdds !== undefined);
  const withActivations = summary.layers.some(l => l.activationBytes !== undefined);
  const headers = ['Layer (type)', 'Output Shape', 'Param #'];
  if (withConnections) {
    headers.push('Connected to');
  }
  if (withTrainable) {
    headers.push('Trainable');
  }
  if (withMultAdds) {
    headers.push('Mult-Adds');
  }
  if (withActivations) {
    headers.push('Activations');
  }
  const head = el('thead', {}, [
    el(
      'tr',
      {},
      headers.map(text => el('th', { text, attrs: { scope: 'col' } }))
    )
  ]);

  const rows = summary.layers.flatMap(layer => {
    // An expandable row gets a disclosure button and a hidden detail row after it.
    const detail = hasDetails(layer)
      ? el('tr', { className: 'nnlab-summary-details', attrs: { 'data-details-for': layer.name, hidden: '' } }, [
          el('td', { attrs: { colspan: String(headers.length) } }, [detailBlock(layer)])
        ])
      : undefined;
    const toggle = detail
      ? // The arrow is CSS generated content, so the layer cell's text stays Keras's "name (Class)".
        el('button', { className: 'nnlab-summary-expand', attrs: { type: 'button', 'aria-expanded': 'false', 'aria-label': `Show ${layer.name}'s weights`, title: `Show ${layer.name}'s weights` } })
      : undefined;
    toggle?.addEventListener('click', () => {
      const open = detail!.hidden;
      detail!.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
    });
    const cells = [
      layerCell(layer, toggle),
      el('td', { className: 'nnlab-summary-shape', text: shapeText(layer) }),
      paramsCell(layer, summary.totalParams)
    ];
    if (withConnections) {
      cells.push(connectedCell(layer));
    }
    if (withTrainable) {
      cells.push(trainableCell(layer));
    }
    if (withMultAdds) {
      cells.push(el('td', { className: 'nnlab-summary-multadds', text: layer.multAdds === undefined ? '–' : formatCount(layer.multAdds) }));
    }
    if (withActivations) {
      cells.push(el('td', { className: 'nnlab-summary-activations', text: layer.activationBytes === undefined ? '–' : readableByteSize(layer.activationBytes) }));
    }
    const row = el(
      'tr',
      {
        className: layer.trainable ? '' : 'nnlab-summary-frozen-row',
        attrs: {
          'data-layer': layer.name,
          'data-params': String(layer.params),
          'data-trainable': String(layer.trainable),
          'data-built': String(layer.built !== false)
        }
      },
      cells
    );
    return detail ? [row, detail] : [row];
  });
  if (rows.length === 0) {
    rows.push(
      el('tr', { className: 'nnlab-summary-empty' }, [
        el('td', { text: 'This model has no layers yet.', attrs: { colspan: String(headers.length) } })
      ])
    );
  }

  return el('table', { className: 'nnlab-summary' }, [head, el('tbody', {}, rows)]);
}
