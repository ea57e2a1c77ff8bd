/**
 * Upsampling of images, channels-last (`UpSampling2D`): "nearest" repeats every pixel
 * `size` times along each axis; "bilinear" interpolates with half-pixel centres (TensorFlow's
 * `resize(..., "bilinear")`, PyTorch's `interpolate(mode="bilinear", align_corners=False)`).
 * Both are separable, so one table of (source, weight) pairs per axis drives forward and backward.
 */
import type { Tensor } from "../tensor/tensor";
import { allocate, type TypedArray } from "../tensor/dtype";
import { shapeToString } from "../tensor/shape";
import { opResult } from "./result";
import { intPair, type IntPair } from "./conv-geometry";

/** For each output index along one axis: two source indices and the weight of each. */
interface AxisTable {
  lo: Int32Array;
  hi: Int32Array;
  wHi: Float64Array;
}

/** The interpolation table for `inSize → inSize·factor`. */
function axisTable(inSize: number, factor: number, bilinear: boolean): AxisTable {
  const n = inSize * factor;
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  const wHi = new Float64Array(n);
  for (let o = 0; o < n; o++) {
    if (!bilinear) {
      lo[o] = hi[o] = Math.floor(o / factor);
      continue;
    }
    // Half-pixel centres: output o sits at input coordinate (o + ½)/factor − ½, clamped at the edges.
    const src = Math.max((o + 0.5) / factor - 0.5, 0);
    const i0 = Math.min(Math.floor(src), inSize - 1);
    lo[o] = i0;
    hi[o] = Math.min(i0 + 1, inSize - 1);
    wHi[o] = src - i0;
  }
  return { lo, hi, wHi };
}

/**
 * Upsamples `[batch, h, w, c]` to `[batch, h·sy, w·sx, c]`. `where` names the caller in errors.
 *
 * ```ts
 * nn.upSampling2d(x, 2);                // nearest: every pixel becomes a 2×2 block
 * nn.upSampling2d(x, [2, 3], "bilinear");
 * ```
 */
export function upSampling2d(x: Tensor, size: IntPair = 2, interpolation: "nearest" | "bilinear" = "nearest", where = "upSampling2d"): Tensor {
  if (x.rank !== 4) throw new RangeError(`${where} expects a 4-D input [batch, height, width, channels], got shape ${shapeToString(x.shape)}`);
  const [sy, sx] = intPair(size, 2, `${where}: size`);
  if (interpolation !== "nearest" && interpolation !== "bilinear") {
    throw new RangeError(`${where}: interpolation must be "nearest" or "bilinear", got ${JSON.stringify(interpolation)}`);
  }
  const bilinear = interpolation === "bilinear";
  const [batch, h, w, c] = x.shape;
  const rows = axisTable(h, sy, bilinear);
  const cols = axisTable(w, sx, bilinear);
  const outH = h * sy;
  const outW = w * sx;
  const xd = x.data;
  const out = allocate(x.dtype, batch * outH * outW * c);
  // (sample, output row, output column) → the four source pixels and their weights.
  const visit = (fn: (o: number, src: number, weight: number) => void) => {
    for (let n = 0; n < batch; n++) {
      for (let oy = 0; oy < outH; oy++) {
        const wy1 = rows.wHi[oy];
        const r0 = (n * h + rows.lo[oy]) * w;
        const r1 = (n * h + rows.hi[oy]) * w;
        for (let ox = 0; ox < outW; ox++) {
          const o = ((n * outH + oy) * outW + ox) * c;
          const wx1 = cols.wHi[ox];
          const c0 = cols.lo[ox];
          const c1 = cols.hi[ox];
          fn(o, (r0 + c0) * c, (1 - wy1) * (1 - wx1));
          if (wx1 !== 0) fn(o, (r0 + c1) * c, (1 - wy1) * wx1);
          if (wy1 !== 0) fn(o, (r1 + c0) * c, wy1 * (1 - wx1));
          if (wy1 !== 0 && wx1 !== 0) fn(o, (r1 + c1) * c, wy1 * wx1);
        }
      }
    }
  };
  visit((o, s, wt) => {
    for (let j = 0; j < c; j++) out[o + j] += wt * xd[s + j];
  });
  return opResult("upSampling2d", out, [batch, outH, outW, c], [x], (g: TypedArray) => {
    const gx = allocate(x.dtype, x.size);
    visit((o, s, wt) => {
      for (let j = 0; j < c; j++) gx[s + j] += wt * g[o + j];
    });
    return [gx];
  });
}
