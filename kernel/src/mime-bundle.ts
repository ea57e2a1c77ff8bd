import { inspect } from "util";
import type { WireBundle } from "./protocol";

/** Deno's self-display protocol, also used by the nnlab library: `obj[JUPYTER_DISPLAY]()`. */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display") as never;

/** `application/json` and every `+json` type (e.g. `application/vnd.nnlab.summary+json`). */
export function isJsonMimeType(mimeType: string): boolean {
  return mimeType === "application/json" || mimeType.endsWith("+json");
}

/** How a cell value prints as `text/plain`: like the Node REPL (strings quoted). */
export function plainText(value: unknown): string {
  return inspect(value, { depth: 4, maxArrayLength: 100, breakLength: 100 });
}

/**
 * Converts a bundle made by user or library code into what the wire format requires:
 * - JSON types travel as JSON values; a string given for one is parsed (tslab's own
 *   `display.raw` and hand-written bundles often pass `JSON.stringify(...)`);
 * - binary data (Uint8Array/Buffer, e.g. `image/png`) travels base64-encoded;
 * - other values become strings.
 * Undefined entries are dropped.
 */
export function toWireBundle(bundle: { [mimeType: string]: unknown }): WireBundle {
  const wire: WireBundle = {};
  for (const [mimeType, value] of Object.entries(bundle)) {
    if (value === undefined) continue;
    if (isJsonMimeType(mimeType)) {
      wire[mimeType] = typeof value === "string" ? parseJsonOr(value) : value;
    } else if (value instanceof Uint8Array) {
      wire[mimeType] = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64");
    } else {
      wire[mimeType] = typeof value === "string" ? value : plainText(value);
    }
  }
  return wire;
}

function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function hasSelfDisplay(value: unknown): value is { [JUPYTER_DISPLAY](): unknown } {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { [JUPYTER_DISPLAY]?: unknown })[JUPYTER_DISPLAY] === "function"
  );
}

/**
 * The bundle that shows `value`: its own `[Symbol.for("Jupyter.display")]()` bundle when it has
 * one, else `text/plain`. A `text/plain` fallback is added to self-made bundles that lack one:
 * the protocol expects it in every bundle. A self-display method may return a promise of its
 * bundle (Deno allows it); then so does this function.
 */
export function bundleOf(value: unknown): WireBundle | Promise<WireBundle> {
  if (!hasSelfDisplay(value)) return { "text/plain": plainText(value) };
  const own = value[JUPYTER_DISPLAY]();
  return isPromiseLike(own) ? Promise.resolve(own).then((b) => completeBundle(value, b)) : completeBundle(value, own);
}

function isPromiseLike(x: unknown): x is PromiseLike<unknown> {
  return typeof x === "object" && x !== null && typeof (x as { then?: unknown }).then === "function";
}

function completeBundle(value: unknown, own: unknown): WireBundle {
  if (typeof own !== "object" || own === null) {
    throw new TypeError("[Symbol.for(\"Jupyter.display\")]() must return a MIME bundle object");
  }
  const wire = toWireBundle(own as { [mimeType: string]: unknown });
  if (!("text/plain" in wire)) wire["text/plain"] = plainText(value);
  return wire;
}
