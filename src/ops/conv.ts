/**
 * Convolutions, channels-last, with Keras's kernel layout `[kh, kw, in, out]`: `conv2d`, `conv1d`
 * and `conv2dTranspose`. Each is one matrix product on the backend's matmul per batch chunk
 * (im2col, see `src/backend/conv-kernels.ts`), and so are both gradients:
 *
 * - forward:          out[positions, out]  = cols[positions, kh·kw·in] · kernel[kh·kw·in, out]
 * - kernel gradient:  dKernel              = colsᵀ · dOut
 * - input gradient:   dInput               = col2im(dOut · kernelᵀ)
 *
 * A single-channel input with stride 1 and no padding (a grayscale image CNN's first layer) uses
 * the transposed patch matrix instead, built with one copy per kernel tap ("wide rows", see
 * `wideColumns`): forward `colsTᵀ · kernel`, kernel gradient `colsT · dOut`.
 *
 * PyTorch stores the same kernel as `[out, in, kh, kw]` (`permute(3, 2, 0, 1)` of ours) and
 * images channels-first; the reference fixtures convert both.
 */
import { sumTiles } from "./tiles";
import type { Tensor } from "../tensor/tensor";
import { allocate, type DType, type TypedArray } from "../tensor/dtype";
import { shapeToString } from "../tensor/shape";
import { backend } from "../backend/backend";
import { col2im, im2col, isSingleChannelUnpadded, moveWideRows, wideColumns, wideRows, type ConvDims } from "../backend/conv-kernels";
import { opResult } from "./result";
import { reshape } from "./shape-ops";
import { slice } from "./indexing";
import { concat } from "./join";
import { checkPadding, convDims, convTransposeDims, intPair, type Conv2DOptions, type IntPair } from "./conv-geometry";

/**
 * Patch matrices up to this many elements (16 MiB of float32) are built for the whole batch and
 * kept for the kernel gradient; larger ones are built per chunk of samples and rebuilt in backward.
 */
const COLS_LIMIT = 1 << 22;

/** Options of {@link conv2d}. */
export interface Conv2DOpOptions extends Conv2DOptions {
  /** Added to every output position, shape `[out]` (fused: saves a broadcast pass). */
  bias?: Tensor | null;
  /**
   * Apply max(0, ·) in the same pass (what a `Conv2D` with `activation: "relu"` does): saves a
   * tensor and two passes; the gradient is zero where the output is 0, as for `relu`.
   */
  fusedRelu?: boolean;
  /**
   * Split the input channels and the filters into this many groups convolved separately (default 1);
   * the kernel is then `[kh, kw, in / groups, out]`, as Keras's and PyTorch's `groups`.
   */
  groups?: number;
}

/** Options of {@link conv1d}. */
export interface Conv1DOpOptions {
  /** Step between windows (default 1). */
  strides?: number;
  /** "valid" (default), "same" (extra pad at the end) or "causal" (all padding before: output t sees inputs ≤ t). */
  padding?: "valid" | "same" | "causal";
  /** Spacing between kernel taps (default 1). */
  dilationRate?: number;
  /** Added to every output step, shape `[out]`. */
  bias?: Tensor | null;
  /** Channel groups convolved separately (default 1); the kernel is then `[k, in / groups, out]`. */
  groups?: number;
}

/** Options of {@link conv2dTranspose}. */
export interface Conv2DTransposeOpOptions {
  /** Upsampling factor: the stride of the convolution this one transposes (default 1). */
  strides?: IntPair;
  /** "valid" (default) or "same" (output = input · strides). */
  padding?: "valid" | "same";
  /** Spacing between kernel taps (default 1). */
  dilationRate?: IntPair;
  /** Extra rows/columns at the end of the output (each below its stride); null/undefined: Keras's default lengths. */
  outputPadding?: IntPair | null;
  /** Added to every output position, shape `[filters]`. */
  bias?: Tensor | null;
}

/** The computation dtype of the operands (float64 if any is) and their data in it. */
function operands(...ts: (Tensor | null)[]): { dtype: DType; data: (TypedArray | null)[] } {
  const dtype: DType = ts.some((t) => t?.dtype === "float64") ? "float64" : "float32";
  return { dtype, data: ts.map((t) => (t === null ? null : dtype === "float64" && t.dtype !== "float64" ? Float64Array.from(t.data) : t.data)) };
}

