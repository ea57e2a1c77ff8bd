/**
 * nn.plot: every chart's Vega-Lite spec compiles and renders to SVG, values against
 * PyTorch / scikit-learn / hand computation, input errors, and escaping of data text.
 */
import * as nn from "nnlab";
import { torchFixture, expectClose } from "../helpers";
import { VEGALITE_MIME } from "../../../src/display/mime";

const ref = torchFixture("plot");
const HOSTILE = "<img src=x onerror=alert(1)>";

/** The bundle of a plot, checked for the three MIME types and a real SVG. */
async function bundleOf(plot: nn.plot.Plot) {
  const bundle = await plot.bundle();
  // No text/html: its rank would beat JupyterLab's Vega-Lite renderer; exports inline the SVG.
  expect(Object.keys(bundle).sort()).toEqual(["application/vnd.vegalite.v5+json", "image/svg+xml", "text/plain"].sort());
  const html = bundle["image/svg+xml"] as string;
  expect(html).toMatch(/^<svg [^>]*class="marks"/);
  expect(bundle["text/plain"]).toBe(plot.description);
  expect(html).not.toMatch(/<script/i);
  expect(bundle[VEGALITE_MIME]).toBe(plot.spec);
  expect((plot.spec as { $schema?: string }).$schema ?? "https://vega.github.io/schema/vega-lite/v5.json").toContain("vega-lite/v5");
  return { bundle, html, svg: await plot.toSVG() };
}

describe("nn.plot.activation", () => {
  test("values and derivatives match PyTorch autograd (float64)", () => {
    const xs: number[] = ref.x;
    for (const name of ["sigmoid", "tanh", "relu"]) {
      const got = nn.plot.activationValues(name, xs);
      expectClose(got.values, ref.activations[name].values, 1e-10);
      expectClose(got.derivatives, ref.activations[name].derivatives, 1e-10);
    }
  });

  test("one panel per function with f and f′, rendered to SVG", async () => {
    const plot = nn.plot.activation(["sigmoid", "tanh", "relu"], { points: 21 });
    const { svg } = await bundleOf(plot);
    for (const label of ["sigmoid", "tanh", "relu", "f(x)", "f′(x)"]) expect(svg).toContain(label);
    expect(plot.description).toBe("Activation functions and derivatives on [-5, 5]: sigmoid, tanh, relu");
  });

  test("unknown id and bad range give clear errors", () => {
    expect(() => nn.plot.activation("sigmoidd")).toThrow(/sigmoidd/);
    expect(() => nn.plot.activation("relu", { range: [1, 1] })).toThrow("nn.plot.activation: range must be [min, max] with min < max, got [1,1]");
    expect(() => nn.plot.activation([])).toThrow("nn.plot.activation: give at least one activation, got an empty list");
  });
});

