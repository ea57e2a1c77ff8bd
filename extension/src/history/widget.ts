/**
 * The renderer JupyterLab creates for `application/vnd.nnlab.history+json`: one
 * {@link Dashboard} kept across live updates, so updates become changesets on one view.
 */
import { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { HistoryData } from 'nnlab/dist/display/mime';
import { LiveRenderer } from '../live-renderer';
import { Dashboard } from './dashboard';
import { parseHistory } from './parse-history';

export class HistoryRenderer extends LiveRenderer<HistoryData, Dashboard> {
  constructor(options: IRenderMime.IRendererOptions) {
    super(options, { prefix: 'nnlab-history', what: 'training history', parse: parseHistory, createView: () => new Dashboard() });
  }
}
