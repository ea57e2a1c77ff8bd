/**
 * Worked numbers N27 (inventory Part 3): the initializer formulas of the notes. Bounds are
 * exact; variances are statistical with |var − target| < 2% over 10⁵ draws (the sample
 * variance's relative standard error is √(2/n) = 0.45% for a normal: 2% is 4.5 standard errors).
 */
import * as init from "../../../src/initializers";
import { setSeed } from "../../../src/random/rng";
import type { Tensor } from "../../../src/tensor/tensor";

function variance(t: Tensor): number {
  const d = Array.from(t.data);
  const mean = d.reduce((p, v) => p + v, 0) / d.length;
  return d.reduce((p, v) => p + (v - mean) ** 2, 0) / d.length;
}
const maxAbs = (t: Tensor) => Array.from(t.data).reduce((m, v) => Math.max(m, Math.abs(v)), 0);

beforeEach(() => setSeed(27));

test("randn(fanIn, ·)·√(1/fanIn): std √(1/2) = 0.70711 for fanIn 2, √(1/10) = 0.31623 for fanIn 10", () => {
  const lecunPlain = init.varianceScaling({ scale: 1, mode: "fanIn", distribution: "untruncatedNormal" });
  for (const [fanIn, std] of [[2, 0.70711], [10, 0.31623]]) {
    expect(Math.abs(Math.sqrt(1 / fanIn) - std)).toBeLessThan(5e-6);
    const w = lecunPlain([fanIn, 1e5 / fanIn], "float64");
    expect(Math.abs(variance(w) / (std * std) - 1)).toBeLessThan(0.02);
  }
});

test("biases start at zero", () => {
  expect(Array.from(init.zeros([10]).data)).toEqual(new Array(10).fill(0));
});

test("Xavier uniform limit √(6/(fanIn + fanOut)): 0.70711 for 2 → 10, 0.54772 for 10 → 10; never exceeded", () => {
  for (const [shape, limit] of [[[2, 10], 0.70711], [[10, 10], 0.54772]] as Array<[number[], number]>) {
    let m = 0;
    for (let i = 0; i < 500; i++) m = Math.max(m, maxAbs(init.glorotUniform(shape, "float64")));
    expect(m).toBeLessThanOrEqual(Math.sqrt(6 / (shape[0] + shape[1])));
    expect(Math.abs(Math.sqrt(6 / (shape[0] + shape[1])) - limit)).toBeLessThan(5e-6);
    expect(m).toBeGreaterThan(0.99 * limit); // thousands of draws come within 1% of the bound
  }
});

test("He uniform limit √(6/fanIn): 1.73205 for fanIn 2, 0.77460 for fanIn 10; never exceeded", () => {
  for (const [fanIn, limit] of [[2, 1.73205], [10, 0.7746]]) {
    const w = init.heUniform([fanIn, 1e4], "float64");
    expect(maxAbs(w)).toBeLessThanOrEqual(Math.sqrt(6 / fanIn));
    expect(maxAbs(w)).toBeGreaterThan(0.99 * limit);
    expect(Math.abs(Math.sqrt(6 / fanIn) - limit)).toBeLessThan(5e-6);
  }
});

test("He normal std √(2/fanIn) = 0.44721 for fanIn 10 (truncated normal, variance restored by the 0.8796 correction)", () => {
  const w = init.heNormal([10, 1e4], "float64");
  expect(Math.abs(variance(w) / (0.44721 * 0.44721) - 1)).toBeLessThan(0.02);
});
