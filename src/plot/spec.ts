/**
 * The Vega-Lite v5 spec type nnlab's plots produce. Deliberately loose (a JSON object):
 * the library's `.d.ts` must not depend on vega-lite's typings, which tslab's
 * TypeScript 5.0 cell checker would have to load.
 */

/** A Vega-Lite v5 specification as plain JSON. */
export type VegaLiteSpec = { [key: string]: unknown };

/** The `$schema` every spec carries: JupyterLab picks its renderer from the MIME type, other tools from this. */
export const VEGALITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/** Adds the schema and nnlab's defaults (size, font-neutral config) to a spec. */
export function withDefaults(spec: VegaLiteSpec, title?: string): VegaLiteSpec {
  const out: VegaLiteSpec = { $schema: VEGALITE_SCHEMA, ...spec };
  if (title !== undefined && out.title === undefined) out.title = title;
  out.config = { view: { stroke: null }, axis: { grid: true, gridOpacity: 0.4 }, ...(spec.config as object | undefined) };
  return out;
}
