/** Every tensor op, as free functions (`nn.add(a, b)`) — Tensor methods call these. */
export { add, sub, mul, div, maximum, minimum, pow } from "./binary";
export {
  unaryOp, neg, exp, log, sqrt, square, abs, clip, sigmoid, tanh, relu, cast, sign,
  log1p, expm1, log2, log10, sin, cos, tan, atan, sinh, cosh, reciprocal, rsqrt, erf, floor, ceil, round,
} from "./unary";
export { matmul, type MatmulOptions } from "./matmul";
export { sum, mean, prod, max, min, variance, std, norm, cumsum, type Axes } from "./reduce";
export { argmax, argmin } from "./argmax";
export { logSumExp, softmax, logSoftmax } from "./softmax";
export { equal, notEqual, greater, greaterEqual, less, lessEqual, where } from "./compare";
export { concat, stack } from "./join";
export { slice, index, gather, oneHot, type IndexInput } from "./indexing";
export { reshape, transpose, gatherRows, squeeze, expandDims } from "./shape-ops";
export { conv2d, conv1d, conv2dTranspose, type Conv2DOpOptions, type Conv1DOpOptions, type Conv2DTransposeOpOptions } from "./conv";
export { type Conv2DOptions, type ConvPadding, type IntPair } from "./conv-geometry";
export { depthwiseConv2d, type DepthwiseConv2DOptions } from "./conv-depthwise";
export { maxPool2d, avgPool2d, maxPool1d, avgPool1d, type Pool2DOptions, type Pool1DOptions } from "./pool";
export { pad } from "./pad";
export { upSampling2d } from "./upsample";
