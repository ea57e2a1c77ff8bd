import * as nn from "nnlab";
import { sklearnFixture } from "../helpers";

const fx = sklearnFixture("resampling");
const R = nn.resampling;
const X: number[][] = fx.x;
const Y: number[] = fx.y;
const count = (y: any, k: number) => (Array.isArray(y) ? y : Array.from(y.data)).filter((v: any) => v === k).length;

/** Brute-force k nearest rows of `pts` to row i (excluding i), written independently of the library. */
function neighboursOf(pts: number[][], i: number, k: number): number[] {
  return pts
    .map((p, j) => [j, p.reduce((a, v, c) => a + (v - pts[i][c]) ** 2, 0)] as [number, number])
    .filter(([j]) => j !== i)
    .sort((a, b) => a[1] - b[1] || a[0] - b[0])
    .slice(0, k)
    .map(([j]) => j);
}

/** True when p = a + u(b − a) for some u in [0, 1] (within rounding). */
function onSegment(p: number[], a: number[], b: number[]): boolean {
  const d = b.map((v, c) => v - a[c]);
  const len2 = d.reduce((s, v) => s + v * v, 0);
  const u = len2 === 0 ? 0 : d.reduce((s, v, c) => s + v * (p[c] - a[c]), 0) / len2;
  if (u < -1e-9 || u > 1 + 1e-9) return false;
  return p.every((v, c) => Math.abs(v - (a[c] + u * d[c])) < 1e-9);
}

describe("k-NN matches scikit-learn's NearestNeighbors", () => {
  it("neighbour lists of every sample (whole set and one class)", () => {
    const m = { data: Float64Array.from(X.flat()), rows: X.length, cols: 2 };
    expect(R.kNearest(m, m, 5, true)).toEqual(fx.knn);
    const minority = X.filter((_, i) => Y[i] === 2);
    const mm = { data: Float64Array.from(minority.flat()), rows: minority.length, cols: 2 };
    // kneighbors() without a query excludes each point itself, as kNearest(…, excludeSelf) does.
    expect(R.kNearest(mm, mm, 4, true)).toEqual(fx.knnMinority);
  });
});

describe("class counts match imbalanced-learn", () => {
  it.each<any[]>(fx.over.map((c: any): any[] => [JSON.stringify(c.strategy), c]))("randomOverSampler %s", (_s, c: any) => {
    const [xr, yr] = R.randomOverSampler({ samplingStrategy: c.strategy, seed: 0 }).fitResample(X, Y);
    expect([0, 1, 2].map((k) => count(yr, k))).toEqual(c.counts);
    expect(xr.shape).toEqual([c.counts.reduce((a: number, b: number) => a + b), 2]);
  });

  it.each<any[]>(fx.under.map((c: any): any[] => [JSON.stringify(c.strategy), c]))("randomUnderSampler %s", (_s, c: any) => {
    const s = R.randomUnderSampler({ samplingStrategy: c.strategy, seed: 0 });
    const [xr, yr] = s.fitResample(X, Y);
    expect([0, 1, 2].map((k) => count(yr, k))).toEqual(c.counts);
    // Kept rows are rows of the input, without repeats.
    expect(new Set(s.sampleIndices).size).toBe(s.sampleIndices.length);
    expect(xr.toArray()).toEqual(s.sampleIndices.map((i) => X[i].map(Math.fround)));
  });

  it("ratio strategies (two classes)", () => {
    const xb = X.slice(0, 52), yb = Y.slice(0, 52);
    const [, yo] = R.randomOverSampler({ samplingStrategy: 0.5, seed: 0 }).fitResample(xb, yb);
    expect([count(yo, 0), count(yo, 1)]).toEqual(fx.ratioOver);
    const [, yu] = R.randomUnderSampler({ samplingStrategy: 0.5, seed: 0 }).fitResample(xb, yb);
    expect([count(yu, 0), count(yu, 1)]).toEqual(fx.ratioUnder);
  });

  it("smote, adasyn and smoteNC totals", () => {
    const [, ys] = R.smote({ seed: 0 }).fitResample(X, Y);
    expect([0, 1, 2].map((k) => count(ys, k))).toEqual(fx.smote.counts);
    const [, ya] = R.adasyn({ nNeighbors: 4, seed: 0 }).fitResample(X, Y);
    expect([0, 1, 2].map((k) => count(ya, k))).toEqual(fx.adasynCounts);
    const nc = R.smoteNC({ categoricalFeatures: [2], kNeighbors: 3, seed: 0 });
    const [, yn] = nc.fitResample(fx.xNC, Y);
    expect([0, 1, 2].map((k) => count(yn, k))).toEqual(fx.smoteNCCounts);
    expect(nc.medianStd.get(1)).toBeCloseTo(fx.medianStd["1"], 12);
    expect(nc.medianStd.get(2)).toBeCloseTo(fx.medianStd["2"], 12);
  });

  it("borderlineSmote finds imblearn's samples in danger", () => {
    const b = R.borderlineSmote({ kNeighbors: 3, mNeighbors: 8, seed: 0 });
    b.fitResample(X, Y);
    expect(b.danger.get(1)).toEqual(fx.danger["1"]);
    expect(b.danger.get(2)).toEqual(fx.danger["2"]);
  });
});

