/**
 * The n-dimensional array at the heart of nnlab, with reverse-mode autodiff.
 *
 * A tensor owns a flat typed array in row-major order and its shape. Ops never mutate
 * their inputs; they return new tensors and, when gradients are being recorded,
 * attach a {@link GradFn} that knows how to send gradients back.
 */
import { allocate, type DType, type TypedArray } from "./dtype";
import { sizeOf, shapeToString, type Shape } from "./shape";
import { backprop, type GradFn } from "./autograd";
import { formatTensor } from "./format";
import * as ops from "../ops";
import { JUPYTER_DISPLAY } from "../display/host";
import type { MimeBundle } from "../display/mime";

/** Nested arrays of numbers, as `tensor([[1, 2], [3, 4]])` takes and `toArray()` returns. */
export type NestedArray = number | NestedArray[];

/**
 * An n-dimensional array of float32 or float64 values that records the ops applied to it
 * for reverse-mode autodiff. Make one with `nn.tensor(...)`; every op is also a method
 * (`a.add(b)` is `nn.add(a, b)`), and `backward()` fills `.grad` on the leaves.
 *
 * ```ts
 * const w = nn.tensor([[0.5, -0.2]], { requiresGrad: true });
 * w.matmul(nn.tensor([[1], [2]])).sigmoid().sum().backward();
 * w.grad; // d/dw
 * ```
 */
export class Tensor {
  /** The values, flat, row-major. Optimizers update parameters in place through it. */
  readonly data: TypedArray;
  /** Dimensions, outermost first (`[]` for a scalar). */
  readonly shape: Shape;
  /** Element type: float32 (default) or float64. */
  readonly dtype: DType;
  /** True for parameters and for results of ops on them while gradients are recorded. */
  requiresGrad: boolean;
  /** The op that produced this tensor (null for leaves: data and parameters). */
  gradFn: GradFn | null = null;
  /** Accumulated gradient of a leaf after {@link Tensor.backward}. */
  grad: Tensor | null = null;
  /** Optional name (weights are named like `dense/kernel`). */
  name?: string;

  /** Low-level constructor: `data.length` must equal the product of `shape`. Prefer `nn.tensor(...)`. */
  constructor(data: TypedArray, shape: Shape, options: { requiresGrad?: boolean; name?: string } = {}) {
    if (data.length !== sizeOf(shape)) {
      throw new RangeError(`Tensor: ${data.length} values do not fill shape ${shapeToString(shape)} (${sizeOf(shape)} values)`);
    }
    this.data = data;
    this.shape = Object.freeze([...shape]);
    this.dtype = data instanceof Float64Array ? "float64" : "float32";
    this.requiresGrad = options.requiresGrad ?? false;
    if (options.name !== undefined) this.name = options.name;
  }

  /** Number of elements. */
  get size(): number {
    return this.data.length;
  }

  /** Number of dimensions. */
  get rank(): number {
    return this.shape.length;
  }

  /** The single value of a one-element tensor. */
  item(): number {
    if (this.size !== 1) throw new RangeError(`item(): tensor has ${this.size} elements (shape ${shapeToString(this.shape)}), expected 1`);
    return this.data[0];
  }

  /** The values as nested arrays (a number for a scalar). */
  toArray(): NestedArray {
    const build = (dim: number, offset: number): NestedArray => {
      if (dim === this.shape.length) return this.data[offset];
      const stride = sizeOf(this.shape.slice(dim + 1));
      const out: NestedArray[] = [];
      for (let i = 0; i < this.shape[dim]; i++) out.push(build(dim + 1, offset + i * stride));
      return out;
    };
    return build(0, 0);
  }

  /** The values as a flat array (a copy). tfjs spelling: `dataSync()`. */
  dataSync(): number[] {
    return Array.from(this.data);
  }

  /** tfjs spelling of {@link Tensor.toArray}. */
  arraySync(): NestedArray {
    return this.toArray();
  }

  /** A tensor with the same values, cut off from the graph. */
  detach(): Tensor {
    return new Tensor(this.data, this.shape);
  }

  /** A deep copy (new storage), cut off from the graph. */
  clone(): Tensor {
    return new Tensor(this.data.slice(), this.shape);
  }

  /** Converts to another dtype (a copy; gradients flow through). */
  cast(dtype: DType): Tensor {
    return ops.cast(this, dtype);
  }

