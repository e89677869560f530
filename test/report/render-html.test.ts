import * as fs from 'fs';
import * as path from 'path';
import { escapeHtml, integer, textHtml, truncateStart, usd } from '../../src/report/private/html';
import { renderReportHtml } from '../../src/report/private/render-html';
import { ReportModel, StackReport } from '../../src/report/private/report-model';

/**
 * The HTML text of the report: well formed, self-contained, every model text escaped, acknowledgements
 * grouped by reason. What it looks like in a browser is test/report/browser.test.ts.
 */

const MODEL: ReportModel = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'report-model.json'), 'utf8'));
const HTML = renderReportHtml(MODEL);
const VOID = new Set(['meta', 'wbr', 'col', 'br', 'img', 'input', 'link', 'hr']);

/** The report's HTML without its stylesheet (CSS is checked apart). */
function markup(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
}

/** Open elements left, or the first misnested close tag: `[]` for a well-formed page. */
function unbalanced(html: string): string[] {
  const open: string[] = [];
  for (const [tag, close, name] of [...markup(html).matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>/g)]) {
    if (VOID.has(name) || tag.endsWith('/>')) {
      continue;
    }
    if (close === '') {
      open.push(name);
    } else if (open.pop() !== name) {
      return [`misnested ${tag}`];
    }
  }
  return open;
}

/** Every string of the model, with where it is. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.flatMap(strings);
  }
  return value !== null && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
}

function emptyStack(over: Partial<StackReport> = {}): StackReport {
  return {
    id: 'Empty',
    displayName: 'Empty',
    environment: 'unknown-account/unknown-region',
    templates: [],
    resources: 0,
    functions: [],
    eventPaths: [],
    alarms: [],
    acknowledgements: [],
    userDecisions: [],
    nagPacks: [],
    gaps: [],
    warnings: [],
    ...over,
  };
}

test('the same model gives the same bytes', () => {
  expect(renderReportHtml(JSON.parse(JSON.stringify(MODEL)))).toBe(HTML);
});

test('the page is one well-formed HTML5 document', () => {
  expect(HTML.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
  expect(unbalanced(HTML)).toEqual([]);
  const ids = [...HTML.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  expect(new Set(ids).size).toBe(ids.length);
});

test('every text of the model is in the page escaped, and none of its markup is', () => {
  const text = HTML.replace(/<wbr>/g, '');
  const marked = strings(MODEL).filter((s) => /[<>&"']/.test(s));
  expect(marked.length).toBeGreaterThan(5);
  for (const s of marked) {
    expect({ s, escaped: text.includes(escapeHtml(s)) }).toEqual({ s, escaped: true });
  }
  expect(HTML).not.toMatch(/<script/i);
  expect(HTML).toContain('Importer&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
});

test('the page loads nothing: no script, no external resource, links only to its anchors and the price sources', () => {
  const page = markup(HTML);
  expect(page).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
  expect(page).not.toMatch(/\s(src|srcset|action|formaction|xlink:href)=/i);
  const css = HTML.match(/<style>([\s\S]*?)<\/style>/)![1];
  expect(css).not.toMatch(/@import|url\(/);
  const ids = new Set([...HTML.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
  const sources = new Set(MODEL.stacks.flatMap((s) => s.cost?.rates.map((r) => r.url) ?? []));
  const hrefs = [...page.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) {
    expect({ href, known: href.startsWith('#') ? ids.has(href.slice(1)) : sources.has(href) }).toEqual({ href, known: true });
  }
  expect([...page.matchAll(/url\(#([^)]+)\)/g)].every((m) => ids.has(m[1]))).toBe(true);
});

test('acknowledgements that share a reason are one row, with their count and every resource', () => {
  const stack = MODEL.stacks[0];
  const table = HTML.match(/<table data-report="acknowledgements">[\s\S]*?<\/table>/)![0];
  const reasons = new Set(stack.acknowledgements.map((a) => a.reason));
  expect(table.match(/<tr>/g)).toHaveLength(reasons.size + 1);
  const top = [...reasons].map((r) => stack.acknowledgements.filter((a) => a.reason === r)).sort((a, b) => b.length - a.length)[0];
  expect(top.length).toBeGreaterThan(20);
  const row = table.split('<tr>').find((r) => r.replace(/<wbr>/g, '').includes(escapeHtml(top[0].reason)))!;
  expect(row).toContain(`<td>${top.length}</td>`);
  expect(row).toContain(`<summary>${top.length} resources</summary>`);
  for (const ack of top) {
    expect(row.replace(/<wbr>/g, '')).toContain(escapeHtml(ack.path));
  }
});

test('user decisions are grouped by decision and reason', () => {
  const table = HTML.match(/<table data-report="user-decisions">[\s\S]*?<\/table>/)![0];
  const groups = new Set(MODEL.stacks[0].userDecisions.map((d) => `${d.decision} ${d.reason}`));
  expect(table.match(/<tr>/g)).toHaveLength(groups.size + 1);
  expect(table).toContain(`<td>${MODEL.stacks[0].userDecisions.length}</td>`);
});

test('a stack without functions or cost, and an empty assembly, still render', () => {
  const summary = { ...MODEL.summary, stacks: 1, functions: 0, eventPaths: 0, gaps: 0 };
  const one = renderReportHtml({ ...MODEL, summary, stacks: [emptyStack()] });
  expect(unbalanced(one)).toEqual([]);
  expect(one).toContain('No Lambda function in this stack: nothing to draw.');
  expect(one).toContain('No cost report for this stack');
  expect(one).not.toContain('<svg');
  const none = renderReportHtml({ ...MODEL, stacks: [] });
  expect(none).toContain('No stack in this cloud assembly.');
});

test('a path to a function the stack does not list is drawn with the id it names', () => {
  const stack = emptyStack({
    eventPaths: [{
      id: 'Empty/Rule/Resource',
      source: { kind: 'EventBridge rule', name: 'Empty/Rule/Resource' },
      invocation: 'asynchronous',
      functionId: 'Other/Fn/Resource',
      wiredBy: 'Empty/Rule/Resource',
      byLibrary: false,
      sinkAlarms: [],
      gap: 'no sink',
    }],
  });
  const html = renderReportHtml({ ...MODEL, stacks: [stack] });
  expect(unbalanced(html)).toEqual([]);
  expect(html).toContain('<title>Other/Fn/Resource</title>');
  expect(html).toContain('<title>Gap: no sink</title>');
});

test('helpers: escaping, line breaks in long runs, cutting names at the start, amounts', () => {
  expect(escapeHtml('<a href="x">&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
  expect(truncateStart('Stack/Very/Long/Path/Function', 12)).toBe('…/Function');
  expect(truncateStart('abcdefghijklmnop', 6)).toBe('…lmnop');
  expect(truncateStart('short', 6)).toBe('short');
  expect([usd(0), usd(47.2), usd(1234567.891), usd(0.0000041667), usd(-2)]).toEqual(['$0.00', '$47.20', '$1,234,567.89', '$0.0000041667', '-$2.00']);
  expect(integer(10512000)).toBe('10,512,000');
  expect(textHtml('a <b> c')).toBe('a &lt;b&gt; c');
  expect(textHtml('asset.4f2b0c7d8e9a1b2c3d4e5f60718293a4b5/x&y')).toBe('asset.<wbr>4f2b0c7d8e9a1b2c3d4e<wbr>5f60718293a4b5/<wbr>x&amp;y');
});
