/**
 * The summary's optional detail in jsdom: Mult-Adds and Activations columns, rows that
 * expand to each weight's initializer, regularizer and statistics, nested models, and
 * hostile weight names shown as text. Data without the detail renders as before.
 */
import { SummaryData } from 'nnlab/dist/display/mime';
import { createRenderer, mimeModel, twoLayerSummary } from './fixtures';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** The 4 → 4 → 4 summary with details on the first layer and a nested model as second row. */
function detailed(): SummaryData {
  const s = twoLayerSummary();
  s.layers[0] = {
    ...s.layers[0],
    multAdds: 16,
    activationBytes: 16,
    weights: [
      { name: 'dense/kernel', shape: [4, 4], dtype: 'float32', trainable: true, initializer: 'glorotUniform', regularizer: 'L2(l2=0.01)', stats: { min: -0.5, max: 0.75, mean: 0.01, std: 0.3, zeros: 0, nonFinite: 0 } },
      { name: HOSTILE, shape: [4], dtype: 'float32', trainable: true, initializer: 'zeros', regularizer: null, stats: { min: 0, max: 0, mean: 0, std: 0, zeros: 3, nonFinite: 1 } }
    ]
  };
  s.layers[1] = {
    ...s.layers[1],
    className: 'Sequential',
    layers: [{ name: 'inner_dense', className: 'Dense', outputShape: [null, 4], params: 20, trainableParams: 20, trainable: true }]
  };
  return s;
}

async function render(data: unknown): Promise<HTMLElement> {
  const renderer = createRenderer();
  await renderer.renderModel(mimeModel(data));
  return renderer.node;
}

const texts = (nodes: NodeListOf<Element>) => Array.from(nodes).map(n => (n.textContent ?? '').trim());

describe('summary details', () => {
  it('adds Mult-Adds and Activations columns when the data has them', async () => {
    const node = await render(detailed());
    expect(texts(node.querySelectorAll('table.nnlab-summary > thead th'))).toEqual(['Layer (type)', 'Output Shape', 'Param #', 'Mult-Adds', 'Activations']);
    const first = node.querySelector('tr[data-layer="dense"]')!;
    expect(first.querySelector('.nnlab-summary-multadds')?.textContent).toBe('16');
    expect(first.querySelector('.nnlab-summary-activations')?.textContent).toBe('16.00 B');
    expect(node.querySelector('tr[data-layer="dense_1"] .nnlab-summary-multadds')?.textContent).toBe('–');
  });

  it('expands a row to its weights: initializer, regularizer, statistics; collapses again', async () => {
    const node = await render(detailed());
    const detail = node.querySelector<HTMLTableRowElement>('tr[data-details-for="dense"]')!;
    expect(detail.hidden).toBe(true);
    const button = node.querySelector<HTMLButtonElement>('tr[data-layer="dense"] button.nnlab-summary-expand')!;
    button.click();
    expect(detail.hidden).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(texts(detail.querySelectorAll('tr[data-weight="dense/kernel"] td'))).toEqual([
      'dense/kernel', '(4, 4)', 'float32', 'glorotUniform', 'L2(l2=0.01)', '-0.5000', '0.7500', '0.0100', '0.3000', '0', '0'
    ]);
    const hostile = detail.querySelectorAll('tr.nnlab-summary-weight')[1];
    expect(hostile.classList.contains('nnlab-summary-nonfinite')).toBe(true);
    expect(hostile.querySelector('td')?.textContent).toBe(HOSTILE);
    expect(node.querySelector('img')).toBeNull();
    button.click();
    expect(detail.hidden).toBe(true);
  });

  it('a nested model expands to its own layers', async () => {
    const node = await render(detailed());
    node.querySelector<HTMLButtonElement>('tr[data-layer="dense_1"] button.nnlab-summary-expand')!.click();
    expect(texts(node.querySelectorAll('tr[data-details-for="dense_1"] .nnlab-summary-nested-row'))).toEqual(['└ inner_dense (Dense) · 20 params']);
  });

  it('data without details has no expanders and no extra columns; broken details are dropped', async () => {
    const plain = await render(twoLayerSummary());
    expect(plain.querySelectorAll('button.nnlab-summary-expand')).toHaveLength(0);
    expect(plain.querySelectorAll('table.nnlab-summary > thead th')).toHaveLength(3);
    const broken = detailed();
    (broken.layers[0] as unknown as { multAdds: string }).multAdds = 'many';
    (broken.layers[1] as unknown as { layers: unknown }).layers = [{ nope: true }];
    const node = await render(broken);
    expect(node.querySelector('.nnlab-summary-error')).toBeNull();
    expect(texts(node.querySelectorAll('table.nnlab-summary > thead th'))).toEqual(['Layer (type)', 'Output Shape', 'Param #', 'Activations']);
    expect(node.querySelector('tr[data-details-for="dense_1"]')).toBeNull();
  });
});
