/**
 * Static SVG for nnlab's Vega-Lite specs, rendered in the kernel with vega's headless
 * SVG renderer, so exported HTML shows every chart without script or network.
 *
 * vega@5 and vega-lite@5 are CommonJS (their v6 releases are ESM-only and do not load
 * under tslab's `require`); they are loaded on first use so `import "nnlab"` stays fast.
 */
import type { VegaLiteSpec } from "./spec";
import { lazyRequire } from "../util/lazy-modules";

/** The parts of vega and vega-lite this module uses (typed here to keep their typings out of our .d.ts). */
interface VegaView {
  run(): VegaView;
  toSVG(scaleFactor?: number): Promise<string>;
  data(name: string): object[];
  finalize(): void;
}
interface VegaModule {
  parse(spec: object): object;
  logger(level: number): object;
  View: new (runtime: object, options: { renderer: "none" }) => VegaView;
}
interface VegaLiteModule {
  compile(spec: object, options?: { logger?: object }): { spec: object };
}

const loadVega = lazyRequire<VegaModule>("vega");
const loadVegaLite = lazyRequire<VegaLiteModule>("vega-lite");

/** vega and vega-lite, loaded once, on first use. */
export function vegaModules(): { vega: VegaModule; vegaLite: VegaLiteModule } {
  return { vega: loadVega(), vegaLite: loadVegaLite() };
}

/** Compiles a Vega-Lite spec to Vega. Throws vega-lite's error, prefixed with `where`, for an invalid spec. */
export function compileVegaLite(spec: VegaLiteSpec, where = "nn.plot"): object {
  try {
    const { vega, vegaLite } = vegaModules();
    // Level 0 (None): vega-lite's warnings about merged legends are not the user's concern.
    return vegaLite.compile(spec, { logger: vega.logger(0) }).spec;
  } catch (error) {
    throw new Error(`${where}: invalid Vega-Lite spec: ${(error as Error).message}`);
  }
}

/**
 * Renders a Vega-Lite spec to an SVG string (no script; vega escapes every text it writes).
 * Async because vega's headless renderer is; it does not touch the network for inline data.
 */
export async function renderSvg(spec: VegaLiteSpec, where = "nn.plot"): Promise<string> {
  const { vega } = vegaModules();
  const view = new vega.View(vega.parse(compileVegaLite(spec, where)), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Runs a small Vega dataflow synchronously and returns one data set: how nnlab borrows
 * vega's own transforms (isocontour, kde, …) instead of re-implementing them.
 */
export function runVegaData(vegaSpec: object, dataName: string): object[] {
  const { vega } = vegaModules();
  const view = new vega.View(vega.parse(vegaSpec), { renderer: "none" });
  try {
    view.run();
    return view.data(dataName);
  } finally {
    view.finalize();
  }
}
