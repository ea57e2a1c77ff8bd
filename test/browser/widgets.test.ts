/**
 * nnlab's widgets in a real JupyterLab (headless Debian Chromium, the nnlab kernel): the
 * notebook test/browser/notebooks/widgets.ipynb trains a model with the live dashboard and
 * the weight-histogram callback, draws nn.plot charts, and starts a long run that this test
 * stops with the dashboard's "Stop training" button. Screenshots of each widget, in the
 * light and the dark theme, go to test-artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Locator, Page } from 'playwright-core';
import { Browser, launchChromium } from './chromium';
import { ARTIFACTS_DIR, LabServer, REPO_ROOT, startJupyterLab } from './lab-server';
import { clickMenu, errorOutputs, openNotebook, setTheme, waitForKernelIdle } from './notebook';

const NOTEBOOKS_DIR = join(REPO_ROOT, 'test', 'browser', 'notebooks');
const KERNEL = 'TypeScript (nnlab)';

jest.setTimeout(300_000);

let lab: LabServer;
let browser: Browser;
let page: Page;

/** What the page recorded of every dashboard render: run, status, epochs, render count. */
interface RenderRecord {
  title: string;
  status: string;
  epochs: number;
  renders: number;
  sameSvg: boolean;
}

/** Scrolls `target` into view and saves a page screenshot (element screenshots fail while outputs re-layout). */
async function shot(target: Locator, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await target.scrollIntoViewIfNeeded();
  // Two animation frames: the scroll has been painted.
  await target.evaluate(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: join(ARTIFACTS_DIR, name) });
}

const dashboard = (title: string) =>
  page.locator('.jp-OutputArea-output .nnlab-dashboard', { has: page.locator('.nnlab-dashboard-title', { hasText: title }) });

beforeAll(async () => {
  lab = await startJupyterLab({
    copy: [NOTEBOOKS_DIR],
    name: 'widgets',
    // Every cell stays in the DOM: the test scrolls to outputs and screenshots them, which the
    // default windowed notebook (cells outside the viewport detached) would leave blank.
    settings: { '@jupyterlab/notebook-extension:tracker': { windowingMode: 'none' } }
  });
  browser = await launchChromium({ width: 1280, height: 1000 });
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await lab?.stop();
});

