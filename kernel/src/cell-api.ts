/**
 * Functions the kernel puts in scope of every cell (the kernel imports them in a hidden first
 * cell, so tslab's type checker knows them like a user's own import).
 *
 * The exported declarations must stay self-contained (no imported types): their .d.ts is
 * type-checked by tslab's TypeScript 5.0 with every cell.
 */
import { DISPLAY_HOST, type DisplayHost } from "./display-host";
import { bundleOf } from "./mime-bundle";

export interface DisplayOptions {
  /** Per-MIME-type metadata sent beside the bundle. */
  metadata?: { [mimeType: string]: unknown };
  /** Give the display an id to replace it later with `display(..., { displayId, update: true })`. */
  displayId?: string;
  /** Replace the display that has `displayId` instead of adding a new one. */
  update?: boolean;
  /** `value` is a MIME bundle (`{ "text/html": "<b>hi</b>", ... }`) to send as it is. */
  raw?: boolean;
}

/**
 * Shows `value` in the cell's output, as IPython's `display()` does: its own
 * `[Symbol.for("Jupyter.display")]()` bundle when it has one, else its text form. Returns a
 * promise only when the value's display method does.
 */
export function display(value: unknown, options: DisplayOptions = {}): void | Promise<void> {
  const host = (globalThis as { [DISPLAY_HOST]?: DisplayHost })[DISPLAY_HOST];
  if (!host) throw new Error("display() needs the nnlab kernel");
  const send = (bundle: { [mimeType: string]: unknown }): void => {
    if (!options.update) return host.display(bundle, options);
    if (options.displayId === undefined) throw new Error("display(..., { update: true }) needs a displayId");
    host.update(options.displayId, bundle, options);
  };
  if (options.raw) return send(value as { [mimeType: string]: unknown });
  const bundle = bundleOf(value);
  return bundle instanceof Promise ? bundle.then(send) : send(bundle);
}
