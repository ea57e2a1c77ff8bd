/**
 * Functions the kernel puts in scope of every cell (the kernel imports them in a hidden first
 * cell, so tslab's type checker knows them like a user's own import): `display` (with
 * `display.html`, `.markdown`, `.svg`, `.png`, `.json`, `.text`, `.bundle`), `updateDisplay`
 * and `clearOutput`.
 *
 * The exported declarations must stay self-contained (no imported types): their .d.ts is
 * type-checked by tslab's TypeScript 5.0 with every cell.
 */
import { DISPLAY_HOST, type DisplayHost } from "./display-host";
import { bundleOf } from "./mime-bundle";

/** A MIME bundle: MIME type → data (JSON types take objects, `image/png` bytes or base64). */
export type Bundle = { [mimeType: string]: unknown };

/** Options of `display.bundle` and the one-type helpers. */
export interface BundleOptions {
  /** Per-MIME-type metadata sent beside the bundle (e.g. `{ "image/png": { width: 200 } }`). */
  metadata?: { [mimeType: string]: unknown };
  /** Names the display, so `updateDisplay(displayId, ...)` can replace it later. */
  displayId?: string;
}

/** Options of `display(value, options)`. */
export interface DisplayOptions extends BundleOptions {
  /** Replace the display that has `displayId` instead of adding a new one. */
  update?: boolean;
  /** `value` is a MIME bundle (`{ "text/html": "<b>hi</b>", ... }`) to send as it is. */
  raw?: boolean;
}

/** `display` and its helpers for one MIME type. */
export interface Display {
  /**
   * Shows `value` in the cell's output, as IPython's `display()` does: its own
   * `[Symbol.for("Jupyter.display")]()` bundle when it has one, else its text form. Returns a
   * promise only when the value's display method does.
   */
  (value: unknown, options?: DisplayOptions): void | Promise<void>;
  /** Shows a bundle with several MIME types, e.g. `{ "text/html": ..., "text/plain": ... }`. */
  bundle(bundle: Bundle, options?: BundleOptions): void;
  /** Shows HTML (`text/html`). */
  html(html: string, options?: BundleOptions): void;
  /** Shows Markdown (`text/markdown`). */
  markdown(markdown: string, options?: BundleOptions): void;
  /** Shows an SVG image (`image/svg+xml`). */
  svg(svg: string, options?: BundleOptions): void;
  /** Shows a PNG image (`image/png`) from its bytes or their base64 text. */
  png(png: Uint8Array | string, options?: BundleOptions): void;
  /** Shows a JSON value (`application/json`, sent as JSON, not as a string). */
  json(value: unknown, options?: BundleOptions): void;
  /** Shows plain text (`text/plain`). */
  text(text: string, options?: BundleOptions): void;
}

function host(): DisplayHost {
  const found = (globalThis as { [DISPLAY_HOST]?: DisplayHost })[DISPLAY_HOST];
  if (!found) throw new Error("display() needs the nnlab kernel");
  return found;
}

function checkBundle(where: string, bundle: unknown): Bundle {
  if (typeof bundle !== "object" || bundle === null || Array.isArray(bundle)) {
    throw new TypeError(`${where}: expected a MIME bundle object like { "text/plain": "..." }, got ${bundle === null ? "null" : Array.isArray(bundle) ? "an array" : typeof bundle}`);
  }
  return bundle as Bundle;
}

function showBundle(bundle: Bundle, options: BundleOptions = {}): void {
  host().display(checkBundle("display.bundle", bundle), options);
}

function one(mimeType: string): (data: unknown, options?: BundleOptions) => void {
  return (data, options) => showBundle({ [mimeType]: data }, options);
}

function displayValue(value: unknown, options: DisplayOptions = {}): void | Promise<void> {
  const send = (bundle: Bundle): void => {
    if (!options.update) return host().display(bundle, options);
    if (options.displayId === undefined) throw new Error("display(..., { update: true }) needs a displayId");
    host().update(options.displayId, bundle, options);
  };
  if (options.raw) return send(checkBundle("display(..., { raw: true })", value));
  const bundle = bundleOf(value);
  return bundle instanceof Promise ? bundle.then(send) : send(bundle);
}

/** Shows values and MIME bundles in the cell's output (see {@link Display}). */
export const display: Display = Object.assign(displayValue, {
  bundle: showBundle,
  html: one("text/html"),
  markdown: one("text/markdown"),
  svg: one("image/svg+xml"),
  png: one("image/png"),
  json: one("application/json"),
  text: one("text/plain"),
});

/**
 * Replaces the display named `displayId` (made with `{ displayId }`) with `bundle`, wherever it
 * is — also in an earlier cell's output (Jupyter `update_display_data`).
 */
export function updateDisplay(displayId: string, bundle: Bundle, options: { metadata?: { [mimeType: string]: unknown } } = {}): void {
  if (typeof displayId !== "string" || displayId === "") {
    throw new TypeError(`updateDisplay: displayId must be a non-empty string, got ${JSON.stringify(displayId)}`);
  }
  host().update(displayId, checkBundle("updateDisplay", bundle), options);
}

/**
 * Clears the cell's output (Jupyter `clear_output`). With `{ wait: true }` the frontend clears
 * only when the next output arrives, which avoids flicker in loops that redraw.
 */
export function clearOutput(options: { wait?: boolean } = {}): void {
  const h = host();
  if (!h.clearOutput) throw new Error("clearOutput: this kernel's display host cannot clear output");
  h.clearOutput(options.wait === true);
}
