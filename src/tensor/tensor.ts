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

export class Tensor {
  /** The values, flat, row-major. Optimizers update parameters in place through it. */
  readonly data: TypedArray;
  readonly shape: Shape;
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
  add(other: Tensor | number): Tensor { return ops.add(this, other); }
  sub(other: Tensor | number): Tensor { return ops.sub(this, other); }
  mul(other: Tensor | number): Tensor { return ops.mul(this, other); }
  div(other: Tensor | number): Tensor { return ops.div(this, other); }
  pow(exponent: number): Tensor { return ops.pow(this, exponent); }
  neg(): Tensor { return ops.neg(this); }
  exp(): Tensor { return ops.exp(this); }
  log(): Tensor { return ops.log(this); }
  sqrt(): Tensor { return ops.sqrt(this); }
  square(): Tensor { return ops.square(this); }
  abs(): Tensor { return ops.abs(this); }
  clip(min: number, max: number): Tensor { return ops.clip(this, min, max); }
  sigmoid(): Tensor { return ops.sigmoid(this); }
  tanh(): Tensor { return ops.tanh(this); }
  relu(): Tensor { return ops.relu(this); }
  matmul(other: Tensor, options?: ops.MatmulOptions): Tensor { return ops.matmul(this, other, options); }
  sum(axis?: number | number[], keepDims = false): Tensor { return ops.sum(this, axis, keepDims); }
  mean(axis?: number | number[], keepDims = false): Tensor { return ops.mean(this, axis, keepDims); }
  reshape(shape: readonly number[]): Tensor { return ops.reshape(this, shape); }
  transpose(perm?: readonly number[]): Tensor { return ops.transpose(this, perm); }
  sign(): Tensor { return ops.sign(this); }
  prod(axis?: ops.Axes, keepDims = false): Tensor { return ops.prod(this, axis, keepDims); }
  max(axis?: ops.Axes, keepDims = false): Tensor { return ops.max(this, axis, keepDims); }
  min(axis?: ops.Axes, keepDims = false): Tensor { return ops.min(this, axis, keepDims); }
  variance(axis?: ops.Axes, keepDims = false): Tensor { return ops.variance(this, axis, keepDims); }
  std(axis?: ops.Axes, keepDims = false): Tensor { return ops.std(this, axis, keepDims); }
  argmax(axis = -1): Tensor { return ops.argmax(this, axis); }
  argmin(axis = -1): Tensor { return ops.argmin(this, axis); }
  logSumExp(axis?: ops.Axes, keepDims = false): Tensor { return ops.logSumExp(this, axis, keepDims); }
  softmax(axis = -1): Tensor { return ops.softmax(this, axis); }
  logSoftmax(axis = -1): Tensor { return ops.logSoftmax(this, axis); }
  equal(other: Tensor | number): Tensor { return ops.equal(this, other); }
  notEqual(other: Tensor | number): Tensor { return ops.notEqual(this, other); }
  greater(other: Tensor | number): Tensor { return ops.greater(this, other); }
  greaterEqual(other: Tensor | number): Tensor { return ops.greaterEqual(this, other); }
  less(other: Tensor | number): Tensor { return ops.less(this, other); }
  lessEqual(other: Tensor | number): Tensor { return ops.lessEqual(this, other); }
  maximum(other: Tensor | number): Tensor { return ops.maximum(this, other); }
  minimum(other: Tensor | number): Tensor { return ops.minimum(this, other); }
  slice(begin: number | readonly number[], size?: number | readonly number[]): Tensor { return ops.slice(this, begin, size); }
  /** Python-style indexing, e.g. `x.index("0, 1:3")` for `x[0, 1:3]`; see {@link ops.index}. */
  index(spec: string): Tensor { return ops.index(this, spec); }
  gather(indices: ops.IndexInput, axis = 0): Tensor { return ops.gather(this, indices, axis); }
  squeeze(axis?: number | readonly number[]): Tensor { return ops.squeeze(this, axis); }
  expandDims(axis = 0): Tensor { return ops.expandDims(this, axis); }
  log1p(): Tensor { return ops.log1p(this); }
  expm1(): Tensor { return ops.expm1(this); }
  log2(): Tensor { return ops.log2(this); }
  log10(): Tensor { return ops.log10(this); }
  sin(): Tensor { return ops.sin(this); }
  cos(): Tensor { return ops.cos(this); }
  tan(): Tensor { return ops.tan(this); }
  atan(): Tensor { return ops.atan(this); }
  sinh(): Tensor { return ops.sinh(this); }
  cosh(): Tensor { return ops.cosh(this); }
  reciprocal(): Tensor { return ops.reciprocal(this); }
  rsqrt(): Tensor { return ops.rsqrt(this); }
  erf(): Tensor { return ops.erf(this); }
  floor(): Tensor { return ops.floor(this); }
  ceil(): Tensor { return ops.ceil(this); }
  round(): Tensor { return ops.round(this); }
  norm(ord: number = 2, axis?: ops.Axes, keepDims = false): Tensor { return ops.norm(this, ord, axis, keepDims); }
  cumsum(axis = 0): Tensor { return ops.cumsum(this, axis); }
  where(condition: Tensor, other: Tensor | number): Tensor { return ops.where(condition, this, other); }
  /** The transpose (axes reversed), as NumPy's `.T`. */
  get T(): Tensor { return ops.transpose(this); }

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
