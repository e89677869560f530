/**
 * Escaping and the small building blocks of the report page. Every text that comes from the model goes
 * through `escapeHtml` (construct paths, reasons and messages can hold `<`, `&` and quotes); the blocks
 * below take HTML that is already escaped.
 */

const ENTITIES: { readonly [c: string]: string } = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The text, safe in element content and in quoted attribute values. @internal */
export function escapeHtml(text: string | number | boolean): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Marks where a line may break, before escaping (escaping never produces it). */
const BREAK = '\u0000';

/**
 * The text escaped, with line breaks (`<wbr>`) allowed inside long unbroken runs (hashes, ARNs, logical ids,
 * construct paths): after `/ : . , = _ -` and at least every 20 characters. Without them one long run
 * would widen its table past the page.
 *
 * @internal
 */
export function textHtml(text: string | number): string {
  const marked = String(text).replace(/\u0000/g, '').replace(/\S{25,}/g, (run) => run
    .replace(/([/:.,=_-])/g, `$1${BREAK}`)
    .replace(/[^\u0000]{20}(?=[^\u0000])/g, (chunk) => chunk + BREAK));
  return escapeHtml(marked).split(BREAK).join('<wbr>');
}

/** A stable anchor id of one stack: its position and artifact id, reduced to id-safe characters. @internal */
export function stackAnchor(index: number, stackId: string): string {
  return `stack-${index + 1}-${stackId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** A stable anchor id of one section of a stack. @internal */
export function sectionAnchor(stackAnchorId: string, section: string): string {
  return `${stackAnchorId}-${section}`;
}

/** A cell of a table, escaped; a missing value shows as an en dash. @internal */
export function cell(value: string | number | undefined): string {
  return value === undefined || value === '' ? '<span class="none">–</span>' : textHtml(value);
}

/**
 * A table with a caption: `headers` are plain text, `rows` are cells of escaped HTML. An empty table is
 * replaced by `empty` (plain text), so a reader sees "none" rather than a bare header row.
 *
 * @internal
 */
export function table(kind: string, caption: string, headers: string[], rows: string[][], empty: string, widths?: number[]): string {
  if (rows.length === 0) {
    return `<p class="empty" data-report="${escapeHtml(kind)}">${escapeHtml(caption)}: ${escapeHtml(empty)}</p>`;
  }
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return [
    `<table data-report="${escapeHtml(kind)}">`,
    `<caption>${escapeHtml(caption)}</caption>`,
    colgroup(widths),
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    '</table>',
  ].join('\n');
}

/** A construct path (or ARN) in monospace, with a line break allowed after each `/`. @internal */
export function pathHtml(path: string): string {
  return `<span class="path">${textHtml(path)}</span>`;
}

/** Column widths in percent, for tables whose long free text would otherwise squeeze the paths. @internal */
export function colgroup(widths: number[] | undefined): string {
  return widths === undefined ? '' : `<colgroup>${widths.map((w) => `<col style="width: ${w}%">`).join('')}</colgroup>`;
}

/** A list of construct paths as `<ul>`, or an en dash when empty. @internal */
export function list(items: string[]): string {
  if (items.length === 0) {
    return cell(undefined);
  }
  return `<ul class="plain">${items.map((i) => `<li>${pathHtml(i)}</li>`).join('')}</ul>`;
}

/** A construct path without the stack's own prefix (`Stack/Api/Handler` -> `Api/Handler`), for people. @internal */
export function shortPath(stackName: string, path: string): string {
  return path.startsWith(`${stackName}/`) ? path.slice(stackName.length + 1) : path;
}

/**
 * The text cut to `max` characters, keeping its end (the most specific part of a construct path) behind
 * an ellipsis; the cut falls on a `/` when that keeps at least half of what fits.
 *
 * @internal
 */
export function truncateStart(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  const tail = text.slice(text.length - (max - 1));
  const slash = tail.indexOf('/');
  return slash >= 0 && tail.length - slash >= max / 2 ? `…${tail.slice(slash)}` : `…${tail}`;
}

/**
 * A US dollar amount: cents for amounts of a cent or more, five significant digits below (unit rates
 * such as a GB-second of provisioned concurrency). No locale: the same text on every machine.
 *
 * @internal
 */
export function usd(amount: number): string {
  if (amount !== 0 && Math.abs(amount) < 0.01) {
    return `$${Number(amount.toPrecision(5)).toString()}`;
  }
  const [whole, cents] = Math.abs(amount).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 ? '-' : ''}$${grouped}.${cents}`;
}

/** An integer with thousands separators (`10,512,000`), the same on every machine. @internal */
export function integer(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1 function`, `2 functions`. @internal */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
