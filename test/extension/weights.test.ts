/**
 * The weight-distribution renderer in jsdom: histograms per layer variable, the epoch slider
 * swapping the bars, live updates following the newest snapshot, two models side by side,
 * malformed data and escaping. Payloads come from the library's own producer on a small model.
 */
import { WEIGHTS_MIME, WeightsData } from 'nnlab/dist/display/mime';
import { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { createRendererFor, mimeModelFor } from './fixtures';
import { weightsRendererFactory } from '../../extension/src/index';
import { WeightsRenderer } from '../../extension/src/weights/widget';

const HOSTILE = '<img src=x onerror=alert(1)>';

function renderer(): WeightsRenderer {
  return createRendererFor<WeightsRenderer>(weightsRendererFactory, WEIGHTS_MIME);
}

function model(data: unknown, plain?: string): IRenderMime.IMimeModel {
  return mimeModelFor(WEIGHTS_MIME, data, { plain });
}

/** A histogram of 4 bins over [lo, hi] with the given counts. */
function hist(name: string, of: 'value' | 'gradient', lo: number, hi: number, counts: number[]) {
  const edges = counts.map((_, i) => lo + ((hi - lo) * i) / counts.length).concat(hi);
  return { name, of, size: 12, sampled: 12, min: lo, max: hi, mean: 0, std: 1, zeros: 0, nonFinite: 0, norm: 2, edges, counts };
}

/** One series with snapshots before training and after each of `epochs` epochs; the kernel spreads out. */
function recording(epochs: number, label = 'mlp', layer = 'dense'): WeightsData {
  return {
    version: 1,
    series: [
      {
        label,
        snapshots: Array.from({ length: epochs + 1 }, (_, k) => ({
          epoch: k - 1,
          layers: [
            {
              layer,
              className: 'Dense',
              deadFraction: k / 10,
              tensors: [hist(`${layer}/kernel`, 'value', -1 - k, 1 + k, [1, 5 + k, 5, 1]), hist(`${layer}/kernel`, 'gradient', -0.1, 0.1, [2, 4, 4, 2])]
            }
          ]
        }))
      }
    ]
  };
}

/** Heights of the histogram bars, in drawing order. */
function bars(node: HTMLElement): string[] {
  return Array.from(node.querySelectorAll('.nnlab-weights-histograms .mark-rect path')).map(p => p.getAttribute('d') ?? '');
}

describe('weights renderer', () => {
  it('draws a histogram per layer variable, the trends and the statistics table', async () => {
    const r = renderer();
    await r.renderModel(model(recording(3)));
    const node = r.node;
    expect(node.querySelector('.nnlab-weights-title')?.textContent).toBe('Weight distributions: mlp');
    expect(bars(node)).toHaveLength(8); // 2 panels × 4 bins
    expect(node.querySelector('.nnlab-weights-norms svg')).not.toBeNull();
    expect(node.querySelector('.nnlab-weights-dead svg')).not.toBeNull();
    const cells = Array.from(node.querySelectorAll('.nnlab-weights-stats tbody tr:first-child td')).map(td => td.textContent);
    expect(cells).toEqual(['mlp', 'dense · kernel', '-4.0000', '4.0000', '0.0000', '1.0000', '2.0000', '0', '0', '30.0%']);
    expect(node.querySelector('.nnlab-weights-epoch')?.textContent).toBe('after epoch 3');
  });

  it('moving the slider changes the bars and the table; the view is not re-created', async () => {
    const r = renderer();
    await r.renderModel(model(recording(3)));
    const before = bars(r.node);
    const slider = r.node.querySelector('input.nnlab-weights-slider') as HTMLInputElement;
    expect(slider.max).toBe('3');
    slider.value = '0';
    slider.dispatchEvent(new Event('input'));
    await r.view?.render(recording(3)); // waits for the queued slider change, then re-applies
    expect(r.view?.selectedEpoch).toBe(-1);
    expect(r.node.querySelector('.nnlab-weights-epoch')?.textContent).toBe('before training');
    const after = bars(r.node);
    expect(after).toHaveLength(8);
    expect(after).not.toEqual(before);
    expect(r.node.querySelector('.nnlab-weights-stats tbody td:nth-child(3)')?.textContent).toBe('-1.0000');
  });

  it('a live recording follows the newest snapshot unless the slider was moved back', async () => {
    const r = renderer();
    await r.renderModel(model(recording(1)));
    await r.renderModel(model(recording(2)));
    expect(r.view?.selectedEpoch).toBe(1);
    const slider = r.node.querySelector('input.nnlab-weights-slider') as HTMLInputElement;
    slider.value = '0';
    slider.dispatchEvent(new Event('input'));
    await r.renderModel(model(recording(3)));
    expect(r.view?.selectedEpoch).toBe(-1);
    expect(r.node.querySelector('.nnlab-weights')?.getAttribute('data-snapshots')).toBe('4');
  });

  it('two models side by side; hostile names show as text', async () => {
    const a = recording(1, 'plain');
    const b = recording(1, HOSTILE, HOSTILE);
    const r = renderer();
    await r.renderModel(model({ version: 1, series: [...a.series, ...b.series] }));
    expect(r.node.querySelector('img')).toBeNull();
    expect(r.node.querySelector('.nnlab-weights-title')?.textContent).toBe(`Weight distributions: plain vs ${HOSTILE}`);
    expect(bars(r.node)).toHaveLength(16);
    expect(r.node.innerHTML).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('malformed data: a message and the text form; broken histograms are dropped', async () => {
    const r = renderer();
    await expect(r.renderModel(model({ version: 1, series: 'x' }, 'Weights: text'))).resolves.toBeUndefined();
    expect(r.node.querySelector('.nnlab-weights-error')?.textContent).toBe('nnlab: cannot display this weight distribution (series is not a list).');
    expect(r.node.querySelector('pre.nnlab-weights-fallback')?.textContent).toBe('Weights: text');
    const data = recording(1);
    (data.series[0].snapshots[1].layers[0].tensors[0] as { edges: number[] }).edges = [1];
    const ok = renderer();
    await ok.renderModel(model({ ...data, version: 9, extra: true }));
    expect(ok.node.querySelector('.nnlab-weights-error')).toBeNull();
    expect(bars(ok.node)).toHaveLength(4);
  });
});
