/**
 * The weight/gradient distribution widget: an epoch slider, per-layer histograms (one column
 * per model when two are compared), the gradient-norm and dead-ReLU trends, and a table of
 * the selected snapshot's statistics. Moving the slider swaps the histogram rows with a
 * changeset; live updates (new snapshots) do the same.
 */
import { WeightsData } from 'nnlab/dist/display/mime';
import { BINS_DATASET, binRows, deadUnitRows, gradientNormRows, histogramSpec, panelName, snapshotEpochs, trendSpec } from 'nnlab/dist/plot/weights-spec';
import { el } from '../dom';
import { VegaChart } from '../charts/vega-chart';

const TREND = 'trend';
const all = () => true;

/** "before training" for epoch −1, else "after epoch N" (1-based, as Keras prints epochs). */
export function epochLabel(epoch: number): string {
  return epoch < 0 ? 'before training' : `after epoch ${epoch + 1}`;
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) {
    return '–';
  }
  return Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(4) : v.toExponential(2);
}

export class WeightsView {
  readonly node: HTMLElement;
  renders = 0;
  private readonly slider = el('input', { className: 'nnlab-weights-slider', attrs: { type: 'range', min: '0', max: '0', step: '1', value: '0', 'aria-label': 'epoch' } });
  private readonly epochText = el('span', { className: 'nnlab-weights-epoch' });
  private readonly title = el('span', { className: 'nnlab-weights-title' });
  private readonly histograms: VegaChart;
  private readonly norms: VegaChart;
  private readonly dead: VegaChart;
  private readonly table = el('table', { className: 'nnlab-weights-stats' });
  private data?: WeightsData;
  private epochs: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor() {
    const histogramBox = el('div', { className: 'nnlab-weights-histograms' });
    const normBox = el('div', { className: 'nnlab-weights-norms' });
    const deadBox = el('div', { className: 'nnlab-weights-dead' });
    this.histograms = new VegaChart(histogramBox);
    this.norms = new VegaChart(normBox);
    this.dead = new VegaChart(deadBox);
    this.node = el('div', { className: 'nnlab-weights' }, [
      el('div', { className: 'nnlab-weights-header' }, [this.title, el('label', { className: 'nnlab-weights-slider-label' }, ['epoch ', this.slider]), this.epochText]),
      histogramBox,
      el('div', { className: 'nnlab-weights-trends' }, [normBox, deadBox]),
      this.table
    ]);
    this.slider.addEventListener('input', () => {
      this.queue = this.queue.then(() => this.showEpoch()).catch(() => undefined);
    });
  }

  /** The epoch the slider selects. */
  get selectedEpoch(): number {
    return this.epochs[Number(this.slider.value)] ?? -1;
  }

  /** Shows new data (a new snapshot of a live recording, or another recording). */
  render(data: WeightsData, _trusted = true): Promise<void> {
    const next = this.queue.then(() => this.apply(data));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async apply(data: WeightsData): Promise<void> {
    const atEnd = Number(this.slider.value) >= this.epochs.length - 1;
    this.data = data;
    this.renders += 1;
    this.epochs = snapshotEpochs(data);
    this.slider.max = String(Math.max(this.epochs.length - 1, 0));
    this.slider.disabled = this.epochs.length < 2;
    if (atEnd) {
      // Following a live recording: stay on the newest snapshot.
      this.slider.value = String(Math.max(this.epochs.length - 1, 0));
    }
    this.title.textContent = `Weight distributions: ${data.series.map(s => s.label).join(' vs ')}`;
    this.node.dataset.renders = String(this.renders);
    this.node.dataset.snapshots = String(this.epochs.length);
    await this.showTrend(this.norms, gradientNormRows(data), 'norm', 'variable', 'gradient L2 norm per variable');
    await this.showTrend(this.dead, deadUnitRows(data), 'dead', 'layer', 'fraction of dead ReLU units');
    await this.showEpoch();
  }

  private async showTrend(chart: VegaChart, rows: object[], field: string, by: string, title: string): Promise<void> {
    if (rows.length === 0) {
      chart.finalize();
      return;
    }
    if (!chart.mounted) {
      const logScale = field === 'norm' && rows.every(r => (r as { norm: number }).norm > 0);
      await chart.mount({ ...trendSpec([], field, by, title, logScale), data: { name: TREND } }, TREND, rows);
    } else {
      await chart.change(TREND, all, rows);
    }
  }

  private async showEpoch(): Promise<void> {
    const data = this.data;
    if (!data) {
      return;
    }
    const epoch = this.selectedEpoch;
    this.node.dataset.epoch = String(epoch);
    this.epochText.textContent = epochLabel(epoch);
    const rows = binRows(data, epoch);
    if (!this.histograms.mounted) {
      await this.histograms.mount(histogramSpec(null), BINS_DATASET, rows);
    } else {
      await this.histograms.change(BINS_DATASET, all, rows);
    }
    this.renderTable(data, epoch);
  }

  private renderTable(data: WeightsData, epoch: number): void {
    const head = ['model', 'variable', 'min', 'max', 'mean', 'std', 'norm', 'zeros', 'NaN/Inf', 'dead ReLU'];
    const body: HTMLTableRowElement[] = [];
    for (const s of data.series) {
      const candidates = s.snapshots.filter(snap => snap.epoch <= epoch);
      const snap = candidates[candidates.length - 1] ?? s.snapshots[0];
      for (const layer of snap?.layers ?? []) {
        layer.tensors.forEach((h, i) => {
          const dead = i === 0 && layer.deadFraction !== undefined ? `${(layer.deadFraction * 100).toFixed(1)}%` : '';
          const cells = [s.label, panelName(layer, h), fmt(h.min), fmt(h.max), fmt(h.mean), fmt(h.std), fmt(h.norm), String(h.zeros), String(h.nonFinite), dead];
          body.push(el('tr', { attrs: { 'data-variable': h.name, 'data-of': h.of } }, cells.map(c => el('td', { text: c }))));
        });
      }
    }
    this.table.replaceChildren(el('thead', {}, [el('tr', {}, head.map(h => el('th', { text: h })))]), el('tbody', {}, body));
  }

  dispose(): void {
    this.histograms.finalize();
    this.norms.finalize();
    this.dead.finalize();
  }
}
