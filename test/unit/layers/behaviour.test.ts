/** Keras semantics of the layers: defaults, modes, shapes, serialization, and the notes' worked numbers (N15, N19, N28, N31). */
import { toSnakeCase } from "../../../src/util/names";
import * as nn from "nnlab";
import { deserializeLayer, serializeLayer } from "../../../src/layers/serialization";
import { expectClose } from "../helpers";

const L = nn.layers;
beforeEach(() => {
  nn.clearSession();
  nn.setSeed(1);
});

describe("worked numbers", () => {
  test("N28: BatchNorm by hand, z = [1, 2, 3, 4] as a batch of one feature (ε = 0 and ε = 1e-3)", () => {
    const z = nn.tensor([[1], [2], [3], [4]], { dtype: "float64" });
    const exact = L.batchNormalization({ epsilon: 0, dtype: "float64" }).apply(z, true);
    // mean 2.5, biased variance 1.25: (z − 2.5)/√1.25
    expectClose(exact.data, [-1.341641, -0.447214, 0.447214, 1.341641], 1e-6);
    expectClose(exact.data, [1, 2, 3, 4].map((v) => (v - 2.5) / Math.sqrt(1.25)), 1e-12);
    const withEps = L.batchNormalization({ dtype: "float64" }).apply(z, true);
    expectClose(withEps.data, [-1.341105, -0.447035, 0.447035, 1.341105], 1e-6);
  });

  test("N31: Dropout(0.5) on ones(10000): kept values are 2, mean ≈ 1 ± 0.03, about half zeroed; inference is the identity", () => {
    const drop = L.dropout({ rate: 0.5 });
    const y = drop.apply(nn.ones([1, 10000]), true);
    const values = Array.from(y.data);
    expect(new Set(values)).toEqual(new Set([0, 2]));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(Math.abs(mean - 1)).toBeLessThan(0.03); // std of the mean is 0.01
    expect(drop.apply(nn.ones([1, 10000]), false).data.every((v) => v === 1)).toBe(true);
  });

  test("S1§45: Dropout(0.2) zeroes 0.2 ± 0.005 of 100k activations and scales the rest by 1.25", () => {
    const y = L.dropout({ rate: 0.2 }).apply(nn.ones([100, 1000]), true);
    const zeros = Array.from(y.data).filter((v) => v === 0).length / y.size;
    expect(Math.abs(zeros - 0.2)).toBeLessThan(0.005); // ≈ 4 standard deviations (0.00126)
    expect(new Set(Array.from(y.data).filter((v) => v !== 0))).toEqual(new Set([1.25]));
  });

  test.each([
    ["N19 4-3-2-1 placement net", [4, 3, 2, 1], 26],
    ["N19 7-7-7-1 regression", [7, 7, 7, 1], 120],
    ["N19 2-256-1 early-stopping model", [2, 256, 1], 1025],
    ["N19 2-10-10-10-10-1 He model", [2, 10, 10, 10, 10, 1], 371],
    ["N19 2-2-1 net", [2, 2, 1], 9],
    ["N15 784-397-10", [784, 397, 10], 315625],
    ["N15 784-512-10 (397 rounded up to a power of 2)", [784, 512, 10], 407050],
  ])("%s: %p → %i parameters", (_name, sizes, params) => {
    const layers = (sizes as number[]).slice(1).map((units, i) => L.dense({ units, ...(i === 0 ? { inputShape: [(sizes as number[])[0]] } : {}) }));
    expect(nn.sequential(layers).countParams()).toBe(params);
  });

  test("N15: mean(784, 10) = 397, next power of two 512", () => {
    const hidden = (784 + 10) / 2;
    expect(Math.floor(hidden)).toBe(397);
    expect(2 ** Math.ceil(Math.log2(397))).toBe(512);
  });
});

