/**
 * Initializer statistics against Keras 3's formulas, over large samples.
 *
 * Tolerances: with n = 10⁵ draws the sample mean has standard error σ/√n = 3.2e-3·σ and the
 * sample standard deviation a relative standard error of √((κ − 1)/(4n)) ≤ 2.2e-3 (κ = 3 for a
 * normal, less for uniform and truncated normals). We allow 6 standard errors on the mean and
 * 1.5% on the std (≥ 6.7 standard errors), so a correct initializer fails with probability
 * < 1e-8 (and never, given the fixed seed), while a wrong formula is far outside: a missing
 * 0.8796 correction is 13.7% off; the [1000, 100] kernel has fanIn 1000, fanOut 100 and
 * fanAvg 550, so a wrong fan mode changes the std by ≥ 35%.
 */
import * as init from "../../../src/initializers";
import { setSeed } from "../../../src/random/rng";
import type { Tensor } from "../../../src/tensor/tensor";
import { torchFixture } from "../helpers";

const fixture = torchFixture("initializers");

function stats(t: Tensor): { mean: number; std: number; maxAbs: number; min: number; max: number } {
  const d = t.data;
  let s = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < d.length; i++) {
    s += d[i];
    if (d[i] < min) min = d[i];
    if (d[i] > max) max = d[i];
  }
  const mean = s / d.length;
  let v = 0;
  for (let i = 0; i < d.length; i++) v += (d[i] - mean) ** 2;
  return { mean, std: Math.sqrt(v / d.length), maxAbs: Math.max(-min, max), min, max };
}

function expectMoments(t: Tensor, mean: number, std: number): void {
  const s = stats(t);
  expect(t.size).toBeGreaterThanOrEqual(1e5);
  expect(Math.abs(s.mean - mean)).toBeLessThan((6 * std) / Math.sqrt(t.size));
  expect(Math.abs(s.std / std - 1)).toBeLessThan(1.5e-2);
}

beforeEach(() => setSeed(20261122));

describe("variance-scaling schemes (Keras 3 formulas) on a [1000, 100] kernel", () => {
  const shape = [1000, 100];
  const cases: Array<[string, (shape: number[], dtype?: "float64") => Tensor, number, number, "uniform" | "truncated"]> = [
    ["glorotUniform", init.glorotUniform, 1, 550, "uniform"],
    ["glorotNormal", init.glorotNormal, 1, 550, "truncated"],
    ["heUniform", init.heUniform, 2, 1000, "uniform"],
    ["heNormal", init.heNormal, 2, 1000, "truncated"],
    ["lecunUniform", init.lecunUniform, 1, 1000, "uniform"],
    ["lecunNormal", init.lecunNormal, 1, 1000, "truncated"],
  ];
  for (const [name, f, scale, fan, kind] of cases) {
    test(`${name}: std √(${scale}/${fan}), ${kind === "uniform" ? "bounds ±√(3·variance)" : "truncated at 2·(std/0.8796)"}`, () => {
      const w = f(shape, "float64");
      const std = Math.sqrt(scale / fan);
      expectMoments(w, 0, std);
      const bound = kind === "uniform" ? Math.sqrt(3) * std : (2 * std) / init.TRUNCATED_NORMAL_STDDEV;
      const { maxAbs } = stats(w);
      expect(maxAbs).toBeLessThanOrEqual(bound);
      expect(maxAbs).toBeGreaterThan(0.999 * bound); // the bound is reached: not a narrower distribution
    });
  }

  test("varianceScaling: mode fanIn/fanOut/fanAvg and the three distributions on a [200, 500] kernel", () => {
    const s = [200, 500];
    const fans = { fanIn: 200, fanOut: 500, fanAvg: 350 };
    for (const [mode, n] of Object.entries(fans)) {
      for (const distribution of ["truncatedNormal", "untruncatedNormal", "uniform"]) {
        const w = init.varianceScaling({ scale: 3, mode, distribution })(s, "float64");
        expectMoments(w, 0, Math.sqrt(3 / n));
      }
    }
  });

  test("untruncated normal reaches beyond 2σ (≈ 4.55% of draws); truncated never does", () => {
    const std = Math.sqrt(1 / 1000);
    const un = init.varianceScaling({ distribution: "untruncated_normal" })([1000, 100], "float64");
    const beyond = Array.from(un.data).filter((v) => Math.abs(v) > 2 * std).length / un.size;
    // P(|Z| > 2) = 0.0455; binomial standard error √(p(1−p)/n) = 6.6e-4.
    expect(Math.abs(beyond - 0.0455)).toBeLessThan(4e-3);
    const tr = init.varianceScaling({ distribution: "normal" })([1000, 100], "float64"); // "normal" = truncated, as Keras
    expect(stats(tr).maxAbs).toBeLessThanOrEqual((2 * std) / init.TRUNCATED_NORMAL_STDDEV);
  });

  test("convolution kernels use the receptive field: heUniform on [3, 3, 16, 32] has limit √(6/144)", () => {
    const w = init.heUniform([3, 3, 16, 32], "float64");
    const limit = Math.sqrt(6 / (3 * 3 * 16));
    expect(stats(w).maxAbs).toBeLessThanOrEqual(limit);
    expect(stats(w).maxAbs).toBeGreaterThan(0.99 * limit);
  });
});

describe("fixed distributions", () => {
  test("randomNormal({ mean: 1, stddev: 2 })", () => {
    expectMoments(init.randomNormal({ mean: 1, stddev: 2 })([1000, 100], "float64"), 1, 2);
  });
  test("randomUniform({ minval: −1, maxval: 3 }): mean 1, std 4/√12, within [−1, 3)", () => {
    const w = init.randomUniform({ minval: -1, maxval: 3 })([1000, 100], "float64");
    expectMoments(w, 1, 4 / Math.sqrt(12));
    const s = stats(w);
    expect(s.min).toBeGreaterThanOrEqual(-1);
    expect(s.max).toBeLessThan(3);
  });
  test("truncatedNormal({ mean: 0.5, stddev: 0.1 }): std 0.1·0.8796, |w − 0.5| ≤ 0.2", () => {
    const w = init.truncatedNormal({ mean: 0.5, stddev: 0.1 })([1000, 100], "float64");
    expectMoments(w, 0.5, 0.1 * fixture.truncated_std);
    const s = stats(w);
    expect(s.min).toBeGreaterThanOrEqual(0.3);
    expect(s.max).toBeLessThanOrEqual(0.7);
  });
  test("Keras's defaults: randomNormal/truncatedNormal stddev 0.05, randomUniform ±0.05", () => {
    expectMoments(init.randomNormal([1000, 100], "float64"), 0, 0.05);
    expectMoments(init.truncatedNormal([1000, 100], "float64"), 0, 0.05 * fixture.truncated_std);
    expectMoments(init.randomUniform([1000, 100], "float64"), 0, 0.1 / Math.sqrt(12));
  });
  test("0.87962566103423978 is the std of a standard normal truncated to ±2", () => {
    expect(Math.abs(init.TRUNCATED_NORMAL_STDDEV - fixture.truncated_std)).toBeLessThan(1e-15);
  });
});