/** Checks a bias against the number of output channels. */
function checkBias(where: string, bias: Tensor | null, channels: number): void {
  if (bias !== null && (bias.rank !== 1 || bias.shape[0] !== channels)) {
    throw new RangeError(`${where}: the bias must have shape [${channels}] (one value per output channel), got ${shapeToString(bias.shape)}`);
  }
}

/** out[r, c] += bias[c] for every row (a bias fused into a channels-last op). */
export function addBias(out: TypedArray, bias: TypedArray, channels: number): void {
  for (let r = 0; r < out.length; r += channels) for (let c = 0; c < channels; c++) out[r + c] += bias[c];
}

/**
 * The epilogue of a convolution with a fused ReLU, in one pass over its output:
 * out[r, c] = max(out[r, c] + bias[c], 0) (no bias: max(out, 0)). NaN becomes 0, as the
 * separate `!(v > 0)` test did.
 */
function addBiasRelu(out: TypedArray, bias: TypedArray | null, channels: number): void {
  if (bias === null) {
    for (let i = 0; i < out.length; i++) if (!(out[i] > 0)) out[i] = 0;
    return;
  }
  for (let r = 0; r < out.length; r += channels) {
    for (let c = 0; c < channels; c++) {
      const v = out[r + c] + bias[c];
      out[r + c] = v > 0 ? v : 0;
    }
  }
}

/** The gradient behind a fused ReLU: gOut where the output is positive, 0 elsewhere (as `relu`). */
function reluBackward(gOut: TypedArray, out: TypedArray, dtype: DType): TypedArray {
  const g = allocate(dtype, gOut.length);
  for (let i = 0; i < g.length; i++) if (out[i] > 0) g[i] = gOut[i];
  return g;
}

/** `values` (float64 sums) in `dtype`. */
function narrowed(values: Float64Array, dtype: DType): TypedArray {
  if (dtype === "float64") return values;
  const out = allocate(dtype, values.length);
  out.set(values);
  return out;
}

/**
 * The gradients of x and the kernel, followed (when the op has a bias input) by the bias
 * gradient Σ over rows of g[r, c], or null when the bias needs none.
 */
export function withBiasGradient(grads: (TypedArray | null)[], bias: Tensor | null, g: TypedArray, channels: number): (TypedArray | null)[] {
  if (!bias) return grads;
  if (!bias.requiresGrad) return [...grads, null];
  // Σ over rows of g[r, c]: the rows are tiles of the bias, summed as the broadcast ops' gradient is (in float64 here).
  const acc = new Float64Array(channels);
  sumTiles(g, channels, acc);
  return [...grads, narrowed(acc, bias.dtype)];
}

/** Samples per im2col chunk so that a chunk's patch matrix stays under {@link COLS_LIMIT}. */
function chunkSize(d: ConvDims): number {
  return Math.max(1, Math.floor(COLS_LIMIT / Math.max(1, d.outH * d.outW * d.kH * d.kW * d.inC)));
}

/** True when im2col would copy the input unchanged (1×1 kernel, stride 1, no padding). */
function isPointwise(d: ConvDims): boolean {
  return d.kH === 1 && d.kW === 1 && d.strideH === 1 && d.strideW === 1 && d.padTop === 0 && d.padLeft === 0 && d.outH === d.inH && d.outW === d.inW;
}

/**
 * The patch matrix of samples `first … first+count−1` of `x` (a view of `x` itself for pointwise
 * convolutions), in `dtype`; with `biasColumn`, each row ends with a 1 (not for pointwise).
 */
function patches(x: TypedArray, d: ConvDims, first: number, count: number, dtype: DType, biasColumn = false): TypedArray {
  const k = d.kH * d.kW * d.inC;
  const rows = d.outH * d.outW;
  if (isPointwise(d)) return x.subarray(first * rows * k, (first + count) * rows * k);
  const cols = allocate(dtype, count * rows * (biasColumn ? k + 1 : k));
  im2col(x, d, first, count, cols, biasColumn);
  return cols;
}

/**
 * The transposed wide patch matrix (`[kH·kW, wideRows]`, plus a row of ones with `biasRow`) of
 * samples `first … first+count−1`, in `dtype`.
 */
function wideColumnsOf(x: TypedArray, d: ConvDims, first: number, count: number, dtype: DType, biasRow: boolean): TypedArray {
  const colsT = allocate(dtype, (d.kH * d.kW + (biasRow ? 1 : 0)) * wideRows(d, count));
  wideColumns(x, d, first, count, colsT, biasRow);
  return colsT;
}