describe("synthetic samples lie on segments to one of the k minority neighbours (property)", () => {
  const minorityOf = (k: number) => X.map((_, i) => i).filter((i) => Y[i] === k);

  it.each([0, 1, 2, 42])("smote, seed %i", (seed) => {
    const [xr, yr] = R.smote({ kNeighbors: 5, seed }).fitResample(nn.tensor(X, { dtype: "float64" }), nn.tensor(Y));
    expect(xr.dtype).toBe("float64");
    const rows = xr.toArray() as number[][];
    const labels = Array.from(yr instanceof nn.Tensor ? yr.data : yr) as number[];
    expect(rows.slice(0, X.length)).toEqual(X);
    for (const cls of [1, 2]) {
      const members = minorityOf(cls);
      const pts = members.map((i) => X[i]);
      const nbs = members.map((_, i) => neighboursOf(pts, i, 5));
      rows.forEach((p, r) => {
        if (r < X.length || labels[r] !== cls) return;
        const ok = members.some((_, i) => nbs[i].some((j) => onSegment(p, pts[i], pts[j])));
        if (!ok) throw new Error(`row ${r} (${p}) is on no segment of class ${cls}`);
      });
    }
    expect([0, 1, 2].map((k) => count(labels, k))).toEqual([40, 40, 40]);
  });

  it("borderlineSmote (borderline-1) starts only from samples in danger", () => {
    const b = R.borderlineSmote({ kNeighbors: 3, mNeighbors: 8, seed: 4 });
    const [xr, yr] = b.fitResample(nn.tensor(X, { dtype: "float64" }), Y);
    const rows = xr.toArray() as number[][];
    const cls = 2;
    const members = minorityOf(cls);
    const pts = members.map((i) => X[i]);
    const danger = b.danger.get(cls)!;
    rows.forEach((p, r) => {
      if (r < X.length || (yr as number[])[r] !== cls) return;
      const ok = danger.some((d) => neighboursOf(pts, members.indexOf(d), 3).some((j) => onSegment(p, X[d], pts[j])));
      expect(ok).toBe(true);
    });
  });

  it("borderline-2 samples lie on segments from a sample in danger to one of its neighbours (any class)", () => {
    const b = R.borderlineSmote({ kNeighbors: 3, mNeighbors: 8, kind: "borderline-2", seed: 1 });
    const [xr, yr] = b.fitResample(nn.tensor(X, { dtype: "float64" }), Y);
    const rows = xr.toArray() as number[][];
    const danger = b.danger.get(1)!;
    rows.forEach((p, r) => {
      if (r < X.length || (yr as number[])[r] !== 1) return;
      const ok = danger.some((d) => neighboursOf(X, d, 3).some((j) => onSegment(p, X[d], X[j]))) ||
        danger.some((d) => {
          const members = minorityOf(1);
          return neighboursOf(members.map((i) => X[i]), members.indexOf(d), 3).some((j) => onSegment(p, X[d], X[members[j]]));
        });
      expect(ok).toBe(true);
    });
  });

  it("adasyn gives more samples to minority points with more other-class neighbours", () => {
    const a = R.adasyn({ nNeighbors: 4, seed: 0 });
    a.fitResample(X, Y);
    const per = a.perSample.get(1)!;
    const members = minorityOf(1);
    const hard = members.map((i) => neighboursOf(X, i, 4).filter((j) => Y[j] !== 1).length);
    for (let i = 0; i < per.length; i++) for (let j = 0; j < per.length; j++) if (hard[i] > hard[j]) expect(per[i]).toBeGreaterThanOrEqual(per[j]);
    expect(per.reduce((s, v) => s + v, 0)).toBe(28);
  });

  it("smoteNC: continuous columns on a segment, category = most frequent among the k neighbours", () => {
    const rows: [number, string][] = [
      [0, "a"], [1, "a"], [2, "b"], [3, "a"], [10, "b"], [11, "b"], [12, "a"],
      [50, "x"], [51, "x"], [52, "x"], [53, "x"], [54, "x"], [55, "x"], [56, "x"], [57, "x"], [58, "x"], [59, "x"], [60, "x"],
    ];
    const y = [...Array(7).fill(1), ...Array(11).fill(0)];
    const [out, yo] = R.smoteNC({ categoricalFeatures: [1], kNeighbors: 2, seed: 3 }).fitResample(rows, y);
    expect(out.length).toBe(22);
    expect((yo as number[]).slice(18)).toEqual([1, 1, 1, 1]);
    for (const [v, c] of out.slice(18) as [number, string][]) {
      expect(["a", "b"]).toContain(c);
      expect(v >= 0 && v <= 12).toBe(true);
    }
  });

  it("the same seed gives the same resample; y comes back as given", () => {
    const a = R.smote({ seed: 9 }).fitResample(X, Y);
    const b = R.smote({ seed: 9 }).fitResample(X, Y);
    expect(Array.from(a[0].data)).toEqual(Array.from(b[0].data));
    expect(Array.isArray(a[1])).toBe(true);
    nn.setSeed(2);
    const c = R.randomOverSampler().fitResample(X, nn.tensor(Y));
    nn.setSeed(2);
    const d = R.randomOverSampler().fitResample(X, nn.tensor(Y));
    expect(c[1]).toBeInstanceOf(nn.Tensor);
    expect(Array.from(c[0].data)).toEqual(Array.from(d[0].data));
  });
});

