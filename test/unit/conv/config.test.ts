/**
 * Configs of the convolution, pooling and image-shape layers: Keras 3's defaults, a JSON round
 * trip through serializeLayer/deserializeLayer that rebuilds an equal layer (same config, same
 * output for the same weights), and Keras's automatic names.
 */
import * as nn from "nnlab";
import { expectClose } from "../helpers";

const L = nn.layers;

beforeEach(() => nn.clearSession());

test("Keras 3 defaults and automatic names", () => {
  const conv = L.conv2d({ filters: 8, kernelSize: 3 });
  expect(conv.name).toBe("conv2d");
  expect(conv.getConfig()).toEqual({
    name: "conv2d", trainable: true, filters: 8, kernelSize: [3, 3], strides: [1, 1], padding: "valid", dataFormat: "channelsLast",
    dilationRate: [1, 1], activation: "linear", useBias: true, biasInitializer: "zeros", biasRegularizer: null, biasConstraint: null,
    groups: 1, kernelInitializer: "glorotUniform", kernelRegularizer: null, kernelConstraint: null,
  });
  expect(L.conv2d({ filters: 1, kernelSize: 1 }).name).toBe("conv2d_1");
  expect(L.conv2dTranspose({ filters: 1, kernelSize: 1 }).name).toBe("conv2d_transpose");
  expect(L.maxPooling2d().getConfig()).toMatchObject({ name: "max_pooling2d", poolSize: [2, 2], strides: [2, 2], padding: "valid" });
  expect(L.averagePooling1d({ poolSize: 3 }).getConfig()).toMatchObject({ name: "average_pooling1d", poolSize: [3], strides: [3] });
  expect(L.upSampling2d().getConfig()).toMatchObject({ name: "up_sampling2d", size: [2, 2], interpolation: "nearest" });
  expect(L.zeroPadding2d().getConfig()).toMatchObject({ name: "zero_padding2d", padding: [[1, 1], [1, 1]] });
  expect(L.cropping2d().getConfig()).toMatchObject({ name: "cropping2d", cropping: [[0, 0], [0, 0]] });
  expect(L.globalAveragePooling2d().getConfig()).toMatchObject({ name: "global_average_pooling2d", keepDims: false });
  expect(L.depthwiseConv2d({ kernelSize: 3 }).getConfig()).toMatchObject({ name: "depthwise_conv2d", depthMultiplier: 1, depthwiseInitializer: "glorotUniform" });
  expect(L.separableConv2d({ filters: 2, kernelSize: 3 }).getConfig()).toMatchObject({ name: "separable_conv2d", pointwiseInitializer: "glorotUniform" });
  expect(L.conv1d({ filters: 2, kernelSize: 5 }).getConfig()).toMatchObject({ name: "conv1d", kernelSize: [5], strides: [1], dilationRate: [1] });
});

test("weights have Keras's names and shapes; params match Keras (kh·kw·in·out + out)", () => {
  const sep = L.separableConv2d({ filters: 4, kernelSize: 3, depthMultiplier: 2 });
  sep.ensureBuilt([null, 5, 5, 3]);
  expect(sep.weights.map((w) => [w.name, w.shape])).toEqual([
    ["separable_conv2d/depthwise_kernel", [3, 3, 3, 2]], ["separable_conv2d/pointwise_kernel", [1, 1, 6, 4]], ["separable_conv2d/bias", [4]],
  ]);
  const t = L.conv2dTranspose({ filters: 4, kernelSize: 3 });
  t.ensureBuilt([null, 5, 5, 3]);
  expect(t.weights.map((w) => [w.name, w.shape])).toEqual([["conv2d_transpose/kernel", [3, 3, 4, 3]], ["conv2d_transpose/bias", [4]]]);
  const d = L.depthwiseConv2d({ kernelSize: 3, useBias: false });
  d.ensureBuilt([null, 5, 5, 3]);
  expect(d.weights.map((w) => [w.name, w.shape])).toEqual([["depthwise_conv2d/kernel", [3, 3, 3, 1]]]);
});