/** The kernel `[k, out]` with the bias as one more row (`[k + 1, out]`), in `dtype`. */
function withBiasRow(kernel: TypedArray, bias: TypedArray, dtype: DType): TypedArray {
  const rows = allocate(dtype, kernel.length + bias.length);
  rows.set(kernel);
  rows.set(bias, kernel.length);
  return rows;
}

/** Whether every value is finite (no ±∞, no NaN). */
function allFinite(values: TypedArray): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}

/**
 * Scratch for the input-gradient patch matrix, which lives only until col2im has consumed it,
 * and for the wide rows of single-channel convolutions: kept between calls (one per dtype) so
 * training steps do not allocate it again.
 */
const scratch = { float32: new Float32Array(0) as TypedArray, float64: new Float64Array(0) as TypedArray };

/** A scratch array of at least `size` elements of `dtype` (contents undefined). */
function scratchFor(dtype: DType, size: number): TypedArray {
  if (size > COLS_LIMIT) return allocate(dtype, size);
  if (scratch[dtype].length < size) scratch[dtype] = allocate(dtype, size);
  return scratch[dtype].subarray(0, size);
}

/** Adds `src` into `dst` (kernel and bias gradients over chunks). */
function accumulate(dst: TypedArray | Float64Array, src: TypedArray): void {
  for (let i = 0; i < src.length; i++) dst[i] += src[i];
}

/**
 * A 2-D convolution with the geometry `d` already resolved; `where` names the op or layer in
 * errors. x `[batch, h, w, in]`, kernel `[kh, kw, in, out]`, bias `[out]` or null.
 */
export function convolveDims(where: string, x: Tensor, kernel: Tensor, bias: Tensor | null, d: ConvDims, fusedRelu = false): Tensor {
  const outC = kernel.shape[3];
  checkBias(where, bias, outC);
  const { dtype, data } = operands(x, kernel, bias);
  const [xd, kd, bd] = data as [TypedArray, TypedArray, TypedArray | null];
  const k = d.kH * d.kW * d.inC;
  const rows = d.outH * d.outW;
  const out = allocate(dtype, d.batch * rows * outC);
  const chunk = chunkSize(d);
  const be = backend();
  let kept: TypedArray | null = null;
  // A single-channel unpadded stride-1 input gets the transposed wide patch matrix (one copy per
  // tap, see conv-kernels.ts). Its dropped rows meet zeros in the kernel gradient, so they must be
  // finite (0·∞ is NaN): an input with ∞ or NaN takes the general path.
  const wide = isSingleChannelUnpadded(d) && !isPointwise(d) && allFinite(xd);
  // The bias rides in the product as one more kernel row against a column of ones in the
  // patches: no separate pass adds it, and the kernel-gradient product yields its gradient
  // (Σ over positions of dOut) as one more row. (Pointwise patches are a view of x: no column.)
  const biasInProduct = bd !== null && !isPointwise(d);
  const kRows = biasInProduct ? k + 1 : k;
  const kernelRows = bd && biasInProduct ? withBiasRow(kd, bd, dtype) : kd;
  const patchesOf = (first: number, count: number): TypedArray =>
    wide ? wideColumnsOf(xd, d, first, count, dtype, biasInProduct) : patches(xd, d, first, count, dtype, biasInProduct);
  for (let first = 0; first < d.batch; first += chunk) {
    const count = Math.min(chunk, d.batch - first);
    const outChunk = out.subarray(first * rows * outC, (first + count) * rows * outC);
    const cols = patchesOf(first, count);
    if (wide) {
      const m = wideRows(d, count);
      const wideOut = scratchFor(dtype, m * outC);
      be.matmul(cols, kernelRows, wideOut, m, kRows, outC, true, false);
      moveWideRows(wideOut, outChunk, d, count, outC, true);
    } else {
      be.matmul(cols, kernelRows, outChunk, count * rows, kRows, outC, false, false);
    }
    if (count === d.batch) kept = cols;
  }
  if (fusedRelu) addBiasRelu(out, biasInProduct ? null : bd, outC);
  else if (bd && !biasInProduct) addBias(out, bd, outC);
  const inputs = bias ? [x, kernel, bias] : [x, kernel];
  return opResult(fusedRelu ? "conv2d+relu" : "conv2d", out, [d.batch, d.outH, d.outW, outC], inputs, (gOut: TypedArray) => {
    const g = fusedRelu ? reluBackward(gOut, out, dtype) : gOut;
    const biasGrad = bias?.requiresGrad ? new Float64Array(outC) : null;
    const gx = x.requiresGrad ? allocate(x.dtype, x.size) : null;
    const gk = kernel.requiresGrad ? allocate(kernel.dtype, kernel.size) : null;
    // The kernel-gradient product of one chunk: [k, out], plus the bias gradient's row.
    const part = gk ? allocate(dtype, kRows * outC) : null;
    for (let first = 0; first < d.batch; first += chunk) {
      const count = Math.min(chunk, d.batch - first);
      const gc = g.subarray(first * rows * outC, (first + count) * rows * outC);
      if (gk && part) {
        const cols = kept ?? patchesOf(first, count);
        if (wide) {
          // dKernel = colsT · g in wide rows, g being zero in the rows the forward dropped.
          const m = wideRows(d, count);
          const gWide = scratchFor(dtype, m * outC).fill(0);
          moveWideRows(gWide, gc, d, count, outC, false);
          be.matmul(cols, gWide, part, kRows, m, outC, false, false);
        } else {
          be.matmul(cols, gc, part, kRows, count * rows, outC, true, false);
        }
        accumulate(gk, part.subarray(0, k * outC));
        if (biasGrad && biasInProduct) accumulate(biasGrad, part.subarray(k * outC));
      }
      if (gx) {
        if (isPointwise(d)) {
          be.matmul(gc, kd, gx.subarray(first * rows * k, (first + count) * rows * k), count * rows, outC, k, false, true);
        } else {
          const dcols = scratchFor(dtype, count * rows * k);
          be.matmul(gc, kd, dcols, count * rows, outC, k, false, true);
          col2im(dcols, d, first, count, gx);
        }
      }
    }
    // Without the bias row in the product (pointwise, or a frozen kernel), sum dOut per channel.
    if (biasGrad && !(biasInProduct && gk)) sumTiles(g, outC, biasGrad);
    return bias ? [gx, gk, biasGrad ? narrowed(biasGrad, bias.dtype) : null] : [gx, gk];
  });
}

