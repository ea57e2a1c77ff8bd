/**
 * A chart that displays itself: a Vega-Lite v5 spec (rendered natively by JupyterLab),
 * bundled with a static SVG (exported HTML, untrusted views) and a one-line text form.
 */
import { currentDisplayHost, JUPYTER_DISPLAY } from "../display/host";
import { VEGALITE_MIME, type MimeBundle } from "../display/mime";
import { renderSvg } from "./svg";
import type { VegaLiteSpec } from "./spec";

/**
 * The bundle of a chart: Vega-Lite for JupyterLab (its vega5 renderer, rank 57), the static
 * SVG as `image/svg+xml` for exports and GitHub (nbconvert inlines it), text for consoles.
 * No `text/html` on purpose: its rank (50) would win over the interactive Vega-Lite view.
 */
export function plotBundle(spec: VegaLiteSpec, svg: string, text: string): MimeBundle {
  return { [VEGALITE_MIME]: spec, "image/svg+xml": svg, "text/plain": text };
}

/** A chart from `nn.plot.*`. The last value of a cell displays it; `show()` displays it from anywhere. */
export class Plot {
  /** The Vega-Lite v5 spec, plain JSON: edit it before display to restyle the chart. */
  readonly spec: VegaLiteSpec;
  /** What the chart shows, in one line (its `text/plain` form and figure caption). */
  readonly description: string;

  constructor(spec: VegaLiteSpec, description: string) {
    this.spec = spec;
    this.description = description;
  }

  /** The chart as a standalone SVG document (vega's headless renderer). */
  toSVG(): Promise<string> {
    return renderSvg(this.spec, `nn.plot: ${this.description}`);
  }

  /** The MIME bundle (async: the SVG is rendered on demand). */
  async bundle(): Promise<MimeBundle> {
    return plotBundle(this.spec, await this.toSVG(), this.description);
  }

  /** Displays the chart now (in the nnlab kernel), or prints its description on a console. */
  async show(): Promise<void> {
    const host = currentDisplayHost();
    if (host) host.display(await this.bundle());
    else console.log(this.description);
  }

  /** Jupyter's self-display protocol; the nnlab kernel awaits the promise. */
  [JUPYTER_DISPLAY](): Promise<MimeBundle> {
    return this.bundle();
  }

  /** The description, so string contexts and consoles say what the chart is. */
  toString(): string {
    return this.description;
  }
}