describe("BatchNormalization modes", () => {
  test("training normalizes each feature to mean 0, variance 1 (before gamma/beta), whatever the input scale", () => {
    const x = nn.tensor([[1, 100], [2, 300], [4, 200], [9, 400]], { dtype: "float64" });
    const y = L.batchNormalization({ epsilon: 0, dtype: "float64" }).apply(x, true);
    for (const col of [0, 1]) {
      const v = [0, 1, 2, 3].map((r) => y.data[r * 2 + col]);
      const mean = v.reduce((a, b) => a + b) / 4;
      expect(Math.abs(mean)).toBeLessThan(1e-12);
      expect(v.reduce((a, b) => a + (b - mean) ** 2, 0) / 4).toBeCloseTo(1, 12);
    }
  });

  test("inference uses the moving statistics; a frozen layer uses them in training too and does not update them", () => {
    const bn = L.batchNormalization({ momentum: 0.5, epsilon: 0, dtype: "float64" });
    bn.ensureBuilt([null, 1]);
    const x = nn.tensor([[1], [3]], { dtype: "float64" });
    bn.apply(x, true); // batch mean 2, variance 1 → moving mean 1, moving variance 1
    expect(Array.from(bn.movingMean!.data)).toEqual([1]);
    expect(Array.from(bn.movingVariance!.data)).toEqual([1]);
    expect(Array.from(bn.apply(x, false).data)).toEqual([0, 2]); // (x − 1)/1
    bn.trainable = false;
    expect(Array.from(bn.apply(x, true).data)).toEqual([0, 2]);
    expect(Array.from(bn.movingMean!.data)).toEqual([1]);
    expect(bn.trainableWeights).toHaveLength(0);
  });

  test("weights in Keras order: gamma, beta trainable; moving mean and variance not, and not differentiated", () => {
    const bn = L.batchNormalization({ name: "bn" });
    bn.ensureBuilt([null, 3]);
    expect(bn.weights.map((w) => w.name)).toEqual(["bn/gamma", "bn/beta", "bn/moving_mean", "bn/moving_variance"]);
    expect(bn.trainableWeights.map((w) => w.name)).toEqual(["bn/gamma", "bn/beta"]);
    expect(bn.movingMean!.requiresGrad).toBe(false);
    const noScale = L.batchNormalization({ scale: false, center: false });
    noScale.ensureBuilt([null, 3]);
    expect(noScale.countParams()).toBe(6);
    expect(noScale.trainableWeights).toHaveLength(0);
  });

  test("gamma and beta regularizers join regularizationLosses", () => {
    const bn = L.batchNormalization({ gammaRegularizer: nn.regularizers.l2(0.5), betaRegularizer: nn.regularizers.l1(1) });
    bn.ensureBuilt([null, 2]);
    bn.setWeights([[1, 2], [-1, 3], [0, 0], [1, 1]]);
    expectClose(bn.regularizationLosses().map((t) => t.item()), [2.5, 4], 1e-6);
  });
});

describe("Dropout masks", () => {
  test("nn.setSeed fixes the masks; each training call draws a new one; noiseShape shares a mask along an axis", () => {
    const x = nn.ones([4, 6]);
    nn.setSeed(42);
    const a = L.dropout({ rate: 0.5 }).apply(x, true);
    const b = L.dropout({ rate: 0.5 }).apply(x, true);
    nn.setSeed(42);
    const drop = L.dropout({ rate: 0.5 });
    expect(Array.from(drop.apply(x, true).data)).toEqual(Array.from(a.data));
    expect(Array.from(drop.apply(x, true).data)).toEqual(Array.from(b.data));
    expect(Array.from(a.data)).not.toEqual(Array.from(b.data));
    const shared = L.dropout({ rate: 0.5, noiseShape: [null, 1, 3] }).apply(nn.ones([2, 5, 3]), true);
    for (let s = 0; s < 2; s++) for (let t = 1; t < 5; t++) {
      expect(Array.from(shared.data.slice(s * 15 + t * 3, s * 15 + t * 3 + 3))).toEqual(Array.from(shared.data.slice(s * 15, s * 15 + 3)));
    }
  });

  test("a layer seed gives its own reproducible sequence, independent of the global generator", () => {
    const x = nn.ones([3, 8]);
    const first = L.dropout({ rate: 0.3, seed: 5 }).apply(x, true);
    nn.setSeed(999);
    const second = L.dropout({ rate: 0.3, seed: 5 }).apply(x, true);
    expect(Array.from(second.data)).toEqual(Array.from(first.data));
  });

  test("rate 0 is the identity, rate 1 drops everything", () => {
    const x = nn.tensor([[1, 2, 3]]);
    expect(L.dropout({ rate: 0 }).apply(x, true)).toBe(x);
    expect(Array.from(L.dropout({ rate: 1 }).apply(x, true).data)).toEqual([0, 0, 0]);
  });
});

