/**
 * A tiny element builder. All text goes in through `textContent`, never through
 * `innerHTML`: summary data (layer names especially) is user data, and a renderer
 * registered as `safe` must not turn it into markup.
 */

export interface ElementOptions {
  /** CSS classes, space-separated. */
  className?: string;
  /** Text content; set with `textContent`, so it is never parsed as HTML. */
  text?: string;
  /** Attributes such as `data-layer` or `title`; values are set verbatim, never parsed. */
  attrs?: Record<string, string>;
}

/** Creates `<tag>` with the given classes, text, attributes and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: (Node | string)[] = []
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) {
    node.className = options.className;
  }
  if (options.text !== undefined) {
    node.textContent = options.text;
  }
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    node.setAttribute(name, value);
  }
  // Strings become text nodes (append() never parses them as HTML).
  node.append(...children);
  return node;
}