  /**
   * Backpropagates from this tensor and accumulates `.grad` on every leaf that requires a
   * gradient (PyTorch semantics: call `zeroGrad` on parameters between steps).
   * A non-scalar tensor needs `gradient`, dThis (same shape).
   */
  backward(gradient?: Tensor): void {
    let seed: TypedArray;
    if (gradient) {
      if (gradient.size !== this.size) {
        throw new RangeError(`backward(): gradient shape ${shapeToString(gradient.shape)} does not match tensor shape ${shapeToString(this.shape)}`);
      }
      seed = allocate(this.dtype, this.size);
      seed.set(gradient.data);
    } else {
      if (this.size !== 1) {
        throw new RangeError(`backward(): only a scalar can be backpropagated without a gradient argument; this tensor has shape ${shapeToString(this.shape)}`);
      }
      seed = allocate(this.dtype, 1).fill(1);
    }
    if (!this.requiresGrad) {
      throw new Error("backward(): this tensor does not require a gradient (no parameter or requiresGrad input contributed to it, or it was computed under noGrad)");
    }
    const grads = backprop(this, seed);
    for (const [t, g] of grads) {
      if (t.gradFn !== null || !t.requiresGrad) continue;
      if (t.grad) {
        const acc = t.grad.data;
        for (let i = 0; i < acc.length; i++) acc[i] += g[i];
      } else {
        const own = allocate(t.dtype, t.size);
        own.set(g);
        t.grad = new Tensor(own, t.shape);
      }
    }
  }

  /** Clears `.grad`. */
  zeroGrad(): void {
    this.grad = null;
  }

