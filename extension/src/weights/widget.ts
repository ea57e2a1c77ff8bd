/** The renderer JupyterLab creates for `application/vnd.nnlab.weights+json`. */
import { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { WeightsData } from 'nnlab/dist/display/mime';
import { LiveRenderer } from '../live-renderer';
import { parseWeights } from './parse-weights';
import { WeightsView } from './weights-view';

export class WeightsRenderer extends LiveRenderer<WeightsData, WeightsView> {
  constructor(options: IRenderMime.IRendererOptions) {
    super(options, { prefix: 'nnlab-weights', what: 'weight distribution', parse: parseWeights, createView: () => new WeightsView() });
  }
}
