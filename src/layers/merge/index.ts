/** Merge layers: combine a list of tensors (`layer.apply([a, b])`). */
export { MergeLayer } from "./merge-layer";
export { Add, Subtract, Multiply, Average, Maximum, Minimum, add, subtract, multiply, average, maximum, minimum } from "./elementwise";
export { Concatenate, concatenate, type ConcatenateArgs } from "./concatenate";
