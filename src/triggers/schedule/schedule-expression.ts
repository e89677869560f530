import { Token } from 'aws-cdk-lib';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';

const CRON_DOC = 'https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#cron-based';
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface CronField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** Names accepted for the values (JAN=1, SUN=1). */
  readonly names?: string[];
  /** Whether `?` is allowed. */
  readonly question?: boolean;
}

const FIELDS: CronField[] = [
  { name: 'minutes', min: 0, max: 59 },
  { name: 'hours', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31, question: true },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day-of-week', min: 1, max: 7, names: DAYS, question: true },
  { name: 'year', min: 1970, max: 2199 },
];

/**
 * Checks an EventBridge Scheduler expression (`cron`, `rate` or `at`) and records every problem.
 * Unresolved tokens are skipped.
 *
 * @internal
 */
export function validateScheduleExpression(v: Validator, property: string, expression: string): void {
  if (Token.isUnresolved(expression)) {
    return;
  }
  const cron = /^cron\((.*)\)$/.exec(expression);
  const rate = /^rate\((.*)\)$/.exec(expression);
  const at = /^at\((.*)\)$/.exec(expression);
  if (cron) {
    validateCron(v, property, expression, cron[1]);
  } else if (rate) {
    validateRate(v, property, expression, rate[1]);
  } else if (at) {
    v.failIf(!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(at[1].trim()), {
      code: ErrorCodes.LBP_SCHEDULE_AT,
      property,
      value: `"${expression}"`,
      limit: 'a one-time schedule must be at(yyyy-mm-ddThh:mm:ss), in the schedule\'s time zone',
      fix: 'write e.g. at(2027-01-31T09:00:00)',
    });
  } else {
    v.fail({
      code: ErrorCodes.LBP_SCHEDULE_EXPRESSION,
      property,
      value: `"${expression}"`,
      limit: 'a schedule expression is cron(...), rate(...) or at(...)',
      fix: 'use TriggerSchedule.cron(\'cron(0 2 ? * MON-FRI *)\'), TriggerSchedule.rate(Duration.minutes(5)) or an at(yyyy-mm-ddThh:mm:ss) expression',
    });
  }
}

function validateRate(v: Validator, property: string, expression: string, body: string): void {
  const m = /^\s*(\S+)\s+(\S+)\s*$/.exec(body);
  const problem = (limit: string, fix: string) => v.fail({ code: ErrorCodes.LBP_SCHEDULE_RATE, property, value: `"${expression}"`, limit, fix });
  if (!m) {
    problem('a rate expression is rate(value unit), e.g. rate(5 minutes)', 'write rate(<positive whole number> <minute|minutes|hour|hours|day|days>)');
    return;
  }
  const [, valueText, unit] = m;
  if (!/^\d+$/.test(valueText) || Number(valueText) < 1) {
    problem('the value of a rate must be a positive whole number', 'use a whole number of at least 1 (e.g. rate(5 minutes)), or TriggerSchedule.rate(Duration.minutes(n))');
    return;
  }
  const value = Number(valueText);
  const singular = ['minute', 'hour', 'day'];
  const plural = ['minutes', 'hours', 'days'];
  if (![...singular, ...plural].includes(unit)) {
    problem(
      `the unit must be minute(s), hour(s) or day(s)${/^seconds?$/.test(unit) ? ' (schedules cannot fire more often than once a minute)' : ''}`,
      'use a whole number of minutes, hours or days (e.g. rate(5 minutes))',
    );
  } else if (value === 1 && plural.includes(unit)) {
    problem('a rate of 1 takes the singular unit', `write rate(1 ${unit.slice(0, -1)})`);
  } else if (value > 1 && singular.includes(unit)) {
    problem('a rate above 1 takes the plural unit', `write rate(${value} ${unit}s)`);
  }
}