/** Checks ranks and channels of a convolution's operands (`groups` input-channel groups). */
function checkOperands(where: string, x: Tensor, kernel: Tensor, kernelRank: number, channelAxis: number, layout: string, groups = 1): void {
  if (kernel.rank !== kernelRank) {
    throw new RangeError(`${where}: the kernel must have rank ${kernelRank} ${layout}, got shape ${shapeToString(kernel.shape)}`);
  }
  const xRank = kernelRank === 3 ? 3 : 4;
  if (x.rank !== xRank) {
    const expected = xRank === 3 ? "[batch, steps, channels]" : "[batch, height, width, channels]";
    throw new RangeError(`${where} expects a ${xRank}-D input ${expected}, got shape ${shapeToString(x.shape)}`);
  }
  if (!Number.isInteger(groups) || groups < 1) throw new RangeError(`${where}: groups must be a positive integer, got ${JSON.stringify(groups)}`);
  const channels = x.shape[x.rank - 1];
  const filters = kernel.shape[kernel.rank - 1];
  if (groups > 1 && (channels % groups !== 0 || filters % groups !== 0)) {
    throw new RangeError(`${where}: groups ${groups} must divide both the input channels (${channels}, input ${shapeToString(x.shape)}) and the filters (${filters}, kernel ${shapeToString(kernel.shape)})`);
  }
  if (kernel.shape[channelAxis] * groups !== channels) {
    const per = groups > 1 ? ` per group (${groups} groups)` : "";
    throw new RangeError(`${where}: the kernel ${shapeToString(kernel.shape)} expects ${kernel.shape[channelAxis]} input channels${per} but the input ${shapeToString(x.shape)} has ${channels}`);
  }
}

/**
 * A grouped convolution: group g convolves input channels `[g·c, (g+1)·c)` with filters
 * `[g·f, (g+1)·f)` through `one` (an ungrouped convolution); the outputs are concatenated along
 * channels. Slices and concat carry the gradients.
 */
function grouped(x: Tensor, kernel: Tensor, bias: Tensor | null, groups: number, one: (x: Tensor, k: Tensor, b: Tensor | null) => Tensor): Tensor {
  const c = x.shape[x.rank - 1] / groups;
  const f = kernel.shape[kernel.rank - 1] / groups;
  const box = (t: Tensor, start: number, size: number) =>
    slice(t, [...new Array<number>(t.rank - 1).fill(0), start], [...new Array<number>(t.rank - 1).fill(-1), size]);
  const parts: Tensor[] = [];
  for (let g = 0; g < groups; g++) parts.push(one(box(x, g * c, c), box(kernel, g * f, f), bias ? box(bias, g * f, f) : null));
  return concat(parts, x.rank - 1);
}

