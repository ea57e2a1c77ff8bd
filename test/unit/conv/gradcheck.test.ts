/**
 * Finite-difference checks (nn.checkGrad, float64) of every convolution, pooling, padding and
 * upsampling op and layer, with respect to the input and every weight. Geometries cover valid and
 * same padding (odd and even totals), strides, dilation, output padding and bilinear weights.
 */
import * as nn from "nnlab";

/** Seeded values in [-1, 1) of the given shape, float64. */
function rand(shape: number[], seed: number): nn.Tensor {
  const r = new nn.Random(seed);
  const n = shape.reduce((p, d) => p * d, 1);
  return nn.tensor(Float64Array.from({ length: n }, () => r.uniform() * 2 - 1), { shape });
}

/** Asserts that checkGrad passes, reporting the largest error otherwise. */
function expectGradOk(fn: (...xs: nn.Tensor[]) => nn.Tensor, inputs: nn.Tensor[]): void {
  const result = nn.checkGrad(fn, inputs, { tolerance: 1e-6 });
  if (!result.passed) throw new Error(`max relative error ${result.maxRelativeError}`);
  expect(result.inputs.every((i) => i.analytic.data.some((v) => v !== 0))).toBe(true);
}

describe("ops: gradients of input, kernel and bias", () => {
  test.each<[string, nn.Conv2DOpOptions, number[], number[]]>([
    ["valid", {}, [2, 5, 4, 2], [3, 3, 2, 3]],
    ["same stride 2 (even total: extra pad at the end)", { padding: "same", strides: 2 }, [1, 6, 5, 2], [3, 2, 2, 2]],
    ["same dilated", { padding: "same", dilationRate: [2, 1] }, [1, 5, 5, 1], [3, 3, 1, 2]],
    ["explicit padding", { padding: [[1, 0], [2, 1]] }, [1, 3, 3, 2], [2, 2, 2, 2]],
    ["pointwise", {}, [2, 3, 3, 3], [1, 1, 3, 2]],
    ["groups 2", { groups: 2, padding: "same" }, [1, 4, 3, 4], [2, 2, 2, 4]],
  ])("conv2d %s", (_, options, xs, ks) => {
    expectGradOk((x, k, b) => nn.conv2d(x, k, { ...options, bias: b }), [rand(xs, 1), rand(ks, 2), rand([ks[3]], 3)]);
  });
  test.each<[string, nn.Conv1DOpOptions]>([["valid", {}], ["same stride 2", { padding: "same", strides: 2 }], ["causal dilated", { padding: "causal", dilationRate: 2 }]])(
    "conv1d %s", (_, options) => {
      expectGradOk((x, k, b) => nn.conv1d(x, k, { ...options, bias: b }), [rand([2, 7, 2], 4), rand([3, 2, 3], 5), rand([3], 6)]);
    },
  );
  test.each<[string, nn.Conv2DTransposeOpOptions]>([
    ["valid stride 2", { strides: 2 }],
    ["same stride 2", { strides: 2, padding: "same" }],
    ["output padding", { strides: 3, padding: "same", outputPadding: [2, 1] }],
    ["dilated", { dilationRate: 2 }],
  ])("conv2dTranspose %s", (_, options) => {
    expectGradOk((x, k, b) => nn.conv2dTranspose(x, k, { ...options, bias: b }), [rand([1, 3, 2, 2], 7), rand([3, 3, 2, 2], 8), rand([2], 9)]);
  });
  test("depthwiseConv2d (multiplier 2, same, strides)", () => {
    expectGradOk((x, k, b) => nn.depthwiseConv2d(x, k, { padding: "same", strides: [2, 1], bias: b }), [rand([2, 5, 4, 3], 10), rand([3, 3, 3, 2], 11), rand([6], 12)]);
  });
  test.each<[string, nn.Pool2DOptions]>([
    ["valid", {}], ["same 3×3 stride 2", { poolSize: 3, strides: 2, padding: "same" }], ["overlapping", { poolSize: [2, 3], strides: 1 }],
  ])("maxPool2d and avgPool2d %s", (_, options) => {
    // Distinct values, so the max is unique and differentiable at the check point.
    const x = nn.tensor(Float64Array.from({ length: 2 * 5 * 6 * 2 }, (_, i) => Math.sin(i * 12.9898) * 3), { shape: [2, 5, 6, 2] });
    expectGradOk((t) => nn.maxPool2d(t, options), [x]);
    expectGradOk((t) => nn.avgPool2d(t, options), [x]);
  });
  test("maxPool1d and avgPool1d (same)", () => {
    const x = nn.tensor(Float64Array.from({ length: 2 * 7 * 3 }, (_, i) => Math.cos(i * 7.31) * 2), { shape: [2, 7, 3] });
    expectGradOk((t) => nn.maxPool1d(t, { poolSize: 3, strides: 2, padding: "same" }), [x]);
    expectGradOk((t) => nn.avgPool1d(t, { poolSize: 3, strides: 2, padding: "same" }), [x]);
  });
  test("pad and upSampling2d (nearest, bilinear)", () => {
    const x = rand([1, 3, 4, 2], 13);
    expectGradOk((t) => nn.pad(t, [[0, 0], [1, 2], [0, 1]]), [x]);
    expectGradOk((t) => nn.upSampling2d(t, [2, 3]), [x]);
    expectGradOk((t) => nn.upSampling2d(t, [3, 2], "bilinear"), [x]);
  });
});

