/**
 * The model summary in a real JupyterLab: the XOR notebook runs on the nnlab kernel in
 * headless Chromium, and its `model.summary()` output must be the extension's table.
 * Screenshots (light and dark theme) go to test-artifacts/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { Browser, launchChromium } from './chromium';
import { ARTIFACTS_DIR, LabServer, REPO_ROOT, startJupyterLab } from './lab-server';
import { errorOutputs, openNotebook, runAllCells, setTheme } from './notebook';

const NOTEBOOKS_DIR = join(REPO_ROOT, 'notebooks');
const NOTEBOOK = '000-00-xor.ipynb';
/** The notebook's kernel, by its display name (kernelspec `nnlab`). */
const KERNEL = 'TypeScript (nnlab)';

// JupyterLab takes 10–20 s to start, the kernel a few more to compile and train.
jest.setTimeout(240_000);

let lab: LabServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  lab = await startJupyterLab({ copy: [NOTEBOOKS_DIR], name: 'summary' });
  browser = await launchChromium();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await lab?.stop();
});

describe('model summary in JupyterLab', () => {
  it('renders the XOR model summary as a table after Run All', async () => {
    await openNotebook(page, lab, `notebooks/${NOTEBOOK}`, KERNEL);
    await runAllCells(page);

    const table = page.locator('.jp-OutputArea-output table.nnlab-summary');
    await table.waitFor({ timeout: 30_000 }).catch(async () => {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'summary-failure.png') });
      throw new Error(
        `no summary table after Run All. Error outputs:\n${(await errorOutputs(page)).join('\n')}\n` +
          `Server log:\n${lab.log().slice(-4000)}`
      );
    });
    expect(await table.count()).toBe(1);

    // Run All really ran the notebook: every code cell has an execution count.
    const prompts = await page.locator('.jp-NotebookPanel .jp-CodeCell .jp-InputArea-prompt').allInnerTexts();
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.filter(p => !/^\[\d+\]:$/.test(p.trim()))).toEqual([]);
    expect(await errorOutputs(page)).toEqual([]);

    // Our renderer, not the text/html fallback, drew the output.
    const output = page.locator('.jp-OutputArea-output', { has: page.locator('table.nnlab-summary') });
    expect(await output.getAttribute('data-mime-type')).toBe('application/vnd.nnlab.summary+json');

    const rows = table.locator('tr[data-layer]');
    expect(await rows.evaluateAll(trs => trs.map(tr => tr.getAttribute('data-layer')))).toEqual([
      'dense',
      'dense_1'
    ]);
    // 2-2-1 net: 2·2 weights + 2 biases, then 2·1 + 1.
    expect(await rows.evaluateAll(trs => trs.map(tr => tr.getAttribute('data-params')))).toEqual([
      '6',
      '3'
    ]);
    expect(await rows.locator('.nnlab-summary-count').allInnerTexts()).toEqual(['6', '3']);
    expect(await rows.locator('.nnlab-summary-layer').allInnerTexts()).toEqual([
      'dense (Dense)',
      'dense_1 (Dense)'
    ]);
    const view = page.locator('.nnlab-summary-view', { has: page.locator('table.nnlab-summary') });
    expect(await view.locator('[data-total="total"]').innerText()).toMatch(/^Total params: 9 \(36\.00 B\)$/);

    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'summary.png') });
  });

  it('copies the summary as Keras-style text', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: lab.url });
    const button = page.locator('.nnlab-summary-view button.nnlab-summary-copy');
    await button.click();
    await button.filter({ hasText: /^Copied$/ }).waitFor({ timeout: 5_000 });
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toMatch(/^Model: "sequential"\n┏/);
    expect(text).toMatch(/│ dense \(Dense\) +│ \(None, 2\) +│ +6 │/);
    expect(text).toMatch(/│ dense_1 \(Dense\) +│ \(None, 1\) +│ +3 │/);
    expect(text).toContain(' Total params: 9 (36.00 B)\n');
    // The label goes back, so the button reads right in the screenshots.
    await button.filter({ hasText: /^Copy as text$/ }).waitFor({ timeout: 5_000 });
  });

  it('follows the dark theme', async () => {
    const table = page.locator('.jp-OutputArea-output table.nnlab-summary');
    const lightColor = await table.evaluate(t => getComputedStyle(t.querySelector('td')!).color);
    await setTheme(page, 'JupyterLab Dark');
    const darkColor = await table.evaluate(t => getComputedStyle(t.querySelector('td')!).color);
    expect(darkColor).not.toBe(lightColor);
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'summary-dark.png') });
  });
});
