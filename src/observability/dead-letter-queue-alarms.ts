import { AlarmOptions, FunctionAlarmsOptions } from './alarm-options';
import { isCombinable } from './private/combined-alarm';

/**
 * Who watches a function's dead-letter queue: the one decision the function, its alarms and the queue
 * all read.
 *
 * @internal
 */
export interface DeadLetterQueueWatch {
  /** The function's combined alarm watches the queue's depth (the queue creates no depth alarm). */
  readonly byFunctionAlarms: boolean;
  /** The combined alarm watches the age of the queue's oldest message too (its settings left combinable). */
  readonly ageByFunctionAlarms: boolean;
  /** The age alarm the queue itself creates (`enabled: false` when none). */
  readonly queueAgeAlarm: AlarmOptions;
}

/**
 * Who watches a function's dead-letter queue, from its alarm options: the combined alarm watches a
 * library-created queue's depth (and its age, unless tuned) unless `alarms.combined` or
 * `alarms.enabled` is false; the queue's own alarms cover the rest. A queue the user gave is the
 * user's to watch.
 *
 * @internal
 */
export function deadLetterQueueWatch(options: FunctionAlarmsOptions | undefined, userQueue: boolean): DeadLetterQueueWatch {
  const o = options ?? {};
  const byFunctionAlarms = !userQueue && o.enabled !== false && o.combined !== false;
  const ageByFunctionAlarms = byFunctionAlarms && o.deadLetterQueueAge?.enabled !== false && isCombinable(o.deadLetterQueueAge);
  return {
    byFunctionAlarms,
    ageByFunctionAlarms,
    queueAgeAlarm: o.enabled === false || ageByFunctionAlarms ? { enabled: false } : o.deadLetterQueueAge ?? {},
  };
}
