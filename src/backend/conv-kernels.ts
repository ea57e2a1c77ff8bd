/**
 * The data movement behind convolution as a matrix product ("im2col"): every output position's
 * receptive field is copied into one row of a matrix, so a convolution becomes
 * `cols[positions, kh·kw·in] · kernel[kh·kw·in, out]` on the backend's fast matmul, and its input
 * gradient becomes the reverse scatter-add ("col2im") of `gradOut · kernelᵀ`.
 *
 * Layout (channels-last, as Keras): row r = (n·outH + oy)·outW + ox, column (ky·kw + kx)·in + c,
 * which is exactly a Keras kernel `[kh, kw, in, out]` read as a `[kh·kw·in, out]` matrix — no
 * transposition of weights is ever needed. Positions that fall into the zero padding are written
 * as zeros (im2col) or skipped (col2im); the padding is never materialized.
 *
 * These are plain loops over typed arrays with no closures: the inner loop copies `in`
 * contiguous channels, so the cost is one pass over the (virtual) patch matrix.
 */
import type { TypedArray } from "../tensor/dtype";

/** Sizes of one 2-D convolution, channels-last (see `src/ops/conv-geometry.ts`). */
export interface ConvDims {
  /** Batch size. */
  readonly batch: number;
  /** Input height, width and channels. */
  readonly inH: number;
  readonly inW: number;
  readonly inC: number;
  /** Kernel height and width. */
  readonly kH: number;
  readonly kW: number;
  /** Strides. */
  readonly strideH: number;
  readonly strideW: number;
  /** Dilation rates. */
  readonly dilationH: number;
  readonly dilationW: number;
  /** Zero rows above and columns left of the input (the rest of the padding is implied by the output size). */
  readonly padTop: number;
  readonly padLeft: number;
  /** Output height and width. */
  readonly outH: number;
  readonly outW: number;
}

/**
 * Fills `cols` (rows for samples `first … first+count−1`, row-major `[count·outH·outW, kH·kW·inC]`)
 * with the receptive fields of `x` (`[batch, inH, inW, inC]`).
 */
export function im2col(x: TypedArray, d: ConvDims, first: number, count: number, cols: TypedArray): void {
  walkPatches(x, d, first, count, cols, true);
}

/**
 * The adjoint of {@link im2col}: adds every entry of `cols` (same layout) into the input position
 * it was copied from, in `out` (`[batch, inH, inW, inC]`, not cleared here).
 */
export function col2im(cols: TypedArray, d: ConvDims, first: number, count: number, out: TypedArray): void {
  walkPatches(out, d, first, count, cols, false);
}

/**
 * The one walk over every (output position, kernel tap) pair behind both directions: gather
 * (`image → cols`, padding written as zeros) or scatter-add (`cols → image`, padding skipped).
 * The direction is tested once per tap, never per element.
 */
function walkPatches(image: TypedArray, d: ConvDims, first: number, count: number, cols: TypedArray, gather: boolean): void {
  const { inH, inW, inC, kH, kW, strideH, strideW, dilationH, dilationW, padTop, padLeft, outH, outW } = d;
  let o = 0;
  for (let n = first; n < first + count; n++) {
    const sample = n * inH;
    for (let oy = 0; oy < outH; oy++) {
      const y0 = oy * strideH - padTop;
      for (let ox = 0; ox < outW; ox++) {
        const x0 = ox * strideW - padLeft;
        for (let ky = 0; ky < kH; ky++) {
          const iy = y0 + ky * dilationH;
          if (iy < 0 || iy >= inH) {
            const len = kW * inC;
            if (gather) cols.fill(0, o, o + len);
            o += len;
            continue;
          }
          const row = (sample + iy) * inW;
          for (let kx = 0; kx < kW; kx++) {
            const ix = x0 + kx * dilationW;
            if (ix < 0 || ix >= inW) {
              if (gather) cols.fill(0, o, o + inC);
            } else if (gather) {
              for (let c = 0, s = (row + ix) * inC; c < inC; c++) cols[o + c] = image[s + c];
            } else {
              for (let c = 0, s = (row + ix) * inC; c < inC; c++) image[s + c] += cols[o + c];
            }
            o += inC;
          }
        }
      }
    }
  }
}
