/**
 * The "Copy as text" button. A mime renderer has no access to JupyterLab's
 * clipboard service, so it uses the browser's: the async Clipboard API where the
 * page allows it, else a hidden textarea and `execCommand('copy')`.
 */
import { el } from './dom';

/** How long the button says "Copied" before it reads "Copy as text" again. */
const FEEDBACK_MS = 1500;

async function copyToClipboard(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission denied or unsupported: fall through to the legacy path.
  }
  const area = el('textarea', { attrs: { readonly: '', 'aria-hidden': 'true' } });
  area.value = text;
  area.className = 'nnlab-offscreen';
  document.body.appendChild(area);
  try {
    area.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/** A button that copies `getText()` and says whether that worked. */
export function createCopyButton(getText: () => string): HTMLButtonElement {
  const label = 'Copy as text';
  const button = el('button', {
    className: 'nnlab-summary-copy',
    text: label,
    attrs: { type: 'button', title: 'Copy the summary as text, in the layout of Keras' }
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('click', () => {
    void copyToClipboard(getText()).then(ok => {
      button.textContent = ok ? 'Copied' : 'Copy failed';
      clearTimeout(timer);
      timer = setTimeout(() => {
        button.textContent = label;
      }, FEEDBACK_MS);
    });
  });
  return button;
}
