/**
 * Every error message of the convolution, pooling and image-shape ops and layers: each names the
 * op or layer and states what was expected and what was given (shapes, sizes, ids).
 */
import * as nn from "nnlab";

const L = nn.layers;
const x4 = (shape: number[]) => nn.ones(shape);

beforeEach(() => nn.clearSession());

describe("ops", () => {
  test("conv2d: ranks, channels, kernel larger than the input, arguments, bias", () => {
    expect(() => nn.conv2d(x4([1, 5, 5]), x4([3, 3, 1, 2]))).toThrow("conv2d expects a 4-D input [batch, height, width, channels], got shape [1, 5, 5]");
    expect(() => nn.conv2d(x4([1, 5, 5, 1]), x4([3, 3, 2]))).toThrow("conv2d: the kernel must have rank 4 [kh, kw, in, out], got shape [3, 3, 2]");
    expect(() => nn.conv2d(x4([1, 5, 5, 2]), x4([3, 3, 3, 4]))).toThrow("conv2d: the kernel [3, 3, 3, 4] expects 3 input channels but the input [1, 5, 5, 2] has 2");
    expect(() => nn.conv2d(x4([1, 3, 4, 1]), x4([5, 2, 1, 1]))).toThrow("conv2d: the kernel 5×2 is larger than the input 3×4 (input shape [1, 3, 4, 1])");
    expect(() => nn.conv2d(x4([1, 4, 4, 1]), x4([3, 3, 1, 1]), { dilationRate: 2 })).toThrow("conv2d: the kernel 3×3 (dilated to 5×5) is larger than the input 4×4 (input shape [1, 4, 4, 1])");
    expect(() => nn.conv2d(x4([1, 2, 2, 1]), x4([4, 4, 1, 1]), { padding: [[1, 0], [1, 0]] })).toThrow("conv2d: the kernel 4×4 is larger than the input 2×2 padded to 3×3 (input shape [1, 2, 2, 1])");
    expect(() => nn.conv2d(x4([1, 4, 4, 1]), x4([3, 3, 1, 1]), { strides: 0 })).toThrow("conv2d: strides must be a positive integer or a list of 2 positive integers, got 0");
    expect(() => nn.conv2d(x4([1, 4, 4, 1]), x4([3, 3, 1, 1]), { padding: "full" as "same" })).toThrow('conv2d: padding must be "valid" or "same", or [[top, bottom], [left, right]] of non-negative integers, got "full"');
    expect(() => nn.conv2d(x4([1, 4, 4, 1]), x4([3, 3, 1, 2]), { bias: x4([3]) })).toThrow("conv2d: the bias must have shape [2] (one value per output channel), got [3]");
    expect(() => nn.conv2d(x4([1, 4, 4, 4]), x4([3, 3, 2, 3]), { groups: 2 })).toThrow("conv2d: groups 2 must divide both the input channels (4, input [1, 4, 4, 4]) and the filters (3, kernel [3, 3, 2, 3])");
    expect(() => nn.conv2d(x4([1, 4, 4, 4]), x4([3, 3, 4, 2]), { groups: 2 })).toThrow("conv2d: the kernel [3, 3, 4, 2] expects 4 input channels per group (2 groups) but the input [1, 4, 4, 4] has 4");
    expect(() => nn.conv1d(x4([1, 4, 4]), x4([3, 2, 2]), { groups: 1.5 })).toThrow("conv1d: groups must be a positive integer, got 1.5");
  });
  test("conv1d: rank, kernel longer than the input, padding", () => {
    expect(() => nn.conv1d(x4([1, 5, 5, 1]), x4([3, 1, 2]))).toThrow("conv1d expects a 3-D input [batch, steps, channels], got shape [1, 5, 5, 1]");
    expect(() => nn.conv1d(x4([1, 2, 1]), x4([3, 1, 2]))).toThrow("conv1d: the kernel size 3 is larger than the input length 2 (input shape [1, 2, 1])");
    expect(() => nn.conv1d(x4([1, 4, 1]), x4([3, 1, 2]), { dilationRate: 2 })).toThrow("conv1d: the kernel size 3 (dilated to 5) is larger than the input length 4 (input shape [1, 4, 1])");
    expect(() => nn.conv1d(x4([1, 4, 1]), x4([3, 1, 2]), { padding: "full" as "same" })).toThrow('conv1d: padding must be "valid", "same" or "causal", got "full"');
  });
  test("conv2dTranspose: output padding, channels", () => {
    expect(() => nn.conv2dTranspose(x4([1, 3, 3, 2]), x4([3, 3, 4, 2]), { strides: 2, outputPadding: 2 })).toThrow("conv2dTranspose: outputPadding must be non-negative integers smaller than the strides [2,2], got 2");
    expect(() => nn.conv2dTranspose(x4([1, 3, 3, 2]), x4([3, 3, 4, 3]))).toThrow("conv2dTranspose: the kernel [3, 3, 4, 3] expects 3 input channels but the input [1, 3, 3, 2] has 2");
    expect(() => nn.conv2dTranspose(x4([1, 3, 3, 2]), x4([3, 3, 4, 2]), { padding: [[1, 1], [1, 1]] as unknown as "same" })).toThrow('conv2dTranspose: padding must be "valid" or "same", got [[1,1],[1,1]]');
  });
  test("depthwiseConv2d: ranks, channels, bias", () => {
    expect(() => nn.depthwiseConv2d(x4([1, 4, 4, 2]), x4([3, 3, 2]))).toThrow("depthwiseConv2d: the kernel must have rank 4 [kh, kw, in, multiplier], got shape [3, 3, 2]");
    expect(() => nn.depthwiseConv2d(x4([4, 4, 2]), x4([3, 3, 2, 1]))).toThrow("depthwiseConv2d expects a 4-D input [batch, height, width, channels], got shape [4, 4, 2]");
    expect(() => nn.depthwiseConv2d(x4([1, 4, 4, 2]), x4([3, 3, 3, 1]))).toThrow("depthwiseConv2d: the kernel [3, 3, 3, 1] expects 3 input channels but the input [1, 4, 4, 2] has 2");
    expect(() => nn.depthwiseConv2d(x4([1, 4, 4, 2]), x4([3, 3, 2, 2]), { bias: x4([2]) })).toThrow("depthwiseConv2d: the bias must have shape [4] (one value per output channel), got [2]");
  });
  test("pooling: rank, window larger than the input, padding", () => {
    expect(() => nn.maxPool2d(x4([1, 4, 4]))).toThrow("maxPool2d expects a 4-D input [batch, height, width, channels], got shape [1, 4, 4]");
    expect(() => nn.avgPool2d(x4([1, 2, 4, 1]), { poolSize: 3 })).toThrow("avgPool2d: the pool window 3×3 is larger than the input 2×4 (input shape [1, 2, 4, 1])");
    expect(() => nn.maxPool2d(x4([1, 4, 4, 1]), { padding: "full" as "same" })).toThrow('maxPool2d: padding must be "valid" or "same", got "full"');
    expect(() => nn.maxPool1d(x4([1, 4, 4, 1]))).toThrow("maxPool1d expects a 3-D input [batch, steps, channels], got shape [1, 4, 4, 1]");
    expect(() => nn.avgPool1d(x4([1, 2, 1]), { poolSize: 3 })).toThrow("avgPool1d: the pool window 3 is larger than the input length 2 (input shape [1, 2, 1])");
  });
  test("pad and upSampling2d", () => {
    expect(() => nn.pad(x4([2, 2]), [[1, -1]])).toThrow("pad: paddings must be at most 2 pairs [before, after] of non-negative integers (input shape [2, 2]), got [[1,-1]]");
    expect(() => nn.pad(x4([2, 2]), [[0, 0], [0, 0], [1, 1]])).toThrow("pad: paddings must be at most 2 pairs");
    expect(() => nn.upSampling2d(x4([1, 2, 2]))).toThrow("upSampling2d expects a 4-D input [batch, height, width, channels], got shape [1, 2, 2]");
    expect(() => nn.upSampling2d(x4([1, 2, 2, 1]), 2, "bicubic" as "nearest")).toThrow('upSampling2d: interpolation must be "nearest" or "bilinear", got "bicubic"');
    expect(() => nn.upSampling2d(x4([1, 2, 2, 1]), [2, 0])).toThrow("upSampling2d: size must be a positive integer or a list of 2 positive integers, got [2,0]");
  });
});

