import * as nn from "nnlab";
import { sklearnFixture } from "../helpers";

const fx = sklearnFixture("split");
const { trainTestSplit, kFold, stratifiedKFold } = nn.datasets;

describe("kFold", () => {
  it.each<any[]>(fx.kFold.map((c: any): any[] => [c.n, c.nSplits, c]))("matches sklearn KFold for n=%i, k=%i", (n, k, c: any) => {
    expect(kFold({ nSplits: k }).split(n)).toEqual(c.folds);
    expect(kFold({ nSplits: k }).split(Array.from({ length: n }, (_, i) => [i]))).toEqual(c.folds);
  });

  it("shuffles reproducibly with a seed; every sample is tested exactly once", () => {
    const a = kFold({ nSplits: 4, shuffle: true, seed: 7 }).split(22);
    expect(kFold({ nSplits: 4, shuffle: true, seed: 7 }).split(22)).toEqual(a);
    expect(a).not.toEqual(kFold({ nSplits: 4 }).split(22));
    const tested = a.flatMap((f) => f.test).sort((x, y) => x - y);
    expect(tested).toEqual(Array.from({ length: 22 }, (_, i) => i));
    expect(a.map((f) => f.test.length)).toEqual([6, 6, 5, 5]);
    for (const f of a) expect(f.train.length + f.test.length).toBe(22);
  });

  it("rejects bad arguments", () => {
    expect(() => kFold({ nSplits: 1 })).toThrow("kFold: nSplits must be a whole number ≥ 2, got 1");
    expect(() => kFold({ nSplits: 2.5 })).toThrow("nSplits must be a whole number ≥ 2, got 2.5");
    expect(() => kFold({ seed: 3 })).toThrow("kFold: seed has no effect unless shuffle is true");
    expect(() => kFold({ nSplits: 5 }).split(4)).toThrow("kFold.split: cannot make 5 folds from 4 samples");
  });
});

describe("stratifiedKFold", () => {
  it.each<any[]>(fx.stratifiedKFold.map((c: any, i: number): any[] => [i, c]))("matches sklearn StratifiedKFold (case %i)", (_i, c: any) => {
    expect(stratifiedKFold({ nSplits: c.nSplits }).split(c.y.length, c.y)).toEqual(c.folds);
  });

  it("takes y as a tensor", () => {
    const c = fx.stratifiedKFold[1];
    expect(stratifiedKFold({ nSplits: c.nSplits }).split(nn.zeros([c.y.length, 2]), nn.tensor(c.y))).toEqual(c.folds);
  });

  it("keeps class proportions within one sample when shuffled (property, several seeds)", () => {
    const y = [...Array(37).fill(0), ...Array(11).fill(1), ...Array(5).fill(2)];
    for (let seed = 0; seed < 20; seed++) {
      const folds = stratifiedKFold({ nSplits: 5, shuffle: true, seed }).split(y.length, y);
      for (const cls of [0, 1, 2]) {
        const total = y.filter((v) => v === cls).length;
        for (const f of folds) {
          const inFold = f.test.filter((i) => y[i] === cls).length;
          expect(Math.abs(inFold - (total * f.test.length) / y.length)).toBeLessThanOrEqual(1);
        }
      }
      expect(folds.flatMap((f) => f.test).sort((a, b) => a - b)).toEqual(y.map((_, i) => i));
    }
  });

  it("rejects bad arguments", () => {
    expect(() => stratifiedKFold().split(3, [0, 1])).toThrow("stratifiedKFold.split: x has 3 samples but y has 2; they must match");
    expect(() => stratifiedKFold({ nSplits: 3 }).split(4, [0, 0, 1, 1])).toThrow(
      "stratifiedKFold.split: nSplits=3 is greater than the number of members in every class (largest class: 2)",
    );
    expect(() => stratifiedKFold().split(2, nn.zeros([2, 2]))).toThrow("stratifiedKFold.split: y must be 1-D labels (or [n, 1]), got shape [2, 2]");
    expect(() => stratifiedKFold().split(2, [0, NaN])).toThrow("stratifiedKFold.split: y[1] is NaN");
  });
});