describe("layers: gradients of the input and every weight", () => {
  const L = nn.layers;
  test.each<[string, () => nn.layers.Layer, number[]]>([
    ["Conv2D same strides", () => L.conv2d({ filters: 2, kernelSize: 3, strides: 2, padding: "same", dtype: "float64" }), [2, 5, 5, 2]],
    ["Conv1D causal", () => L.conv1d({ filters: 2, kernelSize: 3, padding: "causal", dilationRate: 2, dtype: "float64" }), [2, 6, 2]],
    ["Conv2DTranspose", () => L.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: "same", dtype: "float64" }), [1, 3, 3, 2]],
    ["DepthwiseConv2D", () => L.depthwiseConv2d({ kernelSize: 2, depthMultiplier: 2, dtype: "float64" }), [1, 4, 4, 2]],
    ["SeparableConv2D", () => L.separableConv2d({ filters: 3, kernelSize: 3, padding: "same", dtype: "float64" }), [1, 4, 4, 2]],
  ])("%s", (_, make, shape) => {
    const layer = make();
    const x = rand(shape, 21);
    layer.ensureBuilt([null, ...shape.slice(1)]);
    const weights = layer.weights;
    weights.forEach((w, i) => w.data.set(rand([...w.shape], 30 + i).data));
    // Input gradient through the layer.
    expectGradOk((input) => layer.apply(input), [x]);
    // Each weight's gradient: the autodiff gradient of Σ y ⊙ P against central differences on the weight itself.
    const probe = rand(layer.apply(x).shape as number[], 99);
    const objective = () => nn.noGrad(() => layer.apply(x).mul(probe).sum().item());
    const analytic = nn.gradientsOf(layer.apply(x).mul(probe).sum(), weights);
    weights.forEach((w, wi) => {
      for (let j = 0; j < w.size; j++) {
        const keep = w.data[j];
        w.data[j] = keep + 1e-6;
        const up = objective();
        w.data[j] = keep - 1e-6;
        const down = objective();
        w.data[j] = keep;
        const numeric = (up - down) / 2e-6;
        expect(Math.abs(analytic[wi][j] - numeric) / Math.max(1, Math.abs(numeric))).toBeLessThan(1e-6);
      }
    });
  });
  test.each<[string, () => nn.layers.Layer, number[]]>([
    ["MaxPooling2D", () => L.maxPooling2d({ poolSize: 2, padding: "same" }), [1, 5, 5, 2]],
    ["AveragePooling2D", () => L.averagePooling2d({ poolSize: 3, strides: 2, padding: "same" }), [1, 5, 6, 2]],
    ["MaxPooling1D", () => L.maxPooling1d({ poolSize: 2 }), [2, 6, 2]],
    ["AveragePooling1D", () => L.averagePooling1d({ poolSize: 2, strides: 1 }), [2, 6, 2]],
    ["GlobalAveragePooling2D", () => L.globalAveragePooling2d(), [2, 3, 3, 2]],
    ["GlobalMaxPooling2D keepDims", () => L.globalMaxPooling2d({ keepDims: true }), [2, 3, 3, 2]],
    ["GlobalAveragePooling1D", () => L.globalAveragePooling1d(), [2, 4, 3]],
    ["GlobalMaxPooling1D", () => L.globalMaxPooling1d(), [2, 4, 3]],
    ["UpSampling2D bilinear", () => L.upSampling2d({ size: 2, interpolation: "bilinear" }), [1, 3, 3, 2]],
    ["ZeroPadding2D", () => L.zeroPadding2d({ padding: [[1, 0], [0, 2]] }), [1, 3, 3, 2]],
    ["Cropping2D", () => L.cropping2d({ cropping: [[1, 0], [0, 1]] }), [1, 3, 3, 2]],
  ])("%s (input gradient)", (_, make, shape) => {
    const layer = make();
    const x = nn.tensor(Float64Array.from({ length: shape.reduce((p, d) => p * d, 1) }, (_, i) => Math.sin(i * 3.7 + 1) * 2), { shape });
    expectGradOk((input) => layer.apply(input), [x]);
  });
});

