/**
 * The README's picture of the blueprint report: renders a `blueprints.html` in headless Chromium (Debian's
 * package, found or installed by scripts/chromium.sh; JavaScript off, no request leaves the page) and writes
 * the top 1280 x 1600 px as a PNG.
 *
 * Usage: npx ts-node --transpile-only scripts/report-screenshot.ts <blueprints.html> [out.png] [--full-page | --from <id>]
 *        (default out: docs/images/blueprint-report.png; `--full-page` for the whole page; `--from <id>` for 1600 px
 *        from an element down, e.g. a stack's section heading `stack-2-BlueprintsDeviceEvents`)
 * Needs puppeteer-core (a devDependency).
 */
import * as fs from 'fs';
import * as path from 'path';
import { writeScreenshot } from '../test/report/helpers/browser';

async function main(argv: string[]): Promise<void> {
  const fullPage = argv.includes('--full-page');
  const from = argv.indexOf('--from');
  const fromId = from >= 0 ? argv[from + 1] : undefined;
  const positional = argv.filter((a, i) => a !== '--full-page' && i !== from && (from < 0 || i !== from + 1));
  const [html, out = path.join(__dirname, '..', 'docs', 'images', 'blueprint-report.png')] = positional;
  if (html === undefined || !fs.existsSync(html)) {
    throw new Error(`report-screenshot: give the path of a blueprints.html (got ${html ?? 'nothing'})`);
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await writeScreenshot(html, out, fullPage, fromId);
  process.stdout.write(`${path.relative(process.cwd(), out)}\n`);
}

main(process.argv.slice(2)).catch((e: Error) => {
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
});