describe("trainTestSplit", () => {
  it.each<any[]>(fx.trainTestSplit.map((c: any): any[] => [c.n, c.testSize, c.trainSize, c]))(
    "without shuffling matches sklearn (n=%i, testSize=%p, trainSize=%p)",
    (n, testSize, trainSize, c: any) => {
      const a = Array.from({ length: n }, (_, i) => i);
      const opts: any = { shuffle: false };
      if (testSize !== null) opts.testSize = testSize;
      if (trainSize !== null) opts.trainSize = trainSize;
      expect(trainTestSplit(a, opts)).toEqual([c.train, c.test]);
    },
  );

  it("returns tensors for tensors and arrays for arrays, in sklearn order, rows kept together", () => {
    const x = nn.tensor(Array.from({ length: 10 }, (_, i) => [i, 10 * i]));
    const y = Array.from({ length: 10 }, (_, i) => i % 2);
    const [xTr, xTe, yTr, yTe] = trainTestSplit(x, y, { testSize: 0.2, seed: 42 }) as [nn.Tensor, nn.Tensor, number[], number[]];
    expect(xTr.shape).toEqual([8, 2]);
    expect(xTe.shape).toEqual([2, 2]);
    const rows = [...(xTr.toArray() as number[][]), ...(xTe.toArray() as number[][])];
    expect(rows.map((r) => r[0]).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    rows.forEach((r) => expect(r[1]).toBe(10 * r[0]));
    expect([...yTr, ...yTe]).toEqual(rows.map((r) => r[0] % 2));
    expect(trainTestSplit(x, y, { testSize: 0.2, seed: 42 })[3]).toEqual(yTe);
  });

  it("follows nn.setSeed without a seed", () => {
    nn.setSeed(5);
    const a = trainTestSplit([1, 2, 3, 4, 5, 6, 7, 8]);
    nn.setSeed(5);
    expect(trainTestSplit([1, 2, 3, 4, 5, 6, 7, 8])).toEqual(a);
  });

  it("stratifies: each class's share as sklearn's approximate mode gives", () => {
    const y = [...Array(30).fill("a"), ...Array(15).fill("b"), ...Array(5).fill("c")];
    for (let seed = 0; seed < 10; seed++) {
      const [yTr, yTe] = trainTestSplit(y, { testSize: 0.2, stratify: y, seed }) as string[][];
      expect(yTe.length).toBe(10);
      expect(yTe.filter((v) => v === "a").length).toBe(6);
      expect(yTe.filter((v) => v === "b").length).toBe(3);
      expect(yTe.filter((v) => v === "c").length).toBe(1);
      expect(yTr.length).toBe(40);
    }
    // 7 / 3 of 10 samples, testSize 3: continuous 2.1 / 0.9 → floor 2 / 0, one extra to the larger remainder (class 1).
    const y2 = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1];
    const [, te] = trainTestSplit(y2, { testSize: 3, stratify: y2, seed: 1 }) as number[][];
    expect(te.filter((v) => v === 1).length).toBe(1);
  });

  it("rejects bad arguments", () => {
    expect(() => trainTestSplit()).toThrow("trainTestSplit: expected at least one array to split");
    expect(() => trainTestSplit([1, 2, 3], [1, 2])).toThrow("trainTestSplit: array 1 has 2 samples but array 0 has 3");
    expect(() => trainTestSplit([1, 2, 3, 4], { testSize: 1.5 })).toThrow("trainTestSplit: testSize=1.5 should be a fraction in (0, 1) or a whole number of samples in [1, 3] (4 samples)");
    expect(() => trainTestSplit([1, 2, 3, 4], { testSize: 0 })).toThrow("testSize=0 should be a fraction");
    expect(() => trainTestSplit([1, 2, 3, 4], { testSize: 3, trainSize: 2 })).toThrow("trainSize + testSize cover 5 samples but there are only 4");
    expect(() => trainTestSplit([1, 2, 3, 4], { testSize: 0.1, trainSize: 0.1 })).toThrow("the training set would be empty");
    expect(() => trainTestSplit([1, 2, 3, 4], { shuffle: false, stratify: [0, 0, 1, 1] })).toThrow("stratify needs shuffle: true");
    expect(() => trainTestSplit([1, 2, 3, 4], { stratify: [0, 0, 1] })).toThrow("stratify has 3 labels but the arrays have 4 samples");
    expect(() => trainTestSplit([1, 2, 3, 4], { stratify: [0, 0, 0, 1] })).toThrow('stratify: class 1 has only 1 member');
    expect(() => trainTestSplit([1, 2, 3, 4, 5, 6], { testSize: 1, stratify: [0, 0, 0, 1, 1, 1] })).toThrow("the test set (1 samples) must be at least the number of classes (2)");
    expect(() => trainTestSplit(nn.scalar(3))).toThrow("trainTestSplit: array 0 must have at least one axis");
  });
});
