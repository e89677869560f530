import { escapeHtml, shortPath, truncateStart } from './html';
import { EndpointReport, EventPathReport, FunctionReport, StackReport } from './report-model';

/**
 * The diagram of a stack's event paths: an inline SVG laid out here, one row per path (source -> function
 * -> failure sink -> the alarms on the sink), then one row per function no path reaches. A gap is a red,
 * dashed box with the text `GAP` (never colour alone); a path wired by hand is labelled `hand-wired` on its
 * first arrow. Long names are cut at the start in the box; the full name is the box's `<title>` and is in
 * the event paths table under the diagram.
 */

/** The columns, left to right, in SVG units (the diagram is drawn at 1 unit = 1 CSS pixel). */
const COLUMNS = {
  source: { x: 0, w: 240 },
  function: { x: 330, w: 240 },
  sink: { x: 640, w: 240 },
  alarm: { x: 930, w: 210 },
} as const;
const WIDTH = 1140;
const HEADER = 28;
const BOX_H = 52;
const ALARM_H = 40;
const ALARM_GAP = 6;
const ROW_GAP = 18;
/** Width of a character of the bold 13 px name line (wide ones included), for cutting names to their box. */
const CHAR_W = 8.8;
/** The same for the regular 13 px line of alarm boxes. */
const CHAR_W_REGULAR = 8;

type Column = keyof typeof COLUMNS;
type Style = 'source' | 'function' | 'sink' | 'alarm' | 'gap' | 'neutral';

const FILLS: { readonly [s in Style]: { fill: string; stroke: string; text: string; dash?: string } } = {
  source: { fill: '#e8f1fb', stroke: '#1f3a5f', text: '#1a1a1a' },
  function: { fill: '#e6f4ea', stroke: '#1e4d2b', text: '#1a1a1a' },
  sink: { fill: '#f1ecf9', stroke: '#3f2a66', text: '#1a1a1a' },
  alarm: { fill: '#fff4dc', stroke: '#6b4700', text: '#1a1a1a' },
  gap: { fill: '#fff1f0', stroke: '#b3261e', text: '#8c1d18', dash: '6 4' },
  neutral: { fill: '#f4f4f4', stroke: '#5f5f5f', text: '#1a1a1a', dash: '4 4' },
};

interface Box {
  readonly column: Column;
  readonly style: Style;
  /** The small first line (what it is); absent on alarm boxes. */
  readonly kind?: string;
  readonly label: string;
  /** The full text behind the label (the `<title>`). */
  readonly title: string;
}

interface Row {
  readonly boxes: Box[];
  readonly invocation?: string;
  readonly handWired: boolean;
  readonly pathId?: string;
}

/** A name as a box shows it: without the stack's prefix and the `/Resource` of L1 resources. */
function displayLabel(stackName: string, name: string): string {
  return shortPath(stackName, name).replace(/\/Resource$/, '');
}

function maxChars(column: Column, bold = true): number {
  return Math.floor((COLUMNS[column].w - 16) / (bold ? CHAR_W : CHAR_W_REGULAR));
}

function boxSvg(box: Box, y: number, h: number): string {
  const { x, w } = COLUMNS[box.column];
  const s = FILLS[box.style];
  const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : '';
  const shown = truncateStart(box.label, maxChars(box.column, box.kind !== undefined));
  const lines = box.kind === undefined
    ? [`<text x="${x + 8}" y="${y + h / 2 + 5}" font-size="13" fill="${s.text}">${escapeHtml(shown)}</text>`]
    : [
      `<text x="${x + 8}" y="${y + 19}" font-size="12" fill="${s.text}">${escapeHtml(truncateStart(box.kind, maxChars(box.column) + 4))}</text>`,
      `<text x="${x + 8}" y="${y + 39}" font-size="13" font-weight="600" fill="${s.text}">${escapeHtml(shown)}</text>`,
    ];
  return [
    `<g class="box" data-role="${box.style}">`,
    `<title>${escapeHtml(box.title)}</title>`,
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6" fill="${s.fill}" stroke="${s.stroke}" stroke-width="1.5"${dash}/>`,
    ...lines,
    '</g>',
  ].join('');
}

function arrowSvg(from: Column, to: Column, y: number, marker: string, labels: { above?: string; below?: string }): string {
  const x1 = COLUMNS[from].x + COLUMNS[from].w;
  const x2 = COLUMNS[to].x - 2;
  const mid = (x1 + x2) / 2;
  const parts = [`<line x1="${x1}" y1="${y}" x2="${x2}" y2="${y}" stroke="#1a1a1a" stroke-width="1.5" marker-end="url(#${marker})"/>`];
  if (labels.above) {
    parts.push(`<text x="${mid}" y="${y - 7}" font-size="12" text-anchor="middle" fill="#1a1a1a">${escapeHtml(labels.above)}</text>`);
  }
  if (labels.below) {
    parts.push(`<text x="${mid}" y="${y + 18}" font-size="12" font-weight="600" text-anchor="middle" fill="#5c3b00">${escapeHtml(labels.below)}</text>`);
  }
  return parts.join('');
}

function endpointBox(column: Column, endpoint: EndpointReport, role: string, stackName: string): Box {
  return {
    column,
    style: column === 'source' ? 'source' : 'sink',
    kind: role ? `${endpoint.kind} · ${role}` : endpoint.kind,
    label: displayLabel(stackName, endpoint.name),
    title: `${endpoint.kind}: ${endpoint.name}`,
  };
}

function functionBox(fn: FunctionReport | undefined, functionId: string, stackName: string): Box {
  const name = fn ? fn.name : functionId;
  return {
    column: 'function',
    style: 'function',
    kind: fn ? `Lambda function · ${fn.blueprint ? 'blueprint' : 'plain'}` : 'Lambda function',
    label: displayLabel(stackName, name),
    title: name,
  };
}

