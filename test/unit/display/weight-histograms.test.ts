/**
 * nn.callbacks.weightHistograms and nn.display.compareWeights: histogram bins against
 * numpy.histogram, gradient norms and dead ReLU units against PyTorch, the recording
 * schedule, bounded sampling, the live widget's display/updates, errors and escaping.
 */
import * as nn from "nnlab";
import { torchFixture, expectClose, flat } from "../helpers";
import { DISPLAY_HOST, type DisplayHost } from "../../../src/display/host";
import { WEIGHTS_MIME, type MimeBundle, type WeightsData } from "../../../src/display/mime";
import { tensorHistogram } from "../../../src/display/tensor-histogram";

const ref = torchFixture("plot");

/** The fixture's 2-3-1 ReLU MLP (float64) with its fixed weights, compiled with MSE. */
function fixtureMlp(name = "mlp") {
  const m = ref.mlp;
  const model = nn.sequential([
    nn.layers.dense({ units: 3, activation: "relu", inputShape: [2], dtype: "float64", name: `${name}_hidden` }),
    nn.layers.dense({ units: 1, dtype: "float64", name: `${name}_out` }),
  ], { name });
  model.predict(nn.tensor([[0, 0]]));
  const values = [m.kernel1, m.bias1, m.kernel2, m.bias2].map(flat);
  model.weights.forEach((w, i) => w.data.set(values[i]));
  model.compile({ optimizer: nn.optimizers.sgd({ learningRate: 0.01 }), loss: "mse" });
  return model;
}