/**
 * 2-D convolution (cross-correlation, as every deep-learning library), channels-last:
 * x `[batch, h, w, in]` * kernel `[kh, kw, in, out]` → `[batch, outH, outW, out]`.
 * `where` names the caller in error messages (layers pass their name).
 *
 * ```ts
 * const y = nn.conv2d(x, kernel, { strides: 2, padding: "same" });  // [32, 28, 28, 1] * [3, 3, 1, 8] → [32, 14, 14, 8]
 * ```
 */
export function conv2d(x: Tensor, kernel: Tensor, options: Conv2DOpOptions = {}, where = "conv2d"): Tensor {
  const groups = options.groups ?? 1;
  checkOperands(where, x, kernel, 4, 2, "[kh, kw, in, out]", groups);
  if (groups > 1) return grouped(x, kernel, options.bias ?? null, groups, (xg, kg, bg) => conv2d(xg, kg, { ...options, groups: 1, bias: bg }, where));
  const strides = intPair(options.strides, 1, `${where}: strides`);
  const dilation = intPair(options.dilationRate, 1, `${where}: dilationRate`);
  const padding = checkPadding(options.padding ?? "valid", `${where}: padding`);
  const d = convDims(where, x.shape, kernel.shape[0], kernel.shape[1], strides, dilation, padding);
  return convolveDims(where, x, kernel, options.bias ?? null, d, options.fusedRelu ?? false);
}

/**
 * The explicit `[before, after]` padding of one axis for Keras's 1-D modes ("causal": all
 * `(k − 1)·dilation` before; "same": the extra one after).
 */