describe("shapes", () => {
  test("computeOutputShape of every layer", () => {
    expect(L.flatten().computeOutputShape([null, 28, 28])).toEqual([null, 784]);
    expect(L.flatten().computeOutputShape([null, null, 3])).toEqual([null, null]);
    expect(L.flatten().computeOutputShape([null])).toEqual([null, 1]);
    expect(L.reshape({ targetShape: [-1, 2] }).computeOutputShape([null, 12])).toEqual([null, 6, 2]);
    expect(L.reshape({ targetShape: [-1, 2] }).computeOutputShape([null, null])).toEqual([null, null, 2]);
    expect(L.dense({ units: 5 }).computeOutputShape([null, 7, 3])).toEqual([null, 7, 5]);
    for (const layer of [L.activation({ activation: "relu" }), L.dropout({ rate: 0.1 }), L.batchNormalization(), L.layerNormalization(), L.prelu(), L.input({ shape: [3, 4] })]) {
      expect(layer.computeOutputShape([null, 3, 4])).toEqual([null, 3, 4]);
    }
  });

  test("Flatten and Reshape move values in row-major order", () => {
    const x = nn.tensor([[[1, 2], [3, 4], [5, 6]]]);
    expect(L.flatten().apply(x).toArray()).toEqual([[1, 2, 3, 4, 5, 6]]);
    expect(L.reshape({ targetShape: [2, -1] }).apply(x).toArray()).toEqual([[[1, 2, 3], [4, 5, 6]]]);
    expect(L.flatten().apply(nn.tensor([1, 2])).toArray()).toEqual([[1], [2]]);
  });

  test("Dense on rank-3 input multiplies along the last axis", () => {
    const dense = L.dense({ units: 2, activation: "relu" });
    dense.ensureBuilt([null, null, 3]);
    dense.setWeights([[[1, -1], [2, 0], [0, 1]], [0.5, -0.5]]);
    const y = dense.apply(nn.tensor([[[1, 1, 1], [0, -1, 2]]]));
    expect(y.toArray()).toEqual([[[3.5, 0], [0, 1.5]]]);
  });

  test("LayerNormalization over two axes given in any order: parameters follow the sorted axes (Keras)", () => {
    const ln = L.layerNormalization({ axis: [2, 1] });
    ln.ensureBuilt([null, 3, 4]);
    expect(ln.weights.map((w) => w.shape)).toEqual([[3, 4], [3, 4]]);
    // Each sample normalized over all 12 values: the same as over [1, 2].
    const x = nn.tensor([[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]]);
    const ref = L.layerNormalization({ axis: [1, 2] }).apply(x);
    expect(Array.from(ln.apply(x).data)).toEqual(Array.from(ref.data));
  });

  test("PReLU starts as ReLU (alpha zeros) and applies its slope below 0", () => {
    const p = L.prelu();
    expect(Array.from(p.apply(nn.tensor([[-2, 3]])).data)).toEqual([0, 3]);
    p.setWeights([[0.25, 0.5]]);
    expect(Array.from(p.apply(nn.tensor([[-2, 3], [4, -4]])).data)).toEqual([-0.5, 3, 4, -2]);
  });
});

describe("configs (Keras defaults) and serialization round trips", () => {
  test("defaults match Keras 3", () => {
    expect(L.batchNormalization().getConfig()).toMatchObject({
      axis: -1, momentum: 0.99, epsilon: 1e-3, center: true, scale: true, betaInitializer: "zeros", gammaInitializer: "ones",
      movingMeanInitializer: "zeros", movingVarianceInitializer: "ones", betaRegularizer: null, gammaConstraint: null,
    });
    expect(L.layerNormalization().getConfig()).toMatchObject({ axis: -1, epsilon: 1e-3, center: true, scale: true, betaInitializer: "zeros", gammaInitializer: "ones" });
    expect(L.prelu().getConfig()).toMatchObject({ alphaInitializer: "zeros", alphaRegularizer: null, alphaConstraint: null, sharedAxes: null });
    expect(L.dense({ units: 2 }).getConfig()).toMatchObject({ activation: "linear", useBias: true, kernelInitializer: "glorotUniform", biasInitializer: "zeros", kernelRegularizer: null });
    expect(L.dropout({ rate: 0.5 }).getConfig()).toMatchObject({ rate: 0.5, noiseShape: null, seed: null });
    expect(L.dense({ units: 1, kernelInitializer: "he_uniform" }).getConfig().kernelInitializer).toBe("heUniform");
  });

  const makers: [string, () => nn.layers.Layer, number[]][] = [
    ["Dense", () => L.dense({ units: 3, activation: "tanh", kernelRegularizer: "l2", biasConstraint: "non_neg", activityRegularizer: nn.regularizers.l1(0.2) }), [2, 4]],
    ["Dense with configured initializer and activation", () => L.dense({ units: 3, kernelInitializer: nn.initializers.heNormal({ seed: 3 }), activation: nn.activations.leakyRelu({ alpha: 0.3 }) }), [2, 4]],
    ["Activation", () => L.activation({ activation: "softplus" }), [2, 4]],
    ["Dropout", () => L.dropout({ rate: 0.3, noiseShape: [null, 1], seed: 4 }), [2, 4]],
    ["Flatten", () => L.flatten(), [2, 2, 2]],
    ["Reshape", () => L.reshape({ targetShape: [2, -1] }), [2, 4]],
    ["BatchNormalization", () => L.batchNormalization({ axis: 1, momentum: 0.9, epsilon: 1e-5, center: false, gammaRegularizer: nn.regularizers.l2(0.1), gammaConstraint: nn.constraints.maxNorm({ maxValue: 2 }) }), [2, 4]],
    ["LayerNormalization", () => L.layerNormalization({ axis: [1], epsilon: 1e-6, scale: false }), [2, 4]],
    ["PReLU", () => L.prelu({ alphaInitializer: nn.initializers.constant({ value: 0.25 }), sharedAxes: [1], alphaConstraint: nn.constraints.minMaxNorm({ maxValue: 2 }) }), [2, 3, 4]],
    ["InputLayer", () => L.inputLayer({ inputShape: [4], batchSize: 2 }), [2, 4]],
  ];

  test.each(makers)("%s: JSON round trip gives the same config and, with the same weights, the same outputs", (_name, make, shape) => {
    const layer = make();
    const x = nn.tensor(Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => Math.sin(i + 1)), { shape });
    const y = layer.apply(x, false);
    const saved = JSON.parse(JSON.stringify(serializeLayer(layer)));
    const copy = deserializeLayer(saved);
    expect(copy.className).toBe(layer.className);
    expect(serializeLayer(copy)).toEqual(saved);
    copy.ensureBuilt([null, ...shape.slice(1)]);
    copy.setWeights(layer.getWeights());
    expect(Array.from(copy.apply(x, false).data)).toEqual(Array.from(y.data));
  });

  test("a configured initializer keeps its seed through a save: the rebuilt layer draws the same kernel", () => {
    const layer = L.dense({ units: 3, kernelInitializer: nn.initializers.heNormal({ seed: 11 }) });
    layer.ensureBuilt([null, 4]);
    const copy = deserializeLayer(JSON.parse(JSON.stringify(serializeLayer(layer))));
    copy.ensureBuilt([null, 4]);
    expect(Array.from(copy.weights[0].data)).toEqual(Array.from(layer.weights[0].data));
  });
});

