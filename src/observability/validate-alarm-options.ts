import { ALARM_DEFAULTS } from './alarm-defaults';
import { FunctionAlarmsOptions } from './alarm-options';
import { resolveAlarmSettings } from './alarm-settings';
import { Validator } from '../validation/validator';

/**
 * Validates every alarm of `options` (including the dead-letter queue's age alarm) into `v`, naming
 * each problem by the path the user wrote (`alarms.deadLetterQueueAge.threshold`), before any alarm
 * or queue is created.
 *
 * @internal
 */
export function validateAlarmOptions(
  v: Validator, prefix: string, options: FunctionAlarmsOptions | undefined, provisionedConcurrency: boolean,
): void {
  if (options?.enabled === false) {
    return;
  }
  const o = options ?? {};
  for (const key of ['errors', 'throttles', 'duration', 'asyncEventsDropped', 'deliveryFailures', 'recursiveInvocationsDropped', 'iteratorAge', 'eventSourceFailures', 'deadLetterQueueAge'] as const) {
    resolveAlarmSettings(v, `${prefix}.${key}`, o[key], ALARM_DEFAULTS[key]);
  }
  if (provisionedConcurrency) {
    for (const key of ['provisionedConcurrencySpillover', 'provisionedConcurrencyUtilization'] as const) {
      resolveAlarmSettings(v, `${prefix}.${key}`, o[key], ALARM_DEFAULTS[key]);
    }
  }
}