describe("errors name the sampler and the argument", () => {
  it("bad inputs", () => {
    expect(() => R.smote().fitResample([[1], [2]], [0])).toThrow("smote.fitResample: x has 2 samples but y has 1; they must match");
    expect(() => R.smote().fitResample([[1], [NaN]], [0, 1])).toThrow("smote.fitResample: x contains NaN at row 1, column 0");
    expect(() => R.smote().fitResample([[1], [2]], [0, 0])).toThrow("smote.fitResample: y has only one class (0); resampling needs at least two");
    const x = Array.from({ length: 14 }, (_, i) => [i]);
    const y = [...Array(10).fill(0), ...Array(4).fill(1)];
    expect(() => R.smote({ kNeighbors: 5 }).fitResample(x, y)).toThrow(
      "smote.fitResample: class 1 has 4 samples but kNeighbors=5 needs at least 6; lower kNeighbors or use randomOverSampler",
    );
    expect(() => R.borderlineSmote({ kNeighbors: 5 }).fitResample(x, y)).toThrow("borderlineSmote.fitResample: class 1 has 4 samples but kNeighbors=5 needs at least 6");
    expect(() => R.adasyn({ nNeighbors: 5 }).fitResample(x, y)).toThrow("adasyn.fitResample: class 1 has 4 samples but nNeighbors=5 needs at least 6; lower nNeighbors");
    const far = [...Array.from({ length: 6 }, (_, i) => [i]), ...Array.from({ length: 3 }, (_, i) => [100 + i])];
    expect(() => R.adasyn({ nNeighbors: 2 }).fitResample(far, [0, 0, 0, 0, 0, 0, 1, 1, 1])).toThrow(
      "adasyn.fitResample: no neighbour of class 1 belongs to another class, so ADASYN has nothing to weight; use smote",
    );
    expect(() => R.smoteNC({ categoricalFeatures: [1], kNeighbors: 3 }).fitResample([[1, "a"], [2, "b"], [3, "a"], [4, "a"]], [0, 0, 0, 1])).toThrow(
      'smoteNC.fitResample: class 1 has 1 samples but kNeighbors=3 needs at least 4',
    );
    expect(() => R.smoteNC({ categoricalFeatures: [0] }).fitResample([["a", "b"]], [0])).toThrow('smoteNC.fitResample: x[0][1] is "b" but column 1 is continuous');
    expect(() => R.smoteNC({ categoricalFeatures: [0, 1] }).fitResample([["a", "b"]], [0])).toThrow("smoteNC.fitResample: all 2 columns are categorical");
    expect(() => R.smoteNC({ categoricalFeatures: [4] }).fitResample([[1, "b"]], [0])).toThrow("smoteNC.fitResample: categoricalFeatures has 4, not a column index in 0..1");
    expect(() => R.smoteNC({ categoricalFeatures: [1] }).fitResample([[1, "b"], [2]], [0, 1])).toThrow("smoteNC.fitResample: x[1] must be a row of 2 values");
    expect(() => R.smoteNC({ categoricalFeatures: [1] }).fitResample([], [])).toThrow("smoteNC.fitResample: x must be a non-empty array of rows");
    expect(() => R.smoteNC({ categoricalFeatures: [1] }).fitResample([[1, "a"]], [0, 1])).toThrow("smoteNC.fitResample: x has 1 samples but y has 2");
  });

  it("bad options and strategies", () => {
    expect(() => R.smote({ kNeighbors: 0 })).toThrow("smote: kNeighbors must be a whole number ≥ 1, got 0");
    expect(() => R.borderlineSmote({ mNeighbors: 1.5 })).toThrow("borderlineSmote: mNeighbors must be a whole number ≥ 1, got 1.5");
    expect(() => R.borderlineSmote({ kind: "borderline-3" as any })).toThrow('borderlineSmote: kind must be "borderline-1" or "borderline-2"');
    expect(() => R.adasyn({ nNeighbors: -1 })).toThrow("adasyn: nNeighbors must be a whole number ≥ 1, got -1");
    expect(() => R.smoteNC({ categoricalFeatures: [] })).toThrow("smoteNC: categoricalFeatures must list the column indices");
    expect(() => R.smoteNC({ categoricalFeatures: [0], kNeighbors: 0 })).toThrow("smoteNC: kNeighbors must be a whole number ≥ 1, got 0");
    const s = (samplingStrategy: any, under = false) => () => (under ? R.randomUnderSampler({ samplingStrategy }) : R.randomOverSampler({ samplingStrategy })).fitResample(X, Y);
    expect(s("most")).toThrow('randomOverSampler.fitResample: samplingStrategy "most" is unknown');
    expect(s("majority")).toThrow('randomOverSampler.fitResample: samplingStrategy "majority" cannot over-sample');
    expect(s("minority", true)).toThrow('randomUnderSampler.fitResample: samplingStrategy "minority" cannot under-sample');
    expect(s(0.5)).toThrow("randomOverSampler.fitResample: a numeric samplingStrategy (ratio) needs two classes, y has 3; pass { label: count } instead");
    const two = (samplingStrategy: any, under = false) => () =>
      (under ? R.randomUnderSampler({ samplingStrategy }) : R.randomOverSampler({ samplingStrategy })).fitResample(X.slice(0, 52), Y.slice(0, 52));
    expect(two(1.5)).toThrow("randomOverSampler.fitResample: samplingStrategy ratio must be in (0, 1], got 1.5");
    expect(two(0.1)).toThrow("randomOverSampler.fitResample: samplingStrategy 0.1 would remove samples (the minority already has 12 of 40)");
    expect(two(0.2, true)).toThrow("randomUnderSampler.fitResample: samplingStrategy 0.2 would need 60 majority samples but there are 40");
    expect(s({ 7: 3 })).toThrow('randomOverSampler.fitResample: samplingStrategy names class "7" which is not in y (classes: 0, 1, 2)');
    expect(s({ 1: 5 })).toThrow("randomOverSampler.fitResample: samplingStrategy asks 5 samples of class 1, fewer than its 12; over-sampling only adds");
    expect(s({ 1: 50 }, true)).toThrow("randomUnderSampler.fitResample: samplingStrategy asks 50 samples of class 1, more than its 12; under-sampling only removes");
    expect(s({ 1: -2 })).toThrow("randomOverSampler.fitResample: samplingStrategy count for class 1 must be a whole number ≥ 0, got -2");
    expect(s(true)).toThrow("randomOverSampler.fitResample: samplingStrategy must be a name, a ratio or { label: count }, got boolean");
  });
});
