/**
 * One live Vega view inside a widget: created once from a Vega-Lite spec, then updated with
 * changesets (rows removed and inserted) so a live output redraws in place — no flicker, no
 * re-creation per update. Colours follow JupyterLab's theme through its CSS variables.
 */
import * as vega from 'vega';
import { compile } from 'vega-lite';

/** Reads a JupyterLab theme variable (empty outside JupyterLab, e.g. in tests). */
function cssVar(node: HTMLElement, name: string): string {
  return getComputedStyle(node).getPropertyValue(name).trim();
}

/** Vega-Lite config from the current theme: text, grid and axis colours, transparent background. */
export function themeConfig(node: HTMLElement): Record<string, unknown> {
  const text = cssVar(node, '--jp-ui-font-color1');
  const muted = cssVar(node, '--jp-ui-font-color2');
  const border = cssVar(node, '--jp-border-color1');
  const font = cssVar(node, '--jp-ui-font-family');
  const config: Record<string, unknown> = { background: 'transparent' };
  if (text) {
    const axis = { labelColor: muted || text, titleColor: text, gridColor: border || undefined, domainColor: border || undefined, tickColor: border || undefined };
    Object.assign(config, {
      axis,
      legend: { labelColor: text, titleColor: text },
      header: { labelColor: text, titleColor: text },
      title: { color: text }
    });
  }
  if (font) {
    config.font = font;
  }
  return config;
}

/** True when the browser can draw on a 2-D canvas (jsdom, for one, cannot). */
export function canvasAvailable(): boolean {
  try {
    return document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}

/** A Vega view bound to one container. */
export class VegaChart {
  /** How many views were created (1 for a live output that only ever updated). */
  viewsCreated = 0;
  private view?: vega.View;

  /**
   * @param container element the view draws into.
   * @param renderer `svg` (text and marks in the DOM) or `canvas` (one bitmap; several times
   *   faster to redraw with many points, which is what a live view with thousands of rows needs).
   */
  constructor(
    readonly container: HTMLElement,
    readonly renderer: 'svg' | 'canvas' = 'svg'
  ) {}

  get mounted(): boolean {
    return this.view !== undefined;
  }

  /** (Re)creates the view for `spec` with `rows` in the named dataset `dataset`. */
  async mount(spec: Record<string, unknown>, dataset: string, rows: object[]): Promise<void> {
    this.finalize();
    const themed = { ...spec, config: { ...(spec.config as object | undefined), ...themeConfig(this.container) } };
    const compiled = compile(themed as never).spec;
    const view = new vega.View(vega.parse(compiled), { renderer: this.renderer, container: this.container, hover: true });
    this.view = view;
    this.viewsCreated += 1;
    view.insert(dataset, rows);
    await view.runAsync();
  }

  /**
   * Removes rows — those matching a predicate (Vega tests every row), or the given row objects
   * themselves, as inserted earlier (no scan) — and inserts `insert`, then redraws.
   */
  async change(dataset: string, remove: ((row: object) => boolean) | readonly object[] | null, insert: object[]): Promise<void> {
    const view = this.view;
    // Nothing changed (a progress-only update): the view is not re-run.
    if (!view || (insert.length === 0 && (remove === null || (typeof remove !== 'function' && remove.length === 0)))) {
      return;
    }
    const changes = vega.changeset();
    if (typeof remove === 'function') {
      changes.remove(remove);
    } else if (remove && remove.length > 0) {
      changes.remove(remove as object[]);
    }
    changes.insert(insert);
    view.change(dataset, changes);
    await view.runAsync();
  }

  /** Releases the view (listeners, timers). */
  finalize(): void {
    this.view?.finalize();
    this.view = undefined;
    this.container.replaceChildren();
  }
}
