/** `nn.plot.imageGrid`: small images in a grid (digits, first-layer weights reshaped to images). */
import { toTensor } from "../tensor/creation";
import { shapeToString } from "../tensor/shape";
import { Plot } from "./plot";
import { withDefaults } from "./spec";
import { countOption, type PlotData } from "./data";

/** Options of {@link imageGrid}. */
export interface ImageGridOptions {
  /** [height, width] of each image when the images are flat rows ([n, h·w]). */
  shape?: [number, number];
  /** Images per row (default up to 10). */
  columns?: number;
  /** A caption per image (e.g. its label or prediction). */
  labels?: (string | number)[];
  /**
   * `gray`: 0 white → max black, as digits are drawn in the notes; `diverging`: blue below 0,
   * orange above, centred at 0 (for weights). Default `gray`.
   */
  color?: "gray" | "diverging";
  /** Pixel size on screen (default 4). */
  pixel?: number;
  /** Chart title shown above the grid. */
  title?: string;
}

/** At most this many pixels in one grid: each is one rect in the SVG. */
export const MAX_IMAGE_GRID_PIXELS = 120_000;

/**
 * Images from a [n, h, w] or [n, h, w, 1] tensor, or [n, h·w] rows with `shape`, e.g.
 * `nn.plot.imageGrid(xTrain.slice(0, 20), { shape: [8, 8], labels })` or the first Dense layer's
 * kernel transposed (`[units, h·w]`) with `color: "diverging"`.
 */
export function imageGrid(images: PlotData, options: ImageGridOptions = {}): Plot {
  const where = "nn.plot.imageGrid";
  const t = toTensor(images, `${where}: images`);
  let n: number;
  let h: number;
  let w: number;
  if (t.rank === 2) {
    if (!options.shape) throw new RangeError(`${where}: images of shape ${shapeToString(t.shape)} are flat rows: give options.shape [height, width] with height·width = ${t.shape[1]}`);
    [h, w] = options.shape;
    if (!(Number.isInteger(h) && Number.isInteger(w) && h > 0 && w > 0) || h * w !== t.shape[1]) {
      throw new RangeError(`${where}: shape ${JSON.stringify(options.shape)} does not fit rows of ${t.shape[1]} values`);
    }
    n = t.shape[0];
  } else if (t.rank === 3 || (t.rank === 4 && t.shape[3] === 1)) {
    [n, h, w] = t.shape;
  } else {
    throw new RangeError(`${where}: images must have shape [n, height, width], [n, height, width, 1] or [n, height·width] with options.shape, got ${shapeToString(t.shape)}`);
  }
  if (n * h * w > MAX_IMAGE_GRID_PIXELS) throw new RangeError(`${where}: ${n} images of ${h}×${w} are ${n * h * w} pixels, more than ${MAX_IMAGE_GRID_PIXELS}: plot fewer images`);
  if (options.labels && options.labels.length !== n) throw new RangeError(`${where}: labels must have one entry per image (${n}), got ${options.labels.length}`);
  const columns = countOption(options.columns ?? Math.min(n, 10), where, "columns");
  const pixel = options.pixel ?? 4;
  const captions = Array.from({ length: n }, (_, i) => (options.labels ? `#${i} · ${options.labels[i]}` : `#${i}`));
  const rows: { image: string; r: number; c: number; v: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) rows.push({ image: captions[i], r, c, v: t.data[(i * h + r) * w + c] });
  }
  const diverging = options.color === "diverging";
  const maxAbs = rows.reduce((m, p) => Math.max(m, Math.abs(p.v)), 0) || 1;
  const color = diverging
    ? { field: "v", type: "quantitative", title: "value", scale: { scheme: "blueorange", domain: [-maxAbs, maxAbs] } }
    : { field: "v", type: "quantitative", title: "value", scale: { scheme: "greys" } };
  const spec = withDefaults(
    {
      data: { values: rows },
      facet: { field: "image", type: "nominal", title: null, sort: captions, header: { labelFontSize: 10, labelPadding: 2 } },
      columns,
      spacing: 4,
      spec: {
        width: w * pixel,
        height: h * pixel,
        mark: { type: "rect" },
        encoding: {
          x: { field: "c", type: "ordinal", axis: null },
          y: { field: "r", type: "ordinal", axis: null },
          color,
        },
      },
      config: { view: { stroke: null } },
    },
    options.title,
  );
  return new Plot(spec, `Image grid: ${n} images of ${h}×${w}${options.labels ? ` (labels: ${options.labels.slice(0, 10).join(", ")}${n > 10 ? ", …" : ""})` : ""}`);
}
