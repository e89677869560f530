import { renderAlarmTable } from './alarm-table';
import { renderCost } from './cost-section';
import { renderDiagram } from './diagram-svg';
import { renderEventPathTable } from './event-path-table';
import { renderAcknowledgements, renderGaps, renderNagPacks, renderUserDecisions, renderWarnings } from './findings-section';
import { renderFunctionTable } from './function-table';
import { escapeHtml, sectionAnchor, stackAnchor } from './html';
import { StackReport } from './report-model';

function heading(anchor: string, section: string, title: string): string {
  return `<h3 id="${sectionAnchor(anchor, section)}">${escapeHtml(title)}</h3>`;
}

function facts(stack: StackReport): string {
  const templates = stack.templates.map((t) => `<code>${escapeHtml(t)}</code>`).join(', ');
  return [
    '<p class="lead">',
    `Artifact <code>${escapeHtml(stack.id)}</code> in <code>${escapeHtml(stack.environment)}</code>; `,
    `${stack.resources} resources in ${templates || 'no template'}.`,
    '</p>',
  ].join('');
}

function diagram(stack: StackReport, anchor: string): string {
  const svg = renderDiagram(stack, anchor);
  if (svg === undefined) {
    return '<p class="empty">No Lambda function in this stack: nothing to draw.</p>';
  }
  const legend = [
    '<p class="legend">',
    '<span><span class="swatch"></span>resource</span>',
    '<span><span class="swatch gap"></span>⚠ GAP: failed events are lost or not watched</span>',
    '<span><strong>hand-wired</strong>: wired with aws-cdk-lib, not by a trigger of the library</span>',
    '</p>',
  ].join('');
  return `<figure>${svg}<figcaption>Each row is one event path: source, function, failure sink, the alarms on the sink. Full names are in the table below.</figcaption></figure>\n${legend}`;
}

/**
 * One stack: its facts, the functions, the diagram of its event paths with the same facts as a table, its
 * alarms, the gaps, cdk-nag per pack, the acknowledgements and decisions with their reasons, the warnings
 * and the idle cost.
 *
 * @internal
 */
export function renderStack(stack: StackReport, index: number): string {
  const anchor = stackAnchor(index, stack.id);
  const eventPaths = sectionAnchor(anchor, 'event-paths');
  return [
    `<section aria-labelledby="${anchor}" data-report="stack">`,
    `<h2 id="${anchor}">${escapeHtml(stack.displayName)}</h2>`,
    facts(stack),
    renderFunctionTable(stack),
    heading(anchor, 'event-paths', 'Event paths'),
    diagram(stack, anchor),
    renderEventPathTable(stack),
    renderGaps(stack, eventPaths),
    renderAlarmTable(stack),
    heading(anchor, 'cdk-nag', 'cdk-nag'),
    renderNagPacks(stack),
    heading(anchor, 'acknowledgements', 'Acknowledgements and decisions'),
    renderAcknowledgements(stack),
    renderUserDecisions(stack),
    renderWarnings(stack),
    heading(anchor, 'cost', 'Idle cost'),
    renderCost(stack),
    '</section>',
  ].join('\n');
}
