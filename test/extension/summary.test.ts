/**
 * The summary renderer in jsdom: the table it builds, re-rendering, hostile and
 * malformed data, and the functional-model column.
 */
import { HISTORY_MIME, SUMMARY_MIME, WEIGHTS_MIME } from 'nnlab/dist/display/mime';
import extensions from '../../extension/src/index';
import { createRenderer, functionalSummary, mimeModel, twoLayerSummary, xorSummary } from './fixtures';


async function render(data: unknown, plain?: string): Promise<HTMLElement> {
  const renderer = createRenderer();
  await renderer.renderModel(mimeModel(data, plain));
  return renderer.node;
}

function rows(node: HTMLElement): HTMLTableRowElement[] {
  return Array.from(node.querySelectorAll<HTMLTableRowElement>('table.nnlab-summary tr[data-layer]'));
}

function cellTexts(row: HTMLTableRowElement): string[] {
  return Array.from(row.cells).map(cell => (cell.textContent ?? '').trim());
}

function totals(node: HTMLElement): Record<string, string> {
  const out: Record<string, string> = {};
  node.querySelectorAll<HTMLElement>('[data-total]').forEach(line => {
    out[line.dataset.total ?? ''] = line.textContent ?? '';
  });
  return out;
}

describe('extension registration', () => {
  it('registers safe, rank-0 renderers for the summary, history and weights MIME types', () => {
    expect(extensions.map(e => e.rendererFactory.mimeTypes[0])).toEqual([SUMMARY_MIME, HISTORY_MIME, WEIGHTS_MIME]);
    expect(extensions.every(e => e.rendererFactory.safe && (e.rank ?? 100) < 50)).toBe(true);
    const [summary] = extensions;
    expect(summary.rendererFactory.mimeTypes).toEqual([SUMMARY_MIME]);
    expect(summary.rendererFactory.safe).toBe(true);
    // Must beat text/html (rank 50), which the same bundle carries.
    expect(summary.rank).toBeLessThan(50);
  });
});

describe('summary table', () => {
  it('renders one row per layer with Keras columns, shapes and parameter counts', async () => {
    const node = await render(twoLayerSummary());
    const table = node.querySelector('table.nnlab-summary');
    expect(table).not.toBeNull();
    const headers = Array.from(table!.querySelectorAll('th')).map(th => th.textContent);
    expect(headers).toEqual(['Layer (type)', 'Output Shape', 'Param #']);

    const layerRows = rows(node);
    expect(layerRows.map(r => r.dataset.layer)).toEqual(['dense', 'dense_1']);
    expect(cellTexts(layerRows[0])).toEqual(['dense (Dense)', '(None, 4)', '20']);
    expect(cellTexts(layerRows[1])).toEqual(['dense_1 (Dense)', '(None, 4)', '20']);
    expect(layerRows.map(r => r.dataset.params)).toEqual(['20', '20']);
    expect(layerRows.map(r => r.dataset.trainable)).toEqual(['true', 'true']);
  });

  it('shows the totals as Keras prints them', async () => {
    const node = await render(twoLayerSummary());
    expect(totals(node)).toEqual({
      total: 'Total params: 40 (160.00 B)',
      trainable: 'Trainable params: 40 (160.00 B)',
      'non-trainable': 'Non-trainable params: 0 (0.00 B)'
    });
    expect(node.querySelector('.nnlab-summary-title')?.textContent).toBe('Model: "sequential"');
  });

  it('adds the optimizer line once the optimizer has slots', async () => {
    const node = await render(xorSummary());
    expect(totals(node).optimizer).toBe('Optimizer params: 20 (80.00 B)');
    expect(totals(node).total).toBe('Total params: 9 (36.00 B)');
  });

  it("draws each layer's share of the parameters as a bar", async () => {
    const node = await render(xorSummary());
    const bars = rows(node).map(r => r.querySelector<HTMLElement>('.nnlab-summary-bar-fill')!);
    expect(bars.map(b => b.style.width)).toEqual(['66.7%', '33.3%']);
    expect(rows(node)[0].querySelector('.nnlab-summary-bar')?.getAttribute('aria-label')).toBe(
      '66.7% of all parameters'
    );
  });

  it('groups thousands in parameter counts', async () => {
    const summary = twoLayerSummary();
    summary.layers[0].params = 1234567;
    const node = await render(summary);
    expect(cellTexts(rows(node)[0])[2]).toBe('1,234,567');
  });

  it('replaces its content when the output is re-rendered with new data', async () => {
    const renderer = createRenderer();
    await renderer.renderModel(mimeModel(twoLayerSummary()));
    expect(rows(renderer.node)).toHaveLength(2);

    const bigger = twoLayerSummary();
    bigger.name = 'bigger';
    bigger.layers.push({ ...bigger.layers[1], name: 'dense_2', outputShape: [null, 1], params: 5 });
    bigger.totalParams = 45;
    await renderer.renderModel(mimeModel(bigger));

    expect(renderer.node.querySelectorAll('table.nnlab-summary')).toHaveLength(1);
    expect(rows(renderer.node).map(r => r.dataset.layer)).toEqual(['dense', 'dense_1', 'dense_2']);
    expect(renderer.node.querySelector('.nnlab-summary-title')?.textContent).toBe('Model: "bigger"');
    expect(totals(renderer.node).total).toBe('Total params: 45 (160.00 B)');
  });

  it('shows an unbuilt layer as Keras does: shape "?" and "0 (unbuilt)"', async () => {
    const summary = twoLayerSummary();
    summary.layers[1] = { ...summary.layers[1], outputShape: null, built: false, params: 0, trainableParams: 0 };
    summary.totalParams = 20;
    const node = await render(summary);
    expect(node.querySelector('.nnlab-summary-error')).toBeNull();
    expect(cellTexts(rows(node)[1])).toEqual(['dense_1 (Dense)', '?', '0 (unbuilt)']);
    expect(rows(node).map(r => r.dataset.built)).toEqual(['true', 'false']);
  });

  it('shows a layer with several outputs as a list of shapes', async () => {
    const summary = twoLayerSummary();
    summary.layers[1].outputShape = [[null, 4], [null, 2, 3]];
    const node = await render(summary);
    expect(cellTexts(rows(node)[1])[1]).toBe('[(None, 4), (None, 2, 3)]');
  });
});

