/**
 * nnlab's JupyterLab mime extension: renderers for the rich outputs the nnlab
 * library produces (see nnlab's display/mime.ts for the MIME contract).
 */
import { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { SUMMARY_MIME } from 'nnlab/dist/display/mime';
import { SummaryRenderer } from './widget';

export { SummaryRenderer } from './widget';

/**
 * Rank 0: lower ranks win, and the bundle also carries `text/html` (rank 50) and
 * `text/plain` for frontends without this extension. `safe`: the renderer never
 * injects markup, so it may render untrusted outputs too.
 */
export const summaryRendererFactory: IRenderMime.IRendererFactory = {
  safe: true,
  mimeTypes: [SUMMARY_MIME],
  defaultRank: 0,
  createRenderer: options => new SummaryRenderer(options)
};

const summaryExtension: IRenderMime.IExtension = {
  id: 'nnlab-extension:summary',
  description: 'Renders nnlab model summaries as a table.',
  rendererFactory: summaryRendererFactory,
  rank: 0,
  dataType: 'json'
};

/** One entry per rich output type; the history and weights renderers join this list. */
const extensions: IRenderMime.IExtension[] = [summaryExtension];

export default extensions;
