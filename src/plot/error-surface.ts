/**
 * `nn.plot.errorSurface`: a loss over two parameters as a heatmap with contour lines
 * (vega's isocontour transform, run in the kernel) and gradient-descent paths on top.
 */
import { Plot } from "./plot";
import { withDefaults } from "./spec";
import { runVegaData } from "./svg";
import { countOption, finiteOption, linspace, rangeOption } from "./data";

/** A loss of two parameters. */
export type Surface = (w1: number, w2: number) => number;

/** Options of {@link errorSurface}. */
export interface ErrorSurfaceOptions {
  /** Ranges of the two parameters. */
  xRange: [number, number];
  /** Range of the second parameter (vertical axis). */
  yRange: [number, number];
  /** Grid points per axis (default 60). */
  resolution?: number;
  /** Number of contour levels (default 12), or the levels themselves. */
  levels?: number | number[];
  /** Contour levels evenly spaced in log(loss) (good for losses spanning decades). Default false. */
  logLevels?: boolean;
  /** Named paths of parameter points, e.g. `{ "lr 0.1": [[w1, w2], …] }` from a gradient-descent run. */
  paths?: { [name: string]: [number, number][] };
  /** Title of the x axis (default "w₁"). */
  xTitle?: string;
  /** Title of the y axis (default "w₂"). */
  yTitle?: string;
  /** Chart title shown above the plot. */
  title?: string;
}

/** The loss on an n×n grid, row-major with y outer (as vega's contour grids are laid out). */
export function sampleSurface(f: Surface, xs: number[], ys: number[], where: string): number[] {
  const values: number[] = [];
  for (const y of ys) {
    for (const x of xs) {
      const v = f(x, y);
      if (typeof v !== "number") throw new TypeError(`${where}: the surface must return a number, got ${typeof v} at (${x}, ${y})`);
      values.push(v);
    }
  }
  return values;
}

/** Contour levels: `count` values evenly spaced (in log space when `log`) strictly inside [min, max]. */
export function contourLevels(values: number[], count: number, log: boolean): number[] {
  const finite = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const t = (v: number) => (log ? Math.log(v) : v);
  const inv = (v: number) => (log ? Math.exp(v) : v);
  return Array.from({ length: count }, (_, k) => inv(t(lo) + ((t(hi) - t(lo)) * (k + 1)) / (count + 1)));
}

interface ContourFeature {
  contour: { value: number; coordinates: number[][][][] };
}

/**
 * Contour lines as line-segment rows, in parameter coordinates. vega's isocontour gives
 * polygons in grid units (value i sits at i + 0.5); this maps them back to xs/ys.
 */
export function contourRows(values: number[], xs: number[], ys: number[], levels: number[]): { level: number; ring: string; order: number; x: number; y: number }[] {
  const spec = {
    data: [
      { name: "grid", values: [{ width: xs.length, height: ys.length, values: values.map((v) => (Number.isFinite(v) ? v : NaN)) }] },
      { name: "contours", source: "grid", transform: [{ type: "isocontour", thresholds: levels, smooth: true }] },
    ],
  };
  const features = runVegaData(spec, "contours") as unknown as ContourFeature[];
  const dx = (xs[xs.length - 1] - xs[0]) / (xs.length - 1);
  const dy = (ys[ys.length - 1] - ys[0]) / (ys.length - 1);
  const rows: { level: number; ring: string; order: number; x: number; y: number }[] = [];
  features.forEach((f, fi) => {
    f.contour.coordinates.forEach((polygon, pi) =>
      polygon.forEach((ring, ri) => {
        // Segments along the grid's border close the polygon but are not level lines: skip them.
        let part = 0;
        let order = 0;
        ring.forEach(([gx, gy]) => {
          const onEdge = gx <= 0.5 || gy <= 0.5 || gx >= xs.length - 0.5 || gy >= ys.length - 0.5;
          if (onEdge) {
            part++;
            return;
          }
          rows.push({ level: f.contour.value, ring: `${fi}-${pi}-${ri}-${part}`, order: order++, x: xs[0] + (gx - 0.5) * dx, y: ys[0] + (gy - 0.5) * dy });
        });
      }),
    );
  });
  return rows;
}

