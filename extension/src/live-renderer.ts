/**
 * The shared shape of nnlab's live renderers (training dashboard, weight distributions):
 * JupyterLab reuses a renderer for `update_display_data`, so the renderer keeps one view
 * and hands it each new payload; malformed data swaps the view for a short message.
 * `renderModel` never rejects: a broken output must not break the notebook.
 */
import { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { Widget } from '@lumino/widgets';
import { invalidView, plainTextOf } from './invalid-view';

/** A view that renders successive payloads of one output. */
export interface LiveView<T> {
  readonly node: HTMLElement;
  render(data: T, trusted: boolean): Promise<void>;
  dispose(): void;
}

/** What a concrete renderer supplies. */
export interface LiveRendererKind<T, V extends LiveView<T>> {
  /** CSS class prefix (`nnlab-history`) and what the output is called in messages. */
  prefix: string;
  what: string;
  parse(raw: unknown): { ok: true; data: T } | { ok: false; reason: string };
  createView(): V;
}

export class LiveRenderer<T, V extends LiveView<T>> extends Widget implements IRenderMime.IRenderer {
  private current?: V;

  constructor(options: IRenderMime.IRendererOptions, private readonly kind: LiveRendererKind<T, V>) {
    super();
    this.mimeType = options.mimeType;
    this.addClass(`${kind.prefix}-output`);
    // As JupyterLab's own renderers do: says which MIME type of the bundle is shown.
    this.node.dataset.mimeType = this.mimeType;
  }

  /** The view, once valid data arrived (tests and the browser tests read its counters). */
  get view(): V | undefined {
    return this.current;
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    try {
      const parsed = this.kind.parse(model.data[this.mimeType]);
      if (!parsed.ok) {
        this.showInvalid(parsed.reason, model);
        return;
      }
      if (!this.current) {
        this.current = this.kind.createView();
        this.node.replaceChildren(this.current.node);
      }
      await this.current.render(parsed.data, model.trusted);
    } catch (error) {
      this.showInvalid(`renderer error: ${String(error)}`, model);
    }
  }

  private showInvalid(reason: string, model: IRenderMime.IMimeModel): void {
    this.current?.dispose();
    this.current = undefined;
    this.node.replaceChildren(invalidView(this.kind.prefix, this.kind.what, reason, plainTextOf(model.data)));
  }

  override dispose(): void {
    this.current?.dispose();
    this.current = undefined;
    super.dispose();
  }

  private readonly mimeType: string;
}
