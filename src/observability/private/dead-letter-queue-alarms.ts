import { isCombinable } from './combined-alarm';
import { AlarmOptions, FunctionAlarmsOptions } from '../alarm-options';

/** The age-of-oldest-message settings of a dead-letter queue, from the function's alarm options. @internal */
export function deadLetterQueueAgeOptions(options: FunctionAlarmsOptions | undefined): AlarmOptions {
  if (options?.enabled === false) {
    return { enabled: false };
  }
  // The combined alarm watches the age when its settings were left alone.
  if (deadLetterQueueJoinsCombined(options) && combinesDlqAge(options ?? {})) {
    return { enabled: false };
  }
  return options?.deadLetterQueueAge ?? {};
}

/**
 * Whether the function's combined alarm watches its library-created dead-letter queue (its depth
 * always, its age unless tuned), so that the queue creates no alarms of its own for them.
 *
 * @internal
 */
export function deadLetterQueueJoinsCombined(options: FunctionAlarmsOptions | undefined): boolean {
  return options?.enabled !== false && options?.combined !== false;
}

/**
 * Whether the combined alarm watches the dead-letter queue's age (its settings left combinable).
 *
 * @internal
 */
export function combinesDlqAge(o: FunctionAlarmsOptions): boolean {
  return o.combined !== false && o.deadLetterQueueAge?.enabled !== false && isCombinable(o.deadLetterQueueAge);
}