describe("tensorHistogram", () => {
  test("bins, edges and statistics match numpy.histogram / mean / std / norm", () => {
    const h = tensorHistogram("w", "value", ref.histogram.values, { bins: ref.histogram.bins });
    expect(h.counts).toEqual(ref.histogram.counts);
    expectClose(h.edges, ref.histogram.edges, 1e-12);
    expectClose([h.mean, h.std, h.norm], [ref.histogram.mean, ref.histogram.std, ref.histogram.norm], 1e-12);
    expect([h.min, h.max, h.zeros, h.nonFinite, h.size, h.sampled]).toEqual([-2.72, 3, 2, 0, 12, 12]);
  });

  test("non-finite values are counted, not binned; large tensors are sampled to maxSamples", () => {
    const h = tensorHistogram("w", "value", [1, NaN, Infinity, 2], { bins: 2 });
    expect([h.nonFinite, h.counts[0] + h.counts[1], h.min, h.max]).toEqual([2, 2, 1, 2]);
    const big = new Float64Array(50000).map((_, i) => i % 100);
    const s = tensorHistogram("big", "value", big, { bins: 10, maxSamples: 1000 });
    expect(s.sampled).toBe(1000);
    expect(s.counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(s.size).toBe(50000);
    expect(s.mean).toBeCloseTo(49.5, 10);
  });
});

describe("weightHistograms", () => {
  test("gradient norms, extremes and the dead-unit fraction match PyTorch on the probe batch", () => {
    const model = fixtureMlp();
    const data = { x: nn.tensor(ref.mlp.x, { dtype: "float64" }), y: nn.tensor(ref.mlp.y, { dtype: "float64" }) };
    const recorder = nn.callbacks.weightHistograms({ gradients: true, data, display: false });
    const snap = recorder.snapshot(model, 0);
    const grads = snap.layers.flatMap((l) => l.tensors.filter((t) => t.of === "gradient"));
    expect(grads.map((g) => g.name)).toEqual(["mlp_hidden/kernel", "mlp_hidden/bias", "mlp_out/kernel", "mlp_out/bias"]);
    expectClose(grads.map((g) => g.norm), ref.mlp.grad_norms, 1e-10);
    ref.mlp.grads.forEach((g: number[] | number[][], i: number) => {
      expectClose([grads[i].min, grads[i].max], [Math.min(...flat(g)), Math.max(...flat(g))], 1e-10);
    });
    expect(snap.layers[0].deadFraction).toBeCloseTo(ref.mlp.dead_fraction_layer1, 12);
    expect(snap.layers[1].deadFraction).toBeUndefined();
    const values = snap.layers[0].tensors.find((t) => t.of === "value" && t.name.endsWith("kernel"))!;
    expect([values.min, values.max]).toEqual([-0.3, 0.5]);
  });

  test("records before training, every `every` epochs and at the last epoch, without changing training", async () => {
    const data = { x: ref.mlp.x, y: ref.mlp.y };
    const plain = fixtureMlp();
    nn.setSeed(5);
    await plain.fit(data.x, data.y, { epochs: 5, batchSize: 2, verbose: 0 });
    const model = fixtureMlp();
    const recorder = nn.callbacks.weightHistograms({ every: 2, gradients: true, data, display: false });
    nn.setSeed(5);
    await model.fit(data.x, data.y, { epochs: 5, batchSize: 2, verbose: 0, callbacks: [recorder] });
    expect(recorder.data.series[0].snapshots.map((s) => s.epoch)).toEqual([-1, 1, 3, 4]);
    // Recording draws nothing from the seeded generator: the same weights as without it.
    expect(Array.from(model.weights[0].data)).toEqual(Array.from(plain.weights[0].data));
    const bundle = await recorder[nn.JUPYTER_DISPLAY]();
    expect(Object.keys(bundle).sort()).toEqual([WEIGHTS_MIME, "text/html", "text/plain"].sort());
    const html = bundle["text/html"] as string;
    expect(html.match(/<svg/g)?.length).toBe(3); // histograms, gradient norms, dead units
    expect(bundle["text/plain"]).toContain("Weights of mlp: 4 snapshot(s), latest after epoch 5");
  });

  test("the live widget: one display, an update per snapshot, the final state with static SVG", async () => {
    const calls: { kind: string; id?: string; bundle: MimeBundle }[] = [];
    const host: DisplayHost = {
      display: (bundle, o) => void calls.push({ kind: "display", id: o?.displayId, bundle }),
      update: (id, bundle) => void calls.push({ kind: "update", id, bundle }),
    };
    const g = globalThis as { [DISPLAY_HOST]?: DisplayHost };
    g[DISPLAY_HOST] = host;
    try {
      const model = fixtureMlp();
      await model.fit(ref.mlp.x, ref.mlp.y, { epochs: 3, batchSize: 4, verbose: 0, callbacks: [nn.callbacks.weightHistograms({})] });
    } finally {
      delete g[DISPLAY_HOST];
    }
    expect(calls.map((c) => c.kind)).toEqual(["display", "update", "update", "update", "update"]);
    expect(new Set(calls.map((c) => c.id)).size).toBe(1);
    const last = calls[calls.length - 1].bundle;
    expect((last[WEIGHTS_MIME] as WeightsData).series[0].snapshots.map((s) => s.epoch)).toEqual([-1, 0, 1, 2]);
    expect(last["text/html"]).toContain("<svg");
  });

  test("clear errors for bad options", async () => {
    expect(() => nn.callbacks.weightHistograms({ gradients: true })).toThrow("nn.callbacks.weightHistograms: gradients: true needs data: { x, y }, a probe batch to differentiate the loss on");
    expect(() => nn.callbacks.weightHistograms({ every: 0 })).toThrow("nn.callbacks.weightHistograms: every must be a positive integer, got 0");
    expect(() => nn.callbacks.weightHistograms({ data: { x: [[1, 2]], y: [[1], [2]] } })).toThrow("nn.callbacks.weightHistograms: data.x has 1 rows but data.y has 2 (shapes [1, 2] and [2, 1])");
    expect(() => nn.callbacks.weightHistograms({ data: [[1, 2]] as never })).toThrow("nn.callbacks.weightHistograms: data must be { x } or { x, y } (a probe batch), got an array");
    const model = fixtureMlp();
    const recorder = nn.callbacks.weightHistograms({ layers: ["nope"], display: false });
    await expect(model.fit(ref.mlp.x, ref.mlp.y, { epochs: 1, verbose: 0, callbacks: [recorder] })).rejects.toThrow(
      'nn.callbacks.weightHistograms: unknown layer(s) "nope"; the model\'s layers are mlp_hidden, mlp_out',
    );
  });
});

describe("compareWeights", () => {
  test("two models side by side; hostile names escaped in the static HTML", async () => {
    const a = fixtureMlp("plain");
    const b = fixtureMlp("<img src=x onerror=alert(1)>");
    b.weights[0].data.set([-0.57, 0.1, 0.2, 0.3, 0.4, 0.5]);
    const view = nn.display.compareWeights(a, b);
    expect(view.data.series.map((s) => s.label)).toEqual(["plain", "<img src=x onerror=alert(1)>"]);
    const kernels = view.data.series.map((s) => s.snapshots[0].layers[0].tensors[0]);
    expect(kernels.map((k) => k.min)).toEqual([-0.3, -0.57]);
    const bundle = await view[nn.JUPYTER_DISPLAY]();
    const html = bundle["text/html"] as string;
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(() => nn.display.compareWeights(a, a)).toThrow('nn.display.weightDistributions: two columns are labelled "plain"; pass options.labels to tell them apart');
    expect(() => nn.display.compareWeights(a, nn.callbacks.weightHistograms())).toThrow("nn.display.weightDistributions: a weightHistograms recording is empty until it has been passed to fit");
  });
});