export function conv1dPadding(length: number, k: number, stride: number, dilation: number, padding: "valid" | "same" | "causal"): [number, number] {
  const span = (k - 1) * dilation + 1;
  if (padding === "valid") return [0, 0];
  if (padding === "causal") return [span - 1, 0];
  const total = Math.max((Math.ceil(length / stride) - 1) * stride + span - length, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/**
 * 1-D convolution over steps, channels-last: x `[batch, steps, in]` * kernel `[k, in, out]` →
 * `[batch, outSteps, out]`; a 2-D convolution over a height of 1. `where` names the caller in
 * error messages (layers pass their name).
 *
 * ```ts
 * nn.conv1d(x, kernel, { padding: "causal", dilationRate: 2 });  // WaveNet-style: output t sees inputs ≤ t
 * ```
 */
export function conv1d(x: Tensor, kernel: Tensor, options: Conv1DOpOptions = {}, where = "conv1d"): Tensor {
  const groups = options.groups ?? 1;
  checkOperands(where, x, kernel, 3, 1, "[k, in, out]", groups);
  if (groups > 1) return grouped(x, kernel, options.bias ?? null, groups, (xg, kg, bg) => conv1d(xg, kg, { ...options, groups: 1, bias: bg }, where));
  const [stride] = intPair(options.strides, 1, `${where}: strides`);
  const [dilation] = intPair(options.dilationRate, 1, `${where}: dilationRate`);
  const mode = options.padding ?? "valid";
  if (mode !== "valid" && mode !== "same" && mode !== "causal") {
    throw new RangeError(`${where}: padding must be "valid", "same" or "causal", got ${JSON.stringify(options.padding)}`);
  }
  const [batch, steps, channels] = x.shape;
  const k = kernel.shape[0];
  const pad = conv1dPadding(steps, k, stride, dilation, mode);
  if (steps + pad[0] + pad[1] < (k - 1) * dilation + 1) {
    const dilated = dilation > 1 ? ` (dilated to ${(k - 1) * dilation + 1})` : "";
    throw new RangeError(`${where}: the kernel size ${k}${dilated} is larger than the input length ${steps} (input shape ${shapeToString(x.shape)})`);
  }
  const x4 = reshape(x, [batch, 1, steps, channels]);
  const k4 = reshape(kernel, [1, k, channels, kernel.shape[2]]);
  const d = convDims(where, x4.shape, 1, k, [1, stride], [1, dilation], [[0, 0], pad]);
  const y = convolveDims(where, x4, k4, options.bias ?? null, d);
  return reshape(y, [batch, d.outW, kernel.shape[2]]);
}

/**
 * Transposed convolution ("deconvolution"), the gradient of `conv2d` with respect to its input:
 * x `[batch, h, w, in]` with a Keras kernel `[kh, kw, filters, in]` → `[batch, outH, outW, filters]`,
 * e.g. `outH = h·strides` for "same". Decoders and GAN generators upsample with it. `where`
 * names the caller in error messages.
 *
 * ```ts
 * nn.conv2dTranspose(x, kernel, { strides: 2, padding: "same" });  // [1, 7, 7, 16] → [1, 14, 14, filters]
 * ```
 */
export function conv2dTranspose(x: Tensor, kernel: Tensor, options: Conv2DTransposeOpOptions = {}, where = "conv2dTranspose"): Tensor {
  checkOperands(where, x, kernel, 4, 3, "[kh, kw, filters, in]");
  const strides = intPair(options.strides, 1, `${where}: strides`);
  const dilation = intPair(options.dilationRate, 1, `${where}: dilationRate`);
  const padding = checkPadding(options.padding ?? "valid", `${where}: padding`, false) as "valid" | "same";
  let outputPadding: [number, number] | null = null;
  if (options.outputPadding !== undefined && options.outputPadding !== null) {
    const op = typeof options.outputPadding === "number" ? [options.outputPadding, options.outputPadding] : [...options.outputPadding];
    if (op.length !== 2 || op.some((p, i) => !Number.isInteger(p) || p < 0 || p >= strides[i])) {
      throw new RangeError(`${where}: outputPadding must be non-negative integers smaller than the strides ${JSON.stringify(strides)}, got ${JSON.stringify(options.outputPadding)}`);
    }
    outputPadding = op as [number, number];
  }
  const filters = kernel.shape[2];
  const d = convTransposeDims(where, x.shape, kernel.shape[0], kernel.shape[1], filters, strides, dilation, padding, outputPadding);
  return transposeDims(where, x, kernel, options.bias ?? null, d);
}

/**
 * The transposed convolution with geometry `d` (that of the forward convolution from the output
 * `[batch, d.inH, d.inW, filters]` to x `[batch, d.outH, d.outW, in]`).
 */
function transposeDims(where: string, x: Tensor, kernel: Tensor, bias: Tensor | null, d: ConvDims): Tensor {
  const filters = d.inC;
  const inC = x.shape[3];
  checkBias(where, bias, filters);
  const { dtype, data } = operands(x, kernel, bias);
  const [xd, kd, bd] = data as [TypedArray, TypedArray, TypedArray | null];
  const k = d.kH * d.kW * filters;
  const rows = d.outH * d.outW;
  const outSize = d.inH * d.inW * filters;
  const out = allocate(dtype, d.batch * outSize);
  const chunk = chunkSize(d);
  const be = backend();
  for (let first = 0; first < d.batch; first += chunk) {
    const count = Math.min(chunk, d.batch - first);
    // out = col2im(x · kernelᵀ), the kernel read as a [kh·kw·filters, in] matrix.
    const dcols = scratchFor(dtype, count * rows * k);
    be.matmul(xd.subarray(first * rows * inC, (first + count) * rows * inC), kd, dcols, count * rows, inC, k, false, true);
    col2im(dcols, d, first, count, out);
  }
  if (bd) addBias(out, bd, filters);
  const inputs = bias ? [x, kernel, bias] : [x, kernel];
  return opResult("conv2dTranspose", out, [d.batch, d.inH, d.inW, filters], inputs, (g: TypedArray) => {
    const gx = x.requiresGrad ? allocate(x.dtype, x.size) : null;
    const gk = kernel.requiresGrad ? allocate(kernel.dtype, kernel.size) : null;
    const part = gk && chunk < d.batch ? allocate(dtype, kernel.size) : null;
    for (let first = 0; first < d.batch; first += chunk) {
      const count = Math.min(chunk, d.batch - first);
      const cols = patches(g, d, first, count, dtype);
      if (gx) be.matmul(cols, kd, gx.subarray(first * rows * inC, (first + count) * rows * inC), count * rows, k, inC, false, false);
      if (gk) {
        be.matmul(cols, xd.subarray(first * rows * inC, (first + count) * rows * inC), part ?? gk, k, count * rows, inC, true, false);
        if (part) accumulate(gk, part);
      }
    }
    return withBiasGradient([gx, gk], bias, g, filters);
  });
}
