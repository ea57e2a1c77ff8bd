/**
 * The training dashboard renderer in jsdom: what it shows, in-place updates (one Vega view,
 * changesets), the Stop button's states and its comm message, malformed data, escaping.
 */
import { HISTORY_MIME, HistoryData } from 'nnlab/dist/display/mime';
import { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { createRendererFor, mimeModelFor } from './fixtures';
import { historyRendererFactory } from '../../extension/src/index';
import { HistoryRenderer } from '../../extension/src/history/widget';
import { KernelLike, setKernelLocator } from '../../extension/src/kernel-bridge';

const HOSTILE = '<img src=x onerror=alert(1)>';

function renderer(): HistoryRenderer {
  return createRendererFor<HistoryRenderer>(historyRendererFactory, HISTORY_MIME);
}

function model(data: unknown, trusted = true, plain?: string): IRenderMime.IMimeModel {
  return mimeModelFor(HISTORY_MIME, data, { trusted, plain });
}

/** A run after `epochs` epochs of 2 batches each, out of 10. */
function running(epochs: number, extra: Partial<HistoryData> = {}): HistoryData {
  const loss = Array.from({ length: epochs }, (_, i) => 1 / (i + 1));
  const x = Array.from({ length: epochs * 2 }, (_, i) => (i + 1) / 2);
  return {
    version: 1,
    runId: 'run-1',
    model: 'mlp',
    status: 'running',
    epochs: 10,
    steps: 2,
    samples: 8,
    epoch: loss.map((_, i) => i),
    metrics: { loss, val_loss: loss.map(v => v * 1.1) },
    learningRate: loss.map(() => 0.1),
    batches: { x, metrics: { loss: x.map(v => 1 / v) }, stride: 1 },
    progress: { epoch: epochs, batch: 0, samplesPerSecond: 1234.4, elapsedSeconds: 3, etaSeconds: 12 },
    ...extra
  };
}

const text = (node: HTMLElement, selector: string) => node.querySelector(selector)?.textContent ?? '';

afterEach(() => setKernelLocator(undefined));

describe('history renderer', () => {
  it('is registered safe with rank 0 for the history MIME type', () => {
    expect(historyRendererFactory.safe).toBe(true);
    expect(historyRendererFactory.mimeTypes).toEqual([HISTORY_MIME]);
    expect(historyRendererFactory.defaultRank).toBe(0);
  });

  it('shows title, status, progress line and one chart per metric group', async () => {
    const r = renderer();
    await r.renderModel(model(running(3)));
    expect(text(r.node, '.nnlab-dashboard-title')).toBe('Training "mlp"');
    expect(text(r.node, '.nnlab-dashboard-status')).toBe('running');
    expect(text(r.node, '.nnlab-dashboard-progress-text')).toBe('epoch 4/10 · batch 0/2 · 1,234 samples/s · ETA 12s');
    const svg = r.node.querySelector('.nnlab-dashboard-charts svg');
    expect(svg).not.toBeNull();
    // Facet headers: the loss group and the learning-rate track.
    const labels = Array.from(r.node.querySelectorAll('.nnlab-dashboard-charts text')).map(t => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['loss', 'learning rate']));
    // The charts' label names them (a canvas, in a browser, has no text in the DOM).
    expect(r.node.querySelector('.nnlab-dashboard-charts')?.getAttribute('aria-label')).toBe('training charts: loss, learning rate');
    expect((r.node.querySelector('progress') as HTMLProgressElement).value).toBeCloseTo(0.3, 10);
  });

  it('updates in place: one view, new rows as changesets, render count grows', async () => {
    const r = renderer();
    await r.renderModel(model(running(2)));
    const firstSvg = r.node.querySelector('.nnlab-dashboard-charts svg');
    for (let e = 3; e <= 6; e++) {
      await r.renderModel(model(running(e)));
    }
    await r.renderModel(model({ ...running(6), status: 'finished' }));
    expect(r.view?.renders).toBe(6);
    expect(r.view?.viewsCreated).toBe(1);
    expect(r.node.querySelector('.nnlab-dashboard-charts svg')).toBe(firstSvg);
    expect(r.node.querySelector('.nnlab-dashboard')?.getAttribute('data-renders')).toBe('6');
    expect(text(r.node, '.nnlab-dashboard-progress-text')).toBe('finished 6/10 epochs · 1,234 samples/s · 3s');
    // Epoch points drawn: the loss line's path has a vertex per epoch (6) — count the symbols.
    const symbols = r.node.querySelectorAll('.nnlab-dashboard-charts .mark-symbol path');
    expect(symbols.length).toBeGreaterThanOrEqual(6 * 3);
  });

  it('draws a long batch series decimated and updates it in place', async () => {
    // 10,000 batch points: buckets of 32 (9,999 / 32 = 312 complete ≤ 512), min and max of
    // each plus the 15 tail points — at most 312 × 2 + 16 vertices instead of 10,000.
    const n = 10000;
    const x = Array.from({ length: n }, (_, i) => (i + 1) / 100);
    const long = (points: number) => running(100, { steps: 100, epochs: 200, batches: { x: x.slice(0, points), metrics: { loss: x.slice(0, points).map(v => 1 / (1 + v) + 0.01 * Math.sin(v * 37)) }, stride: 1 } });
    const r = renderer();
    await r.renderModel(model(long(n - 1)));
    await r.renderModel(model(long(n)));
    expect(r.view?.viewsCreated).toBe(1);
    const vertices = Array.from(r.node.querySelectorAll('.nnlab-dashboard-charts .mark-line path')).map(p => (p.getAttribute('d') ?? '').split('L').length);
    const batchLine = Math.max(...vertices);
    expect(batchLine).toBeGreaterThanOrEqual(312 * 2);
    expect(batchLine).toBeLessThanOrEqual(312 * 2 + 16);
  });

  it('starts without rows (the display sent at train begin) and draws a finite chart once rows arrive', async () => {
    const r = renderer();
    const empty: HistoryData = { ...running(0), batches: { x: [], metrics: {}, stride: 1 }, learningRate: [] };
    await r.renderModel(model(empty));
    expect(text(r.node, '.nnlab-dashboard-charts')).toBe('waiting for the first batch…');
    expect(r.node.querySelector('.nnlab-dashboard-charts')?.getAttribute('aria-label')).toBe('training charts: waiting for the first batch');
    await r.renderModel(model(running(2)));
    const width = Number(r.node.querySelector('.nnlab-dashboard-charts svg')?.getAttribute('width'));
    expect(width).toBeGreaterThan(100);
    expect(width).toBeLessThan(2000);
  });

  it('a different run or a log-scale toggle re-creates the view; toggles keep the data', async () => {
    const r = renderer();
    await r.renderModel(model(running(2)));
    await r.renderModel(model(running(2, { runId: 'run-2' })));
    expect(r.view?.viewsCreated).toBe(2);
    const log = r.node.querySelector('input[aria-label="logarithmic y axes"]') as HTMLInputElement;
    log.checked = true;
    log.dispatchEvent(new Event('change'));
    await r.renderModel(model(running(3, { runId: 'run-2' })));
    expect(r.view?.viewsCreated).toBe(3);
  });

  it('Stop is disabled with a reason when untrusted, without a kernel, or when finished', async () => {
    const r = renderer();
    const button = () => r.node.querySelector('button.nnlab-dashboard-stop') as HTMLButtonElement;
    await r.renderModel(model(running(1), false));
    expect(button().disabled).toBe(true);
    expect(button().title).toBe('Stop is disabled: this output is not trusted (trust the notebook to enable it)');
    await r.renderModel(model(running(2), true));
    expect(button().disabled).toBe(true);
    expect(button().title).toBe('Stop is disabled: no connection to a kernel in this view');
    setKernelLocator(() => undefined);
    await r.renderModel(model(running(2), true));
    expect(button().title).toBe('Stop is disabled: this output is not in a notebook or console with a kernel');
    await r.renderModel(model({ ...running(3), status: 'finished' }, true));
    expect(button().title).toBe('Training has finished');
  });

  it('pressing Stop opens a comm to nnlab.training and sends { method: "stop", runId }', async () => {
    const sent: unknown[] = [];
    let target = '';
    let onMsg: ((msg: { content: { data: unknown } }) => void) | undefined;
    const kernel: KernelLike = {
      status: 'busy',
      connectionStatus: 'connected',
      createComm(name: string) {
        target = name;
        const comm = {
          onMsg: (() => undefined) as (msg: { content: { data: unknown } }) => void,
          open: () => ({ done: Promise.resolve() }),
          send: (data: unknown) => {
            sent.push(data);
            // The kernel's reply arrives on the same comm.
            setTimeout(() => onMsg?.({ content: { data: { method: 'stopped', runId: 'run-1', ok: true } } }), 0);
            return { done: Promise.resolve() };
          },
          close: () => undefined
        };
        return new Proxy(comm, {
          set(obj, key, value) {
            if (key === 'onMsg') {
              onMsg = value;
            }
            (obj as Record<string | symbol, unknown>)[key] = value;
            return true;
          }
        });
      }
    };
    setKernelLocator(() => ({ session: { kernel } }));
    const r = renderer();
    await r.renderModel(model(running(2)));
    const button = r.node.querySelector('button.nnlab-dashboard-stop') as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    button.click();
    // Wait for the kernel's reply to be handled (on a busy machine this can take more than a tick).
    for (let waited = 0; button.title !== 'Stop requested: training ends after the current batch' && waited < 5000; waited += 10) {
      await new Promise(resolve => setTimeout(resolve, 10));
    }
    expect(target).toBe('nnlab.training');
    expect(sent).toEqual([{ method: 'stop', runId: 'run-1' }]);
    expect(button.disabled).toBe(true);
    expect(button.title).toBe('Stop requested: training ends after the current batch');
    await r.renderModel(model({ ...running(2), status: 'stopped', stopReason: 'user' }));
    expect(text(r.node, '.nnlab-dashboard-progress-text')).toBe('stopped by the Stop button after epoch 2/10 · 1,234 samples/s · 3s');
    expect(button.textContent).toBe('Stopped');
  });

  it('a hostile model name and metric name show as text', async () => {
    const r = renderer();
    await r.renderModel(model(running(2, { model: HOSTILE, metrics: { [HOSTILE]: [1, 0.5] } })));
    expect(r.node.querySelector('img')).toBeNull();
    expect(text(r.node, '.nnlab-dashboard-title')).toBe(`Training "${HOSTILE}"`);
    expect(r.node.innerHTML).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('malformed data shows a short message and the text form, and never throws', async () => {
    for (const [bad, reason] of [
      [null, 'the data is not an object'],
      ['{not json', 'the data is not valid JSON'],
      [{ version: 1, runId: 'r', status: 'flying', epochs: 1, steps: 1, epoch: [], metrics: {} }, 'status is not one of running, finished, stopped'],
      [{ ...running(1), metrics: { loss: 'x' } }, 'metrics is not a map of number lists']
    ] as [unknown, string][]) {
      const r = renderer();
      await expect(r.renderModel(model(bad, true, 'History: text'))).resolves.toBeUndefined();
      expect(text(r.node, '.nnlab-history-error')).toBe(`nnlab: cannot display this training history (${reason}).`);
      expect(text(r.node, 'pre.nnlab-history-fallback')).toBe('History: text');
    }
  });

  it('accepts unknown fields, newer versions, and null values (NaN in JSON)', async () => {
    const r = renderer();
    await r.renderModel(model({ ...running(2), version: 7, future: { x: 1 }, metrics: { loss: [1, null] } }));
    expect(r.node.querySelector('.nnlab-history-error')).toBeNull();
    expect(r.node.querySelector('.nnlab-dashboard-charts svg')).not.toBeNull();
  });
});
