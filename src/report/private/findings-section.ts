import { cell, escapeHtml, pathHtml, plural, table, textHtml } from './html';
import { AcknowledgementReport, MessageReport, StackReport } from './report-model';

/** Acknowledgements that share a reason (and decision): one row, however many resources and rules. */
interface ReasonGroup {
  readonly decision?: string;
  readonly reason: string;
  readonly rules: string[];
  readonly paths: string[];
  readonly count: number;
}

function groupByReason(acks: AcknowledgementReport[]): ReasonGroup[] {
  const groups = new Map<string, { decision?: string; reason: string; rules: Set<string>; paths: Set<string>; count: number }>();
  for (const ack of acks) {
    const key = `${ack.decision ?? ''}\u0000${ack.reason}`;
    const group = groups.get(key) ?? { decision: ack.decision, reason: ack.reason, rules: new Set(), paths: new Set(), count: 0 };
    group.rules.add(ack.ruleId.startsWith(`${ack.pack}-`) || ack.pack === 'other' ? ack.ruleId : `${ack.pack}: ${ack.ruleId}`);
    group.paths.add(ack.path);
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => ({ decision: g.decision, reason: g.reason, rules: [...g.rules].sort(), paths: [...g.paths].sort(), count: g.count }))
    .sort((a, b) => b.count - a.count || (a.decision ?? '').localeCompare(b.decision ?? '') || a.reason.localeCompare(b.reason));
}

function resourcesCell(paths: string[]): string {
  const items = paths.map((p) => `<li>${pathHtml(p)}</li>`).join('');
  return `<details><summary>${escapeHtml(plural(paths.length, 'resource'))}</summary><ul class="plain">${items}</ul></details>`;
}

function rulesCell(rules: string[]): string {
  return rules.map((r) => `<code>${escapeHtml(r)}</code>`).join(', ');
}

/**
 * The library's acknowledgements of a stack, one row per reason (with the rules, how many acknowledgements
 * and the resources, collapsed), so that one reason repeated on 78 resources is one row.
 *
 * @internal
 */
export function renderAcknowledgements(stack: StackReport): string {
  const rows = groupByReason(stack.acknowledgements).map((g) => [textHtml(g.reason), rulesCell(g.rules), String(g.count), resourcesCell(g.paths)]);
  const caption = `Acknowledged by the library (${stack.acknowledgements.length}, ${plural(rows.length, 'reason')})`;
  return table('acknowledgements', caption, ['Reason', 'Rules', 'Count', 'Resources'], rows, 'none');
}

/** The user's decisions of a stack, one row per decision and reason. @internal */
export function renderUserDecisions(stack: StackReport): string {
  const rows = groupByReason(stack.userDecisions)
    .map((g) => [cell(g.decision), textHtml(g.reason), rulesCell(g.rules), String(g.count), resourcesCell(g.paths)]);
  const caption = `User decisions (${stack.userDecisions.length}, ${plural(rows.length, 'reason')})`;
  return table('user-decisions', caption, ['Decision', 'Reason', 'Rules', 'Count', 'Resources'], rows, 'none');
}

function messageRows(messages: MessageReport[]): string[][] {
  return messages.map((m) => [textHtml(m.level), cell(m.id), pathHtml(m.path), textHtml(m.message)]);
}

/**
 * cdk-nag per pack: whether it ran at this synth, its findings no acknowledgement covers (listed), and how
 * many of its rules the library and the user acknowledged.
 *
 * @internal
 */
export function renderNagPacks(stack: StackReport): string {
  const rows = stack.nagPacks.map((pack) => [
    escapeHtml(pack.pack),
    pack.ran ? 'ran' : 'did not run at this synth',
    pack.unacknowledged.length === 0 ? '0' : `<span class="gap">${pack.unacknowledged.length}</span>`,
    String(pack.acknowledgedByLibrary),
    String(pack.acknowledgedByUser),
  ]);
  const packs = table('nag-packs', 'cdk-nag packs', ['Pack', 'Ran', 'Unacknowledged findings', 'Acknowledged by the library', 'Acknowledged by the user'], rows, 'no pack ran or acknowledged a rule');
  const findings = stack.nagPacks.flatMap((pack) => pack.unacknowledged.map((m) => [escapeHtml(pack.pack), ...messageRows([m])[0]]));
  const listed = findings.length === 0 ? '' : table('findings', `Unacknowledged findings (${findings.length})`, ['Pack', 'Level', 'Rule', 'Resource', 'Finding'], findings, 'none');
  return [packs, listed].filter((s) => s !== '').join('\n');
}

/** The warnings recorded at synth, other than cdk-nag findings and gaps. @internal */
export function renderWarnings(stack: StackReport): string {
  return table('warnings', `Warnings (${stack.warnings.length})`, ['Level', 'Id', 'Where', 'Message'], messageRows(stack.warnings), 'none');
}

/**
 * The gaps of a stack: each with a visible `GAP` marker, the path it is on and a link to its row in the
 * diagram's table when the report draws it.
 *
 * @internal
 */
export function renderGaps(stack: StackReport, eventPathsAnchor: string): string {
  const rows = stack.gaps.map((gap) => [
    '<span class="gap">⚠ GAP</span>',
    pathHtml(gap.path),
    textHtml(gap.message),
    gap.eventPathId === undefined ? '<span class="none">not drawn</span>' : `<a href="#${eventPathsAnchor}">event paths</a>`,
  ]);
  return table('gaps', `Gaps (${stack.gaps.length})`, ['Gap', 'Where', 'What is lost or not watched', 'Drawn in'], rows, 'none: every event path has a failure sink with an alarm');
}
