import { Duration, Token } from 'aws-cdk-lib';
import { validateScheduleExpression } from './schedule-expression';
import { type ScheduleTriggerOptions } from './schedule-trigger';
import { type TriggerSchedule } from './trigger-schedule';
import { checkLength, checkName, NAME_RULES } from '../../validation/aws-names';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';
import { checkTargetFailureHandling, RetryPolicy } from '../private/retry-policy';

/** What the schedule checks resolved. @internal */
export interface ResolvedScheduleOptions {
  readonly expression: string;
  readonly timeZone: string;
  readonly windowMinutes: number | undefined;
  readonly input: string | undefined;
  readonly retry: RetryPolicy;
}

/**
 * The checks of a schedule and its {@link ScheduleTriggerOptions}, which need no function: run by the
 * trigger when it is added and by `ScheduledJob` before it creates anything. Returns the values they
 * resolved.
 *
 * @internal
 */
export function validateScheduleTriggerOptions(v: Validator, when: TriggerSchedule, opts: ScheduleTriggerOptions): ResolvedScheduleOptions {
  const notASchedule = typeof when !== 'object' || when === null || typeof when.expressionString !== 'string';
  const expression = notASchedule ? '' : when.expressionString;
  const typeProblem = notASchedule ? `${when === null ? 'null' : typeof when} where a TriggerSchedule is expected` : when._typeProblem;
  if (typeProblem !== undefined) {
    v.fail({
      code: ErrorCodes.LBP_PROP_TYPE,
      property: 'schedule',
      value: typeProblem,
      limit: 'a schedule is built from a string (cron, expression) or a Duration (rate)',
      fix: "pass TriggerSchedule.cron('cron(0 2 ? * MON-FRI *)'), TriggerSchedule.rate(Duration.minutes(5)) or TriggerSchedule.expression('at(2027-01-01T09:00:00)')",
    });
  } else {
    validateScheduleExpression(v, 'schedule', expression);
  }
  const timeZone = opts.timeZone ?? 'UTC';
  v.failIf(!Token.isUnresolved(timeZone) && !isTimeZone(timeZone), {
    code: ErrorCodes.LBP_SCHEDULE_TIME_ZONE,
    property: 'timeZone',
    value: `"${timeZone}"`,
    limit: 'it must be an IANA time zone name',
    fix: 'use a name such as UTC, Europe/Paris or America/New_York',
  });
  const windowMinutes = opts.flexibleTimeWindow && !opts.flexibleTimeWindow.isUnresolved()
    ? opts.flexibleTimeWindow.toSeconds({ integral: false }) / 60
    : undefined;
  v.range(ErrorCodes.LBP_SCHEDULE_FLEXIBLE_WINDOW, 'flexibleTimeWindow', windowMinutes, 1, 1440, {
    unit: 'minutes',
    integer: true,
    source: 'EventBridge Scheduler flexible time window',
    fix: 'set flexibleTimeWindow to whole minutes between Duration.minutes(1) and Duration.hours(24), or leave it unset',
  });
  const input = opts.input !== undefined ? JSON.stringify(opts.input) : undefined;
  v.failIf(input !== undefined && !Token.isUnresolved(input) && input.length > 8192, {
    code: ErrorCodes.LBP_SCHEDULE_INPUT,
    property: 'input',
    value: `${input?.length} characters`,
    limit: 'Scheduler accepts at most 8,192 characters of input',
    fix: 'pass a smaller event (e.g. an identifier the function looks up)',
  });
  const retry = checkTargetFailureHandling(v, 'EventBridge Scheduler', opts, { retryAttempts: 10, maxEventAge: Duration.hours(1) });
  checkName(v, ErrorCodes.LBP_SCHEDULE_NAME, 'groupName', opts.groupName, NAME_RULES.scheduleGroup);
  checkLength(v, ErrorCodes.LBP_SCHEDULE_NAME, 'description', opts.description, 512, 'EventBridge Scheduler CreateSchedule');
  return { expression, timeZone, windowMinutes, input, retry };
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
