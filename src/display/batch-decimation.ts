/**
 * How much of a long batch-level series a training chart draws: shared by the static history
 * SVG (exported reports) and the JupyterLab dashboard's live view (the extension's
 * `BatchDecimator`, which applies the same buckets incrementally), so both show the same shape.
 *
 * A chart is ~300 px wide, so 10,000 batch points per series only cost render time and file
 * size. The points are cut into buckets of `size` consecutive points, `size` the smallest power
 * of two that leaves at most `budget` complete buckets; each complete bucket is drawn as its
 * minimum and its maximum (in x order), so spikes stay visible — the min/max per pixel bucket
 * that plotting libraries use for time series. The trailing incomplete bucket is drawn point by
 * point, so the exact last point is always there.
 *
 * Dependency-free on purpose (types and the dependency-free history spec only): the extension
 * bundles it.
 */
import type { HistoryBatches } from "./mime";
import { groupOrder, metricGroup, type HistoryRow } from "../plot/history-spec";

/** Most complete buckets drawn per series before the bucket size doubles (two rows each). */
export const DEFAULT_BUCKET_BUDGET = 512;

/** A plottable number (JSON turns NaN and ±Infinity into null). */
const isValue = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/** Indices of the smallest and largest finite value in `values[from, to)`, in index order (one if equal, none if no finite value). */
export function extremes(values: readonly (number | null)[], from: number, to: number): number[] {
  let lo = -1;
  let hi = -1;
  for (let i = from; i < to; i++) {
    const v = values[i];
    if (!isValue(v)) continue;
    if (lo < 0 || v < (values[lo] as number)) lo = i;
    if (hi < 0 || v > (values[hi] as number)) hi = i;
  }
  return lo < 0 ? [] : lo === hi ? [lo] : [Math.min(lo, hi), Math.max(lo, hi)];
}

/** Checks a bucket budget: an integer ≥ 1; `where` names the caller in the error. */
export function checkBucketBudget(budget: number, where: string): void {
  if (!Number.isInteger(budget) || budget < 1) {
    throw new RangeError(`${where}: budget must be an integer ≥ 1, got ${budget}`);
  }
}

/**
 * Points per bucket for a series of `points` points: the smallest power of two with at most
 * `budget` complete buckets before the last point (which always stays in the tail).
 */
export function bucketSize(points: number, budget = DEFAULT_BUCKET_BUDGET): number {
  checkBucketBudget(budget, "bucketSize");
  let size = 1;
  while (Math.floor(Math.max(points - 1, 0) / size) > budget) size *= 2;
  return size;
}

/**
 * Indices of `values` a chart draws, ascending: the first finite point (where the run
 * started), the min and max of each complete bucket, and every finite point of the trailing
 * incomplete bucket (so the last). At most 2·budget + size + 1 indices for any length; series
 * of at most budget + 1 points are kept whole.
 */
export function decimatedIndices(values: readonly (number | null)[], budget = DEFAULT_BUCKET_BUDGET): number[] {
  const n = values.length;
  const size = bucketSize(n, budget);
  const complete = Math.floor(Math.max(n - 1, 0) / size);
  const kept: number[] = [];
  for (let b = 0; b < complete; b++) kept.push(...extremes(values, b * size, (b + 1) * size));
  for (let i = complete * size; i < n; i++) if (isValue(values[i])) kept.push(i);
  // The live view starts at bucket 0's min/max; a finished chart also shows the very first batch.
  const first = values.findIndex(isValue);
  if (first >= 0 && kept[0] !== first) kept.unshift(first);
  return kept;
}

/** The chart rows of every batch series in `batches`, decimated per series with {@link decimatedIndices}. */
export function decimatedBatchRows(batches: HistoryBatches, budget = DEFAULT_BUCKET_BUDGET): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const [series, values] of Object.entries(batches.metrics)) {
    const group = metricGroup(series);
    const order = groupOrder(group);
    const n = Math.min(values.length, batches.x.length);
    for (const i of decimatedIndices(values.slice(0, n), budget)) {
      rows.push({ kind: "batch", group, series, x: batches.x[i], value: values[i], order });
    }
  }
  return rows;
}
