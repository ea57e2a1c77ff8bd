/**
 * Batch-series decimation shared by the static history SVG and the live dashboard: min/max per
 * power-of-two bucket, the first and the exact last point, a bounded number of points, and the
 * static SVG of a 10,000-batch run drawn from those points. Expected indices are worked out by
 * hand from the small series below.
 */
import { HistoryRow } from "nnlab/dist/plot/history-spec";
import {
  bucketSize,
  decimatedBatchRows,
  decimatedIndices,
  DEFAULT_BUCKET_BUDGET,
  extremes,
} from "../../../src/display/batch-decimation";
import { historySvg } from "../../../src/display/history-bundle";
import { HISTORY_VERSION, type HistoryData } from "../../../src/display/mime";
import { BatchDecimator } from "../../../extension/src/history/batch-decimator";

/**
 * 10,000 batches over 100 epochs: a decaying, wobbling loss (so the first batch is not an
 * extreme of its bucket: sin peaks at 8 and dips at 11) with one spike (50 at 5,000) and one
 * dip (−1 at 7,001).
 */
const N = 10_000;
const SPIKE = 5_000;
const DIP = 7_001;
const longX = Array.from({ length: N }, (_, i) => (i + 1) / 100);
const longLoss = longX.map((x, i) => (i === SPIKE ? 50 : i === DIP ? -1 : 1 / (1 + x) + 0.1 * Math.sin(i)));

describe("extremes", () => {
  it("gives the min and max indices in index order, skipping non-finite values", () => {
    expect(extremes([4, 8, 2, 6], 0, 4)).toEqual([1, 2]); // max 8 at 1, min 2 at 2
    expect(extremes([4, 8, 2, 6], 2, 4)).toEqual([2, 3]);
    expect(extremes([7, null, 7], 0, 3)).toEqual([0]);
    expect(extremes([null, Infinity], 0, 2)).toEqual([]);
  });
});

describe("bucketSize", () => {
  it("is the smallest power of two leaving at most `budget` complete buckets before the last point", () => {
    expect(bucketSize(0, 4)).toBe(1);
    expect(bucketSize(5, 4)).toBe(1); // floor(4/1) = 4 ≤ 4
    expect(bucketSize(6, 4)).toBe(2); // floor(5/1) = 5 > 4, floor(5/2) = 2
    // floor(9999/16) = 624 > 512, floor(9999/32) = 312: the dashboard's 32-point buckets.
    expect(bucketSize(N)).toBe(32);
    expect(DEFAULT_BUCKET_BUDGET).toBe(512);
  });

  it("rejects a budget that is not a positive integer, naming it", () => {
    expect(() => bucketSize(10, 0)).toThrow("bucketSize: budget must be an integer ≥ 1, got 0");
    expect(() => bucketSize(10, 2.5)).toThrow("bucketSize: budget must be an integer ≥ 1, got 2.5");
  });
});

describe("decimatedIndices", () => {
  it("keeps short series whole, non-finite points left out", () => {
    expect(decimatedIndices([0.5, 0.4, 0.3], 4)).toEqual([0, 1, 2]);
    expect(decimatedIndices([0.5, null, 0.3], 4)).toEqual([0, 2]);
    expect(decimatedIndices([], 4)).toEqual([]);
  });

  it("keeps the first point, min and max per bucket, and the tail point by point", () => {
    // 11 points, budget 2: size 4 (floor(10/4) = 2). Buckets [0..3]: min 1 at 1, max 7 at 2;
    // [4..7]: min 2 at 4, max 8 at 5; tail 8, 9, 10; and index 0, the first batch.
    expect(decimatedIndices([5, 1, 7, 3, 2, 8, 6, 4, 9, 0, 2.5], 2)).toEqual([0, 1, 2, 4, 5, 8, 9, 10]);
    // When the first point is its bucket's extreme it is not repeated.
    expect(decimatedIndices([9, 1, 7, 3, 2, 8, 6, 4, 9, 0, 2.5], 2)).toEqual([0, 1, 4, 5, 8, 9, 10]);
  });

  it("bounds a 10,000-point series and keeps its first, last, min and max", () => {
    const kept = decimatedIndices(longLoss);
    // 312 buckets of 32 → 624, tail 9,984..9,999 → 16, first point → 1.
    expect(kept.length).toBeLessThanOrEqual(2 * DEFAULT_BUCKET_BUDGET + 32 + 1);
    expect(kept.length).toBe(641);
    expect(kept[0]).toBe(0);
    expect(kept[kept.length - 1]).toBe(N - 1);
    expect(kept).toContain(SPIKE);
    expect(kept).toContain(DIP);
    expect(kept.every((v, i) => i === 0 || v > kept[i - 1])).toBe(true);
  });

  it("draws what the live dashboard draws of the same series, plus the first batch", () => {
    const live = new BatchDecimator().update(longX, { loss: longLoss }).insert.map((r: HistoryRow) => r.x);
    const rows = decimatedBatchRows({ x: longX, metrics: { loss: longLoss }, stride: 1 });
    expect(rows.map((r) => r.x)).toEqual([longX[0], ...live]);
    expect(rows[0]).toEqual({ kind: "batch", group: "loss", series: "loss", x: 0.01, value: 1 / 1.01, order: 0 });
  });
});

describe("historySvg of a long run", () => {
  it("draws 641 batch vertices of 10,000, the spike and the dip included", async () => {
    const data: HistoryData = {
      version: HISTORY_VERSION,
      runId: "run-long",
      status: "finished",
      epochs: 100,
      steps: 100,
      epoch: Array.from({ length: 100 }, (_, i) => i),
      metrics: { loss: Array.from({ length: 100 }, (_, e) => 1 / (2 + e)) },
      batches: { x: longX, metrics: { loss: longLoss }, stride: 1 },
    };
    const svg = await historySvg(data);
    // The batch line's label is its first datum and has no "metric:" part (the epoch line's has).
    const paths = [...svg.matchAll(/<path aria-label="([^"]*)"[^>]* aria-roledescription="line mark"[^>]* d="([^"]*)"/g)];
    const batch = paths.filter((p) => !p[1].includes("metric:"));
    expect(batch).toHaveLength(1);
    expect(batch[0][1]).toMatch(/^epoch: 0\.01; value: 0\.99/);
    expect(batch[0][2].match(/[ML]/g)).toHaveLength(641);
    // The y axis reaches the spike (50) and the dip (−1): neither was thinned away.
    const yAxis = /aria-label="Y-axis for a linear scale with values from (−?-?[\d.]+) to ([\d.]+)/.exec(svg);
    expect(yAxis).not.toBeNull();
    expect(Number(yAxis![1].replace("−", "-"))).toBeLessThanOrEqual(-1);
    expect(Number(yAxis![2])).toBeGreaterThanOrEqual(50);
  });
});