describe('nnlab widgets in JupyterLab', () => {
  it('runs the notebook: live dashboard redraws during fit, Stop ends the long run early', async () => {
    await openNotebook(page, lab, 'notebooks/widgets.ipynb', KERNEL);
    // Record each dashboard render as it happens (the renderer sets data-renders on every
    // renderModel), and whether the chart's <svg> element is still the first one (no re-creation).
    await page.evaluate(() => {
      const records: RenderRecord[] = [];
      (window as unknown as { nnlabRenders: RenderRecord[] }).nnlabRenders = records;
      const firstSvg = new Map<Element, Element | null>();
      new MutationObserver(mutations => {
        for (const m of mutations) {
          const node = m.target as HTMLElement;
          if (m.attributeName !== 'data-renders' || !node.classList.contains('nnlab-dashboard')) {
            continue;
          }
          // The live view draws on a canvas (SVG where there is none): the same element throughout.
          const svg = node.querySelector('.nnlab-dashboard-charts canvas, .nnlab-dashboard-charts svg');
          if (!firstSvg.has(node) || firstSvg.get(node) === null) {
            firstSvg.set(node, svg);
          }
          records.push({
            title: node.querySelector('.nnlab-dashboard-title')?.textContent ?? '',
            status: node.dataset.status ?? '',
            epochs: Number(node.dataset.epochs),
            renders: Number(node.dataset.renders),
            sameSvg: svg === null || svg === firstSvg.get(node)
          });
        }
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-renders'] });
      interface RenderRecord { title: string; status: string; epochs: number; renders: number; sameSvg: boolean }
    });

    await clickMenu(page, 'Run', 'Run All Cells');

    // The long run: wait until it is training, then press Stop.
    const long = dashboard('Training "long_run"');
    await long.waitFor({ timeout: 180_000 });
    await page.waitForFunction(
      () => {
        const d = Array.from(document.querySelectorAll<HTMLElement>('.nnlab-dashboard')).find(n =>
          n.querySelector('.nnlab-dashboard-title')?.textContent?.includes('long_run')
        );
        return d !== undefined && d.dataset.status === 'running' && Number(d.dataset.epochs) >= 2;
      },
      undefined,
      { timeout: 120_000, polling: 100 }
    );
    const stop = long.locator('button.nnlab-dashboard-stop');
    expect(await stop.isEnabled()).toBe(true);
    // A DOM click: the notebook keeps scrolling to follow the running cell, so a pointer
    // click at coordinates could land elsewhere; the button's own handler runs either way.
    await stop.dispatchEvent('click');
    await shot(long, 'dashboard-stopping.png');
    await long.and(page.locator('[data-status="stopped"]')).waitFor({ timeout: 60_000 });
    await waitForKernelIdle(page, { timeoutMs: 120_000 });
    expect(await errorOutputs(page)).toEqual([]);

    // The notebook's last cell reports how many epochs ran: fewer than asked.
    const result = page.locator('.jp-OutputArea-output', { hasText: /long run: \d+ of 400 epochs/ });
    const epochsRun = Number((await result.innerText()).match(/long run: (\d+) of 400/)?.[1]);
    expect(epochsRun).toBeGreaterThanOrEqual(2);
    expect(epochsRun).toBeLessThan(400);
    expect(await long.locator('.nnlab-dashboard-progress-text').innerText()).toMatch(/^stopped by the Stop button after epoch \d+\/400/);
    expect(await stop.isDisabled()).toBe(true);
    await shot(long, 'dashboard-stopped.png');

    // The first fit's dashboard redrew while training (renders seen with status running),
    // on one chart element, and ended finished with all 30 epochs.
    const records = await page.evaluate(() => (window as unknown as { nnlabRenders: { title: string; status: string; epochs: number; renders: number; sameSvg: boolean }[] }).nnlabRenders);
    const moons = records.filter(r => r.title === 'Training "moons"');
    const whileRunning = moons.filter(r => r.status === 'running');
    expect(whileRunning.length).toBeGreaterThanOrEqual(3);
    expect(moons[moons.length - 1]).toMatchObject({ status: 'finished', epochs: 30 });
    expect(moons.every(r => r.sameSvg)).toBe(true);
    const moonsDashboard = dashboard('Training "moons"');
    // One chart per metric group: loss, accuracy, learning rate; drawn on one canvas of a chart's size.
    expect(await moonsDashboard.locator('.nnlab-dashboard-charts').getAttribute('aria-label')).toBe('training charts: loss, accuracy, learning rate');
    const canvas = moonsDashboard.locator('.nnlab-dashboard-charts canvas');
    expect(await canvas.count()).toBe(1);
    const size = await canvas.evaluate(c => ({ width: (c as HTMLCanvasElement).width, height: (c as HTMLCanvasElement).height }));
    expect(size.width).toBeGreaterThan(300);
    expect(size.height).toBeGreaterThan(150);
    await shot(moonsDashboard, 'dashboard.png');
  });

  it('shows the summary table of the trained model', async () => {
    const table = page.locator('.jp-OutputArea-output table.nnlab-summary');
    const rows = table.locator('tr[data-layer]');
    expect(await rows.evaluateAll(trs => trs.map(tr => [tr.getAttribute('data-layer'), tr.getAttribute('data-params')]))).toEqual([
      ['dense', '48'],
      ['dense_1', '272'],
      ['dense_2', '17']
    ]);
  });

  it('moving the weight-histogram slider changes the bars', async () => {
    const widget = page.locator('.jp-OutputArea-output .nnlab-weights');
    await widget.waitFor();
    expect(await widget.getAttribute('data-snapshots')).toBe('31');
    const bars = () => widget.locator('.nnlab-weights-histograms .mark-rect path').evaluateAll(ps => ps.map(p => p.getAttribute('d')));
    const before = await bars();
    expect(before.length).toBeGreaterThan(0);
    expect(await widget.locator('.nnlab-weights-epoch').innerText()).toBe('after epoch 30');
    const slider = widget.locator('input.nnlab-weights-slider');
    await slider.focus();
    await page.keyboard.press('Home');
    await widget.and(page.locator('[data-epoch="-1"]')).waitFor({ timeout: 10_000 });
    expect(await widget.locator('.nnlab-weights-epoch').innerText()).toBe('before training');
    await page.waitForFunction(
      ([selector, previous]) => {
        const now = Array.from(document.querySelectorAll(selector as string)).map(p => p.getAttribute('d'));
        return JSON.stringify(now) !== previous;
      },
      ['.jp-OutputArea-output .nnlab-weights .nnlab-weights-histograms .mark-rect path', JSON.stringify(before)],
      { timeout: 10_000 }
    );
    expect(await bars()).not.toEqual(before);
    // Gradient norms and dead-unit fractions are charted too.
    expect(await widget.locator('.nnlab-weights-norms svg').count()).toBe(1);
    expect(await widget.locator('.nnlab-weights-dead svg').count()).toBe(1);
    await shot(widget, 'weights.png');
  });

  it('draws the nn.plot charts with JupyterLab\'s Vega-Lite renderer', async () => {
    // JupyterLab's own vega5 renderer (rank 57) draws them: our bundle's text/html is the export fallback.
    const vega = page.locator('.jp-OutputArea-output.jp-RenderedVegaCommon5');
    expect(await vega.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      await vega.nth(i).locator('canvas, svg').first().waitFor({ timeout: 30_000 });
    }
    await shot(vega.nth(0), 'plot-decision-regions.png');
    await shot(vega.nth(1), 'plot-activations.png');
  });

  it('follows the dark theme', async () => {
    const moons = dashboard('Training "moons"');
    const lightText = await moons.locator('.nnlab-dashboard-title').evaluate(t => getComputedStyle(t).color);
    await setTheme(page, 'JupyterLab Dark');
    // The charts are drawn again with the theme's colours when the view is rebuilt; the text follows at once.
    const darkText = await moons.locator('.nnlab-dashboard-title').evaluate(t => getComputedStyle(t).color);
    expect(darkText).not.toBe(lightText);
    await shot(moons, 'dashboard-dark.png');
    await shot(page.locator('.jp-OutputArea-output .nnlab-weights'), 'weights-dark.png');
    await shot(page.locator('.jp-OutputArea-output table.nnlab-summary'), 'summary-widgets-dark.png');
  });
});
