import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import * as nn from "nnlab";

const D = nn.datasets;
const rows = (t: nn.Tensor) => t.toArray() as number[][];

describe("synthetic generators", () => {
  it("makeMoons without noise lies on the two half circles of sklearn's make_moons", () => {
    const { x, y } = D.makeMoons({ nSamples: 101, seed: 1 });
    expect(x.shape).toEqual([101, 2]);
    const lab = Array.from(y.data);
    expect(lab.filter((v) => v === 0).length).toBe(50);
    rows(x).forEach(([a, b], i) => {
      if (lab[i] === 0) expect(Math.hypot(a, b)).toBeCloseTo(1, 6);
      else expect(Math.hypot(a - 1, b - 0.5)).toBeCloseTo(1, 6);
    });
    expect(Array.from(D.makeMoons({ nSamples: 101, seed: 1, noise: 0.1 }).x.data)).toEqual(Array.from(D.makeMoons({ nSamples: 101, seed: 1, noise: 0.1 }).x.data));
  });

  it("makeCircles: radii 1 and factor; the unshuffled first point is (1, 0) as in sklearn", () => {
    const { x, y } = D.makeCircles({ nSamples: 10, factor: 0.5, shuffle: false, seed: 0 });
    expect(rows(x)[0]).toEqual([1, 0]);
    rows(x).forEach(([a, b], i) => expect(Math.hypot(a, b)).toBeCloseTo(y.data[i] === 0 ? 1 : 0.5, 6));
  });

  it("makeBlobs: sizes split as sklearn, samples near given centers", () => {
    const { x, y } = D.makeBlobs({ nSamples: 10, centers: [[0, 0], [100, 100], [-100, 50]], clusterStd: 0.5, seed: 3 });
    const lab = Array.from(y.data);
    expect([0, 1, 2].map((k) => lab.filter((v) => v === k).length)).toEqual([4, 3, 3]);
    const c = [[0, 0], [100, 100], [-100, 50]];
    rows(x).forEach((p, i) => expect(Math.hypot(p[0] - c[lab[i]][0], p[1] - c[lab[i]][1])).toBeLessThan(4));
    expect(D.makeBlobs({ centers: 4, nFeatures: 3, seed: 1 }).centers.length).toBe(4);
  });

  it("logic gates and xor", () => {
    expect(D.xor().y.toArray()).toEqual([[0], [1], [1], [0]]);
    expect(D.logicGate("and").y.toArray()).toEqual([[0], [0], [0], [1]]);
    expect(D.logicGate("nor").y.toArray()).toEqual([[1], [0], [0], [0]]);
    expect(() => D.logicGate("nxor" as any)).toThrow('logicGate: unknown gate "nxor"; valid gates: and, or, nand, nor, xor, xnor');
  });

  it("makeImbalanced is 95/5 by default; makeSpirals has nClasses arms", () => {
    const { y } = D.makeImbalanced({ seed: 0 });
    expect(Array.from(y.data).filter((v) => v === 1).length).toBe(50);
    const s = D.makeSpirals({ nSamples: 90, nClasses: 3, seed: 0 });
    expect(s.x.shape).toEqual([90, 2]);
    expect(new Set(Array.from(s.y.data))).toEqual(new Set([0, 1, 2]));
  });

  it("regressions recover their coefficients (least squares on noiseless data)", () => {
    const { x, y, coef } = D.makeRegression({ nSamples: 20, coef: [2, -3], bias: 1, seed: 0 });
    rows(x).forEach((r, i) => expect(y.data[i]).toBeCloseTo(2 * r[0] - 3 * r[1] + 1, 4));
    expect(coef).toEqual([2, -3]);
    const p = D.makePolynomialRegression({ nSamples: 5, coefs: [1, 0, 2], seed: 0 });
    rows(p.x).forEach(([v], i) => expect(p.y.data[i]).toBeCloseTo(1 + 2 * v * v, 4));
  });

  it("sineSequences: windows of sin and the next value", () => {
    const { x, y } = D.sineSequences({ nSamples: 3, seqLength: 5, step: 0.1, seed: 0 });
    expect(x.shape).toEqual([3, 5, 1]);
    expect(y.shape).toEqual([3, 1]);
    const w = (x.toArray() as number[][][])[0].map((r) => r[0]);
    const t0 = Math.asin(w[0]);
    const t = Math.abs(Math.sin(t0 + 0.1) - w[1]) < 1e-5 ? t0 : Math.PI - t0;
    expect(y.data[0]).toBeCloseTo(Math.sin(t + 0.5), 5);
  });

  it("toy tables: placement and insurance ranges; a cut-off near 36.4 years", () => {
    const p = D.placement({ nSamples: 200, seed: 0 });
    expect(p.columns).toEqual(["cgpa", "iq"]);
    for (const [c, iq] of rows(p.x)) {
      expect(c >= 5 && c <= 10 && iq >= 60 && iq <= 140).toBe(true);
    }
    const ins = D.insurance({ nSamples: 2000, seed: 0 });
    const pairs = rows(ins.x).map((r, i) => [r[0], ins.y.data[i]]);
    const rate = (lo: number, hi: number) => { const s = pairs.filter(([a]) => a >= lo && a < hi); return s.filter(([, b]) => b === 1).length / s.length; };
    expect(rate(15, 30)).toBeLessThan(0.1);
    expect(rate(45, 76)).toBeGreaterThan(0.9);
  });

  it("rejects bad options", () => {
    expect(() => D.makeMoons({ nSamples: 1 })).toThrow("makeMoons: nSamples must be a whole number ≥ 2, got 1");
    expect(() => D.makeMoons({ noise: -1 })).toThrow("makeMoons: noise must be a finite number ≥ 0, got -1");
    expect(() => D.makeCircles({ factor: 1 })).toThrow("makeCircles: factor must be in (0, 1), got 1");
    expect(() => D.makeBlobs({ centers: 0 })).toThrow("makeBlobs: centers must be a whole number ≥ 1 or a list of points, got 0");
    expect(() => D.makeBlobs({ centers: [] })).toThrow("makeBlobs: centers must be a non-empty list of points of equal length");
    expect(() => D.makeBlobs({ nFeatures: 0 })).toThrow("makeBlobs: nFeatures must be a whole number ≥ 1, got 0");
    expect(() => D.makeBlobs({ centers: 2, samplesPerCluster: [1] })).toThrow("makeBlobs: samplesPerCluster must list 2 whole numbers ≥ 0, got [1]");
    expect(() => D.makeBlobs({ centers: 2, clusterStd: [1] })).toThrow("makeBlobs: clusterStd must be a number ≥ 0 or one per cluster (2), got [1]");
    expect(() => D.makeImbalanced({ minorityFraction: 0.6 })).toThrow("makeImbalanced: minorityFraction must be in (0, 0.5), got 0.6");
    expect(() => D.makeSpirals({ nClasses: 1 })).toThrow("makeSpirals: nClasses must be a whole number ≥ 2, got 1");
    expect(() => D.makeRegression({ nFeatures: 0 })).toThrow("makeRegression: nFeatures must be a whole number ≥ 1, got 0");
    expect(() => D.makePolynomialRegression({ xRange: [1, 1] })).toThrow("makePolynomialRegression: xRange must be [lo, hi] with lo < hi, got [1,1]");
    expect(() => D.sineSequences({ seqLength: 0 })).toThrow("sineSequences: seqLength must be a whole number ≥ 1, got 0");
  });
});