describe('hostile and malformed data', () => {
  it('shows a hostile layer name as text, never as markup', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const summary = twoLayerSummary();
    summary.layers[0].name = hostile;
    summary.name = '<script>alert(2)</script>';
    const node = await render(summary);
    expect(node.querySelector('img')).toBeNull();
    expect(node.querySelector('script')).toBeNull();
    expect(rows(node)[0].querySelector('.nnlab-summary-name')?.textContent).toBe(hostile);
    expect(rows(node)[0].dataset.layer).toBe(hostile);
    expect(node.querySelector('.nnlab-summary-title')?.textContent).toBe('Model: "<script>alert(2)</script>"');
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['invalid JSON text', '{"version": 1,'],
    ['no layers', { ...twoLayerSummary(), layers: undefined }],
    ['a layer without a name', { ...twoLayerSummary(), layers: [{ className: 'Dense', outputShape: [null, 1], params: 3 }] }],
    ['a negative total', { ...twoLayerSummary(), totalParams: -1 }],
    ['a broken shape', { ...twoLayerSummary(), layers: [{ ...twoLayerSummary().layers[0], outputShape: 'big' }] }]
  ])('shows a short message for %s and does not throw', async (_what, data) => {
    const renderer = createRenderer();
    await expect(renderer.renderModel(mimeModel(data, 'Model: "sequential" (text)'))).resolves.toBeUndefined();
    const message = renderer.node.querySelector('.nnlab-summary-error');
    expect(message?.textContent).toMatch(/^nnlab: cannot display this model summary \(.+\)\.$/);
    expect(renderer.node.querySelector('table')).toBeNull();
    // The text/plain of the same bundle is still shown, so nothing is lost.
    expect(renderer.node.querySelector('pre.nnlab-summary-fallback')?.textContent).toBe('Model: "sequential" (text)');
  });

  it('accepts newer versions and ignores unknown fields', async () => {
    const data = {
      ...twoLayerSummary(),
      version: 7,
      somethingNew: { nested: true },
      layers: twoLayerSummary().layers.map(l => ({ ...l, flops: 123 }))
    };
    const node = await render(data);
    expect(node.querySelector('.nnlab-summary-error')).toBeNull();
    expect(rows(node)).toHaveLength(2);
  });

  it('accepts the payload as JSON text', async () => {
    const node = await render(JSON.stringify(twoLayerSummary()));
    expect(rows(node).map(r => r.dataset.layer)).toEqual(['dense', 'dense_1']);
  });

  it('renders a model without layers as an empty table', async () => {
    const node = await render({ ...twoLayerSummary(), layers: [], totalParams: 0, trainableParams: 0, totalBytes: 0, trainableBytes: 0 });
    expect(rows(node)).toHaveLength(0);
    expect(node.querySelector('.nnlab-summary-empty')?.textContent).toBe('This model has no layers yet.');
    expect(totals(node).total).toBe('Total params: 0 (0.00 B)');
  });
});

describe('functional models', () => {
  it('adds the "Connected to" column and marks frozen layers', async () => {
    const node = await render(functionalSummary());
    const headers = Array.from(node.querySelectorAll('table.nnlab-summary th')).map(th => th.textContent);
    expect(headers).toEqual(['Layer (type)', 'Output Shape', 'Param #', 'Connected to', 'Trainable']);

    const byName = new Map(rows(node).map(r => [r.dataset.layer, r]));
    expect(cellTexts(byName.get('a')!)).toEqual(['a (InputLayer)', '(None, 3)', '0', '-', 'Y']);
    const concat = byName.get('concatenate')!;
    expect(Array.from(concat.cells[3].querySelectorAll('div')).map(d => d.textContent)).toEqual(['dense', 'b']);

    const frozen = byName.get('dense')!;
    expect(frozen.dataset.trainable).toBe('false');
    expect(frozen.classList).toContain('nnlab-summary-frozen-row');
    expect(frozen.querySelector('.nnlab-summary-frozen')?.textContent).toBe('N');
    expect(totals(node)['non-trainable']).toBe('Non-trainable params: 8 (32.00 B)');
  });
});