describe("fused ReLU (Conv2D with activation relu)", () => {
  test("conv2d fusedRelu equals relu(conv2d) in values and gradients, and passes checkGrad", () => {
    const x = rand([2, 5, 5, 2], 40);
    const k = rand([3, 3, 2, 3], 41);
    const b = rand([3], 42);
    const fused = (xi: nn.Tensor, ki: nn.Tensor, bi: nn.Tensor) => nn.conv2d(xi, ki, { bias: bi, padding: "same", fusedRelu: true });
    const plain = (xi: nn.Tensor, ki: nn.Tensor, bi: nn.Tensor) => nn.relu(nn.conv2d(xi, ki, { bias: bi, padding: "same" }));
    const y = fused(x, k, b);
    expect(Array.from(y.data)).toEqual(Array.from(plain(x, k, b).data));
    expect(y.data.some((v) => v === 0) && y.data.some((v) => v > 0)).toBe(true);
    const probe = rand([...y.shape], 43);
    const g1 = nn.grads((...a: nn.Tensor[]) => fused(a[0], a[1], a[2]).mul(probe).sum())([x, k, b]);
    const g2 = nn.grads((...a: nn.Tensor[]) => plain(a[0], a[1], a[2]).mul(probe).sum())([x, k, b]);
    g1.forEach((g, i) => expect(Array.from(g.data)).toEqual(Array.from(g2[i].data)));
    expectGradOk(fused, [x, k, b]);
  });
  test("a Conv2D layer with activation relu gives the same output as the op followed by relu", () => {
    const layer = nn.layers.conv2d({ filters: 2, kernelSize: 3, activation: "relu", dtype: "float64" });
    const x = rand([1, 4, 4, 1], 44);
    const y = layer.apply(x);
    expect(Array.from(y.data)).toEqual(Array.from(nn.relu(nn.conv2d(x, layer.kernel!, { bias: layer.bias })).data));
  });
});

test("only the built-in relu is fused: a user function named relu is applied as given", () => {
  const relu = (t: nn.Tensor) => t.tanh();
  const layer = nn.layers.conv2d({ filters: 1, kernelSize: 1, activation: relu, useBias: false, dtype: "float64" });
  const x = nn.tensor([[[[-1]], [[2]]]], { dtype: "float64" });
  layer.ensureBuilt([null, 2, 1, 1]);
  layer.setWeights([[[[[1]]]]]);
  expect(Array.from(layer.apply(x).data)).toEqual([Math.tanh(-1), Math.tanh(2)]);
  const builtIn = nn.layers.conv2d({ filters: 1, kernelSize: 1, activation: nn.activations.relu, useBias: false, dtype: "float64" });
  builtIn.ensureBuilt([null, 2, 1, 1]);
  builtIn.setWeights([[[[[1]]]]]);
  expect(Array.from(builtIn.apply(x).data)).toEqual([0, 2]);
});
