#!/usr/bin/env node
// Rendering benchmark (not a test; nothing asserts a speed): the extension's renderers in
// headless Debian Chromium. Two numbers, against the goals:
//   - a 200-layer model summary rendered and laid out (goal < 300 ms);
//   - one live update of a training dashboard that already shows 10,000 batch points (goal < 16 ms).
// Each is repeated; the median and every run are printed and written to bench/render/results.json.
//
//   npm run build -w nnlab && npm run build:lib -w nnlab-extension && node bench/render/render.mjs
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const require = createRequire(import.meta.url);
const webpack = require('webpack');
const { chromium } = require('playwright-core');

const REPEATS = Number(process.env.REPEATS ?? 7);
const out = mkdtempSync(join(tmpdir(), 'nnlab-render-bench-'));

await new Promise((resolve, reject) =>
  webpack(
    {
      mode: 'production',
      entry: join(here, 'entry.js'),
      output: { path: out, filename: 'bench.js' },
      resolve: { modules: [join(root, 'node_modules')] },
      module: { rules: [{ test: /\.css$/, use: [require.resolve('style-loader'), require.resolve('css-loader')] }] },
      performance: { hints: false }
    },
    (err, stats) => (err || stats.hasErrors() ? reject(err ?? new Error(stats.toString('errors-only'))) : resolve())
  )
);
writeFileSync(join(out, 'index.html'), '<!doctype html><html><body><div id="host"></div><script src="bench.js"></script></body></html>');

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'nnlab-chromium-')), {
  executablePath: process.env.NNLAB_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu']
});
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const page = await context.newPage();
  await page.goto(`file://${join(out, 'index.html')}`);
  await page.waitForFunction(() => window.bench !== undefined);
  // One warm-up of each (JIT, font loading), not counted.
  await page.evaluate(() => window.bench.summary(200));
  await page.evaluate(() => window.bench.dashboardUpdate(10000));
  const summary = [];
  const update = [];
  for (let i = 0; i < REPEATS; i++) {
    summary.push(await page.evaluate(() => window.bench.summary(200)));
    update.push(await page.evaluate(() => window.bench.dashboardUpdate(10000)));
  }
  const browserVersion = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent));
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, chromium: browserVersion },
    summary200: { goalMs: 300, medianMs: median(summary.map(r => r.ms)), runsMs: summary.map(r => r.ms), rows: summary[0].rows },
    dashboardUpdate10k: { goalMs: 16, medianMs: median(update.map(r => r.ms)), runsMs: update.map(r => r.ms), viewsCreated: update[0].views }
  };
  writeFileSync(join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`200-layer summary:               median ${results.summary200.medianMs.toFixed(1)} ms (goal < 300 ms), runs ${results.summary200.runsMs.map(v => v.toFixed(1)).join(', ')}`);
  console.log(`dashboard update, 10,000 points: median ${results.dashboardUpdate10k.medianMs.toFixed(1)} ms (goal < 16 ms), runs ${results.dashboardUpdate10k.runsMs.map(v => v.toFixed(1)).join(', ')}; views created ${results.dashboardUpdate10k.viewsCreated}`);
} finally {
  await context.close();
}
