import * as nn from "nnlab";

describe("randomNormal / randomUniform", () => {
  test("a seed fixes the values; shapes and dtypes are as asked", () => {
    nn.setSeed(7);
    const a = nn.randomNormal([2, 3], { dtype: "float64" });
    nn.setSeed(7);
    const b = nn.randomNormal([2, 3], { dtype: "float64" });
    expect(a.shape).toEqual([2, 3]);
    expect(a.dtype).toBe("float64");
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    expect(nn.randomUniform([4]).dtype).toBe("float32");
  });

  test("moments match the distributions (20,000 draws: standard errors ≈ 0.007–0.02)", () => {
    nn.setSeed(1);
    const n = nn.randomNormal([20000], { mean: 3, stddev: 2, dtype: "float64" });
    const mean = n.mean().item();
    const std = Math.sqrt(n.sub(mean).square().mean().item());
    // Standard error of the mean: 2/√20000 ≈ 0.014; of the std: 2/√40000 ≈ 0.01. Allow 5 of each.
    expect(Math.abs(mean - 3)).toBeLessThan(0.07);
    expect(Math.abs(std - 2)).toBeLessThan(0.05);
    const u = nn.randomUniform([20000], { minval: -1, maxval: 3, dtype: "float64" });
    const values = Array.from(u.data);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...values)).toBeLessThan(3);
    // Uniform(-1, 3): mean 1, std 4/√12 ≈ 1.155, standard error of the mean ≈ 0.008.
    expect(Math.abs(u.mean().item() - 1)).toBeLessThan(0.04);
  });

  test("bad arguments are clear errors", () => {
    expect(() => nn.randomNormal([2], { stddev: -1 })).toThrow("randomNormal: stddev must be ≥ 0, got -1");
    expect(() => nn.randomUniform([2], { minval: 1, maxval: 1 })).toThrow("randomUniform: minval (1) must be less than maxval (1)");
    expect(() => nn.randomNormal([2], { mean: NaN })).toThrow("randomNormal: mean must be a finite number, got NaN");
    expect(() => nn.randomNormal([-1])).toThrow(/randomNormal/);
  });
});
