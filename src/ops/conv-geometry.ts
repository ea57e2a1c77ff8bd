/**
 * Shapes of convolutions and poolings, channels-last, with Keras's rules: "valid" uses no padding;
 * "same" pads so that `out = ceil(in / stride)`, splitting the total padding with the extra row or
 * column at the end (bottom/right), as TensorFlow and Keras do (PyTorch's symmetric `padding=k`
 * differs for even totals). Explicit `[[top, bottom], [left, right]]` padding is also accepted.
 * Every error names the op or layer (`where`), the kernel and the input shape.
 */
import { shapeToString } from "../tensor/shape";
import type { ConvDims } from "../backend/conv-kernels";

/** Keras's padding modes, or explicit zero rows/columns `[[top, bottom], [left, right]]`. */
export type ConvPadding = "valid" | "same" | readonly [readonly [number, number], readonly [number, number]];

/** A size given once for both axes (`3`) or per axis (`[3, 5]`), as Keras's `kernel_size`/`strides`. */
export type IntPair = number | readonly [number, number];

/** Options shared by the 2-D convolution ops. */
export interface Conv2DOptions {
  /** Step between receptive fields (default 1). */
  strides?: IntPair;
  /** "valid" (default), "same", or explicit `[[top, bottom], [left, right]]`. */
  padding?: ConvPadding;
  /** Spacing between kernel taps (default 1, an ordinary convolution). */
  dilationRate?: IntPair;
}

/** `value` as two positive integers; `name` is the argument in the error (e.g. `conv2d: strides`). */
export function intPair(value: IntPair | undefined, fallback: number, name: string): [number, number] {
  const v = value ?? fallback;
  const pair = typeof v === "number" ? [v, v] : Array.isArray(v) ? [...v] : [];
  if (pair.length !== 2 || pair.some((d) => !Number.isInteger(d) || d <= 0)) {
    throw new RangeError(`${name} must be a positive integer or a list of 2 positive integers, got ${JSON.stringify(value)}`);
  }
  return pair as [number, number];
}

/** Checks a padding argument; returns it unchanged. */
export function checkPadding(padding: unknown, name: string, allowExplicit = true): ConvPadding {
  if (padding === "valid" || padding === "same") return padding;
  if (
    allowExplicit && Array.isArray(padding) && padding.length === 2 &&
    padding.every((p) => Array.isArray(p) && p.length === 2 && p.every((d) => Number.isInteger(d) && d >= 0))
  ) {
    return padding as unknown as ConvPadding;
  }
  const explicit = allowExplicit ? ', or [[top, bottom], [left, right]] of non-negative integers' : "";
  throw new RangeError(`${name} must be "valid" or "same"${explicit}, got ${JSON.stringify(padding)}`);
}

/** Output length and padding before the input along one axis. */
interface AxisGeometry {
  out: number;
  padBefore: number;
}

/**
 * One spatial axis of a convolution: `size` input positions, a kernel of `k` taps spaced by
 * `dilation`, steps of `stride`. Throws (via `tooLarge`) when the dilated kernel does not fit.
 */
function axisGeometry(size: number, k: number, stride: number, dilation: number, padding: "valid" | "same" | readonly [number, number], tooLarge: () => Error): AxisGeometry {
  const span = (k - 1) * dilation + 1;
  if (padding === "same") {
    const out = Math.ceil(size / stride);
    const total = Math.max((out - 1) * stride + span - size, 0);
    return { out, padBefore: Math.floor(total / 2) };
  }
  const [before, after] = padding === "valid" ? [0, 0] : padding;
  const padded = size + before + after;
  if (padded < span) throw tooLarge();
  return { out: Math.floor((padded - span) / stride) + 1, padBefore: before };
}

/** `3×3` or `3×3 (dilated to 5×5)`, for error messages. */
function kernelText(kH: number, kW: number, dH: number, dW: number): string {
  const spanH = (kH - 1) * dH + 1;
  const spanW = (kW - 1) * dW + 1;
  return spanH === kH && spanW === kW ? `${kH}×${kW}` : `${kH}×${kW} (dilated to ${spanH}×${spanW})`;
}

/**
 * The geometry of a 2-D convolution or pooling window over `inputShape` (`[batch, h, w, c]`).
 * `where` names the op or layer in errors; `kernelName` says what the window is ("kernel",
 * "pool").
 */