function gapBox(column: Column, what: string, message: string): Box {
  // Alarm boxes have one line: the marker goes in front of the text there.
  return column === 'alarm'
    ? { column, style: 'gap', label: `⚠ GAP: ${what}`, title: `Gap: ${message}` }
    : { column, style: 'gap', kind: '⚠ GAP', label: what, title: `Gap: ${message}` };
}

/** The boxes right of the function on one path: its sink (or the gap or the caller), then the sink's alarms. */
function sinkSide(path: EventPathReport, stackName: string): Box[] {
  const boxes: Box[] = [];
  if (path.failureSink) {
    boxes.push(endpointBox('sink', path.failureSink, 'failure sink', stackName));
  } else if (path.gap) {
    return [gapBox('sink', 'no failure sink', path.gap)];
  } else {
    const note = path.note ?? 'failed requests go back to the caller';
    boxes.push({ column: 'sink', style: 'neutral', kind: 'no failure sink', label: 'returns to the caller', title: note });
  }
  for (const alarm of path.sinkAlarms) {
    boxes.push({ column: 'alarm', style: 'alarm', label: displayLabel(stackName, alarm), title: `alarm: ${alarm}` });
  }
  if (path.gap) {
    boxes.push(gapBox('alarm', path.sinkAlarms.length === 0 ? 'sink not alarmed' : 'see the gaps list', path.gap));
  }
  return boxes;
}

function rowsOf(stack: StackReport): Row[] {
  const byId = new Map(stack.functions.map((f) => [f.id, f]));
  const rows: Row[] = stack.eventPaths.map((path) => ({
    boxes: [
      endpointBox('source', path.source, '', stack.displayName),
      functionBox(byId.get(path.functionId), path.functionId, stack.displayName),
      ...sinkSide(path, stack.displayName),
    ],
    invocation: path.invocation,
    handWired: !path.byLibrary,
    pathId: path.id,
  }));
  const reached = new Set(stack.eventPaths.map((p) => p.functionId));
  for (const fn of stack.functions.filter((f) => !reached.has(f.id))) {
    const none: Box = { column: 'source', style: 'neutral', kind: 'no event path', label: 'no event source found', title: 'No event source in the templates invokes this function' };
    const sink = fn.asyncFailureSink ? [endpointBox('sink', fn.asyncFailureSink, 'async failure sink', stack.displayName)] : [];
    rows.push({ boxes: [none, functionBox(fn, fn.id, stack.displayName), ...sink], handWired: false });
  }
  return rows;
}

function rowHeight(row: Row): number {
  const alarms = row.boxes.filter((b) => b.column === 'alarm').length;
  return Math.max(BOX_H, alarms * (ALARM_H + ALARM_GAP) - ALARM_GAP);
}

function rowSvg(row: Row, top: number, marker: string): string {
  const h = rowHeight(row);
  const mid = top + h / 2;
  const parts: string[] = [];
  let alarmY = top + (h - (row.boxes.filter((b) => b.column === 'alarm').length * (ALARM_H + ALARM_GAP) - ALARM_GAP)) / 2;
  for (const box of row.boxes) {
    if (box.column === 'alarm') {
      parts.push(boxSvg(box, alarmY, ALARM_H));
      parts.push(arrowSvg('sink', 'alarm', alarmY + ALARM_H / 2, marker, {}));
      alarmY += ALARM_H + ALARM_GAP;
    } else {
      parts.push(boxSvg(box, mid - BOX_H / 2, BOX_H));
    }
  }
  const has = (c: Column) => row.boxes.some((b) => b.column === c && b.style !== 'neutral');
  if (has('source')) {
    parts.splice(1, 0, arrowSvg('source', 'function', mid, marker, { above: row.invocation, below: row.handWired ? 'hand-wired' : undefined }));
  }
  if (row.boxes.some((b) => b.column === 'sink')) {
    parts.push(arrowSvg('function', 'sink', mid, marker, {}));
  }
  const id = row.pathId === undefined ? '' : ` data-path-id="${escapeHtml(row.pathId)}"`;
  return `<g data-report="${row.pathId === undefined ? 'function-row' : 'path-row'}"${id}>${parts.join('')}</g>`;
}

function headerSvg(): string {
  const titles: [Column, string][] = [['source', 'Event source'], ['function', 'Function'], ['sink', 'Failure sink'], ['alarm', 'Alarms on the sink']];
  return titles.map(([c, t]) => `<text x="${COLUMNS[c].x}" y="16" font-size="14" font-weight="600" fill="#1a1a1a">${t}</text>`).join('');
}

/**
 * The `<svg>` diagram of a stack's event paths (and of its functions no path reaches), or `undefined` when
 * the stack has no function.
 *
 * @param anchor the stack's anchor id, which keeps the arrow marker's id unique in the page
 * @internal
 */
export function renderDiagram(stack: StackReport, anchor: string): string | undefined {
  const rows = rowsOf(stack);
  if (rows.length === 0) {
    return undefined;
  }
  const marker = `${anchor}-arrow`;
  const drawn: string[] = [];
  let top = HEADER + 8;
  for (const row of rows) {
    drawn.push(rowSvg(row, top, marker));
    top += rowHeight(row) + ROW_GAP;
  }
  const height = top;
  return [
    `<svg class="diagram" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${anchor}-diagram-title">`,
    `<title id="${anchor}-diagram-title">Event paths of ${escapeHtml(stack.displayName)}</title>`,
    `<defs><marker id="${marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#1a1a1a"/></marker></defs>`,
    headerSvg(),
    ...drawn,
    '</svg>',
  ].join('\n');
}
