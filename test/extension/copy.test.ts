/**
 * "Copy as text": the button copies the bundle's text/plain, which is the library's
 * Keras-layout text of the same summary.
 */
import { createRenderer } from './fixtures';
import { mimeModel, xorSummary } from './fixtures';

const KERAS_TEXT = [
  'Model: "sequential"',
  '┏━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━┓',
  '┃ Layer (type)    ┃ Output Shape ┃ Param # ┃',
  '┡━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━┩',
  '│ dense (Dense)   │ (None, 2)    │       6 │',
  '└─────────────────┴──────────────┴─────────┘',
  ' Total params: 9 (36.00 B)'
].join('\n');


describe('Copy as text button', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it("copies the bundle's text/plain to the clipboard and says so", async () => {
    jest.useFakeTimers();
    const writeText = jest.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });

    const renderer = createRenderer();
    await renderer.renderModel(mimeModel(xorSummary(), KERAS_TEXT));
    const button = renderer.node.querySelector<HTMLButtonElement>('button.nnlab-summary-copy')!;
    expect(button.textContent).toBe('Copy as text');

    button.click();
    await Promise.resolve();
    await Promise.resolve();
    expect(writeText).toHaveBeenCalledWith(KERAS_TEXT);
    expect(button.textContent).toBe('Copied');

    jest.advanceTimersByTime(2000);
    expect(button.textContent).toBe('Copy as text');
  });

  it('says so when the clipboard cannot be written', async () => {
    const writeText = jest.fn(() => Promise.reject(new Error('denied')));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });

    const renderer = createRenderer();
    await renderer.renderModel(mimeModel(xorSummary(), KERAS_TEXT));
    const button = renderer.node.querySelector<HTMLButtonElement>('button.nnlab-summary-copy')!;
    button.click();
    // jsdom has no execCommand('copy'), so the fallback fails too.
    await new Promise(r => setTimeout(r, 0));
    expect(button.textContent).toBe('Copy failed');
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('is left out when the bundle has no text/plain', async () => {
    const renderer = createRenderer();
    await renderer.renderModel(mimeModel(xorSummary()));
    expect(renderer.node.querySelector('table.nnlab-summary')).not.toBeNull();
    expect(renderer.node.querySelector('button.nnlab-summary-copy')).toBeNull();
  });
});
