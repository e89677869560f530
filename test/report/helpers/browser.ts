import { execFileSync } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import puppeteer, { Browser, Page } from 'puppeteer-core';
import { measurePage, openAllDetails, PageFacts } from './page-facts';

/**
 * Headless Chromium for the blueprint report: Debian's `chromium` (found or installed by
 * scripts/chromium.sh), driven through puppeteer-core with JavaScript off and every request but the report
 * itself recorded and blocked.
 */

const ROOT = path.join(__dirname, '..', '..', '..');

/** The width the report must fit (a laptop screen). */
export const VIEWPORT_WIDTH = 1280;

/** The path of a usable Chromium, from scripts/chromium.sh (which installs Debian's package where none is). */
export function chromiumPath(): string {
  const out = execFileSync('bash', [path.join(ROOT, 'scripts', 'chromium.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = out.trim().split('\n');
  return lines[lines.length - 1];
}

/** A report open in headless Chromium, with the requests it tried to make beyond its own file. */
export interface OpenReport {
  readonly browser: Browser;
  readonly page: Page;
  /** Every request but the document itself (each blocked): a self-contained report makes none. */
  readonly requests: string[];
}

/**
 * Opens `htmlFile` as a `file://` URL in headless Chromium at 1280 px wide, with JavaScript disabled and
 * every other request recorded and aborted. Close `browser` when done.
 */
export async function openReport(htmlFile: string, height = 1600): Promise<OpenReport> {
  const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: VIEWPORT_WIDTH, height });
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    const url = pathToFileURL(path.resolve(htmlFile)).href;
    const requests: string[] = [];
    page.on('request', (request) => {
      // Blocked, not just recorded: a report that tries to load anything fails without waiting for it.
      if (request.url() === url) {
        void request.continue();
      } else {
        requests.push(request.url());
        void request.abort();
      }
    });
    await page.goto(url, { waitUntil: 'load' });
    return { browser, page, requests };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/**
 * What the rendered report shows (see `PageFacts`): read with the viewport as tall as the page, so that
 * every element is laid out in view, and with every `<details>` opened as a reader would.
 */
export async function readReport(htmlFile: string): Promise<PageFacts & { requests: string[] }> {
  const { browser, page, requests } = await openReport(htmlFile);
  try {
    const height = await page.evaluate(openAllDetails);
    await page.setViewport({ width: VIEWPORT_WIDTH, height: Math.ceil(height) });
    const facts = await page.evaluate(measurePage);
    return { ...facts, requests: [...requests] };
  } finally {
    await browser.close();
  }
}

/**
 * How many of the items inside `<details>` a printout shows, of how many there are: printed with every
 * `<details>` left closed, as a reader would print the page without clicking.
 */
export async function printedDetailItems(htmlFile: string): Promise<{ shown: number; total: number }> {
  const { browser, page } = await openReport(htmlFile);
  try {
    await page.emulateMediaType('print');
    return await page.evaluate(() => {
      const items = Array.from(document.querySelectorAll('details li'));
      return { shown: items.filter((li) => li.getClientRects().length > 0 && li.checkVisibility()).length, total: items.length };
    });
  } finally {
    await browser.close();
  }
}

/**
 * Writes a PNG of the rendered report: the top 1280 x 1600 px, the whole page (`fullPage`), or 1280 x 1600 px
 * from the element with id `fromId` down (e.g. one stack's section).
 */
export async function writeScreenshot(htmlFile: string, pngFile: string, fullPage = false, fromId?: string): Promise<void> {
  const { browser, page } = await openReport(htmlFile);
  try {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const top = fromId === undefined ? 0 : await page.evaluate((id) => {
      const element = document.getElementById(id);
      return element ? element.getBoundingClientRect().top + window.scrollY - 16 : -1;
    }, fromId);
    if (top < 0) {
      throw new Error(`no element with id '${fromId}' in ${htmlFile}`);
    }
    if (fullPage) {
      await page.screenshot({ path: pngFile, fullPage: true });
    } else {
      await page.screenshot({ path: pngFile, clip: { x: 0, y: top, width: VIEWPORT_WIDTH, height: Math.min(1600, height - top) } });
    }
  } finally {
    await browser.close();
  }
}
