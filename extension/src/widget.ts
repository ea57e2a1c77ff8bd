/**
 * The Lumino widget JupyterLab asks to render a summary bundle.
 */
import { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { Widget } from '@lumino/widgets';
import { parseSummary } from './parse';
import { errorView, summaryView } from './view';
import { plainTextOf } from './invalid-view';

/** The class on the output area's widget node. */
const CLASS_NAME = 'nnlab-summary-output';

/** Renders `application/vnd.nnlab.summary+json` as an HTML table. */
export class SummaryRenderer extends Widget implements IRenderMime.IRenderer {
  constructor(options: IRenderMime.IRendererOptions) {
    super();
    this._mimeType = options.mimeType;
    this.addClass(CLASS_NAME);
    // As JupyterLab's own renderers do: says which MIME type of the bundle is shown.
    this.node.dataset.mimeType = this._mimeType;
  }

  /**
   * Replaces the node's content with the rendered model. JupyterLab calls this again
   * when the output is updated (e.g. `update_display_data`), so it always starts afresh.
   * It never rejects: a broken output must not break the notebook.
   */
  renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    let content: HTMLElement;
    try {
      const parsed = parseSummary(model.data[this._mimeType]);
      content = parsed.ok
        ? summaryView(parsed.summary, plainText(model))
        : errorView(parsed.reason, plainText(model));
    } catch (error) {
      // A bug of ours, not the data's; still say something rather than nothing.
      content = errorView(`renderer error: ${String(error)}`, plainText(model));
    }
    this.node.replaceChildren(content);
    return Promise.resolve();
  }

  private readonly _mimeType: string;
}

function plainText(model: IRenderMime.IMimeModel): string | undefined {
  return plainTextOf(model.data);
}
