import { Duration } from 'aws-cdk-lib';
import { functionStack } from './fixtures';
import { Trigger, TriggerSchedule } from '../../src';

function bind(schedule: TriggerSchedule): void {
  const { fn } = functionStack();
  fn.addTrigger(Trigger.schedule(schedule));
}
const expr = (e: string) => () => bind(TriggerSchedule.expression(e));

describe('TriggerSchedule values', () => {
  test('cron() adds the cron(...) wrapper when missing and keeps it when present', () => {
    expect(TriggerSchedule.cron('0 2 ? * MON-FRI *').expressionString).toBe('cron(0 2 ? * MON-FRI *)');
    expect(TriggerSchedule.cron('cron(0 2 ? * MON-FRI *)').expressionString).toBe('cron(0 2 ? * MON-FRI *)');
  });

  test('rate() uses the largest whole unit, singular for 1', () => {
    expect(TriggerSchedule.rate(Duration.minutes(1)).expressionString).toBe('rate(1 minute)');
    expect(TriggerSchedule.rate(Duration.minutes(5)).expressionString).toBe('rate(5 minutes)');
    expect(TriggerSchedule.rate(Duration.minutes(90)).expressionString).toBe('rate(90 minutes)');
    expect(TriggerSchedule.rate(Duration.hours(2)).expressionString).toBe('rate(2 hours)');
    expect(TriggerSchedule.rate(Duration.hours(24)).expressionString).toBe('rate(1 day)');
    expect(TriggerSchedule.rate(Duration.days(7)).expressionString).toBe('rate(7 days)');
  });

  test('rate() below a minute or not in whole minutes fails at synth with the fix', () => {
    expect(() => bind(TriggerSchedule.rate(Duration.seconds(30)))).toThrow(/LBP_SCHEDULE_RATE.*minute/);
    expect(() => bind(TriggerSchedule.rate(Duration.seconds(90)))).toThrow(/LBP_SCHEDULE_RATE/);
  });
});

describe('values of the wrong type (JavaScript and Python callers)', () => {
  test.each([
    ['cron of a number', () => TriggerSchedule.cron(5 as unknown as string), /TriggerSchedule\.cron was given a number/],
    ['cron of undefined', () => TriggerSchedule.cron(undefined as unknown as string), /TriggerSchedule\.cron was given undefined/],
    ['rate of a number', () => TriggerSchedule.rate(5 as unknown as Duration), /TriggerSchedule\.rate was given a number/],
    ['expression of an object', () => TriggerSchedule.expression({} as unknown as string), /TriggerSchedule\.expression was given an object/],
  ])('%s: the factory does not throw; the trigger reports LBP_PROP_TYPE', (_name, make, message) => {
    const schedule = make();
    expect(() => bind(schedule)).toThrow(/LBP_PROP_TYPE/);
    expect(() => bind(schedule)).toThrow(message);
  });

  test('a string where a TriggerSchedule is expected is LBP_PROP_TYPE, and nothing is left behind', () => {
    const { fn } = functionStack();
    const before = fn.node.findAll().length;
    expect(() => fn.addTrigger(Trigger.schedule('rate(5 minutes)' as unknown as TriggerSchedule))).toThrow(/LBP_PROP_TYPE.*schedule.*string where a TriggerSchedule is expected/);
    expect(fn.node.findAll().length).toBe(before);
  });
});

describe('cron expressions', () => {
  test.each([
    'cron(0 2 ? * MON-FRI *)', // reference workload 4
    'cron(0/15 * * * ? *)',
    'cron(0 12 L * ? *)',
    'cron(0 8 15W * ? *)',
    'cron(0 9 ? * 2#1 *)',
    'cron(0 18 ? * 6L 2027)',
    'cron(0 0 1 JAN,JUL ? 1970-2199)',
    'cron(59 23 31 12 ? 2199)',
    'cron(0 0 ? * 1-7 *)',
    'cron(5,35 14 * * ? *)',
  ])('%s passes', (e) => {
    expect(expr(e)).not.toThrow();
  });

  test('five fields fail with a fix that adds the year', () => {
    expect(expr('cron(0 2 ? * MON-FRI)')).toThrow(/LBP_SCHEDULE_CRON.*6 fields.*this one has 5.*write cron\(0 2 \? \* MON-FRI \*\)/);
  });

  test.each([
    ['cron(60 2 ? * MON-FRI *)', 'minutes'],
    ['cron(0 24 ? * MON-FRI *)', 'hours'],
    ['cron(0 2 32 * ? *)', 'day-of-month'],
    ['cron(0 2 0 * ? *)', 'day-of-month'],
    ['cron(0 2 ? 13 MON *)', 'month'],
    ['cron(0 2 ? FOO MON *)', 'month'],
    ['cron(0 2 ? * 8 *)', 'day-of-week'],
    ['cron(0 2 ? * MON-FUN *)', 'day-of-week'],
    ['cron(0 2 ? * MON 1969)', 'year'],
    ['cron(0 2 ? * MON 2200)', 'year'],
    ['cron(0/0 2 ? * MON *)', 'minutes'],
    ['cron(? 2 1 * ? *)', 'minutes'],
  ])('%s fails on its %s field', (e, field) => {
    expect(expr(e)).toThrow(new RegExp(`LBP_SCHEDULE_CRON.*its ${field} field`));
  });

  test('both day fields set fails with LBP_SCHEDULE_CRON_DAY and a corrected expression', () => {
    expect(expr('cron(0 2 * * MON-FRI *)')).toThrow(/LBP_SCHEDULE_CRON_DAY.*both are set.*cron\(0 2 \? \* MON-FRI \*\)/);
  });

  test('both day fields ? fails with LBP_SCHEDULE_CRON_DAY', () => {
    expect(expr('cron(0 2 ? * ? *)')).toThrow(/LBP_SCHEDULE_CRON_DAY.*both are \?/);
  });

  test('every problem is reported at once', () => {
    expect(expr('cron(61 25 * * MON *)')).toThrow(/3 problems[\s\S]*minutes[\s\S]*hours[\s\S]*LBP_SCHEDULE_CRON_DAY/);
  });
});

describe('rate and at expressions', () => {
  test.each(['rate(1 minute)', 'rate(5 minutes)', 'rate(1 hour)', 'rate(12 hours)', 'rate(1 day)', 'rate(30 days)'])('%s passes', (e) => {
    expect(expr(e)).not.toThrow();
  });

  test('rate(1 minutes) needs the singular unit', () => {
    expect(expr('rate(1 minutes)')).toThrow(/LBP_SCHEDULE_RATE.*singular.*rate\(1 minute\)/);
  });

  test('rate(5 minute) needs the plural unit', () => {
    expect(expr('rate(5 minute)')).toThrow(/LBP_SCHEDULE_RATE.*plural.*rate\(5 minutes\)/);
  });

  test.each(['rate(0 minutes)', 'rate(-1 minutes)', 'rate(1.5 hours)', 'rate(30 seconds)', 'rate(5 weeks)', 'rate(5)'])('%s fails', (e) => {
    expect(expr(e)).toThrow(/LBP_SCHEDULE_RATE/);
  });

  test('at(...) takes yyyy-mm-ddThh:mm:ss', () => {
    expect(expr('at(2027-01-31T09:00:00)')).not.toThrow();
    expect(expr('at(tomorrow)')).toThrow(/LBP_SCHEDULE_AT/);
  });

  test('anything else fails with LBP_SCHEDULE_EXPRESSION', () => {
    expect(expr('every weekday at 2')).toThrow(/LBP_SCHEDULE_EXPRESSION.*TriggerSchedule.cron/);
  });
});
