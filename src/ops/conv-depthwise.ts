/**
 * Depthwise 2-D convolution (Keras's `DepthwiseConv2D`, the first half of a separable
 * convolution): every input channel is convolved with its own `depthMultiplier` filters, never
 * mixed with other channels. The kernel is `[kh, kw, in, multiplier]` and output channel
 * `c·multiplier + m` is input channel c through filter m (PyTorch: `groups = in`, weight
 * `[in·multiplier, 1, kh, kw]`).
 *
 * Direct loops rather than im2col: each output needs only kh·kw·in multiply-adds, so a
 * patch matrix would cost as much to build as the convolution itself.
 */
import type { Tensor } from "../tensor/tensor";
import { allocate, type DType, type TypedArray } from "../tensor/dtype";
import { shapeToString } from "../tensor/shape";
import type { ConvDims } from "../backend/conv-kernels";
import { opResult } from "./result";
import { addBias, withBiasGradient } from "./conv";
import { checkPadding, convDims, intPair, type Conv2DOptions } from "./conv-geometry";

/** Options of {@link depthwiseConv2d}. */
export interface DepthwiseConv2DOptions extends Conv2DOptions {
  /** Added to every output position, shape `[in·multiplier]`. */
  bias?: Tensor | null;
}

/** Data of `t` in `dtype` (the same array when it already is). */
function inDType(t: Tensor, dtype: DType): TypedArray {
  return dtype === "float64" && t.dtype !== "float64" ? Float64Array.from(t.data) : t.data;
}

/**
 * Visits every (output position, kernel tap) pair inside the input: `visit(outOffset, inOffset,
 * kernelOffset)` with offsets of the first channel. One walker serves forward and backward.
 */
function forEachTap(d: ConvDims, outChannels: number, visit: (o: number, i: number, k: number) => void): void {
  const { batch, inH, inW, inC, kH, kW, strideH, strideW, dilationH, dilationW, padTop, padLeft, outH, outW } = d;
  for (let n = 0; n < batch; n++) {
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++) {
        const o = ((n * outH + oy) * outW + ox) * outChannels;
        for (let ky = 0; ky < kH; ky++) {
          const iy = oy * strideH - padTop + ky * dilationH;
          if (iy < 0 || iy >= inH) continue;
          for (let kx = 0; kx < kW; kx++) {
            const ix = ox * strideW - padLeft + kx * dilationW;
            if (ix < 0 || ix >= inW) continue;
            visit(o, ((n * inH + iy) * inW + ix) * inC, (ky * kW + kx) * outChannels);
          }
        }
      }
    }
  }
}

/**
 * Depthwise convolution: x `[batch, h, w, in]`, kernel `[kh, kw, in, multiplier]` →
 * `[batch, outH, outW, in·multiplier]`. `where` names the caller in errors.
 *
 * ```ts
 * nn.depthwiseConv2d(x, kernel, { padding: "same" });  // [1, 8, 8, 3] * [3, 3, 3, 2] → [1, 8, 8, 6]
 * ```
 */
export function depthwiseConv2d(x: Tensor, kernel: Tensor, options: DepthwiseConv2DOptions = {}, where = "depthwiseConv2d"): Tensor {
  if (kernel.rank !== 4) throw new RangeError(`${where}: the kernel must have rank 4 [kh, kw, in, multiplier], got shape ${shapeToString(kernel.shape)}`);
  if (x.rank !== 4) throw new RangeError(`${where} expects a 4-D input [batch, height, width, channels], got shape ${shapeToString(x.shape)}`);
  if (kernel.shape[2] !== x.shape[3]) {
    throw new RangeError(`${where}: the kernel ${shapeToString(kernel.shape)} expects ${kernel.shape[2]} input channels but the input ${shapeToString(x.shape)} has ${x.shape[3]}`);
  }
  const strides = intPair(options.strides, 1, `${where}: strides`);
  const dilation = intPair(options.dilationRate, 1, `${where}: dilationRate`);
  const padding = checkPadding(options.padding ?? "valid", `${where}: padding`);
  const d = convDims(where, x.shape, kernel.shape[0], kernel.shape[1], strides, dilation, padding);
  const inC = d.inC;
  const mult = kernel.shape[3];
  const outC = inC * mult;
  const bias = options.bias ?? null;
  if (bias !== null && (bias.rank !== 1 || bias.shape[0] !== outC)) {
    throw new RangeError(`${where}: the bias must have shape [${outC}] (one value per output channel), got ${shapeToString(bias.shape)}`);
  }
  const dtype: DType = [x, kernel, bias].some((t) => t?.dtype === "float64") ? "float64" : "float32";
  const xd = inDType(x, dtype);
  const kd = inDType(kernel, dtype);
  const out = allocate(dtype, d.batch * d.outH * d.outW * outC);
  forEachTap(d, outC, (o, i, k) => {
    for (let c = 0; c < inC; c++) {
      const xv = xd[i + c];
      for (let m = 0, j = c * mult; m < mult; m++, j++) out[o + j] += xv * kd[k + j];
    }
  });
  if (bias) addBias(out, bias.data, outC);
  const inputs = bias ? [x, kernel, bias] : [x, kernel];
  return opResult("depthwiseConv2d", out, [d.batch, d.outH, d.outW, outC], inputs, (g: TypedArray) => {
    const gx = x.requiresGrad ? allocate(x.dtype, x.size) : null;
    const gk = kernel.requiresGrad ? new Float64Array(kernel.size) : null;
    forEachTap(d, outC, (o, i, k) => {
      for (let c = 0; c < inC; c++) {
        const xv = xd[i + c];
        let s = 0;
        for (let m = 0, j = c * mult; m < mult; m++, j++) {
          s += g[o + j] * kd[k + j];
          if (gk) gk[k + j] += g[o + j] * xv;
        }
        if (gx) gx[i + c] += s;
      }
    });
    return withBiasGradient([gx, gk ? (kernel.dtype === "float64" ? gk : Float32Array.from(gk)) : null], bias, g, outC);
  });
}
