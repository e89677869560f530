import { Duration, Token } from 'aws-cdk-lib';

/**
 * When a scheduled trigger fires: a `cron(...)`, `rate(...)` or one-time `at(...)` expression of
 * EventBridge Scheduler. Every expression is checked at synth (fields, ranges, units), so a typo fails
 * `cdk synth` with the fix instead of `cdk deploy`.
 *
 * @exampleMetadata fixture=api
 * @example
 * TriggerSchedule.cron('cron(0 2 ? * MON-FRI *)'); // weekdays at 02:00
 * TriggerSchedule.rate(Duration.minutes(5));       // rate(5 minutes)
 */
export class TriggerSchedule {
  /**
   * A cron expression: `cron(minutes hours day-of-month month day-of-week year)`, six fields, exactly
   * one of day-of-month and day-of-week being `?`. The surrounding `cron(...)` may be omitted.
   *
   * @param expression e.g. `cron(0 2 ? * MON-FRI *)` or `0 2 ? * MON-FRI *`
   */
  public static cron(expression: string): TriggerSchedule {
    if (typeof expression !== 'string') {
      return TriggerSchedule.wrongType('TriggerSchedule.cron', 'a cron expression string', expression);
    }
    const trimmed = expression.trim();
    return new TriggerSchedule(trimmed.startsWith('cron(') || Token.isUnresolved(trimmed) ? trimmed : `cron(${trimmed})`);
  }

  /**
   * A fixed rate, expressed in the largest whole unit (days, hours or minutes) that divides it:
   * `Duration.minutes(90)` becomes `rate(90 minutes)`, `Duration.hours(24)` becomes `rate(1 day)`.
   * The rate must be a whole number of minutes, at least one.
   *
   * @param interval how often the trigger fires
   */
  public static rate(interval: Duration): TriggerSchedule {
    if (!(interval instanceof Duration)) {
      return TriggerSchedule.wrongType('TriggerSchedule.rate', 'a Duration (e.g. Duration.minutes(5))', interval);
    }
    if (interval.isUnresolved()) {
      return new TriggerSchedule(`rate(${interval.toMinutes()} minutes)`);
    }
    const seconds = interval.toSeconds({ integral: false });
    const units: Array<[number, string]> = [[86400, 'day'], [3600, 'hour'], [60, 'minute']];
    for (const [size, unit] of units) {
      if (seconds >= size && seconds % size === 0) {
        const value = seconds / size;
        return new TriggerSchedule(`rate(${value} ${unit}${value === 1 ? '' : 's'})`);
      }
    }
    // Not a whole number of minutes: kept as is, so validation names the problem and the fix.
    return new TriggerSchedule(`rate(${seconds} seconds)`);
  }

  /**
   * A raw expression, as EventBridge Scheduler takes it: `cron(...)`, `rate(...)` or
   * `at(yyyy-mm-ddThh:mm:ss)`. Validated at synth like the others.
   *
   * @param expression the expression
   */
  public static expression(expression: string): TriggerSchedule {
    if (typeof expression !== 'string') {
      return TriggerSchedule.wrongType('TriggerSchedule.expression', 'an expression string', expression);
    }
    return new TriggerSchedule(expression.trim());
  }

  /**
   * A schedule made from a value of the wrong type (from JavaScript or Python): the factories never
   * throw, the trigger that uses it reports a coded error naming its construct.
   */
  private static wrongType(factory: string, expected: string, value: unknown): TriggerSchedule {
    const kind = typeof value;
    const shown = value === null ? 'null' : value === undefined ? 'undefined' : `${kind === 'object' ? 'an' : 'a'} ${kind}`;
    return new TriggerSchedule('', `${factory} was given ${shown}; it takes ${expected}`);
  }

  /** The expression string, e.g. `cron(0 2 ? * MON-FRI *)`. */
  public readonly expressionString: string;

  /**
   * Why the schedule cannot be used, when a factory was given a value of the wrong type.
   *
   * @internal
   */
  public readonly _typeProblem?: string;

  private constructor(expressionString: string, typeProblem?: string) {
    this.expressionString = expressionString;
    this._typeProblem = typeProblem;
  }
}
