/**
 * How the library shows rich output without depending on any kernel.
 *
 * A Jupyter kernel that can send MIME bundles (the nnlab kernel does) registers
 * a {@link DisplayHost} on `globalThis` under {@link DISPLAY_HOST}. Without one —
 * in plain Node, a script, a test — the library prints the bundle's `text/plain`.
 *
 * Objects that can display themselves implement `[Symbol.for("Jupyter.display")]()`,
 * the protocol Deno's kernel uses, returning a {@link MimeBundle}.
 */
import type { MimeBundle } from "./mime";

/** The well-known symbol under which a kernel registers its {@link DisplayHost}. */
export const DISPLAY_HOST: unique symbol = Symbol.for("nnlab.displayHost");

/** Deno-compatible self-display protocol: `obj[JUPYTER_DISPLAY]()` returns a MIME bundle. */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display");

/** Options of one display. */
export interface DisplayOptions {
  /** Per-MIME-type metadata sent beside the bundle. */
  metadata?: { [mimeType: string]: unknown };
  /** Give a display an id to update it later with {@link DisplayHost.update}. */
  displayId?: string;
}

/** What a kernel provides to the library. */
export interface DisplayHost {
  /** Sends a new display (Jupyter `display_data`). */
  display(bundle: MimeBundle, options?: DisplayOptions): void;
  /** Replaces the display with this id (Jupyter `update_display_data`). */
  update(displayId: string, bundle: MimeBundle, options?: DisplayOptions): void;
  /** Clears the cell's output (Jupyter `clear_output`). */
  clearOutput?(wait?: boolean): void;
}

/** The kernel's display host, or undefined outside a rich kernel. */
export function currentDisplayHost(): DisplayHost | undefined {
  return (globalThis as { [DISPLAY_HOST]?: DisplayHost })[DISPLAY_HOST];
}

/** True when a kernel that renders rich bundles is present. */
export function isRichDisplayAvailable(): boolean {
  return currentDisplayHost() !== undefined;
}

/**
 * Shows a bundle: through the kernel when there is one, else prints its `text/plain` to stdout.
 */
export function displayBundle(bundle: MimeBundle, options?: DisplayOptions): void {
  const host = currentDisplayHost();
  if (host) {
    host.display(bundle, options);
    return;
  }
  const text = bundle["text/plain"];
  if (typeof text === "string") console.log(text);
}

/**
 * Replaces the display made with `{ displayId }` (Jupyter `update_display_data`). Without a
 * kernel there is nothing to replace: the new `text/plain` is printed, as {@link displayBundle}
 * would print a new display.
 */
export function updateDisplay(displayId: string, bundle: MimeBundle, options?: DisplayOptions): void {
  const host = currentDisplayHost();
  if (host) {
    host.update(displayId, bundle, options);
    return;
  }
  const text = bundle["text/plain"];
  if (typeof text === "string") console.log(text);
}

/**
 * Clears the current cell's output (Jupyter `clear_output`); with `wait` the frontend clears when
 * the next output arrives (no flicker in redraw loops). Does nothing without a kernel that can.
 */
export function clearOutput(wait = false): void {
  currentDisplayHost()?.clearOutput?.(wait);
}
