/**
 * The convolution, pooling and image-shape layers against Keras 3 itself (test/fixtures/torch/conv.py
 * calls each Keras layer with the torch backend): outputs, input gradients and weight gradients
 * of sum(y ⊙ g), float32 at 1e-5; and `model.summary()` texts equal to Keras's.
 */
import * as nn from "nnlab";
import { expectClose, flat, torchFixture } from "../helpers";

const fixture = torchFixture("conv");
const L = nn.layers;

/** The nnlab layer for each Keras case, from the Keras config the fixture recorded. */
const layersFor: Record<string, (c: any) => nn.layers.Layer> = {
  conv2d_transpose_valid_s2: (c) => L.conv2dTranspose({ filters: c.filters, kernelSize: c.kernel_size, strides: c.strides, padding: c.padding }),
  conv2d_transpose_same_s2: (c) => L.conv2dTranspose({ filters: c.filters, kernelSize: c.kernel_size, strides: c.strides, padding: c.padding }),
  conv2d_transpose_same_k4_s2: (c) => L.conv2dTranspose({ filters: c.filters, kernelSize: c.kernel_size, strides: c.strides, padding: c.padding }),
  conv2d_transpose_valid_outpad: (c) => L.conv2dTranspose({ filters: c.filters, kernelSize: c.kernel_size, strides: c.strides, padding: c.padding, outputPadding: c.output_padding }),
  conv2d_transpose_same_outpad: (c) => L.conv2dTranspose({ filters: c.filters, kernelSize: c.kernel_size, strides: c.strides, padding: c.padding, outputPadding: c.output_padding }),
  depthwise_same_mult2: (c) => L.depthwiseConv2d({ kernelSize: c.kernel_size, depthMultiplier: c.depth_multiplier, padding: c.padding }),
  depthwise_valid_stride2: (c) => L.depthwiseConv2d({ kernelSize: c.kernel_size, strides: c.strides, padding: c.padding }),
  separable_same: (c) => L.separableConv2d({ filters: c.filters, kernelSize: c.kernel_size, depthMultiplier: c.depth_multiplier, padding: c.padding }),
  separable_valid_dilated: (c) => L.separableConv2d({ filters: c.filters, kernelSize: c.kernel_size, dilationRate: c.dilation_rate }),
  avg_pool_same: (c) => L.averagePooling2d({ poolSize: c.pool_size, strides: c.strides, padding: c.padding }),
  conv2d_groups: (c) => L.conv2d({ filters: c.filters, kernelSize: c.kernel_size, groups: c.groups, padding: c.padding }),
  conv1d_groups: (c) => L.conv1d({ filters: c.filters, kernelSize: c.kernel_size, groups: c.groups }),
  max_pool_same: (c) => L.maxPooling2d({ poolSize: c.pool_size, padding: c.padding }),
  avg_pool1d_same: (c) => L.averagePooling1d({ poolSize: c.pool_size, strides: c.strides, padding: c.padding }),
  max_pool1d: (c) => L.maxPooling1d({ poolSize: c.pool_size }),
  upsampling_nearest: (c) => L.upSampling2d({ size: c.size, interpolation: c.interpolation }),
  upsampling_bilinear: (c) => L.upSampling2d({ size: c.size, interpolation: c.interpolation }),
  upsampling_bilinear_3x2: (c) => L.upSampling2d({ size: c.size, interpolation: c.interpolation }),
  zero_padding: (c) => L.zeroPadding2d({ padding: c.padding }),
  cropping: (c) => L.cropping2d({ cropping: c.cropping }),
  global_avg: () => L.globalAveragePooling2d(),
  global_max_keepdims: () => L.globalMaxPooling2d({ keepDims: true }),
  global_avg1d: () => L.globalAveragePooling1d(),
  global_max1d: () => L.globalMaxPooling1d(),
};

describe("layers vs Keras 3 (outputs, input and weight gradients)", () => {
  test("every Keras case has an nnlab layer", () => {
    expect(Object.keys(fixture.keras_layers).sort()).toEqual(Object.keys(layersFor).sort());
  });
  for (const [name, c] of Object.entries<any>(fixture.keras_layers)) {
    test(name, () => {
      const layer = layersFor[name](c.config);
      const x = nn.tensor(c.x);
      x.requiresGrad = true;
      layer.ensureBuilt([null, ...x.shape.slice(1)]);
      layer.setWeights(c.weights);
      const y = layer.apply(x);
      expectClose(y.data, flat(c.y), 1e-5);
      expect(layer.computeOutputShape([null, ...x.shape.slice(1)])).toEqual([null, ...y.shape.slice(1)]);
      const loss = y.mul(nn.tensor(c.g)).sum();
      const grads = nn.gradientsOf(loss, [x, ...layer.weights]);
      c.grads.forEach((expected: unknown, i: number) => expectClose(grads[i], flat(expected), 1e-5));
    });
  }
});