describe("custom layers", () => {
  /** A layer that keeps a call counter (non-trainable, created first) and learns a scale. */
  class CountingScale extends nn.layers.Layer {
    readonly className = "CountingScale";
    count?: nn.Tensor;
    factor?: nn.Tensor;
    constructor(args: nn.layers.LayerArgs = {}) {
      super(args, "CountingScale");
    }
    override build(): void {
      this.count = this.addWeight("count", [1], "zeros", { trainable: false });
      this.factor = this.addWeight("factor", [1], "ones");
    }
    call(x: nn.Tensor): nn.Tensor {
      this.count!.data[0] += 1;
      return x.mul(this.factor!);
    }
  }

  test("weights list trainable ones first, in the same order when frozen; the default output shape is the input's", () => {
    const layer = new CountingScale({ name: "cs" });
    layer.apply(nn.ones([2, 3]));
    expect(layer.weights.map((w) => w.name)).toEqual(["cs/factor", "cs/count"]);
    expect(layer.computeOutputShape([null, 3])).toEqual([null, 3]);
    layer.trainable = false;
    expect(layer.weights.map((w) => w.name)).toEqual(["cs/factor", "cs/count"]);
    expect(layer.nonTrainableWeights).toHaveLength(2);
    expect(layer.count!.requiresGrad).toBe(false);
  });

  test("registerLayerClass makes a custom layer loadable", () => {
    nn.layers.registerLayerClass("CountingScale", (config) => new CountingScale(config));
    const copy = deserializeLayer(serializeLayer(new CountingScale({ name: "c2", trainable: false })));
    expect(copy).toBeInstanceOf(CountingScale);
    expect([copy.name, copy.trainable]).toEqual(["c2", false]);
  });
});

describe("automatic names follow Keras's to_snake_case", () => {
  test("class names map to Keras's prefixes (values from keras.src.utils.naming.to_snake_case)", () => {
    // Keras 3 names: Conv2D → conv2d, MaxPooling2D → max_pooling2d, SimpleRNN → simple_rnn,
    // PReLU → p_re_lu, BatchNormalization → batch_normalization, LSTM → lstm.
    expect(["Dense", "Conv2D", "MaxPooling2D", "Conv2DTranspose", "SimpleRNN", "PReLU", "BatchNormalization", "LSTM", "GlobalAveragePooling1D"].map(toSnakeCase)).toEqual([
      "dense", "conv2d", "max_pooling2d", "conv2d_transpose", "simple_rnn", "p_re_lu", "batch_normalization", "lstm", "global_average_pooling1d",
    ]);
  });
});