describe("loadMnist reads IDX files (gzip or not)", () => {
  function idx(dims: number[], values: number[]): Buffer {
    const head = Buffer.alloc(4 + 4 * dims.length);
    head.writeUInt8(8, 2);
    head.writeUInt8(dims.length, 3);
    dims.forEach((d, i) => head.writeUInt32BE(d, 4 + 4 * i));
    return Buffer.concat([head, Buffer.from(values)]);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnlab-mnist-"));
  const images = Array.from({ length: 2 * 2 * 3 }, (_, i) => i * 20);
  fs.writeFileSync(path.join(dir, "train-images-idx3-ubyte.gz"), zlib.gzipSync(idx([2, 2, 3], images)));
  fs.writeFileSync(path.join(dir, "train-labels-idx1-ubyte"), idx([2], [7, 3]));
  fs.writeFileSync(path.join(dir, "t10k-images-idx3-ubyte"), idx([1, 2, 3], [0, 255, 0, 51, 0, 0]));
  fs.writeFileSync(path.join(dir, "t10k-labels-idx1-ubyte.gz"), zlib.gzipSync(idx([1], [9])));

  it("scales pixels to [0, 1] and keeps labels", () => {
    const { train, test } = D.loadMnist(dir);
    expect(train.x.shape).toEqual([2, 2, 3]);
    expect(Array.from(train.x.data)).toEqual(images.map((v) => Math.fround(v / 255)));
    expect(Array.from(train.y.data)).toEqual([7, 3]);
    expect(Array.from(test.x.data)).toEqual([0, 1, 0, Math.fround(0.2), 0, 0]);
    expect(Array.from(D.loadFashionMnist(dir).test.y.data)).toEqual([9]);
  });

  it("clear errors: missing file (and where to put it), bad files", () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "nnlab-empty-"));
    expect(() => D.loadMnist(empty)).toThrow(`loadMnist: missing file train-images-idx3-ubyte (or train-images-idx3-ubyte.gz) in ${empty}; put the four standard IDX files there`);
    expect(() => D.loadFashionMnist(empty)).toThrow("loadFashionMnist: missing file train-images-idx3-ubyte");
    const bad = path.join(empty, "bad");
    fs.writeFileSync(bad, Buffer.from([1, 2, 3, 4]));
    expect(() => D.readIdx(bad)).toThrow(`readIdx: ${bad} is not an IDX file (bad magic number)`);
    fs.writeFileSync(bad, Buffer.from([0, 0, 0x0d, 1, 0, 0, 0, 0]));
    expect(() => D.readIdx(bad)).toThrow("holds type 0xd; only unsigned bytes (0x08) are supported");
    fs.writeFileSync(bad, idx([3], [1, 2]));
    expect(() => D.readIdx(bad)).toThrow(`readIdx: ${bad} should hold 3 values for shape [3] but holds 2`);
    fs.writeFileSync(path.join(empty, "train-images-idx3-ubyte"), idx([2, 1, 1], [1, 2]));
    fs.writeFileSync(path.join(empty, "train-labels-idx1-ubyte"), idx([3], [1, 2, 3]));
    expect(() => D.loadMnist(empty)).toThrow("loadMnist: train-labels-idx1-ubyte has 3 labels but train-images-idx3-ubyte has 2 images");
  });
});
