import { cell, escapeHtml, pathHtml, table, textHtml } from './html';
import { StackReport } from './report-model';

/**
 * The alarms of a stack: what each watches, its condition and threshold, its kind and whether it notifies
 * anyone (an alarm without an action is marked, not hidden).
 *
 * @internal
 */
export function renderAlarmTable(stack: StackReport): string {
  const rows = stack.alarms.map((alarm) => [
    pathHtml(alarm.path),
    textHtml(alarm.watches),
    textHtml(alarm.condition),
    cell(alarm.threshold),
    escapeHtml(alarm.kind),
    alarm.notifies ? 'yes' : '<span class="gap">no action</span>',
  ]);
  return table('alarms', `Alarms (${stack.alarms.length})`, ['Alarm', 'Watches', 'Condition', 'Threshold', 'Kind', 'Notifies'], rows, 'none in this stack');
}
