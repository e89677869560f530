import { escapeHtml, plural, stackAnchor, usd } from './html';
import { ReportModel } from './report-model';

interface Stat {
  readonly label: string;
  readonly value: string;
  /** Shown as a problem (red frame) when the number is not zero. */
  readonly alert?: boolean;
}

function stats(model: ReportModel): Stat[] {
  const s = model.summary;
  return [
    { label: 'Stacks', value: String(s.stacks) },
    { label: 'Functions', value: String(s.functions) },
    { label: 'Event paths', value: String(s.eventPaths) },
    { label: 'Gaps', value: String(s.gaps), alert: s.gaps > 0 },
    { label: 'Unacknowledged findings', value: String(s.unacknowledgedFindings), alert: s.unacknowledgedFindings > 0 },
    { label: 'Library acknowledgements', value: String(s.libraryAcknowledgements) },
    { label: 'User decisions', value: String(s.userDecisions) },
    { label: 'Alarms', value: String(s.alarms) },
    { label: 'Idle cost a month (verified rates)', value: usd(s.monthlyUsd) },
    { label: 'Unverified a month (in no total)', value: usd(s.unverifiedMonthlyUsd) },
    { label: 'Stacks without a cost report', value: String(s.stacksWithoutCost) },
  ];
}

/**
 * The numbers at the top of the page, as a description list (label, then number), the problems framed in
 * red and named in words.
 *
 * @internal
 */
export function renderSummary(model: ReportModel): string {
  const items = stats(model).map((stat) => {
    const cls = stat.alert ? ' class="alert"' : '';
    return `<div${cls}><dt>${escapeHtml(stat.label)}</dt><dd>${escapeHtml(stat.value)}</dd></div>`;
  });
  return `<section aria-labelledby="summary"><h2 id="summary">Summary</h2>\n<dl class="summary" data-report="summary">\n${items.join('\n')}\n</dl></section>`;
}

/** The table of contents: one link per stack, with its counts of functions, paths and gaps. @internal */
export function renderContents(model: ReportModel): string {
  const items = model.stacks.map((stack, i) => {
    const counts = [
      plural(stack.functions.length, 'function'),
      plural(stack.eventPaths.length, 'event path'),
      plural(stack.gaps.length, 'gap'),
    ].join(', ');
    return `<li><a href="#${stackAnchor(i, stack.id)}">${escapeHtml(stack.displayName)}</a> <span class="muted">(${escapeHtml(counts)})</span></li>`;
  });
  const body = items.length === 0 ? '<p class="empty">No stack in this cloud assembly.</p>' : `<ul>\n${items.join('\n')}\n</ul>`;
  return `<nav aria-labelledby="contents" data-report="contents"><h2 id="contents">Stacks</h2>\n${body}</nav>`;
}
