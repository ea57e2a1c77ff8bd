/**
 * Exported HTML: the widgets notebook executed by nbconvert (nbclient, the nnlab kernel) and
 * converted with the project's offline template, then opened in Chromium with the network
 * off. The static forms must be there: the summary table, the dashboard's and the weight
 * widget's inline SVG charts, and the nn.plot SVGs; and nothing may be fetched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './chromium';
import { ARTIFACTS_DIR, REPO_ROOT } from './lab-server';

jest.setTimeout(300_000);

const NOTEBOOK = join(REPO_ROOT, 'test', 'browser', 'notebooks', 'widgets.ipynb');

/** nbconvert --execute --to html with the nnlab-report template; returns the HTML file. */
function exportNotebook(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nnlab-export-'));
  cpSync(NOTEBOOK, join(dir, 'widgets.ipynb'));
  const jupyter = join(REPO_ROOT, '.venv', 'bin', 'jupyter');
  if (!existsSync(jupyter)) {
    throw new Error(`${jupyter} not found: the export test needs the repository venv (npm run setup)`);
  }
  const result = spawnSync(
    jupyter,
    [
      'nbconvert', '--to', 'html', '--execute', '--ExecutePreprocessor.timeout=300',
      `--TemplateExporter.extra_template_basedirs=${join(REPO_ROOT, 'jupyter-config', 'nbconvert', 'templates')}`,
      '--template', 'nnlab-report', 'widgets.ipynb'
    ],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, JUPYTER_CONFIG_DIR: join(REPO_ROOT, 'jupyter-config') } }
  );
  if (result.status !== 0) {
    throw new Error(`nbconvert failed (${result.status}):\n${result.stderr.slice(-4000)}`);
  }
  return join(dir, 'widgets.html');
}

describe('exported HTML report', () => {
  it('shows the static table and SVG charts offline, fetching nothing', async () => {
    const file = exportNotebook();
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/i);

    const browser = await launchChromium({ width: 1100, height: 1400 });
    try {
      const page = await browser.context.newPage();
      await browser.context.setOffline(true);
      const requests: string[] = [];
      page.on('request', request => {
        if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) {
          requests.push(request.url());
        }
      });
      await page.goto(`file://${file}`);
      await page.waitForLoadState('load');

      // Model summary: the static table with the three layers.
      const rows = page.locator('.nnlab-summary-static tr[data-layer]');
      expect(await rows.evaluateAll(trs => trs.map(tr => tr.getAttribute('data-layer')))).toEqual(['dense', 'dense_1', 'dense_2']);
      // Training dashboards (the moons run and the long run, which ran to the end here).
      const histories = page.locator('.nnlab-history-static');
      expect(await histories.count()).toBe(2);
      expect(await histories.first().innerText()).toContain('finished 30/30 epochs');
      expect(await histories.first().locator('svg.marks').count()).toBe(1);
      // Weight distributions: histograms, gradient norms, dead units.
      expect(await page.locator('.nnlab-weights-static svg.marks').count()).toBe(3);
      // The three nn.plot charts: nbconvert embeds image/svg+xml as data-URL images (which cannot run script).
      const plots = page.locator('.jp-RenderedSVG img[src^="data:image/svg+xml"]');
      expect(await plots.count()).toBe(3);
      expect(await plots.evaluateAll(imgs => imgs.map(i => (i as HTMLImageElement).naturalWidth > 100))).toEqual([true, true, true]);
      // SVG text drawn from data (layer names) is text, never markup: no <img> or <script> inside charts.
      expect(await page.locator('svg.marks img, svg.marks script, svg.marks foreignObject').count()).toBe(0);
      expect(requests).toEqual([]);

      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'export.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