describe("Conv2D and Conv1D layers vs torch (kernel and bias set with setWeights)", () => {
  test.each(["conv2d_valid", "conv2d_same_stride2", "conv2d_same_dilated"])("%s", (name) => {
    const c = fixture.conv2d[name];
    const kernel = nn.tensor(c.kernel, { dtype: "float64" });
    const layer = L.conv2d({
      filters: kernel.shape[3], kernelSize: kernel.shape.slice(0, 2), strides: c.strides, padding: c.padding, dilationRate: c.dilation, dtype: "float64",
    });
    const x = nn.tensor(c.x, { dtype: "float64" });
    layer.ensureBuilt([null, ...x.shape.slice(1)]);
    layer.setWeights([c.kernel, c.bias]);
    expectClose(layer.apply(x).data, flat(c.y), 1e-10);
  });
  test.each(["valid", "same_stride2", "causal_dilated"])("conv1d %s", (name) => {
    const c = fixture.conv1d[name];
    const kernel = nn.tensor(c.kernel, { dtype: "float64" });
    const layer = L.conv1d({ filters: kernel.shape[2], kernelSize: kernel.shape[0], strides: c.strides, padding: c.padding, dilationRate: c.dilation, dtype: "float64" });
    const x = nn.tensor(c.x, { dtype: "float64" });
    layer.ensureBuilt([null, ...x.shape.slice(1)]);
    layer.setWeights([c.kernel, c.bias]);
    const y = layer.apply(x);
    expectClose(y.data, flat(c.y), 1e-10);
    expect(layer.computeOutputShape([null, ...x.shape.slice(1)])).toEqual([null, ...y.shape.slice(1)]);
  });
});

describe("model.summary() equals Keras 3's text", () => {
  /** The text/plain summary, as `model.summary()` prints it on a console. */
  const summaryText = (model: nn.Model) => model[nn.JUPYTER_DISPLAY]()["text/plain"] as string;
  beforeEach(() => nn.clearSession());

  test("the benchmark CNN: 80 + 1,168 + 4,010 = 5,258 params", () => {
    const model = nn.sequential([
      L.input({ shape: [28, 28, 1] }), L.conv2d({ filters: 8, kernelSize: 3, activation: "relu" }), L.maxPooling2d(),
      L.conv2d({ filters: 16, kernelSize: 3, activation: "relu" }), L.maxPooling2d(), L.flatten(), L.dense({ units: 10, activation: "softmax" }),
    ]);
    expect(summaryText(model)).toBe(fixture.summaries.small_cnn);
  });

  test("every image layer (shapes through padding, strides, upsampling, transposed conv, cropping)", () => {
    const model = nn.sequential([
      L.input({ shape: [16, 16, 3] }), L.zeroPadding2d({ padding: 1 }), L.conv2d({ filters: 4, kernelSize: 3, strides: 2, padding: "same" }),
      L.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, padding: "same" }), L.separableConv2d({ filters: 8, kernelSize: 3, useBias: false }),
      L.averagePooling2d({ poolSize: 2, padding: "same" }), L.upSampling2d({ size: 2 }), L.conv2dTranspose({ filters: 3, kernelSize: 3, strides: 2 }),
      L.cropping2d({ cropping: [[1, 1], [2, 0]] }), L.maxPooling2d({ poolSize: 3, strides: 1, padding: "same" }),
      L.globalAveragePooling2d({ keepDims: true }), L.globalMaxPooling2d(),
    ]);
    expect(summaryText(model)).toBe(fixture.summaries.image_layers);
    // The model runs with the shapes the summary shows.
    expect(model.predict(nn.ones([2, 16, 16, 3])).shape).toEqual([2, 3]);
  });

  test("1-D layers (causal dilated conv, pooling, global pooling)", () => {
    const model = nn.sequential([
      L.input({ shape: [20, 3] }), L.conv1d({ filters: 8, kernelSize: 3, padding: "causal", dilationRate: 2, activation: "relu" }), L.maxPooling1d({ poolSize: 2 }),
      L.conv1d({ filters: 4, kernelSize: 3, strides: 2 }), L.averagePooling1d({ poolSize: 2, padding: "same" }), L.globalAveragePooling1d(), L.dense({ units: 1 }),
    ]);
    expect(summaryText(model)).toBe(fixture.summaries.sequence_layers);
    expect(model.predict(nn.ones([3, 20, 3])).shape).toEqual([3, 1]);
  });
});

test("AveragePooling2D 'same' excludes the padding: Keras's documented example (3×3 input, 2×2 pool, stride 1)", () => {
  const x = nn.tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], { shape: [1, 3, 3, 1] });
  const y = L.averagePooling2d({ poolSize: 2, strides: 1, padding: "same" }).apply(x);
  // From the AveragePooling2D page of the Keras 3 docs; the border windows average 2 or 1 real inputs.
  expect(Array.from(y.data)).toEqual([3, 4, 4.5, 6, 7, 7.5, 7.5, 8.5, 9]);
});

test("MaxPooling2D: Keras's documented example (3×3 input, 2×2 pool, stride 1, valid)", () => {
  const x = nn.tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], { shape: [1, 3, 3, 1] });
  expect(Array.from(L.maxPooling2d({ poolSize: 2, strides: 1 }).apply(x).data)).toEqual([5, 6, 8, 9]);
});
