/** Every tensor op, as free functions (`nn.add(a, b)`) — Tensor methods call these. */
export { add, sub, mul, div, maximum, minimum } from "./binary";
export { unaryOp, neg, exp, log, sqrt, square, abs, pow, clip, sigmoid, tanh, relu, cast } from "./unary";
export { matmul } from "./matmul";
export { sum, mean } from "./reduce";
export { reshape, transpose, gatherRows } from "./shape-ops";