/**
 * The loss surface over two parameters: heatmap, contour lines and optional descent paths,
 * e.g. `nn.plot.errorSurface((w, b) => mse(w, b), { xRange: [-2, 4], yRange: [-3, 3], paths: { sgd } })`.
 */
export function errorSurface(f: Surface, options: ErrorSurfaceOptions): Plot {
  const where = "nn.plot.errorSurface";
  if (typeof f !== "function") throw new TypeError(`${where}: the surface must be a function (w1, w2) => loss, got ${typeof f}`);
  if (!options) throw new TypeError(`${where}: options { xRange, yRange } are required`);
  const [x0, x1] = rangeOption(options.xRange, where, "xRange");
  const [y0, y1] = rangeOption(options.yRange, where, "yRange");
  const n = countOption(options.resolution ?? 60, where, "resolution", 3, 300);
  const xs = linspace(x0, x1, n);
  const ys = linspace(y0, y1, n);
  const values = sampleSurface(f, xs, ys, where);
  const levels = Array.isArray(options.levels)
    ? options.levels.map((l, i) => finiteOption(l, where, `levels[${i}]`))
    : contourLevels(values, countOption(options.levels ?? 12, where, "levels", 1, 100), options.logLevels ?? false);
  const cells = values.map((v, k) => {
    const i = k % n;
    const j = Math.floor(k / n);
    return { x: xs[i] - (x1 - x0) / (2 * (n - 1)), x2: xs[i] + (x1 - x0) / (2 * (n - 1)), y: ys[j] - (y1 - y0) / (2 * (n - 1)), y2: ys[j] + (y1 - y0) / (2 * (n - 1)), loss: v };
  }).filter((c) => Number.isFinite(c.loss));
  const pathRows = Object.entries(options.paths ?? {}).flatMap(([name, points]) => {
    if (!Array.isArray(points)) throw new TypeError(`${where}: paths.${name} must be a list of [w1, w2] points`);
    return points.map((p, step) => {
      if (!Array.isArray(p) || p.length !== 2) throw new TypeError(`${where}: paths.${name}[${step}] must be [w1, w2], got ${JSON.stringify(p)}`);
      return { path: name, step, x: p[0], y: p[1] };
    });
  });
  const xScale = { domain: [x0, x1], nice: false, zero: false };
  const yScale = { domain: [y0, y1], nice: false, zero: false };
  const layers: object[] = [
    {
      data: { values: cells },
      mark: { type: "rect" },
      encoding: {
        x: { field: "x", type: "quantitative", scale: xScale, title: options.xTitle ?? "w₁" },
        x2: { field: "x2" },
        y: { field: "y", type: "quantitative", scale: yScale, title: options.yTitle ?? "w₂" },
        y2: { field: "y2" },
        color: { field: "loss", type: "quantitative", scale: { scheme: "viridis", type: options.logLevels ? "log" : "linear" }, title: "loss" },
      },
    },
    {
      data: { values: contourRows(values, xs, ys, levels) },
      mark: { type: "line", color: "white", strokeWidth: 1, opacity: 0.8, clip: true },
      encoding: {
        x: { field: "x", type: "quantitative" },
        y: { field: "y", type: "quantitative" },
        detail: { field: "ring" },
        order: { field: "order" },
      },
    },
  ];
  if (pathRows.length > 0) {
    layers.push({
      data: { values: pathRows },
      mark: { type: "line", point: { filled: true, size: 24 }, strokeWidth: 2, clip: true },
      encoding: {
        x: { field: "x", type: "quantitative" },
        y: { field: "y", type: "quantitative" },
        order: { field: "step" },
        color: { field: "path", type: "nominal", title: "path", scale: { scheme: "set1" } },
        tooltip: [{ field: "path" }, { field: "step" }, { field: "x", format: ".4g" }, { field: "y", format: ".4g" }],
      },
    });
  }
  const spec = withDefaults({ width: 380, height: 320, layer: layers, resolve: { scale: { color: "independent" } } }, options.title ?? "Error surface");
  const finite = values.filter(Number.isFinite);
  const paths = Object.keys(options.paths ?? {});
  return new Plot(spec, `Error surface on ${n}×${n} grid, loss ${Math.min(...finite).toPrecision(3)} to ${Math.max(...finite).toPrecision(3)}, ${levels.length} contour levels${paths.length ? `, paths: ${paths.join(", ")}` : ""}`);
}
