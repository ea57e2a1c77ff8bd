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
 * These are plain loops over typed arrays with no closures: the inner loop copies a whole
 * kernel row (`kw·in` contiguous values) at a time, so the cost is one pass over the (virtual)
 * patch matrix.
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
 * with the receptive fields of `x` (`[batch, inH, inW, inC]`). With `biasColumn`, every row ends
 * with one more entry, a 1 (`[…, kH·kW·inC + 1]`): a bias stored as one more kernel row then
 * rides in the product.
 */
export function im2col(x: TypedArray, d: ConvDims, first: number, count: number, cols: TypedArray, biasColumn = false): void {
  walkPatches(x, d, first, count, cols, true, biasColumn);
}

/**
 * The adjoint of {@link im2col}: adds every entry of `cols` (same layout) into the input position
 * it was copied from, in `out` (`[batch, inH, inW, inC]`, not cleared here).
 */
export function col2im(cols: TypedArray, d: ConvDims, first: number, count: number, out: TypedArray): void {
  walkPatches(out, d, first, count, cols, false, false);
}

/**
 * The one walk behind both directions: gather (`image → cols`, padding written as zeros) or
 * scatter-add (`cols → image`, padding skipped).
 *
 * It moves *runs*, not single taps: for one output position and one kernel row `ky`, the taps
 * `kx = 0 … kW−1` of an undilated kernel read `kW·inC` consecutive input values, and they fill
 * `kW·inC` consecutive entries of the patch row — one plain copy loop (3·8 = 24 values for a
 * 3×3 kernel over 8 channels, instead of 3 loops of 8). At the left and right borders the run
 * is only the in-bounds part of the row, the rest is padding. Dilated kernels have gaps between
 * taps, so they move one tap (`inC` values) at a time. The direction is tested once per run,
 * never per element, and the index arithmetic is hoisted out of the copy loops.
 */
function walkPatches(image: TypedArray, d: ConvDims, first: number, count: number, cols: TypedArray, gather: boolean, biasColumn: boolean): void {
  const { inH, inW, inC, kH, kW, strideH, strideW, dilationH, dilationW, padTop, padLeft, outH, outW } = d;
  const rowLen = kW * inC;
  let o = 0;
  for (let n = first; n < first + count; n++) {
    const sample = n * inH;
    for (let oy = 0; oy < outH; oy++) {
      const y0 = oy * strideH - padTop;
      for (let ox = 0; ox < outW; ox++) {
        const x0 = ox * strideW - padLeft;
        // In-bounds taps kx ∈ [kx0, kx1) of this window's rows (the same for every ky).
        const kx0 = x0 >= 0 ? 0 : Math.min(kW, Math.ceil(-x0 / dilationW));
        const kx1 = Math.max(kx0, Math.min(kW, Math.ceil((inW - x0) / dilationW)));
        for (let ky = 0; ky < kH; ky++, o += rowLen) {
          const iy = y0 + ky * dilationH;
          if (iy < 0 || iy >= inH) {
            if (gather) cols.fill(0, o, o + rowLen);
            continue;
          }
          if (gather && kx0 > 0) cols.fill(0, o, o + kx0 * inC);
          if (gather && kx1 < kW) cols.fill(0, o + kx1 * inC, o + rowLen);
          const rowStart = ((sample + iy) * inW + x0) * inC;
          if (dilationW === 1) {
            // One contiguous run: image[rowStart + t] ↔ cols[o + t] for t in the in-bounds taps.
            const t1 = kx1 * inC;
            if (gather) for (let t = kx0 * inC; t < t1; t++) cols[o + t] = image[rowStart + t];
            else for (let t = kx0 * inC; t < t1; t++) image[rowStart + t] += cols[o + t];
          } else {
            for (let kx = kx0; kx < kx1; kx++) {
              const s = rowStart + kx * dilationW * inC;
              const c0 = o + kx * inC;
              if (gather) for (let c = 0; c < inC; c++) cols[c0 + c] = image[s + c];
              else for (let c = 0; c < inC; c++) image[s + c] += cols[c0 + c];
            }
          }
        }
        if (biasColumn) cols[o++] = 1;
      }
    }
  }
}

