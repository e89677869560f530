import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Environment } from 'aws-cdk-lib';
import { printedDetailItems, readReport, VIEWPORT_WIDTH, writeScreenshot } from './helpers/browser';
import { PageFacts, TextFact } from './helpers/page-facts';
import { acknowledgeUserDecisions, REFERENCE_WORKLOADS } from '../../examples/reference-workloads';
import { Blueprints } from '../../src';
import { renderReportHtml } from '../../src/report/private/render-html';
import { ReportModel } from '../../src/report/private/report-model';

/**
 * The blueprint report as a reader sees it: rendered by headless Chromium (Debian's package, found or
 * installed by scripts/chromium.sh) from a file:// URL with JavaScript off, every check made on the
 * rendered page (its text, computed styles and boxes), never on the HTML text.
 */

const BROWSER_TIMEOUT = 60_000;

/** A report under test: the model it shows and its page. */
interface ReportUnderTest {
  readonly model: ReportModel;
  readonly htmlFile: string;
  /** The cloud assembly it was written into (the example app's), if any. */
  readonly assembly?: string;
}

/**
 * The example app's report, as `npx cdk synth` writes it: examples/app.ts's workloads and its
 * `Blueprints.applyTo` (the report on by default), synthesized into `dir`; the model is its blueprints.json.
 */
function exampleAppReport(dir: string): ReportUnderTest {
  const app = new App({ outdir: dir, context: { 'aws:cdk:enable-path-metadata': true, 'aws:cdk:enable-asset-metadata': true } });
  acknowledgeUserDecisions(app);
  const env: Environment = { account: '123456789012', region: 'us-east-1' };
  for (const workload of REFERENCE_WORKLOADS) {
    workload.build(app, env);
  }
  Blueprints.applyTo(app, { nagPacks: [], dashboard: false, hardenPlainFunctions: false, resourceBudget: false });
  app.synth();
  const model: ReportModel = JSON.parse(fs.readFileSync(path.join(dir, 'blueprints.json'), 'utf8'));
  return { model, htmlFile: path.join(dir, 'blueprints.html'), assembly: dir };
}

/**
 * The hand-written fixture model (2 stacks with every kind of field the example app does not have: gaps,
 * hand-wired paths, unacknowledged findings, markup in names), rendered into `dir`.
 */
function fixtureReport(dir: string): ReportUnderTest {
  const model: ReportModel = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'report-model.json'), 'utf8'));
  const htmlFile = path.join(dir, 'blueprints.html');
  fs.writeFileSync(htmlFile, renderReportHtml(model));
  return { model, htmlFile };
}

/** Every Lambda function's construct path in the templates of an assembly (nested stacks' included). */
function functionsInTemplates(assembly: string): string[] {
  return fs.readdirSync(assembly).filter((f) => f.endsWith('.template.json')).flatMap((f) =>
    Object.values<any>(JSON.parse(fs.readFileSync(path.join(assembly, f), 'utf8')).Resources ?? {})
      .filter((r) => r.Type === 'AWS::Lambda::Function')
      .map((r) => String(r.Metadata?.['aws:cdk:path']))).sort();
}

