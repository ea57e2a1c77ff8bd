/**
 * Weight and gradient distributions as a display bundle: `application/vnd.nnlab.weights+json`
 * for the JupyterLab widget (epoch slider, side-by-side series), static `text/html` with the
 * latest histograms, gradient norms and dead-unit fractions as inline SVG, and `text/plain`.
 */
import { escapeHtml, WEIGHTS_MIME, type MimeBundle, type WeightsData } from "./mime";
import { binRows, deadUnitRows, gradientNormRows, histogramSpec, snapshotEpochs, trendSpec, weightsText } from "../plot/weights-spec";
import { renderSvg } from "../plot/svg";

/** The static charts: latest histograms, then the gradient-norm and dead-unit trends when recorded. */
export async function weightsSvgs(data: WeightsData): Promise<string[]> {
  const epochs = snapshotEpochs(data);
  if (epochs.length === 0) return [];
  const svgs = [await renderSvg(histogramSpec(binRows(data, epochs[epochs.length - 1])), "weights")];
  const norms = gradientNormRows(data);
  if (norms.length > 0) svgs.push(await renderSvg(trendSpec(norms, "norm", "variable", "gradient L2 norm per variable", norms.every((r) => r.norm > 0)), "weights"));
  const dead = deadUnitRows(data);
  if (dead.length > 0) svgs.push(await renderSvg(trendSpec(dead, "dead", "layer", "fraction of dead ReLU units"), "weights"));
  return svgs;
}

/** The static HTML: a heading, the charts, and the per-variable statistics as preformatted text. */
export function weightsHtml(data: WeightsData, svgs: string[]): string {
  const labels = data.series.map((s) => s.label).join(" vs ");
  return (
    `<div class="nnlab-weights-static">` +
    `<div><b>Weight distributions: ${escapeHtml(labels)}</b></div>` +
    svgs.map((svg) => `<figure style="margin:4px 0">${svg}</figure>`).join("") +
    `<pre style="font-size:small">${escapeHtml(weightsText(data))}</pre>` +
    `</div>`
  );
}

/** The bundle from data and already rendered SVGs. */
export function weightsBundleWith(data: WeightsData, svgs: string[]): MimeBundle {
  return { [WEIGHTS_MIME]: data, "text/html": weightsHtml(data, svgs), "text/plain": weightsText(data) };
}

/** The full bundle, SVGs rendered now. */
export async function weightsBundle(data: WeightsData): Promise<MimeBundle> {
  return weightsBundleWith(data, await weightsSvgs(data));
}