function validateCron(v: Validator, property: string, expression: string, body: string): void {
  const fields = body.trim().split(/\s+/).filter((f) => f.length > 0);
  if (fields.length !== 6) {
    v.fail({
      code: ErrorCodes.LBP_SCHEDULE_CRON,
      property,
      value: `"${expression}"`,
      limit: `a cron expression has 6 fields (minutes hours day-of-month month day-of-week year), this one has ${fields.length} (see ${CRON_DOC})`,
      fix: fields.length === 5
        ? `write cron(${fromUnixCron(fields).join(' ')} *): EventBridge cron has a year field, exactly one of day-of-month and day-of-week is ?, ` +
          'and days of the week are numbered 1=SUN to 7=SAT (Unix cron: 0=SUN, 1=MON), so they are written as names here'
        : 'write cron(minutes hours day-of-month month day-of-week year), e.g. cron(0 2 ? * MON-FRI *)',
    });
    return;
  }
  FIELDS.forEach((field, i) => {
    const error = checkField(field, fields[i]);
    v.failIf(error !== undefined, {
      code: ErrorCodes.LBP_SCHEDULE_CRON,
      property,
      value: `"${expression}"`,
      limit: `its ${field.name} field "${fields[i]}" ${error} (${field.name} takes ${describe(field)})`,
      fix: `correct the ${field.name} field (see ${CRON_DOC})`,
    });
  });
  const dom = fields[2];
  const dow = fields[4];
  const never = neverFires(fields);
  v.failIf(never !== undefined, {
    code: ErrorCodes.LBP_SCHEDULE_CRON,
    property,
    value: `"${expression}"`,
    limit: `it never fires: ${never}`,
    fix: 'pick days that exist in the chosen months, or use L for the last day of the month (e.g. cron(0 0 L 2 ? *))',
  });
  const questions = [dom, dow].filter((f) => f === '?').length;
  v.failIf(questions !== 1, {
    code: ErrorCodes.LBP_SCHEDULE_CRON_DAY,
    property,
    value: `"${expression}"`,
    limit: questions === 0
      ? 'exactly one of day-of-month and day-of-week must be ?; both are set'
      : 'exactly one of day-of-month and day-of-week must be ?; both are ?',
    fix: questions === 0
      ? `use ? in the field you do not restrict, e.g. cron(${fields[0]} ${fields[1]} ? ${fields[3]} ${dow} ${fields[5]}) for days of the week, or cron(${fields[0]} ${fields[1]} ${dom} ${fields[3]} ? ${fields[5]}) for days of the month`
      : `set one of them, e.g. cron(${fields[0]} ${fields[1]} * ${fields[3]} ? ${fields[5]}) for every day`,
  });
}

/**
 * The EventBridge form of a 5-field (Unix-style) cron: exactly one day field is `?`, and the
 * day-of-week numbers (Unix: 0 or 7 = Sunday, 1 = Monday) become names, since EventBridge numbers
 * them 1 = Sunday to 7 = Saturday (`1-5` is MON-FRI, not SUN-THU).
 */
function fromUnixCron(fields: string[]): string[] {
  const [min, hour, dom, month, dow] = fields;
  const days = dow === '*' || dow === '?' ? dow : unixDaysToNames(dow);
  if (dom !== '?' && days !== '?') {
    return days === '*' ? [min, hour, dom, month, '?'] : [min, hour, '?', month, days];
  }
  return [min, hour, dom, month, days];
}

const UNIX_DAY = (n: number) => DAYS[n % 7];

