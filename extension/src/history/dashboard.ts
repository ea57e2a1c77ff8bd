/**
 * The live training dashboard: header (model, status, log-scale and batch toggles, the
 * "Stop training" button), progress line, and one chart per metric group. The first render
 * creates the Vega view; later renders of the same run only send the new rows (and the
 * moved markers) as a changeset. Batch-level series are decimated ({@link BatchDecimator}):
 * an update of a run with 10,000 batch points touches a few rows, and the view holds ~1,000.
 */
import { HistoryData } from 'nnlab/dist/display/mime';
import { HISTORY_DATASET, HistoryRow, LEARNING_RATE_GROUP, groupOrder, historySpec, markerRows, measurementRows, metricGroup, progressText } from 'nnlab/dist/plot/history-spec';
import { el } from '../dom';
import { VegaChart, canvasAvailable } from '../charts/vega-chart';
import { BatchDecimator, RowChanges } from './batch-decimator';
import { StopControl } from './stop-control';

const keyOf = (r: HistoryRow) => `${r.kind}|${r.series}`;
const isMarker = (r: object) => (r as HistoryRow).kind === 'best' || (r as HistoryRow).kind === 'stop';
const isBatch = (r: object) => (r as HistoryRow).kind === 'batch';

const sameRows = (a: readonly HistoryRow[], b: readonly HistoryRow[]) =>
  a.length === b.length && a.every((r, i) => r.kind === b[i].kind && r.group === b[i].group && r.series === b[i].series && r.x === b[i].x && r.value === b[i].value);

/** The charts `data` draws, in the dashboard's order (loss first, the learning rate last). */
export function chartGroups(data: HistoryData): string[] {
  const series = [...Object.entries(data.metrics), ...Object.entries(data.batches?.metrics ?? {})];
  const groups = new Set(series.filter(([, values]) => values.length > 0).map(([name]) => metricGroup(name)));
  if ((data.learningRate?.length ?? 0) > 0) {
    groups.add(LEARNING_RATE_GROUP);
  }
  return [...groups].sort((a, b) => groupOrder(a) - groupOrder(b) || a.localeCompare(b));
}

/** Rows of `all` beyond the first `counts[key]` of each key; updates `counts`. */
function newRows(all: HistoryRow[], counts: Map<string, number>): HistoryRow[] {
  const seen = new Map<string, number>();
  const out: HistoryRow[] = [];
  for (const row of all) {
    const key = keyOf(row);
    const i = seen.get(key) ?? 0;
    seen.set(key, i + 1);
    if (i >= (counts.get(key) ?? 0)) {
      out.push(row);
    }
  }
  for (const [key, n] of seen) {
    counts.set(key, n);
  }
  return out;
}

/** One dashboard; JupyterLab keeps its renderer (and so this object) across display updates. */
export class Dashboard {
  readonly node: HTMLElement;
  /** Renders applied (the browser test counts them: live updates before `fit` returns). */
  renders = 0;
  private readonly chart: VegaChart;
  /** The charts' container; its label names the charts (a canvas has no text in the DOM). */
  private readonly charts: HTMLElement;
  private readonly title = el('span', { className: 'nnlab-dashboard-title' });
  private readonly status = el('span', { className: 'nnlab-dashboard-status' });
  private readonly progressBar = el('progress', { className: 'nnlab-dashboard-progressbar', attrs: { max: '1', value: '0' } });
  private readonly progressLine = el('span', { className: 'nnlab-dashboard-progress-text' });
  private readonly logToggle = el('input', { attrs: { type: 'checkbox', 'aria-label': 'logarithmic y axes' } });
  private readonly batchToggle = el('input', { attrs: { type: 'checkbox', 'aria-label': 'show batch-level points' } });
  private readonly stop: StopControl;
  private data?: HistoryData;
  /** Epoch rows drawn per `kind|series` (epoch and learning-rate rows are few: drawn exactly). */
  private counts = new Map<string, number>();
  /** The batch rows drawn. */
  private readonly batches = new BatchDecimator();
  /** The marker rows drawn (replaced when they move). */
  private markers: HistoryRow[] = [];
  private batchStride = 0;
  /** Renders are applied one after another (each awaits vega). */
  private queue: Promise<void> = Promise.resolve();

