/**
 * Headless Debian Chromium driven by playwright-core. Playwright's own browser builds
 * cannot be downloaded here (and CI has none), so this uses the system Chromium
 * (`apt-get install chromium`) with a fresh profile per launch.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';

/** The system Chromium; NNLAB_CHROMIUM overrides it. */
export const CHROMIUM_PATH = process.env.NNLAB_CHROMIUM ?? '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(
  viewport: { width: number; height: number } = { width: 1280, height: 900 }
): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} not found: install Debian's Chromium (apt-get install -y chromium)`
    );
  }
  // Playwright wants the profile folder as an argument of launchPersistentContext
  // rather than as --user-data-dir.
  const profile = mkdtempSync(join(tmpdir(), 'nnlab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    }
  };
}
