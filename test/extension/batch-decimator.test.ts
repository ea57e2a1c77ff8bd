/**
 * The dashboard's batch-series decimation: min/max per bucket, the exact last point kept,
 * incremental changesets (only the tail's rows change between updates), bucket doubling.
 * Expected rows are worked out by hand from the small series below.
 */
import { BatchDecimator, extremes } from '../../extension/src/history/batch-decimator';
import { HistoryRow } from 'nnlab/dist/plot/history-spec';

const xs = (rows: HistoryRow[]) => rows.map(r => r.x);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Applies changes to a set of drawn rows, as Vega's changeset would (by object identity). */
function apply(drawn: Set<HistoryRow>, changes: { remove: HistoryRow[]; insert: HistoryRow[] }): void {
  for (const r of changes.remove) {
    expect(drawn.delete(r)).toBe(true);
  }
  for (const r of changes.insert) {
    drawn.add(r);
  }
}

describe('extremes', () => {
  it('returns the min and max indices in index order, skipping non-finite values', () => {
    expect(extremes([3, 1, 4, 1, 5, 9, 2, 6], 0, 4)).toEqual([1, 2]); // min 1 at 1 (first), max 4 at 2
    expect(extremes([3, 1, 4, 1, 5, 9, 2, 6], 4, 8)).toEqual([5, 6]); // max 9 at 5, min 2 at 6
    expect(extremes([2, null, 2], 0, 3)).toEqual([0]);
    expect(extremes([null, NaN as number], 0, 2)).toEqual([]);
  });
});

describe('BatchDecimator', () => {
  it('rejects a budget that is not a positive integer, naming it', () => {
    expect(() => new BatchDecimator(0)).toThrow('BatchDecimator: budget must be an integer ≥ 1, got 0');
    expect(() => new BatchDecimator(1.5)).toThrow('BatchDecimator: budget must be an integer ≥ 1, got 1.5');
  });

  it('draws short series point by point', () => {
    const d = new BatchDecimator(4);
    const { remove, insert } = d.update([1, 2, 3], { loss: [0.5, 0.4, 0.3] });
    expect(remove).toEqual([]);
    expect(insert.map(r => [r.kind, r.group, r.series, r.x, r.value])).toEqual([
      ['batch', 'loss', 'loss', 1, 0.5],
      ['batch', 'loss', 'loss', 2, 0.4],
      ['batch', 'loss', 'loss', 3, 0.3]
    ]);
    expect(insert[0].order).toBe(0);
  });

  it('draws min and max per bucket and the exact last point, and keeps the budget', () => {
    // 11 points, budget 2: bucket size 1 → 10 complete buckets > 2, size 2 → 5, size 4 → floor(10/4) = 2 ≤ 2.
    const values = [5, 1, 7, 3, 2, 8, 6, 4, 9, 0, 2.5];
    const d = new BatchDecimator(2);
    const { insert } = d.update(range(11), { loss: values });
    // Buckets [0..3]: min 1 at 1, max 7 at 2; [4..7]: min 2 at 4, max 8 at 5; tail 8, 9, 10 point by point.
    expect(xs(insert)).toEqual([1, 2, 4, 5, 8, 9, 10]);
    expect(insert[insert.length - 1].value).toBe(2.5);
    expect(d.rowCount).toBe(7);
  });

  it('an appended point only adds a row; a completed bucket swaps the tail for its min/max', () => {
    const d = new BatchDecimator(2);
    const values = [5, 1, 7, 3, 2, 8, 6, 4, 9, 0, 2.5, 10];
    const drawn = new Set<HistoryRow>();
    apply(drawn, d.update(range(11), { loss: values.slice(0, 11) }));
    const step = d.update(range(12), { loss: values });
    expect(step.remove).toEqual([]);
    expect(xs(step.insert)).toEqual([11]);
    apply(drawn, step);
    // 13 points: floor(12/4) = 3 complete buckets > 2, so size 8: floor(12/8) = 1 bucket.
    const more = [...values, 1.5];
    const redraw = d.update(range(13), { loss: more });
    expect(redraw.remove.length).toBe(8);
    apply(drawn, redraw);
    // Bucket [0..7]: min 1 at 1, max 8 at 5; tail 8..12.
    expect(xs([...drawn]).sort((a, b) => a - b)).toEqual([1, 5, 8, 9, 10, 11, 12]);
  });

  it('between doublings a completed bucket removes only the tail rows', () => {
    const d = new BatchDecimator(8);
    const drawn = new Set<HistoryRow>();
    const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4];
    // 20 points: floor(19/2) = 9 > 8, size 4: floor(19/4) = 4 complete buckets, tail 16..19.
    apply(drawn, d.update(range(20), { loss: values }));
    expect(xs([...drawn])).toEqual([1, 2, 5, 6, 9, 11, 12, 15, 16, 17, 18, 19]);
    // Point 20 completes bucket [16..19] (min 2 at 16, max 8 at 18): tail 16..19 out, 16, 18, 20 in.
    const step = d.update(range(21), { loss: [...values, 6] });
    expect(xs(step.remove)).toEqual([16, 17, 18, 19]);
    expect(xs(step.insert)).toEqual([16, 18, 20]);
    apply(drawn, step);
  });

  it('draws a series again when it got shorter, and skips non-finite values', () => {
    const d = new BatchDecimator(4);
    const drawn = new Set<HistoryRow>();
    apply(drawn, d.update([1, 2, 3], { loss: [1, 2, 3] }));
    const again = d.update([1, 2], { loss: [1, null as unknown as number] });
    expect(again.remove.length).toBe(3);
    apply(drawn, again);
    expect(xs([...drawn])).toEqual([1]);
    d.reset();
    expect(d.rowCount).toBe(0);
  });
});