describe("nn.plot.confusionMatrix", () => {
  test("matches scikit-learn's confusion_matrix (its documented example)", async () => {
    const plot = nn.plot.confusionMatrix(ref.confusion.y_true, ref.confusion.y_pred);
    expect(plot.matrix).toEqual(ref.confusion.matrix);
    expect(plot.description).toBe("Confusion matrix, 3 classes, 6 samples, 4 on the diagonal (accuracy 0.6667)");
    const { svg } = await bundleOf(plot);
    expect(svg).toContain("predicted");
  });

  test("one-hot truth and probability predictions reduce with argmax", () => {
    const yTrue = [[1, 0], [0, 1], [0, 1]];
    const yPred = [[0.9, 0.1], [0.3, 0.7], [0.8, 0.2]];
    expect(nn.plot.confusionMatrix(yTrue, yPred).matrix).toEqual([[1, 0], [1, 1]]);
  });

  test("hostile class names are escaped in the SVG and the HTML", async () => {
    const plot = nn.plot.confusionMatrix([0, 1], [0, 1], { classNames: ["cat", HOSTILE] });
    const { html } = await bundleOf(plot);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  test("errors name the argument", () => {
    expect(() => nn.plot.confusionMatrix([0, 1, 1], [0, 1])).toThrow("nn.plot.confusionMatrix: yPred must have 3 rows (one per sample), got shape [2]");
    expect(() => nn.plot.confusionMatrix([0, 3], [0, 1], { classNames: ["a", "b"] })).toThrow("nn.plot.confusionMatrix: classNames has 2 names but the labels go up to class 3");
    expect(() => nn.plot.confusionMatrix([0, -1], [0, 1])).toThrow("nn.plot.confusionMatrix: class labels must be integers ≥ 0, got -1");
  });
});

describe("nn.plot.lrFinder", () => {
  test("bias-corrected smoothing and the steepest-descent suggestion (hand computed)", () => {
    // β = 0.5: avg₁ = 2 → 2/0.5 = 4; avg₂ = 1 + 1 = 2 → 2/0.75; avg₃ = 1 + 0.5 = 1.5 → 1.5/0.875.
    expectClose(nn.plot.smoothLosses([4, 2, 1], 0.5), [4, 2 / 0.75, 1.5 / 0.875], 1e-12);
    // Slopes per decade: −1.333 then −0.952: the first segment is steepest, starting at 1e-3.
    const plot = nn.plot.lrFinder({ learningRates: [1e-3, 1e-2, 1e-1], losses: [4, 2, 1] }, { smoothing: 0.5 });
    expect(plot.suggestion).toBe(1e-3);
    expect(plot.description).toBe("Learning-rate finder: 3 rates from 0.0010 to 0.10; steepest descent at 0.0010");
  });

  test("renders, and rejects mismatched lengths", async () => {
    await bundleOf(nn.plot.lrFinder({ learningRates: [1e-4, 1e-3, 1e-2, 1e-1], losses: [1, 0.8, 0.5, 2] }));
    expect(() => nn.plot.lrFinder({ learningRates: [1e-3], losses: [1, 2] })).toThrow("nn.plot.lrFinder: learningRates and losses must be arrays of the same length ≥ 2, got lengths 1 and 2");
    expect(() => nn.plot.lrFinder({ learningRates: [0, 1], losses: [1, 2] })).toThrow("nn.plot.lrFinder: learning rates must be positive numbers (log axis)");
  });
});

describe("nn.plot.errorSurface", () => {
  test("contour lines of w₁² + w₂² at level 1 lie on the unit circle", () => {
    const plot = nn.plot.errorSurface((a, b) => a * a + b * b, { xRange: [-2, 2], yRange: [-2, 2], resolution: 81, levels: [1] });
    const layers = plot.spec.layer as { data: { values: { x: number; y: number; level: number }[] } }[];
    const contour = layers[1].data.values;
    expect(contour.length).toBeGreaterThan(50);
    for (const p of contour) {
      expect(p.level).toBe(1);
      // Linear interpolation between grid points (spacing 0.05) stays within a few thousandths.
      expect(Math.abs(Math.hypot(p.x, p.y) - 1)).toBeLessThan(0.01);
    }
  });

  test("paths and a heatmap render; errors are clear", async () => {
    const path: [number, number][] = [[1.5, 1.5], [0.75, 0.75], [0.3, 0.3]];
    const plot = nn.plot.errorSurface((a, b) => (a - 0.2) ** 2 + 3 * b * b, { xRange: [-2, 2], yRange: [-2, 2], resolution: 30, paths: { [HOSTILE]: path } });
    const { html, svg } = await bundleOf(plot);
    expect(svg).toContain("loss");
    expect(html).not.toContain("<img");
    expect(() => nn.plot.errorSurface((a) => a, { xRange: [0, 1], yRange: [2, 1] })).toThrow("nn.plot.errorSurface: yRange must be [min, max] with min < max, got [2,1]");
    expect(() => nn.plot.errorSurface((() => "x") as never, { xRange: [0, 1], yRange: [0, 1] })).toThrow("nn.plot.errorSurface: the surface must return a number, got string at (0, 0)");
  });
});

describe("nn.plot.decisionRegions, scatter, imageGrid, bar, lossCurves", () => {
  const x = [[-1, -1], [-0.5, 1], [1, -0.5], [0.8, 0.9]];
  const y = [0, 0, 1, 1];

  test("decision regions colour each grid cell by the classifier's prediction", async () => {
    const plot = nn.plot.decisionRegions((t: nn.Tensor) => nn.tensor(Array.from({ length: t.shape[0] }, (_, i) => [t.data[2 * i] > 0 ? 1 : 0])), x, y, { resolution: 10 });
    const cells = (plot.spec.layer as { data: { values: { x: number; x2: number; group: string }[] } }[])[0].data.values;
    expect(cells).toHaveLength(100);
    for (const c of cells) expect(c.group).toBe((c.x + c.x2) / 2 > 0 ? "1" : "0");
    expect(plot.description).toBe("Decision regions on a 10×10 grid, 4 samples (4 inside the region of their class)");
    await bundleOf(plot);
  });

  test("decision regions work with a trained model's predict", async () => {
    nn.setSeed(1);
    const model = nn.sequential([nn.layers.dense({ units: 1, activation: "sigmoid", inputShape: [2] })]);
    const plot = nn.plot.decisionRegions(model, x, y, { resolution: 8 });
    expect((plot.spec.layer as unknown[]).length).toBe(2);
    expect(() => nn.plot.decisionRegions(model, [[1, 2, 3]], [0])).toThrow("nn.plot.decisionRegions: x must have shape [n, 2], got [1, 3]");
  });

  test("scatter by class and by dataset; hostile names escaped", async () => {
    const byClass = nn.plot.scatter(x, { labels: y, classNames: ["no", HOSTILE] });
    const { html } = await bundleOf(byClass);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img");
    const byData = nn.plot.scatter({ original: x, resampled: [[0, 0]] });
    expect(byData.description).toBe("Scatter plot of 5 points by dataset: original, resampled");
    expect(() => nn.plot.scatter([1, 2, 3])).toThrow("nn.plot.scatter: x must have shape [n, 2], got [3]");
  });

  test("image grid: one facet per image, one rect per pixel", async () => {
    const images = nn.tensor([[[0, 1], [1, 0]], [[1, 1], [0, 0]], [[0.5, 0], [0, 0.5]]]);
    const plot = nn.plot.imageGrid(images, { labels: [7, 1, HOSTILE] });
    const { svg } = await bundleOf(plot);
    expect((plot.spec.data as { values: unknown[] }).values).toHaveLength(12);
    expect(svg).toContain("#0 · 7");
    expect(svg).not.toContain("<img");
    expect(() => nn.plot.imageGrid([[1, 2, 3, 4]])).toThrow("nn.plot.imageGrid: images of shape [1, 4] are flat rows: give options.shape [height, width] with height·width = 4");
    expect(() => nn.plot.imageGrid([[1, 2, 3, 4]], { shape: [3, 1] })).toThrow("nn.plot.imageGrid: shape [3,1] does not fit rows of 4 values");
    expect(nn.plot.imageGrid([[1, 2, 3, 4]], { shape: [2, 2], color: "diverging" }).description).toBe("Image grid: 1 images of 2×2");
  });

  test("bar charts: single and grouped series", async () => {
    const grouped = nn.plot.bar({ precision: { cat: 0.9, dog: 0.8 }, recall: { cat: 0.85, dog: 0.9 } }, { title: "per class" });
    expect(grouped.description).toBe("Bar chart: 2 categories × 2 series (precision, recall)");
    const { svg } = await bundleOf(grouped);
    expect(svg).toContain("per class");
    expect(nn.plot.bar({ a: 1, b: 2 }).description).toBe("Bar chart: 2 categories");
    expect(() => nn.plot.bar({ a: "x" as unknown as number })).toThrow("nn.plot.bar: data.a must be a number, got string");
  });

  test("loss curves from Keras's history dict: one chart per group, best epoch marked", async () => {
    const plot = nn.plot.lossCurves({ loss: [1, 0.5, 0.4], val_loss: [1.1, 0.6, 0.7], accuracy: [0.5, 0.7, 0.9] });
    const rows = (plot.spec.data as { values: { kind: string; group: string; x: number; series: string }[] }).values;
    expect(rows.filter((r) => r.kind === "best")).toEqual([
      { kind: "best", group: "loss", series: "val_loss", x: 2, value: 0.6, order: 0 },
      { kind: "best", group: "accuracy", series: "accuracy", x: 3, value: 0.9, order: 1 },
    ]);
    expect(plot.description).toContain("val_loss: 1.1000 → 0.7000 (best 0.6000 at epoch 2)");
    const { svg } = await bundleOf(plot);
    expect(svg).toContain("accuracy");
  });
});