export function convDims(
  where: string, inputShape: readonly number[], kH: number, kW: number,
  strides: readonly [number, number], dilation: readonly [number, number], padding: ConvPadding, kernelName = "kernel",
): ConvDims {
  if (inputShape.length !== 4) {
    throw new RangeError(`${where} expects a 4-D input [batch, height, width, channels], got shape ${shapeToString(inputShape)}`);
  }
  const [batch, inH, inW, inC] = inputShape;
  const tooLarge = () => {
    const padded = Array.isArray(padding) ? ` padded to ${inH + padding[0][0] + padding[0][1]}×${inW + padding[1][0] + padding[1][1]}` : "";
    return new RangeError(`${where}: the ${kernelName} ${kernelText(kH, kW, dilation[0], dilation[1])} is larger than the input ${inH}×${inW}${padded} (input shape ${shapeToString(inputShape)})`);
  };
  const [pH, pW] = padding === "valid" || padding === "same" ? [padding, padding] : padding;
  const h = axisGeometry(inH, kH, strides[0], dilation[0], pH, tooLarge);
  const w = axisGeometry(inW, kW, strides[1], dilation[1], pW, tooLarge);
  return {
    batch, inH, inW, inC, kH, kW, strideH: strides[0], strideW: strides[1], dilationH: dilation[0], dilationW: dilation[1],
    padTop: h.padBefore, padLeft: w.padBefore, outH: h.out, outW: w.out,
  };
}

/**
 * Output length of a convolution along one axis for `computeOutputShape` (null stays null).
 * Throws the same "larger than the input" error as the op, through `tooLarge`.
 */
export function convOutputLength(size: number | null, k: number, stride: number, dilation: number, padding: "valid" | "same" | readonly [number, number], tooLarge: () => Error): number | null {
  if (size === null) return null;
  return axisGeometry(size, k, stride, dilation, padding, tooLarge).out;
}

/**
 * Output length of a transposed convolution along one axis (Keras 3's
 * `compute_conv_transpose_output_length`): without `outputPadding`, `in·stride` for "same" and
 * `in·stride + max(span − stride, 0)` for "valid"; with it, `(in − 1)·stride + span − 2·pad + outputPadding`
 * where pad is `span // 2` for "same" and 0 for "valid".
 */
export function convTransposeLength(size: number, k: number, stride: number, dilation: number, padding: "valid" | "same", outputPadding: number | null): number {
  const span = (k - 1) * dilation + 1;
  if (outputPadding === null) return padding === "valid" ? size * stride + Math.max(span - stride, 0) : size * stride;
  const pad = padding === "same" ? Math.floor(span / 2) : 0;
  return (size - 1) * stride + span - 2 * pad + outputPadding;
}

/**
 * The geometry of a transposed convolution of `inputShape` (`[batch, h, w, inC]`) as the forward
 * convolution it is the gradient of: that convolution's input is the transposed output
 * (`outH×outW×filters`) and its output is `h×w`. The padding before is what "same" (or "valid")
 * would use on the transposed output, so `conv2d(conv2dTranspose(x))`'s geometry matches.
 */
export function convTransposeDims(
  where: string, inputShape: readonly number[], kH: number, kW: number, filters: number,
  strides: readonly [number, number], dilation: readonly [number, number], padding: "valid" | "same",
  outputPadding: readonly [number, number] | null,
): ConvDims {
  if (inputShape.length !== 4) {
    throw new RangeError(`${where} expects a 4-D input [batch, height, width, channels], got shape ${shapeToString(inputShape)}`);
  }
  const [batch, h, w] = inputShape;
  const outH = convTransposeLength(h, kH, strides[0], dilation[0], padding, outputPadding?.[0] ?? null);
  const outW = convTransposeLength(w, kW, strides[1], dilation[1], padding, outputPadding?.[1] ?? null);
  if (outH <= 0 || outW <= 0) {
    throw new RangeError(`${where}: the output of the transposed convolution would be ${outH}×${outW} for input shape ${shapeToString(inputShape)} and kernel ${kernelText(kH, kW, dilation[0], dilation[1])}`);
  }
  const before = (size: number, out: number, k: number, s: number, d: number) =>
    padding === "valid" ? 0 : Math.floor(Math.max((size - 1) * s + (k - 1) * d + 1 - out, 0) / 2);
  return {
    batch, inH: outH, inW: outW, inC: filters, kH, kW, strideH: strides[0], strideW: strides[1], dilationH: dilation[0], dilationW: dilation[1],
    padTop: before(h, outH, kH, strides[0], dilation[0]), padLeft: before(w, outW, kW, strides[1], dilation[1]), outH: h, outW: w,
  };
}