/*
 * Single-channel convolutions with stride 1 and no padding (the first layer of a CNN on
 * grayscale images) skip the per-element im2col: with "wide rows" every column of the
 * transposed patch matrix is one contiguous slice of the input.
 *
 * Number the input pixels of the chunk p = (n·inH + y)·inW + x and compute an output at *every*
 * p, as if the window's top-left corner could sit anywhere: tap (ky, kx) then reads pixel
 * p + ky·dilationH·inW + kx·dilationW, so row t of the transposed patch matrix
 * `colsT[kH·kW, m]` is the input itself shifted by that tap's offset — one `set` per tap.
 * The wide product `colsTᵀ · kernel` holds the real outputs at the rows with y < outH and
 * x < outW, which {@link moveWideRows} copies out (outW·channels contiguous values per output
 * row); the other rows mix neighbouring rows or samples and are dropped. For the kernel
 * gradient, the output gradient is spread back into wide rows with zeros in the dropped rows.
 */

/** Whether {@link wideColumns} applies: one input channel, stride 1, no padding on any side. */
export function isSingleChannelUnpadded(d: ConvDims): boolean {
  return d.inC === 1 && d.strideH === 1 && d.strideW === 1 && d.padTop === 0 && d.padLeft === 0 &&
    d.outH === d.inH - (d.kH - 1) * d.dilationH && d.outW === d.inW - (d.kW - 1) * d.dilationW;
}

/**
 * Wide rows of `count` samples: every pixel whose window (from its top-left corner) stays
 * inside the chunk's input; the last real output is the last of them.
 */
export function wideRows(d: ConvDims, count: number): number {
  return count * d.inH * d.inW - ((d.kH - 1) * d.dilationH * d.inW + (d.kW - 1) * d.dilationW);
}

/**
 * Fills `colsT` (`[kH·kW, m]`, m = {@link wideRows}) for samples `first … first+count−1` of a
 * single-channel `x` (`[batch, inH, inW, 1]`): row t = ky·kW + kx is the input from the tap's
 * offset on. With `biasRow`, one more row of ones follows (`[kH·kW + 1, m]`, see {@link im2col}).
 */
export function wideColumns(x: TypedArray, d: ConvDims, first: number, count: number, colsT: TypedArray, biasRow = false): void {
  const m = wideRows(d, count);
  const start = first * d.inH * d.inW;
  for (let ky = 0; ky < d.kH; ky++) {
    for (let kx = 0; kx < d.kW; kx++) {
      const offset = start + ky * d.dilationH * d.inW + kx * d.dilationW;
      colsT.set(x.subarray(offset, offset + m), (ky * d.kW + kx) * m);
    }
  }
  if (biasRow) colsT.fill(1, d.kH * d.kW * m, (d.kH * d.kW + 1) * m);
}

/**
 * Copies between wide rows (`[m, channels]`) and the compact output (`[count·outH·outW,
 * channels]`) of `count` samples: to the compact output (`toCompact`), or back into the wide
 * rows, whose dropped rows are left untouched.
 */
export function moveWideRows(wide: TypedArray, compact: TypedArray, d: ConvDims, count: number, channels: number, toCompact: boolean): void {
  const run = d.outW * channels;
  for (let n = 0; n < count; n++) {
    for (let oy = 0; oy < d.outH; oy++) {
      const w = ((n * d.inH + oy) * d.inW) * channels;
      const c = (n * d.outH + oy) * run;
      if (toCompact) compact.set(wide.subarray(w, w + run), c);
      else wide.set(compact.subarray(c, c + run), w);
    }
  }
}
