/**
 * "Copy as text": the Keras-format text and the button that copies it.
 */
import { SUMMARY_MIME } from 'nnlab/dist/display/mime';
import { summaryRendererFactory } from '../../extension/src/index';
import { summaryToText } from '../../extension/src/text';
import { functionalSummary, mimeModel, xorSummary } from './fixtures';

describe('summaryToText', () => {
  it('prints a sequential model like Keras 3', () => {
    expect(summaryToText(xorSummary())).toBe(
      [
        'Model: "sequential"',
        '┏━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━┓',
        '┃ Layer (type)    ┃ Output Shape ┃ Param # ┃',
        '┡━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━┩',
        '│ dense (Dense)   │ (None, 2)    │       6 │',
        '├─────────────────┼──────────────┼─────────┤',
        '│ dense_1 (Dense) │ (None, 1)    │       3 │',
        '└─────────────────┴──────────────┴─────────┘',
        ' Total params: 9 (36.00 B)',
        ' Trainable params: 9 (36.00 B)',
        ' Non-trainable params: 0 (0.00 B)',
        ' Optimizer params: 20 (80.00 B)',
        ''
      ].join('\n')
    );
  });

  it('lists each input of a functional layer on its own line', () => {
    const lines = summaryToText(functionalSummary()).split('\n');
    expect(lines[2]).toMatch(/┃ Connected to ┃ Trainable ┃$/);
    const concat = lines.findIndex(line => line.includes('concatenate (Concatenate)'));
    expect(lines[concat]).toMatch(/│ dense +│ Y +│$/);
    expect(lines[concat + 1]).toMatch(/^│ +│ +│ +│ b +│ +│$/);
  });
});

describe('Copy as text button', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('copies the Keras text to the clipboard and says so', async () => {
    jest.useFakeTimers();
    const writeText = jest.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });

    const renderer = summaryRendererFactory.createRenderer({
      mimeType: SUMMARY_MIME,
      sanitizer: { sanitize: (html: string) => html },
      resolver: null,
      linkHandler: null,
      latexTypesetter: null
    });
    await renderer.renderModel(mimeModel(xorSummary()));
    const button = renderer.node.querySelector<HTMLButtonElement>('button.nnlab-summary-copy')!;
    expect(button.textContent).toBe('Copy as text');

    button.click();
    await Promise.resolve();
    await Promise.resolve();
    expect(writeText).toHaveBeenCalledWith(summaryToText(xorSummary()));
    expect(button.textContent).toBe('Copied');

    jest.advanceTimersByTime(2000);
    expect(button.textContent).toBe('Copy as text');
  });
});