  constructor() {
    this.batchToggle.checked = true;
    // Vega labels its own container ("Vega visualization"): the charts' names go on a wrapper.
    const charts = el('div');
    this.charts = el('div', { className: 'nnlab-dashboard-charts', attrs: { role: 'figure' } }, [charts]);
    // Canvas redraws a 10,000-point update ~4× faster than SVG; SVG where there is no canvas.
    this.chart = new VegaChart(charts, canvasAvailable() ? 'canvas' : 'svg');
    this.stop = new StopControl(() => this.node);
    const toggle = (input: HTMLInputElement, label: string) => el('label', { className: 'nnlab-dashboard-toggle' }, [input, ` ${label}`]);
    this.node = el('div', { className: 'nnlab-dashboard' }, [
      el('div', { className: 'nnlab-dashboard-header' }, [
        this.title,
        this.status,
        el('span', { className: 'nnlab-dashboard-spacer' }),
        toggle(this.logToggle, 'log scale'),
        toggle(this.batchToggle, 'batches'),
        this.stop.node
      ]),
      el('div', { className: 'nnlab-dashboard-progress' }, [this.progressBar, this.progressLine]),
      this.charts
    ]);
    // A view option changed: same data, new spec, so the view is rebuilt (a user action, not an update).
    const rebuild = () => {
      this.queue = this.queue.then(() => this.remount()).catch(() => undefined);
    };
    this.logToggle.addEventListener('change', rebuild);
    this.batchToggle.addEventListener('change', rebuild);
  }

  /** Views created so far (stays 1 while a run streams updates). */
  get viewsCreated(): number {
    return this.chart.viewsCreated;
  }

  /** Shows `data` (a new state of the same run, or a different run). */
  render(data: HistoryData, trusted: boolean): Promise<void> {
    const next = this.queue.then(() => this.apply(data, trusted));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async apply(data: HistoryData, trusted: boolean): Promise<void> {
    const previous = this.data;
    this.data = data;
    this.renders += 1;
    this.updateText(data);
    this.stop.update(data, trusted);
    const sameRun = previous !== undefined && previous.runId === data.runId && this.chart.mounted;
    const stride = data.batches?.stride ?? 0;
    if (!sameRun || this.shrank(previous as HistoryData, data)) {
      await this.remount();
      return;
    }
    const epochRows = newRows(measurementRows(data, false), this.counts);
    const markers = markerRows(data);
    const markersMoved = !sameRows(markers, this.markers);
    if (stride !== this.batchStride) {
      // Long runs thin their batch points: the batch rows are drawn again (one scan of the rows).
      this.batchStride = stride;
      this.batches.reset();
      const batch = this.batchChanges(data);
      this.markers = markers;
      await this.chart.change(HISTORY_DATASET, r => isMarker(r) || isBatch(r), [...epochRows, ...batch.insert, ...markers]);
      return;
    }
    const batch = this.batchChanges(data);
    const remove = markersMoved ? [...this.markers, ...batch.remove] : batch.remove;
    const insert = markersMoved ? [...epochRows, ...batch.insert, ...markers] : [...epochRows, ...batch.insert];
    if (markersMoved) {
      this.markers = markers;
    }
    await this.chart.change(HISTORY_DATASET, remove, insert);
  }

  /** The batch rows to remove and insert for `data` (none while the batch toggle is off). */
  private batchChanges(data: HistoryData): RowChanges {
    if (!this.batchToggle.checked || !data.batches) {
      return { remove: [], insert: [] };
    }
    return this.batches.update(data.batches.x, data.batches.metrics);
  }

  /** True when a series got shorter (not an append): the view starts over. */
  private shrank(previous: HistoryData, data: HistoryData): boolean {
    return Object.entries(previous.metrics).some(([k, v]) => (data.metrics[k]?.length ?? 0) < v.length);
  }

  private async remount(): Promise<void> {
    const data = this.data;
    if (!data) {
      return;
    }
    this.counts = new Map();
    this.batches.reset();
    this.batchStride = data.batches?.stride ?? 0;
    this.markers = markerRows(data);
    const rows = [...newRows(measurementRows(data, false), this.counts), ...this.batchChanges(data).insert, ...this.markers];
    if (rows.length === 0) {
      // Vega lays out an empty facet with infinite size and does not recover when rows arrive
      // later: the view is created with the first measurement instead.
      this.chart.finalize();
      this.chart.container.replaceChildren(el('div', { className: 'nnlab-dashboard-waiting', text: 'waiting for the first batch…' }));
      return;
    }
    const spec = historySpec({ logScale: this.logToggle.checked, batches: this.batchToggle.checked });
    await this.chart.mount(spec, HISTORY_DATASET, rows);
  }

  private updateText(data: HistoryData): void {
    this.node.dataset.runId = data.runId;
    this.node.dataset.status = data.status;
    this.node.dataset.renders = String(this.renders);
    this.node.dataset.epochs = String(data.epoch.length);
    const groups = chartGroups(data);
    this.charts.setAttribute('aria-label', groups.length > 0 ? `training charts: ${groups.join(', ')}` : 'training charts: waiting for the first batch');
    this.title.textContent = data.model ? `Training "${data.model}"` : 'Training';
    this.status.textContent = data.status;
    this.status.className = `nnlab-dashboard-status nnlab-status-${data.status}`;
    this.progressLine.textContent = progressText(data);
    const steps = Math.max(data.steps, 1);
    const done = data.status === 'running' && data.progress ? data.progress.epoch + data.progress.batch / steps : data.epoch.length;
    this.progressBar.value = data.epochs > 0 ? Math.min(done / data.epochs, 1) : 0;
  }

  dispose(): void {
    this.chart.finalize();
  }
}
