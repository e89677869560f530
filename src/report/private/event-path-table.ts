import { endpointText } from './function-table';
import { colgroup, escapeHtml, list, pathHtml, shortPath, textHtml } from './html';
import { StackReport } from './report-model';

/**
 * The event paths of a stack as text, the same facts the diagram draws with every name in full: source,
 * how it invokes, the function, the failure sink and its alarms, and the gap or note. A gap row is marked
 * with the word `GAP` as well as its colour.
 *
 * @internal
 */
export function renderEventPathTable(stack: StackReport): string {
  const names = new Map(stack.functions.map((f) => [f.id, f.name]));
  const rows = stack.eventPaths.map((path) => {
    const wired = path.byLibrary ? '' : ' <span class="tag">hand-wired</span>';
    const gapOrNote = path.gap
      ? `<span class="gap">⚠ GAP:</span> ${textHtml(path.gap)}`
      : path.note ? textHtml(path.note) : '<span class="none">–</span>';
    return [
      endpointText(path.source),
      `${escapeHtml(path.invocation)}${wired}`,
      pathHtml(names.get(path.functionId) ?? path.functionId),
      path.failureSink ? endpointText(path.failureSink) : '<span class="none">none</span>',
      list(path.sinkAlarms.map((a) => shortPath(stack.displayName, a))),
      gapOrNote,
      pathHtml(path.wiredBy),
    ];
  });
  const headers = ['Source', 'Invocation', 'Function', 'Failure sink', 'Alarms on the sink', 'Gap or note', 'Wired by'];
  return table(stack, rows, headers);
}

function table(stack: StackReport, rows: string[][], headers: string[]): string {
  if (rows.length === 0) {
    return '<p class="empty" data-report="event-paths">Event paths: none found in the templates.</p>';
  }
  const body = rows.map((r, i) => {
    const gap = stack.eventPaths[i].gap ? ' class="gap-row"' : '';
    return `<tr${gap}>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  });
  return [
    '<table data-report="event-paths" class="fixed">',
    `<caption>Event paths (${rows.length})</caption>`,
    colgroup([16, 10, 14, 17, 13, 18, 12]),
    `<thead><tr>${headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>\n${body.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}
