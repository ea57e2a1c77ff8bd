/**
 * What a person does with a notebook in JupyterLab, as Playwright steps: open it, run
 * all cells from the Run menu, wait for the kernel to finish, switch the theme.
 * Selectors are JupyterLab 4's own classes and attributes.
 */
import { Page } from 'playwright-core';
import { LabServer } from './lab-server';

/**
 * The status bar's kernel item, "<kernel display name> | <status>". It reads
 * "No Kernel | Initializing" until the session has a kernel; the toolbar's execution
 * indicator, by contrast, already says idle then.
 */
const KERNEL_STATUS = '#jp-main-statusbar .jp-StatusBar-TextItem[title^="Change kernel"]';

/**
 * Opens `path` (relative to the server root) and waits until its kernel is started,
 * connected and idle. With `kernel` (a display name such as "TypeScript (nnlab)"),
 * waits for that kernel; running cells before it is ready would be lost or would
 * raise the "Select Kernel" dialog.
 */
export async function openNotebook(
  page: Page,
  lab: LabServer,
  path: string,
  kernel?: string
): Promise<void> {
  await page.goto(lab.labUrl(path));
  await page.locator('.jp-NotebookPanel .jp-Notebook .jp-Cell').first().waitFor({ timeout: 60_000 });
  await waitForKernelIdle(page, { kernel });
}

/** Clicks a menu-bar menu and then one of its items (nested menus: several labels). */
export async function clickMenu(page: Page, menu: string, ...items: string[]): Promise<void> {
  await page.locator('.lm-MenuBar-itemLabel', { hasText: new RegExp(`^${menu}$`) }).click();
  for (const item of items) {
    await page
      .locator('.lm-Menu:visible .lm-Menu-itemLabel', { hasText: new RegExp(`^${item}$`) })
      .click();
  }
}

/** The status bar's kernel text, e.g. "TypeScript (nnlab) | Idle". */
export async function kernelStatus(page: Page): Promise<string> {
  return (await page.locator(KERNEL_STATUS).textContent()) ?? '';
}

/**
 * Waits until the notebook has a kernel (`kernel`, if given) that is idle, and no cell
 * shows `[*]` (queued or running).
 */
export async function waitForKernelIdle(
  page: Page,
  { kernel, timeoutMs = 120_000 }: { kernel?: string; timeoutMs?: number } = {}
): Promise<void> {
  await page
    .waitForFunction(
      ({ selector, kernel }) => {
        const status = document.querySelector(selector)?.textContent ?? '';
        const [name, state] = status.split(' | ');
        const ready =
          state === 'Idle' && name !== 'No Kernel' && (kernel === undefined || name === kernel);
        const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
        const busyCells = Array.from(panel?.querySelectorAll('.jp-InputPrompt') ?? []).some(p =>
          (p.textContent ?? '').includes('[*]')
        );
        return ready && panel !== null && !busyCells;
      },
      { selector: KERNEL_STATUS, kernel },
      { timeout: timeoutMs, polling: 250 }
    )
    .catch(async (error: Error) => {
      throw new Error(`kernel not idle: status bar says "${await kernelStatus(page)}". ${error.message}`);
    });
}

/** Run → Run All Cells, then waits for the kernel to finish them. */
export async function runAllCells(page: Page, timeoutMs = 120_000): Promise<void> {
  await clickMenu(page, 'Run', 'Run All Cells');
  // The first cell is marked `[*]` (or, if already done, numbered) at once: wait for
  // that, so an idle status from before the run cannot count as finished.
  await page
    .locator('.jp-NotebookPanel .jp-CodeCell .jp-InputPrompt', { hasText: /\[(\*|\d+)\]/ })
    .first()
    .waitFor({ timeout: 30_000 });
  await waitForKernelIdle(page, { timeoutMs });
}

/** The text of every error output in the notebook (tracebacks), for assertion messages. */
export async function errorOutputs(page: Page): Promise<string[]> {
  return page
    .locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    .allInnerTexts();
}

/**
 * Settings → Theme → `theme`. Waits for the theme's stylesheet to apply (the body's
 * `--jp-layout-color1` changes), not just for the body attribute, which flips first.
 */
export async function setTheme(page: Page, theme: 'JupyterLab Light' | 'JupyterLab Dark'): Promise<void> {
  const layoutColor = () =>
    page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--jp-layout-color1').trim());
  const before = await layoutColor();
  await clickMenu(page, 'Settings', 'Theme', theme);
  const light = theme === 'JupyterLab Light' ? 'true' : 'false';
  await page
    .locator(`body[data-jp-theme-light="${light}"]`)
    .waitFor({ state: 'attached', timeout: 30_000 });
  await page.waitForFunction(
    previous => getComputedStyle(document.body).getPropertyValue('--jp-layout-color1').trim() !== previous,
    before,
    { timeout: 30_000 }
  );
}