  // Arithmetic and math: thin wrappers over the functions in ops/, so `a.add(b)` and `nn.add(a, b)` agree.
  /** `nn.add(this, other)` as a method. */
  add(other: Tensor | number): Tensor { return ops.add(this, other); }
  /** `nn.sub(this, other)` as a method. */
  sub(other: Tensor | number): Tensor { return ops.sub(this, other); }
  /** `nn.mul(this, other)` as a method. */
  mul(other: Tensor | number): Tensor { return ops.mul(this, other); }
  /** `nn.div(this, other)` as a method. */
  div(other: Tensor | number): Tensor { return ops.div(this, other); }
  /** `nn.pow(this, exponent)` as a method. */
  pow(exponent: number): Tensor { return ops.pow(this, exponent); }
  /** `nn.neg(this)` as a method. */
  neg(): Tensor { return ops.neg(this); }
  /** `nn.exp(this)` as a method. */
  exp(): Tensor { return ops.exp(this); }
  /** `nn.log(this)` as a method. */
  log(): Tensor { return ops.log(this); }
  /** `nn.sqrt(this)` as a method. */
  sqrt(): Tensor { return ops.sqrt(this); }
  /** `nn.square(this)` as a method. */
  square(): Tensor { return ops.square(this); }
  /** `nn.abs(this)` as a method. */
  abs(): Tensor { return ops.abs(this); }
  /** `nn.clip(this, min, max)` as a method. */
  clip(min: number, max: number): Tensor { return ops.clip(this, min, max); }
  /** `nn.sigmoid(this)` as a method. */
  sigmoid(): Tensor { return ops.sigmoid(this); }
  /** `nn.tanh(this)` as a method. */
  tanh(): Tensor { return ops.tanh(this); }
  /** `nn.relu(this)` as a method. */
  relu(): Tensor { return ops.relu(this); }
  /** `nn.matmul(this, other, options)` as a method. */
  matmul(other: Tensor, options?: ops.MatmulOptions): Tensor { return ops.matmul(this, other, options); }
  /** `nn.sum(this, axis, keepDims)` as a method. */
  sum(axis?: number | number[], keepDims = false): Tensor { return ops.sum(this, axis, keepDims); }
  /** `nn.mean(this, axis, keepDims)` as a method. */
  mean(axis?: number | number[], keepDims = false): Tensor { return ops.mean(this, axis, keepDims); }
  /** `nn.reshape(this, shape)` as a method. */
  reshape(shape: readonly number[]): Tensor { return ops.reshape(this, shape); }
  /** `nn.transpose(this, perm)` as a method. */
  transpose(perm?: readonly number[]): Tensor { return ops.transpose(this, perm); }
  /** `nn.sign(this)` as a method. */
  sign(): Tensor { return ops.sign(this); }
  /** `nn.prod(this, axis, keepDims)` as a method. */
  prod(axis?: ops.Axes, keepDims = false): Tensor { return ops.prod(this, axis, keepDims); }
  /** `nn.max(this, axis, keepDims)` as a method. */
  max(axis?: ops.Axes, keepDims = false): Tensor { return ops.max(this, axis, keepDims); }
  /** `nn.min(this, axis, keepDims)` as a method. */
  min(axis?: ops.Axes, keepDims = false): Tensor { return ops.min(this, axis, keepDims); }
  /** `nn.variance(this, axis, keepDims)` as a method. */
  variance(axis?: ops.Axes, keepDims = false): Tensor { return ops.variance(this, axis, keepDims); }
  /** `nn.std(this, axis, keepDims)` as a method. */
  std(axis?: ops.Axes, keepDims = false): Tensor { return ops.std(this, axis, keepDims); }
  /** `nn.argmax(this, axis)` as a method. */
  argmax(axis = -1): Tensor { return ops.argmax(this, axis); }
  /** `nn.argmin(this, axis)` as a method. */
  argmin(axis = -1): Tensor { return ops.argmin(this, axis); }
  /** `nn.logSumExp(this, axis, keepDims)` as a method. */
  logSumExp(axis?: ops.Axes, keepDims = false): Tensor { return ops.logSumExp(this, axis, keepDims); }
  /** `nn.softmax(this, axis)` as a method. */
  softmax(axis = -1): Tensor { return ops.softmax(this, axis); }
  /** `nn.logSoftmax(this, axis)` as a method. */
  logSoftmax(axis = -1): Tensor { return ops.logSoftmax(this, axis); }
  /** `nn.equal(this, other)` as a method. */
  equal(other: Tensor | number): Tensor { return ops.equal(this, other); }
  /** `nn.notEqual(this, other)` as a method. */
  notEqual(other: Tensor | number): Tensor { return ops.notEqual(this, other); }
  /** `nn.greater(this, other)` as a method. */
  greater(other: Tensor | number): Tensor { return ops.greater(this, other); }
  /** `nn.greaterEqual(this, other)` as a method. */
  greaterEqual(other: Tensor | number): Tensor { return ops.greaterEqual(this, other); }
  /** `nn.less(this, other)` as a method. */
  less(other: Tensor | number): Tensor { return ops.less(this, other); }
  /** `nn.lessEqual(this, other)` as a method. */
  lessEqual(other: Tensor | number): Tensor { return ops.lessEqual(this, other); }
  /** `nn.maximum(this, other)` as a method. */
  maximum(other: Tensor | number): Tensor { return ops.maximum(this, other); }
  /** `nn.minimum(this, other)` as a method. */
  minimum(other: Tensor | number): Tensor { return ops.minimum(this, other); }
  /** `nn.slice(this, begin, size)` as a method. */
  slice(begin: number | readonly number[], size?: number | readonly number[]): Tensor { return ops.slice(this, begin, size); }
  /** Python-style indexing, e.g. `x.index("0, 1:3")` for `x[0, 1:3]`; see {@link ops.index}. */
  index(spec: string): Tensor { return ops.index(this, spec); }
  /** `nn.gather(this, indices, axis)` as a method. */
  gather(indices: ops.IndexInput, axis = 0): Tensor { return ops.gather(this, indices, axis); }
  /** `nn.squeeze(this, axis)` as a method. */
  squeeze(axis?: number | readonly number[]): Tensor { return ops.squeeze(this, axis); }
  /** `nn.expandDims(this, axis)` as a method. */
  expandDims(axis = 0): Tensor { return ops.expandDims(this, axis); }
  /** `nn.log1p(this)` as a method. */
  log1p(): Tensor { return ops.log1p(this); }
  /** `nn.expm1(this)` as a method. */
  expm1(): Tensor { return ops.expm1(this); }
  /** `nn.log2(this)` as a method. */
  log2(): Tensor { return ops.log2(this); }
  /** `nn.log10(this)` as a method. */
  log10(): Tensor { return ops.log10(this); }
  /** `nn.sin(this)` as a method. */
  sin(): Tensor { return ops.sin(this); }
  /** `nn.cos(this)` as a method. */
  cos(): Tensor { return ops.cos(this); }
  /** `nn.tan(this)` as a method. */
  tan(): Tensor { return ops.tan(this); }
  /** `nn.atan(this)` as a method. */
  atan(): Tensor { return ops.atan(this); }
  /** `nn.sinh(this)` as a method. */
  sinh(): Tensor { return ops.sinh(this); }
  /** `nn.cosh(this)` as a method. */
  cosh(): Tensor { return ops.cosh(this); }
  /** `nn.reciprocal(this)` as a method. */
  reciprocal(): Tensor { return ops.reciprocal(this); }
  /** `nn.rsqrt(this)` as a method. */
  rsqrt(): Tensor { return ops.rsqrt(this); }
  /** `nn.erf(this)` as a method. */
  erf(): Tensor { return ops.erf(this); }
  /** `nn.floor(this)` as a method. */
  floor(): Tensor { return ops.floor(this); }
  /** `nn.ceil(this)` as a method. */
  ceil(): Tensor { return ops.ceil(this); }
  /** `nn.round(this)` as a method. */
  round(): Tensor { return ops.round(this); }
  /** `nn.norm(this, ord, axis, keepDims)` as a method. */
  norm(ord: number = 2, axis?: ops.Axes, keepDims = false): Tensor { return ops.norm(this, ord, axis, keepDims); }
  /** `nn.cumsum(this, axis)` as a method. */
  cumsum(axis = 0): Tensor { return ops.cumsum(this, axis); }
  /** `nn.where(condition, this, other)` as a method. */
  where(condition: Tensor, other: Tensor | number): Tensor { return ops.where(condition, this, other); }
  /** The transpose (axes reversed), as NumPy's `.T`. */
  get T(): Tensor { return ops.transpose(this); }

  /** The header (shape, dtype) and the values, printed as NumPy prints arrays. */
  toString(): string {
    return formatTensor(this);
  }

  /** Node's console.log / util.inspect use this. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return formatTensor(this);
  }

  /** Rich display in Jupyter (Deno protocol). */
  [JUPYTER_DISPLAY](): MimeBundle {
    return { "text/plain": formatTensor(this) };
  }
}
