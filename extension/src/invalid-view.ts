/**
 * What a renderer shows for data it cannot read: one line saying so, and the bundle's
 * `text/plain` (which the library always sends alongside) so the user still sees the output.
 */
import { el } from './dom';

/** `what` names the output ("model summary", "training history", …); `prefix` is the CSS class prefix. */
export function invalidView(prefix: string, what: string, reason: string, fallbackText?: string): HTMLElement {
  const children: HTMLElement[] = [
    el('div', {
      className: `${prefix}-error`,
      text: `nnlab: cannot display this ${what} (${reason}).`,
      attrs: { role: 'alert' }
    })
  ];
  if (fallbackText) {
    children.push(el('pre', { className: `${prefix}-fallback`, text: fallbackText }));
  }
  return el('div', { className: `${prefix}-view ${prefix}-invalid` }, children);
}

/** The bundle's `text/plain`, when it has one. */
export function plainTextOf(data: { [mime: string]: unknown }): string | undefined {
  const text = data['text/plain'];
  return typeof text === 'string' ? text : undefined;
}