describe("serialize → JSON → deserialize rebuilds the same layer", () => {
  const cases: [string, () => nn.layers.Layer, number[]][] = [
    ["Conv2D", () => L.conv2d({ filters: 3, kernelSize: [2, 3], strides: [1, 2], padding: "same", activation: "relu", kernelRegularizer: nn.regularizers.l2(0.01), kernelConstraint: nn.constraints.maxNorm({ maxValue: 2 }), inputShape: [6, 6, 2] }), [2, 6, 6, 2]],
    ["Conv2D", () => L.conv2d({ filters: 4, kernelSize: 2, groups: 2 }), [1, 4, 4, 4]],
    ["Conv1D", () => L.conv1d({ filters: 2, kernelSize: 3, padding: "causal", dilationRate: 2, useBias: false }), [2, 7, 3]],
    ["Conv2DTranspose", () => L.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, outputPadding: 1, activation: "tanh" }), [1, 3, 3, 2]],
    ["DepthwiseConv2D", () => L.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, padding: "same", depthwiseInitializer: "heNormal" }), [1, 4, 4, 2]],
    ["SeparableConv2D", () => L.separableConv2d({ filters: 3, kernelSize: 2, pointwiseRegularizer: "l1", activation: "sigmoid" }), [1, 4, 4, 2]],
    ["MaxPooling2D", () => L.maxPooling2d({ poolSize: [2, 3], strides: 1, padding: "same" }), [1, 4, 5, 2]],
    ["AveragePooling2D", () => L.averagePooling2d({ poolSize: 3, strides: 2 }), [1, 5, 5, 2]],
    ["MaxPooling1D", () => L.maxPooling1d({ poolSize: 3, strides: 2, padding: "same" }), [2, 7, 2]],
    ["AveragePooling1D", () => L.averagePooling1d({ poolSize: 2 }), [2, 6, 2]],
    ["GlobalAveragePooling2D", () => L.globalAveragePooling2d({ keepDims: true }), [2, 3, 3, 2]],
    ["GlobalMaxPooling2D", () => L.globalMaxPooling2d(), [2, 3, 3, 2]],
    ["GlobalAveragePooling1D", () => L.globalAveragePooling1d(), [2, 4, 3]],
    ["GlobalMaxPooling1D", () => L.globalMaxPooling1d({ keepDims: true }), [2, 4, 3]],
    ["UpSampling2D", () => L.upSampling2d({ size: [2, 3], interpolation: "bilinear" }), [1, 2, 3, 2]],
    ["ZeroPadding2D", () => L.zeroPadding2d({ padding: [1, 2] }), [1, 2, 3, 2]],
    ["Cropping2D", () => L.cropping2d({ cropping: [[1, 0], [0, 2]] }), [1, 4, 5, 2]],
  ];
  test.each(cases)("%s", (className, make, shape) => {
    nn.setSeed(3);
    const layer = make();
    const x = nn.tensor(Float32Array.from({ length: shape.reduce((p, d) => p * d, 1) }, (_, i) => Math.sin(i)), { shape });
    const y = layer.apply(x);
    const serialized = JSON.parse(JSON.stringify(nn.layers.serializeLayer(layer)));
    expect(serialized.className).toBe(className);
    const copy = nn.layers.deserializeLayer(serialized);
    expect(copy.className).toBe(className);
    expect(copy.getConfig()).toEqual(layer.getConfig());
    copy.ensureBuilt([null, ...shape.slice(1)]);
    copy.setWeights(layer.getWeights());
    expectClose(copy.apply(x).data, Array.from(y.data), 1e-6);
    expect(copy.computeOutputShape([null, ...shape.slice(1)])).toEqual([null, ...y.shape.slice(1)]);
    expect(copy.countParams()).toBe(layer.countParams());
  });
});
