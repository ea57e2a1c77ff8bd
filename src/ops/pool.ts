/**
 * Pooling windows, channels-last: `maxPool2d`, `avgPool2d` and their 1-D forms. With "same"
 * padding the padded positions never win a max and are not counted in an average (Keras's
 * `AveragePooling2D` divides by the number of real inputs in the window, PyTorch's
 * `count_include_pad=False`). Gradients: a max routes its gradient to the first maximal input
 * (as PyTorch and TensorFlow), an average spreads it evenly over the counted inputs.
 */
import type { Tensor } from "../tensor/tensor";
import { allocate, type TypedArray } from "../tensor/dtype";
import { shapeToString } from "../tensor/shape";
import type { ConvDims } from "../backend/conv-kernels";
import { opResult } from "./result";
import { reshape } from "./shape-ops";
import { checkPadding, convDims, intPair, type IntPair } from "./conv-geometry";

/** Options of the 2-D pooling ops. */
export interface Pool2DOptions {
  /** Window size (default 2). */
  poolSize?: IntPair;
  /** Step between windows (default: the pool size, as Keras). */
  strides?: IntPair | null;
  /** "valid" (default) or "same". */
  padding?: "valid" | "same";
}

/** Options of the 1-D pooling ops. */
export interface Pool1DOptions {
  /** Window length (default 2). */
  poolSize?: number;
  /** Step between windows (default: the pool size). */
  strides?: number | null;
  /** "valid" (default) or "same". */
  padding?: "valid" | "same";
}

/** The window geometry of a 2-D pooling of `x`. */
function poolDims(where: string, x: Tensor, options: Pool2DOptions): ConvDims {
  const size = intPair(options.poolSize, 2, `${where}: poolSize`);
  const strides = intPair(options.strides ?? size, 1, `${where}: strides`);
  const padding = checkPadding(options.padding ?? "valid", `${where}: padding`, false);
  if (x.rank !== 4) throw new RangeError(`${where} expects a 4-D input [batch, height, width, channels], got shape ${shapeToString(x.shape)}`);
  return convDims(where, x.shape, size[0], size[1], strides, [1, 1], padding, "pool window");
}

/**
 * Calls `visit(outRow, inOffset)` for every output position and every input position of its
 * window that lies inside the input (offsets of channel 0; `outRow` counts output positions).
 */
function forEachWindow(d: ConvDims, visit: (outRow: number, i: number) => void): void {
  const { batch, inH, inW, inC, kH, kW, strideH, strideW, padTop, padLeft, outH, outW } = d;
  let r = 0;
  for (let n = 0; n < batch; n++) {
    for (let oy = 0; oy < outH; oy++) {
      const y0 = Math.max(oy * strideH - padTop, 0);
      const y1 = Math.min(oy * strideH - padTop + kH, inH);
      for (let ox = 0; ox < outW; ox++, r++) {
        const x0 = Math.max(ox * strideW - padLeft, 0);
        const x1 = Math.min(ox * strideW - padLeft + kW, inW);
        for (let iy = y0; iy < y1; iy++) for (let ix = x0; ix < x1; ix++) visit(r, ((n * inH + iy) * inW + ix) * inC);
      }
    }
  }
}

/**
 * Max pooling, channels-last: `[batch, h, w, c]` → `[batch, outH, outW, c]`, each output the
 * largest input of its window. `where` names the caller in errors.
 *
 * ```ts
 * nn.maxPool2d(x, { poolSize: 2 });  // [32, 26, 26, 8] → [32, 13, 13, 8]
 * ```
 */
export function maxPool2d(x: Tensor, options: Pool2DOptions = {}, where = "maxPool2d"): Tensor {
  const d = poolDims(where, x, options);
  const c = d.inC;
  const xd = x.data;
  const rows = d.batch * d.outH * d.outW;
  const out = allocate(x.dtype, rows * c);
  const arg = new Int32Array(rows * c);
  if (isInterior2x2(d)) {
    maxPool2x2(xd, d, out, arg);
  } else {
    maxPoolWindows(xd, d, out, arg);
  }
  return opResult("maxPool2d", out, [d.batch, d.outH, d.outW, c], [x], (g: TypedArray) => {
    const gx = allocate(x.dtype, x.size);
    for (let o = 0; o < arg.length; o++) gx[arg[o]] += g[o];
    return [gx];
  });
}

/** Whether every window is 2×2 and lies inside the input (the usual `poolSize: 2`, "valid"). */
function isInterior2x2(d: ConvDims): boolean {
  return d.kH === 2 && d.kW === 2 && d.padTop === 0 && d.padLeft === 0 &&
    (d.outH - 1) * d.strideH + 2 <= d.inH && (d.outW - 1) * d.strideW + 2 <= d.inW;
}

/**
 * Max pooling with 2×2 windows inside the input: four loads per output, no window loops (twice
 * as fast as the general walk on a CNN's pooling). Visits the window in the same row-major order
 * with the same strict comparison as {@link maxPoolWindows}, so the same input wins.
 */