describe("layers", () => {
  test("a kernel larger than its input names the layer, the kernel size and the input shape", () => {
    const conv = L.conv2d({ filters: 2, kernelSize: [3, 5] });
    expect(() => conv.apply(x4([1, 4, 4, 3]))).toThrow("conv2d: the kernel size 5 on axis 2 is larger than the input (4); kernelSize [3,5], input shape [*, 4, 4, 3]");
    expect(() => nn.sequential([L.input({ shape: [2, 2, 3] }), L.conv2d({ filters: 2, kernelSize: 3, name: "c1" })]).summary())
      .toThrow("c1: the kernel size 3 on axis 1 is larger than the input (2); kernelSize [3,3], input shape [*, 2, 2, 3]");
    expect(() => L.conv1d({ filters: 1, kernelSize: 4, dilationRate: 2, name: "c" }).apply(x4([1, 6, 1])))
      .toThrow("c: the kernel size 4 (dilated to 7) on axis 1 is larger than the input (6); kernelSize [4], input shape [*, 6, 1]");
    expect(() => L.maxPooling2d({ poolSize: 3, name: "p" }).apply(x4([1, 2, 5, 1]))).toThrow("p: the pool size 3 on axis 1 is larger than the input (2); poolSize [3,3], input shape [*, 2, 5, 1]");
    expect(() => L.maxPooling1d({ poolSize: 3, name: "p1" }).apply(x4([1, 2, 1]))).toThrow("p1: the pool size 3 on axis 1 is larger than the input (2); poolSize [3], input shape [*, 2, 1]");
  });
  test("wrong rank and channel mismatch", () => {
    const conv = L.conv2d({ filters: 2, kernelSize: 3, name: "conv" });
    expect(() => conv.apply(x4([1, 5, 5]))).toThrow("conv expects a 4-D input [batch, height, width, channels], got shape [*, 5, 5]");
    conv.apply(x4([1, 5, 5, 3]));
    expect(() => conv.apply(x4([1, 5, 5, 4]))).toThrow("conv expects input shape [*, *, *, 3] but got [1, 5, 5, 4]");
    expect(() => L.conv1d({ filters: 2, kernelSize: 3, name: "c1d" }).apply(x4([1, 5, 5, 1]))).toThrow("c1d expects a 3-D input [batch, steps, channels], got shape [*, 5, 5, 1]");
    expect(() => L.globalAveragePooling2d({ name: "g" }).apply(x4([2, 3]))).toThrow("g expects a 4-D input [batch, height, width, channels], got shape [*, 3]");
    expect(() => L.upSampling2d({ name: "u" }).apply(x4([2, 3, 3]))).toThrow("u expects a 4-D input [batch, height, width, channels], got shape [*, 3, 3]");
    expect(() => L.depthwiseConv2d({ kernelSize: 2, name: "d" }).computeOutputShape([null, 4, 4, null])).toThrow("d: the channel dimension must be known, got input shape [*, 4, 4, *]");
  });
  test("bad arguments name the layer and the argument", () => {
    expect(() => L.conv2d({ filters: 0, kernelSize: 3, name: "a" })).toThrow("a: filters must be a positive integer, got 0");
    expect(() => L.conv2d({ filters: 1, kernelSize: [3, 3, 3], name: "a" })).toThrow("a: kernelSize must be a positive integer or a list of 2 positive integers, got [3,3,3]");
    expect(() => L.conv2d({ filters: 1, kernelSize: 3, padding: "causal" as "same", name: "a" })).toThrow('a: padding must be one of "valid", "same", got "causal"');
    expect(() => L.conv1d({ filters: 1, kernelSize: 3, padding: "full" as "same", name: "a" })).toThrow('a: padding must be one of "valid", "same", "causal", got "full"');
    expect(() => L.conv2d({ filters: 1, kernelSize: 3, dataFormat: "channels_first" as "channelsLast", name: "a" }))
      .toThrow('a: dataFormat must be "channelsLast" (channels-last [batch, …, channels]; nnlab has no channels-first kernels), got "channels_first"');
    expect(() => L.conv2d({ filters: 1, kernelSize: 3, strides: 2, dilationRate: 2, name: "a" }))
      .toThrow("a: strides > 1 cannot be combined with dilationRate > 1 (as in Keras), got strides [2,2] and dilationRate [2,2]");
    expect(() => L.conv2d({ filters: 3, kernelSize: 3, groups: 2, name: "a" })).toThrow("a: filters must be divisible by groups (as Keras), got filters 3 and groups 2");
    expect(() => L.conv2d({ filters: 2, kernelSize: 3, groups: 0, name: "a" })).toThrow("a: groups must be a positive integer, got 0");
    expect(() => L.conv2d({ filters: 4, kernelSize: 3, groups: 2, name: "g" }).apply(x4([1, 4, 4, 3])))
      .toThrow("g: the input channels must be divisible by groups (as Keras), got 3 channels (input shape [*, 4, 4, 3]) and groups 2");
    expect(() => L.conv2d({ filters: 1, kernelSize: 3, useBias: "yes" as unknown as boolean, name: "a" })).toThrow('a: useBias must be true or false, got "yes"');
    expect(() => L.conv2d({ filters: 1, kernelSize: 3, kernelInitializer: "glorot", name: "a" })).toThrow("a: kernelInitializer");
    expect(() => L.conv2dTranspose({ filters: -1, kernelSize: 3, name: "t2" })).toThrow("t2: filters must be a positive integer, got -1");
    expect(() => L.conv2dTranspose({ filters: 1, kernelSize: 3, strides: 2, outputPadding: [1, 2], name: "t" }))
      .toThrow("t: outputPadding must be smaller than strides on every axis (as Keras), got outputPadding [1,2] and strides [2,2]");
    expect(() => L.conv2dTranspose({ filters: 1, kernelSize: 3, outputPadding: -1, name: "t" })).toThrow("t: outputPadding must be a non-negative integer or a list of 2 non-negative integers, got -1");
    expect(() => L.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 0, name: "d" })).toThrow("d: depthMultiplier must be a positive integer, got 0");
    expect(() => L.separableConv2d({ filters: 0, kernelSize: 3, name: "s" })).toThrow("s: filters must be a positive integer, got 0");
    expect(() => L.maxPooling2d({ poolSize: 0, name: "p" })).toThrow("p: poolSize must be a positive integer or a list of 2 positive integers, got 0");
    expect(() => L.averagePooling1d({ padding: "full" as "same", name: "p" })).toThrow('p: padding must be one of "valid", "same", got "full"');
    expect(() => L.globalMaxPooling2d({ keepDims: 1 as unknown as boolean, name: "g" })).toThrow("g: keepDims must be true or false, got 1");
    expect(() => L.upSampling2d({ interpolation: "bicubic" as "nearest", name: "u" })).toThrow('u: interpolation must be "nearest" or "bilinear", got "bicubic"');
    expect(() => L.zeroPadding2d({ padding: [1, -1] as [number, number], name: "z" })).toThrow("z: padding must be a non-negative integer, [rows, columns] or [[top, bottom], [left, right]], got [1,-1]");
    expect(() => L.cropping2d({ cropping: [[2, 2], [0, 0]], name: "c" }).apply(x4([1, 4, 4, 1]))).toThrow("c: cropping [[2,2],[0,0]] removes all of an input of shape [*, 4, 4, 1]");
  });
});
