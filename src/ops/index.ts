/** Every tensor op, as free functions (`nn.add(a, b)`) — Tensor methods call these. */
export { add, sub, mul, div, maximum, minimum } from "./binary";
export { unaryOp, neg, exp, log, sqrt, square, abs, pow, clip, sigmoid, tanh, relu, cast, sign } from "./unary";
export { matmul } from "./matmul";
export { sum, mean, prod, max, min, variance, std, type Axes } from "./reduce";
export { argmax, argmin } from "./argmax";
export { logSumExp, softmax, logSoftmax } from "./softmax";
export { equal, notEqual, greater, greaterEqual, less, lessEqual, where } from "./compare";
export { concat, stack } from "./join";
export { slice, gather, oneHot, type IndexInput } from "./indexing";
export { reshape, transpose, gatherRows, squeeze, expandDims } from "./shape-ops";
