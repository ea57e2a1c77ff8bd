/**
 * Keeps what the dashboard draws of a long batch-level series small, and each update's
 * changeset smaller still.
 *
 * A chart is ~300 px wide, so drawing 10,000 batch points per series only costs time (Vega
 * re-evaluates and redraws every row on each update). The points are cut into buckets of
 * `size` consecutive points (a power of two); each complete bucket is drawn as its minimum
 * and its maximum (in x order), so spikes stay visible — the min/max per pixel bucket that
 * plotting libraries use for time series. The trailing incomplete bucket is drawn point by
 * point, so the exact last point is always shown. When the complete buckets exceed the budget
 * the bucket size doubles and the series is redrawn from scratch, which happens
 * log2(points / budget) times per run; every other update only swaps the tail's rows.
 */
import { HistoryRow, groupOrder, metricGroup } from 'nnlab/dist/plot/history-spec';
import { checkBucketBudget, DEFAULT_BUCKET_BUDGET, extremes } from 'nnlab/dist/display/batch-decimation';

// The buckets are the library's (the static history SVG of exported reports draws the same).
export { DEFAULT_BUCKET_BUDGET, extremes };

/** Rows to take out of and put into the view's dataset. */
export interface RowChanges {
  remove: HistoryRow[];
  insert: HistoryRow[];
}

/** A plottable number (JSON turns NaN and ±Infinity into null). */
const isValue = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** What is drawn of one series. */
interface SeriesState {
  /** Points per bucket. */
  size: number;
  /** Complete buckets already drawn as min/max rows. */
  complete: number;
  /** Rows drawn for the whole series (to remove on a redraw). */
  rows: HistoryRow[];
  /** Points of the series already drawn (in buckets or in the tail). */
  drawn: number;
  /** Rows drawn point by point for the incomplete bucket (a suffix of `rows`). */
  tail: HistoryRow[];
}

/** The decimated batch rows of every series of one run, updated incrementally. */
export class BatchDecimator {
  private readonly series = new Map<string, SeriesState>();

  /** @param budget complete buckets per series before the bucket size doubles (≥ 1). */
  constructor(private readonly budget = DEFAULT_BUCKET_BUDGET) {
    checkBucketBudget(budget, 'BatchDecimator');
  }

  /** Rows currently drawn, over all series. */
  get rowCount(): number {
    let n = 0;
    for (const s of this.series.values()) {
      n += s.rows.length;
    }
    return n;
  }

  /** Forgets everything drawn (the view was re-created or its batch rows were dropped). */
  reset(): void {
    this.series.clear();
  }

  /**
   * The changes that bring the drawn rows up to date with `x`/`metrics` (batch x positions
   * and each series' values, as in `HistoryData.batches`). A series that grew costs rows for
   * its new points only; one that shrank is drawn again.
   */
  update(x: readonly number[], metrics: Readonly<Record<string, readonly (number | null)[]>>): RowChanges {
    const changes: RowChanges = { remove: [], insert: [] };
    for (const [name, values] of Object.entries(metrics)) {
      this.updateSeries(name, x, values, changes);
    }
    return changes;
  }

  private updateSeries(name: string, x: readonly number[], values: readonly (number | null)[], changes: RowChanges): void {
    const n = Math.min(x.length, values.length);
    // The last point always stays in the tail, so complete buckets end before it.
    let state = this.series.get(name);
    let size = state?.size ?? 1;
    while (Math.floor(Math.max(n - 1, 0) / size) > this.budget) {
      size *= 2;
    }
    // A new bucket size, or a series that got shorter (not an append): drawn again from scratch.
    if (!state || state.size !== size || n < state.drawn) {
      if (state) {
        changes.remove.push(...state.rows);
      }
      state = { size, complete: 0, drawn: 0, rows: [], tail: [] };
      this.series.set(name, state);
    }
    const group = metricGroup(name);
    const order = groupOrder(group);
    const row = (i: number): HistoryRow => ({ kind: 'batch', group, series: name, x: x[i], value: values[i] as number, order });
    const complete = Math.floor(Math.max(n - 1, 0) / size);
    if (complete > state.complete) {
      // The previous tail's points now belong to complete buckets: its rows go.
      changes.remove.push(...state.tail);
      state.rows.length -= state.tail.length;
      state.tail = [];
      state.drawn = complete * size;
      for (let b = state.complete; b < complete; b++) {
        for (const i of extremes(values, b * size, (b + 1) * size)) {
          const r = row(i);
          state.rows.push(r);
          changes.insert.push(r);
        }
      }
      state.complete = complete;
    }
    // Points beyond those drawn join the tail one row each.
    for (let i = state.drawn; i < n; i++) {
      if (isValue(values[i])) {
        const r = row(i);
        state.tail.push(r);
        state.rows.push(r);
        changes.insert.push(r);
      }
    }
    state.drawn = Math.max(state.drawn, n);
  }
}
