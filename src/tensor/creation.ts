/** Making tensors from numbers and nested arrays. */
import { Tensor, type NestedArray } from "./tensor";
import { allocate, assertDType, getDefaultDType, type DType, type TypedArray } from "./dtype";
import { assertValidShape, sizeOf } from "./shape";

/** Options of `nn.tensor`, `nn.zeros`, `nn.ones` and `nn.fill`. */
export interface TensorOptions {
  /** Element type; the global default (float32 unless changed) when omitted. */
  dtype?: DType;
  /** Record operations on this tensor for autodiff (a leaf, like a parameter). */
  requiresGrad?: boolean;
}

/** Shape of a nested array, checking it is rectangular and all numbers. */
function inferShape(values: NestedArray, where: string): number[] {
  const shape: number[] = [];
  let level: NestedArray = values;
  while (Array.isArray(level)) {
    shape.push(level.length);
    if (level.length === 0) break;
    level = level[0];
  }
  const check = (v: NestedArray, dim: number, path: string): void => {
    if (dim === shape.length) {
      if (typeof v !== "number") throw new TypeError(`${where}: expected a number at ${path || "the top level"}, got ${Array.isArray(v) ? "an array" : typeof v}`);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[dim]) {
      throw new RangeError(`${where}: ragged nested array: ${path || "the top level"} should have ${shape[dim]} entries, got ${Array.isArray(v) ? v.length : typeof v}`);
    }
    v.forEach((x, i) => check(x, dim + 1, `${path}[${i}]`));
  };
  check(values, 0, "");
  return shape;
}

/**
 * A tensor from a number, nested arrays, or a typed array (then give `shape`).
 *
 * ```ts
 * nn.tensor([[1, 2], [3, 4]]);                  // float32, shape [2, 2]
 * nn.tensor([1, 2], { dtype: "float64" });
 * ```
 */
export function tensor(values: NestedArray | TypedArray | Tensor, options: TensorOptions & { shape?: readonly number[] } = {}): Tensor {
  const dtype =
    options.dtype ??
    (values instanceof Tensor ? values.dtype : values instanceof Float64Array ? "float64" : values instanceof Float32Array ? "float32" : getDefaultDType());
  assertDType(dtype, "tensor");
  let shape: number[];
  let flat: ArrayLike<number>;
  if (values instanceof Tensor) {
    shape = [...values.shape];
    flat = values.data;
  } else if (values instanceof Float32Array || values instanceof Float64Array) {
    shape = options.shape ? [...options.shape] : [values.length];
    flat = values;
  } else {
    shape = inferShape(values, "tensor");
    flat = (Array.isArray(values) ? (values as unknown[]).flat(Infinity) : [values]) as number[];
  }
  if (options.shape) {
    assertValidShape(options.shape, "tensor");
    if (sizeOf(options.shape) !== flat.length) {
      throw new RangeError(`tensor: ${flat.length} values cannot have shape [${options.shape.join(", ")}]`);
    }
    shape = [...options.shape];
  }
  const data = allocate(dtype, flat.length);
  data.set(flat);
  return new Tensor(data, shape, { requiresGrad: options.requiresGrad });
}

/** A tensor of `value` everywhere. */
export function fill(shape: readonly number[], value: number, options: TensorOptions = {}): Tensor {
  assertValidShape(shape, "fill");
  const dtype = options.dtype ?? getDefaultDType();
  assertDType(dtype, "fill");
  return new Tensor(allocate(dtype, sizeOf(shape)).fill(value), shape, { requiresGrad: options.requiresGrad });
}

/** A tensor of zeros (biases, accumulators). */
export function zeros(shape: readonly number[], options: TensorOptions = {}): Tensor {
  return fill(shape, 0, options);
}

/** A tensor of ones. */
export function ones(shape: readonly number[], options: TensorOptions = {}): Tensor {
  return fill(shape, 1, options);
}

/** Scalar tensor. */
export function scalar(value: number, options: TensorOptions = {}): Tensor {
  return tensor(value, options);
}

/** Accepts a tensor or nested numbers where the API takes data (`fit(x, y)`, `predict(x)`). */
export function toTensor(x: Tensor | NestedArray, argument: string): Tensor {
  if (x instanceof Tensor) return x;
  if (typeof x === "number" || Array.isArray(x)) {
    try {
      return tensor(x);
    } catch (e) {
      throw new TypeError(`${argument}: ${(e as Error).message.replace(/^tensor: /, "")}`);
    }
  }
  throw new TypeError(`${argument}: expected a Tensor or nested arrays of numbers, got ${x === null ? "null" : typeof x}`);
}