function unixDaysToNames(field: string): string {
  return field.split(',').map((item) => {
    const [base, step] = item.split('/');
    const range = base.split('-');
    if (!range.every((r) => /^\d$/.test(r) && Number(r) <= 7)) {
      return item; // names, *, or something the checks will name anyway
    }
    const [from, to] = range.map(Number);
    if (range.length === 1) {
      return `${UNIX_DAY(from)}${step ? `/${step}` : ''}`;
    }
    if (from <= to && !(to === 7 && from > 0) && !step) {
      return `${UNIX_DAY(from)}-${UNIX_DAY(to)}`;
    }
    // A range through Sunday (e.g. 5-7) or with a step: list the days.
    const list: string[] = [];
    for (let d = from; d <= to; d += step ? Number(step) : 1) {
      list.push(UNIX_DAY(d));
    }
    return [...new Set(list)].join(',');
  }).join(',');
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Why a cron never fires, when its day-of-month values do not exist in any of its months (e.g. 30 or
 * 31 in February, 31 in April). Undefined when it fires, or when the fields use specials.
 */
function neverFires(fields: string[]): string | undefined {
  const days = expand(fields[2], 1, 31);
  const months = expand(fields[3], 1, 12, MONTHS);
  if (!days || !months || days.length === 0 || months.length === 0) {
    return undefined;
  }
  const fires = months.some((m) => days.some((d) => d <= DAYS_IN_MONTH[m - 1]));
  if (fires) {
    return undefined;
  }
  return `day ${days.join(', ')} of ${months.map((m) => MONTHS[m - 1]).join(', ')} does not exist`;
}

/** The values of a plain field (numbers, names, ranges, steps, *), or undefined for specials. */
function expand(field: string, min: number, max: number, names?: string[]): number[] | undefined {
  const out = new Set<number>();
  const value = (t: string) => (/^\d+$/.test(t) ? Number(t) : names ? names.indexOf(t.toUpperCase()) + 1 : NaN);
  for (const item of field.split(',')) {
    const [base, stepText] = item.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let from: number;
    let to: number;
    if (base === '*') {
      [from, to] = [min, max];
    } else {
      const range = base.split('-');
      if (range.length > 2) {
        return undefined;
      }
      from = value(range[0]);
      to = range.length === 2 ? value(range[1]) : stepText === undefined ? from : max;
    }
    if (![from, to, step].every((n) => Number.isInteger(n) && n >= 1) || from < min || to > max) {
      return undefined;
    }
    for (let n = from; n <= to; n += step) {
      out.add(n);
    }
  }
  return [...out].sort((a, b) => a - b);
}

function describe(field: CronField): string {
  const names = field.names ? ` or ${field.names[0]}-${field.names[field.names.length - 1]}` : '';
  const extra = field.name === 'day-of-month' ? ', L, W' : field.name === 'day-of-week' ? ', L, #' : '';
  return `${field.min}-${field.max}${names}, with , - * /${field.question ? ' ?' : ''}${extra}`;
}

/** Returns why a field is invalid, or undefined. */
function checkField(field: CronField, text: string): string | undefined {
  if (text === '?') {
    return field.question ? undefined : 'cannot be ?';
  }
  for (const item of text.split(',')) {
    const error = checkItem(field, item);
    if (error) {
      return error;
    }
  }
  return undefined;
}

function checkItem(field: CronField, item: string): string | undefined {
  if (item.length === 0) {
    return 'has an empty list item';
  }
  // Day-of-month specials: L (last day), L-n, nW (nearest weekday), LW.
  if (field.name === 'day-of-month' && /^(L|LW|L-\d{1,2}|\d{1,2}W)$/.test(item)) {
    const n = /\d+/.exec(item);
    return n && (Number(n[0]) < 1 || Number(n[0]) > 31) ? 'has a day outside 1-31' : undefined;
  }
  // Day-of-week specials: nL (last such weekday of the month), n#k (k-th such weekday).
  if (field.name === 'day-of-week') {
    const special = /^([A-Za-z]{3}|\d)(L|#([1-5]))$/.exec(item);
    if (special) {
      return valueOf(field, special[1]) === undefined ? `has an unknown day "${special[1]}"` : undefined;
    }
    if (item === 'L') {
      return undefined;
    }
  }
  const [base, step, ...rest] = item.split('/');
  if (rest.length > 0) {
    return 'has more than one /';
  }
  if (step !== undefined && (!/^\d+$/.test(step) || Number(step) < 1)) {
    return `has an increment "/${step}" that is not a positive whole number`;
  }
  if (base === '*') {
    return undefined;
  }
  const range = base.split('-');
  if (range.length > 2) {
    return `has a malformed range "${base}"`;
  }
  const values = range.map((r) => valueOf(field, r));
  const bad = range.find((_r, i) => values[i] === undefined);
  if (bad !== undefined) {
    return `has a value "${bad}" outside ${field.min}-${field.max}`;
  }
  return undefined;
}

function valueOf(field: CronField, text: string): number | undefined {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= field.min && n <= field.max ? n : undefined;
  }
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  return index >= 0 ? index + 1 : undefined;
}