describe.each([
  ['the example app\'s report', exampleAppReport],
  ['the fixture model\'s report', fixtureReport],
])('%s in headless Chromium', (_name, build) => {

  let dir: string;
  let MODEL: ReportModel;
  let htmlFile: string;
  let assembly: string | undefined;
  let page: PageFacts & { requests: string[] };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-report-'));
    ({ model: MODEL, htmlFile, assembly } = build(dir));
    page = await readReport(htmlFile);
  }, BROWSER_TIMEOUT);

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function channel(c: number): number {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }

  /** WCAG relative luminance of a computed colour (`rgb(r, g, b)`). */
  function luminance(colour: string): number {
    const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).map(Number);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  }

  function contrast(a: string, b: string): number {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  }

  /** The text a box shows for a name: its end, behind an ellipsis when cut. */
  function showsEndOf(shown: string, name: string): boolean {
    return shown.length > 0 && name.replace(/\/Resource$/, '').endsWith(shown.replace(/^…/, ''));
  }

  test('the page loads nothing but itself and runs no script', () => {
    expect(page.requests).toEqual([]);
    expect(page.scripts).toBe(0);
  });

  test('the summary shows the numbers of the model', () => {
    const shown = (label: RegExp) => {
      const found = page.summary.filter((s) => label.test(s.label));
      expect(found).toHaveLength(1);
      return found[0].value;
    };
    const s = MODEL.summary;
    expect(shown(/^Stacks$/)).toBe(String(s.stacks));
    expect(shown(/^Functions$/)).toBe(String(s.functions));
    expect(shown(/^Event paths$/)).toBe(String(s.eventPaths));
    expect(shown(/^Gaps$/)).toBe(String(s.gaps));
    expect(shown(/^Unacknowledged findings$/)).toBe(String(s.unacknowledgedFindings));
    expect(shown(/^Library acknowledgements$/)).toBe(String(s.libraryAcknowledgements));
    expect(shown(/^User decisions$/)).toBe(String(s.userDecisions));
    expect(shown(/^Alarms$/)).toBe(String(s.alarms));
    expect(Number(shown(/^Idle cost/).replace(/[$,]/g, ''))).toBeCloseTo(s.monthlyUsd, 2);
    expect(Number(shown(/^Unverified/).replace(/[$,]/g, ''))).toBeCloseTo(s.unverifiedMonthlyUsd, 2);
    expect(shown(/without a cost report/)).toBe(String(s.stacksWithoutCost));
  });

  test('every stack has its section, in the order of the model', () => {
    expect(page.stacks.map((s) => s.heading)).toEqual(MODEL.stacks.map((s) => s.displayName));
  });

  test('every function is shown by name in its functions table and drawn in its diagram', () => {
    MODEL.stacks.forEach((stack, i) => {
      const shown = page.stacks[i];
      expect(shown.functionNames).toEqual(stack.functions.map((f) => f.name));
      const boxes = shown.diagram!.rows.flatMap((r) => r.boxes);
      for (const fn of stack.functions) {
        const box = boxes.find((b) => b.title === fn.name);
        const drawn = box !== undefined && showsEndOf(box.lines[box.lines.length - 1], fn.name);
        expect({ fn: fn.name, drawn }).toEqual({ fn: fn.name, drawn: true });
      }
    });
  });

  test('every event path is one row of its diagram: source, arrow with the invocation, function, sink, in that order', () => {
    MODEL.stacks.forEach((stack, i) => {
      const diagram = page.stacks[i].diagram!;
      const rows = diagram.rows.filter((r) => r.drawsPath);
      expect(rows).toHaveLength(stack.eventPaths.length);
      stack.eventPaths.forEach((p, j) => {
        const [source, fn, sink] = rows[j].boxes;
        expect(source.title).toContain(p.source.name);
        expect(showsEndOf(source.lines[1], p.source.name)).toBe(true);
        expect(fn.title).toBe(stack.functions.find((f) => f.id === p.functionId)!.name);
        if (p.failureSink) {
          expect(sink.title).toContain(p.failureSink.name);
          expect(showsEndOf(sink.lines[1], p.failureSink.name)).toBe(true);
        }
        expect(sink.lines.join(' ')).not.toBe('');
        expect(rows[j].labels).toContain(p.invocation);
        expect(rows[j].labels.includes('hand-wired')).toBe(!p.byLibrary);
        expect(rows[j].arrows).toBeGreaterThanOrEqual(2 + p.sinkAlarms.length);
        const alarms = rows[j].boxes.filter((b) => b.title.startsWith('alarm: ')).map((b) => b.title.slice('alarm: '.length));
        expect(alarms).toEqual(p.sinkAlarms);
        for (const [left, right] of rows[j].boxes.slice(0, 3).map((b, k, all) => [b, all[k + 1]]).slice(0, 2)) {
          expect(right.left).toBeGreaterThan(left.right);
        }
        for (const box of rows[j].boxes) {
          expect(box.right - box.left).toBeGreaterThan(0);
          expect({ box: box.lines, fits: box.textRight <= box.right }).toEqual({ box: box.lines, fits: true });
          expect(box.left).toBeGreaterThanOrEqual(diagram.left);
          expect(box.right).toBeLessThanOrEqual(diagram.right + 0.5);
        }
      });
    });
  });

  test('the event paths table lists each path with every name in full', () => {
    MODEL.stacks.forEach((stack, i) => {
      const rows = page.stacks[i].pathRows;
      expect(rows).toHaveLength(stack.eventPaths.length);
      stack.eventPaths.forEach((p, j) => {
        const [source, invocation, fn, sink, alarms, gapOrNote] = rows[j];
        expect(source).toContain(p.source.name);
        expect(invocation).toContain(p.invocation);
        expect(fn).toBe(stack.functions.find((f) => f.id === p.functionId)!.name);
        expect(sink).toContain(p.failureSink?.name ?? 'none');
        for (const alarm of p.sinkAlarms) {
          expect(alarms).toContain(alarm.slice(stack.displayName.length + 1));
        }
        if (p.gap) {
          expect(gapOrNote).toContain('GAP');
          expect(gapOrNote).toContain(p.gap);
        }
      });
    });
  });

  test('every gap is marked in words and in a colour no other box has', () => {
    MODEL.stacks.forEach((stack, i) => {
      const rows = page.stacks[i].diagram!.rows.filter((r) => r.drawsPath);
      const boxes = rows.flatMap((r) => r.boxes);
      const gapBoxes = boxes.filter((b) => b.lines.join(' ').includes('GAP'));
      const otherStrokes = new Set(boxes.filter((b) => !gapBoxes.includes(b)).map((b) => b.stroke));
      stack.eventPaths.forEach((p, j) => {
        const marked = rows[j].boxes.filter((b) => b.lines.join(' ').includes('GAP'));
        expect({ path: p.id, marked: marked.length > 0 }).toEqual({ path: p.id, marked: p.gap !== undefined });
        for (const box of marked) {
          expect(otherStrokes.has(box.stroke)).toBe(false);
          expect(box.title).toContain(p.gap);
        }
      });
      expect(page.stacks[i].gapRows).toHaveLength(stack.gaps.length);
      stack.gaps.forEach((gap, j) => {
        expect(page.stacks[i].gapRows[j]).toContain('GAP');
        expect(page.stacks[i].gapRows[j]).toContain(gap.message);
      });
    });
  });

  test('names with markup are shown as text', () => {
    const names = MODEL.stacks.flatMap((s) => s.functions.map((f) => f.name)).filter((n) => /[<&"]/.test(n));
    for (const name of names) {
      expect(page.text).toContain(name);
    }
    expect(names.length > 0).toBe(assembly === undefined); // the fixture has such names, the example app none
  });

  test('every function of the templates is in the report (the example app)', () => {
    if (assembly === undefined) {
      return expect(MODEL.stacks.length).toBeGreaterThan(0);
    }
    const inReport = MODEL.stacks.flatMap((s) => s.functions.map((f) => f.path)).sort();
    expect(inReport).toEqual(functionsInTemplates(assembly));
    expect(inReport.length).toBeGreaterThan(20);
    expect(MODEL.summary.eventPaths).toBeGreaterThan(10);
  });

  test('the text is readable at the default size: body >= 14 px, all text >= 12 px, contrast >= 4.5:1', () => {
    expect(page.bodyFontSize).toBeGreaterThanOrEqual(14);
    expect(page.texts.length).toBeGreaterThan(100);
    const small = page.texts.filter((t) => t.fontSize < 12);
    const faint = page.texts.filter((t) => contrast(t.color, t.background) < 4.5);
    const describe = (t: TextFact) => `${t.text} (${t.fontSize}px, ${t.color} on ${t.background})`;
    expect(small.map(describe)).toEqual([]);
    expect(faint.map(describe)).toEqual([]);
    expect(page.texts.some((t) => t.svg)).toBe(true);
  });

  test(`nothing reaches past the page at ${VIEWPORT_WIDTH} px`, () => {
    expect(page.viewportWidth).toBe(VIEWPORT_WIDTH);
    expect(page.scrollWidth).toBeLessThanOrEqual(VIEWPORT_WIDTH);
    expect(page.overflowing).toEqual([]);
  });

  test('a printout shows what the collapsed lists hold', async () => {
    const printed = await printedDetailItems(htmlFile);
    expect(printed.total).toBeGreaterThan(0);
    expect(printed.shown).toBe(printed.total);
  }, BROWSER_TIMEOUT);

  test('writeScreenshot writes the top 1280 x 1600 px of the report as a PNG', async () => {
    const png = path.join(dir, 'report.png');
    await writeScreenshot(htmlFile, png);
    const bytes = fs.readFileSync(png);
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1280, 1600]);
  }, BROWSER_TIMEOUT);
});