function maxPool2x2(xd: TypedArray, d: ConvDims, out: TypedArray, arg: Int32Array): void {
  const { batch, inH, inW, inC: c, strideH, strideW, outH, outW } = d;
  const down = inW * c;
  let o = 0;
  for (let n = 0; n < batch; n++) {
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0, corner = ((n * inH + oy * strideH) * inW) * c; ox < outW; ox++, o += c, corner += strideW * c) {
        for (let j = 0; j < c; j++) {
          const p = corner + j;
          let best = xd[p];
          let at = p;
          let v = xd[p + c];
          if (v > best) {
            best = v;
            at = p + c;
          }
          v = xd[p + down];
          if (v > best) {
            best = v;
            at = p + down;
          }
          v = xd[p + down + c];
          if (v > best) {
            best = v;
            at = p + down + c;
          }
          out[o + j] = best;
          arg[o + j] = at;
        }
      }
    }
  }
}

/**
 * Max pooling over any windows (clipped to the input, so padded positions never win): fills
 * `out` with each window's first maximum per channel and `arg` with its input index.
 */
function maxPoolWindows(xd: TypedArray, d: ConvDims, out: TypedArray, arg: Int32Array): void {
  // Plain loops: per output position, scan its window once per channel run.
  const { batch, inH, inW, inC: c, kH, kW, strideH, strideW, padTop, padLeft, outH, outW } = d;
  let o = 0;
  for (let n = 0; n < batch; n++) {
    for (let oy = 0; oy < outH; oy++) {
      const y0 = Math.max(oy * strideH - padTop, 0);
      const y1 = Math.min(oy * strideH - padTop + kH, inH);
      for (let ox = 0; ox < outW; ox++, o += c) {
        const x0 = Math.max(ox * strideW - padLeft, 0);
        const x1 = Math.min(ox * strideW - padLeft + kW, inW);
        const first = ((n * inH + y0) * inW + x0) * c;
        for (let j = 0; j < c; j++) {
          out[o + j] = xd[first + j];
          arg[o + j] = first + j;
        }
        for (let iy = y0; iy < y1; iy++) {
          for (let ix = iy === y0 ? x0 + 1 : x0; ix < x1; ix++) {
            const i = ((n * inH + iy) * inW + ix) * c;
            for (let j = 0; j < c; j++) {
              // Strictly greater: the first maximum of the window wins (and keeps the gradient).
              if (xd[i + j] > out[o + j]) {
                out[o + j] = xd[i + j];
                arg[o + j] = i + j;
              }
            }
          }
        }
      }
    }
  }
}

/**
 * Average pooling, channels-last: each output the mean of the real inputs of its window (padding
 * excluded, as Keras). `where` names the caller in errors.
 *
 * ```ts
 * nn.avgPool2d(x, { poolSize: 3, strides: 1, padding: "same" });  // corners average 4 inputs, not 9
 * ```
 */
export function avgPool2d(x: Tensor, options: Pool2DOptions = {}, where = "avgPool2d"): Tensor {
  const d = poolDims(where, x, options);
  const c = d.inC;
  const xd = x.data;
  const rows = d.batch * d.outH * d.outW;
  const sums = new Float64Array(rows * c);
  const counts = new Int32Array(rows);
  forEachWindow(d, (r, i) => {
    counts[r]++;
    const o = r * c;
    for (let j = 0; j < c; j++) sums[o + j] += xd[i + j];
  });
  const out = allocate(x.dtype, rows * c);
  for (let r = 0; r < rows; r++) for (let j = 0; j < c; j++) out[r * c + j] = sums[r * c + j] / counts[r];
  return opResult("avgPool2d", out, [d.batch, d.outH, d.outW, c], [x], (g: TypedArray) => {
    const gx = allocate(x.dtype, x.size);
    forEachWindow(d, (r, i) => {
      const o = r * c;
      const scale = 1 / counts[r];
      for (let j = 0; j < c; j++) gx[i + j] += g[o + j] * scale;
    });
    return [gx];
  });
}

/** A 1-D pooling as a 2-D one over a height of 1. */
function pool1d(pool2d: typeof maxPool2d, x: Tensor, options: Pool1DOptions, where: string): Tensor {
  if (x.rank !== 3) throw new RangeError(`${where} expects a 3-D input [batch, steps, channels], got shape ${shapeToString(x.shape)}`);
  const [size] = intPair(options.poolSize, 2, `${where}: poolSize`);
  const [stride] = intPair(options.strides ?? size, 1, `${where}: strides`);
  const [batch, steps, channels] = x.shape;
  if (options.padding !== "same" && steps < size) {
    throw new RangeError(`${where}: the pool window ${size} is larger than the input length ${steps} (input shape ${shapeToString(x.shape)})`);
  }
  const y = pool2d(reshape(x, [batch, 1, steps, channels]), { poolSize: [1, size], strides: [1, stride], padding: options.padding }, where);
  return reshape(y, [batch, y.shape[2], channels]);
}

/**
 * 1-D max pooling: `[batch, steps, c]` → `[batch, outSteps, c]`.
 *
 * ```ts
 * nn.maxPool1d(x, { poolSize: 2 });  // [8, 10, 4] → [8, 5, 4]
 * ```
 */
export function maxPool1d(x: Tensor, options: Pool1DOptions = {}, where = "maxPool1d"): Tensor {
  return pool1d(maxPool2d, x, options, where);
}

/**
 * 1-D average pooling: `[batch, steps, c]` → `[batch, outSteps, c]` (padding excluded from the means).
 *
 * ```ts
 * nn.avgPool1d(x, { poolSize: 3, strides: 1, padding: "same" });
 * ```
 */
export function avgPool1d(x: Tensor, options: Pool1DOptions = {}, where = "avgPool1d"): Tensor {
  return pool1d(avgPool2d, x, options, where);
}
