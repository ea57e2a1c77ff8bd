/**
 * nnlab's JupyterLab mime extension: renderers for the rich outputs the nnlab
 * library produces (see nnlab's display/mime.ts for the MIME contract).
 */
import { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { HISTORY_MIME, SUMMARY_MIME, WEIGHTS_MIME } from 'nnlab/dist/display/mime';
import { SummaryRenderer } from './widget';
import { HistoryRenderer } from './history/widget';
import { WeightsRenderer } from './weights/widget';

export { SummaryRenderer } from './widget';
export { HistoryRenderer } from './history/widget';
export { WeightsRenderer } from './weights/widget';

/**
 * Rank 0: lower ranks win, and every bundle also carries `text/html` (rank 50) and
 * `text/plain` for frontends without this extension. `safe`: the renderers never inject
 * markup (text goes through `textContent`, charts through Vega's escaping SVG renderer),
 * so they may render untrusted outputs too.
 */
function factory(mimeType: string, create: (options: IRenderMime.IRendererOptions) => IRenderMime.IRenderer): IRenderMime.IRendererFactory {
  return { safe: true, mimeTypes: [mimeType], defaultRank: 0, createRenderer: create };
}

export const summaryRendererFactory = factory(SUMMARY_MIME, options => new SummaryRenderer(options));
export const historyRendererFactory = factory(HISTORY_MIME, options => new HistoryRenderer(options));
export const weightsRendererFactory = factory(WEIGHTS_MIME, options => new WeightsRenderer(options));

function extension(id: string, description: string, rendererFactory: IRenderMime.IRendererFactory): IRenderMime.IExtension {
  return { id: `nnlab-extension:${id}`, description, rendererFactory, rank: 0, dataType: 'json' };
}

/** One entry per rich output type. */
const extensions: IRenderMime.IExtension[] = [
  extension('summary', 'Renders nnlab model summaries as a table.', summaryRendererFactory),
  extension('history', 'Renders nnlab training histories as a live dashboard.', historyRendererFactory),
  extension('weights', 'Renders nnlab weight and gradient distributions.', weightsRendererFactory)
];

export default extensions;
