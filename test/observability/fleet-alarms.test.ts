import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Blueprints, BlueprintStack, FunctionCode, FunctionGroup, MonitoringMode, ServerlessFunction } from '../../src';
import { FleetAlarms } from '../../src/observability/fleet/fleet-alarms';
import { FLEET_SIGNALS, fleetQueryParts, MAX_EXPRESSION_LENGTH, MAX_SERIES_PER_QUERY, memberFits } from '../../src/observability/fleet/fleet-signals';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, TEST_ENV } from '../helpers/template';

const code = FunctionCode.fromAsset(HANDLER_DIR);

/** A stack in fleet mode with `n` default functions (their ids Fn0...), plus any extra ones. */
function fleetStack(n: number, extra: (s: Stack) => void = () => undefined) {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-')) });
  const stack = new BlueprintStack(app, 'Shop', { env: TEST_ENV, nagPacks: [], dashboard: false, monitoring: MonitoringMode.FLEET });
  const fns = Array.from({ length: n }, (_, i) => new ServerlessFunction(stack, `Fn${i}`, { code }));
  extra(stack);
  return { app, stack, fns };
}

type Template = { Resources: Record<string, any> };
const templateOf = (stack: Stack): Template => stack.resolve((stack as any)._toCloudFormation());

/** The fleet alarms of a template with their resolved query parts. */
function fleetAlarms(t: Template) {
  return Object.entries(t.Resources).filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm' && JSON.stringify(r.Properties.Metrics ?? '').includes('SELECT'))
    .map(([id, r]) => {
      const expression = r.Properties.Metrics[0].Expression;
      const parts: unknown[] = typeof expression === 'string' ? [expression] : expression['Fn::Join'][1];
      return { id, props: r.Properties, parts, text: parts.filter((p) => typeof p === 'string').join('') };
    });
}

/** A failure of each signal: the metric a failing function publishes and a value it takes. */
const FAILURES: Record<string, { metric: string; value: (timeoutMs: number) => number; member: 'function' | 'queue' }> = {
  Errors: { metric: 'SUM(Errors)', value: () => 1, member: 'function' },
  Throttles: { metric: 'SUM(Throttles)', value: () => 1, member: 'function' },
  Duration: { metric: 'MAX(Duration)', value: (timeout) => timeout, member: 'function' },
  AsyncEventsDropped: { metric: 'SUM(AsyncEventsDropped)', value: () => 1, member: 'function' },
  DeadLetterErrors: { metric: 'SUM(DeadLetterErrors)', value: () => 1, member: 'function' },
  DestinationDeliveryFailures: { metric: 'SUM(DestinationDeliveryFailures)', value: () => 1, member: 'function' },
  RecursiveInvocationsDropped: { metric: 'SUM(RecursiveInvocationsDropped)', value: () => 1, member: 'function' },
  DeadLetterQueueDepth: { metric: 'MAX(ApproximateNumberOfMessagesVisible)', value: () => 1, member: 'queue' },
  // A failed event left in the queue 13 days (SQS deletes it after 14).
  DeadLetterQueueAge: { metric: 'MAX(ApproximateAgeOfOldestMessage)', value: () => 13 * 86_400, member: 'queue' },
};

describe('fleet mode: a failure of any one function reaches the topic, for every signal', () => {
  const { stack, fns } = fleetStack(4, (s) => {
    new ServerlessFunction(s, 'Slow', { code, timeout: Duration.minutes(5) });
  });
  const all = [...fns, stack.node.findChild('Slow') as ServerlessFunction];
  const t = templateOf(stack);
  const alarms = fleetAlarms(t);
  const topic = { Ref: stack.resolve((stack.node.findChild('BlueprintAlarmTopic') as any).node.defaultChild.logicalId) };

  test('every signal the per-function alarm watches has a fleet alarm, and no function has an alarm of its own', () => {
    expect(Object.keys(FAILURES).sort()).toEqual(FLEET_SIGNALS.map((s) => s.id).sort());
    for (const fn of all) {
      expect(fn.alarms.fleetSignals.sort()).toEqual(Object.keys(FAILURES).sort());
      expect(fn.alarms.all).toEqual([]);
      expect(fn.deadLetterQueueAlarm).toBeUndefined();
    }
    expect(Object.values(t.Resources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm')).toHaveLength(alarms.length);
  });

  for (const [signal, failure] of Object.entries(FAILURES)) {
    test(`${signal}: each function's query names it, the threshold fires on its failure, the topic is notified`, () => {
      for (const fn of all) {
        const name = failure.member === 'function'
          ? stack.resolve(fn.unqualifiedFunction.functionName)
          : stack.resolve(fn.deadLetterQueue.queueName);
        const timeoutMs = fn.timeout.toMilliseconds();
        const watching = alarms.filter((a) => a.text.startsWith(`SELECT ${failure.metric} FROM`) &&
          a.parts.some((p) => JSON.stringify(p) === JSON.stringify(name)));
        expect(watching).toHaveLength(1);
        const [{ props, text }] = watching;
        const nameDimension = failure.member === 'function' ? 'FunctionName' : 'QueueName';
        // One contributor per function (or queue): the query groups by the dimension its WHERE lists.
        expect(text).toMatch(new RegExp(`WHERE ${nameDimension} IN \\('.*'\\) GROUP BY ${nameDimension}`));
        expect(props.ComparisonOperator).toBe('GreaterThanOrEqualToThreshold');
        expect(failure.value(timeoutMs)).toBeGreaterThanOrEqual(props.Threshold);
        expect(props.EvaluationPeriods).toBe(1);
        expect(props.DatapointsToAlarm).toBe(1);
        expect(props.Metrics[0].Period).toBe(300);
        expect(props.AlarmActions).toContainEqual(topic);
      }
    });
  }

  test('duration: one alarm per timeout, at 80 % of it', () => {
    const duration = alarms.filter((a) => a.text.startsWith('SELECT MAX(Duration)'));
    expect(duration.map((a) => a.props.Threshold).sort((a, b) => a - b)).toEqual([24_000, 240_000]);
  });

  test('no unacknowledged cdk-nag finding', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

test('the stack\'s dashboard shows the fleet alarms\' states', () => {
  const app = new App();
  const stack = new BlueprintStack(app, 'S', { env: TEST_ENV, nagPacks: [], monitoring: MonitoringMode.FLEET });
  new ServerlessFunction(stack, 'Fn', { code });
  const assembly = app.synth();
  const resources = Object.entries<any>(assembly.getStackByName('S').template.Resources);
  const fleetIds = resources.filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm').map(([id]) => id);
  const [[, dashboard]] = resources.filter(([, r]) => r.Type === 'AWS::CloudWatch::Dashboard');
  const body = JSON.stringify(dashboard.Properties.DashboardBody);
  expect(body).toContain('Fleet alarms (one contributor per function)');
  expect(fleetIds).toHaveLength(FLEET_SIGNALS.length);
  for (const id of fleetIds) {
    expect(body).toContain(`"Fn::GetAtt":["${id}","Arn"]`);
  }
});

describe('what stays per function in fleet mode', () => {
  test('a tuned signal keeps its own alarm; the rest join the fleet', () => {
    const { stack } = fleetStack(0, (s) => {
      new ServerlessFunction(s, 'Tuned', { code, alarms: { errors: { threshold: 5 }, throttles: { period: Duration.minutes(1) } } });
    });
    const fn = stack.node.findChild('Tuned') as ServerlessFunction;
    expect(fn.alarms.fleetSignals).not.toContain('Errors');
    expect(fn.alarms.fleetSignals).not.toContain('Throttles');
    expect(fn.alarms.fleetSignals).toContain('Duration');
    expect(fn.alarms.throttles).toBeDefined();
    const combined = JSON.stringify(stack.resolve((fn.alarms.combined!.node.defaultChild as any)._toCloudFormation()));
    expect(combined).toContain('>= 5');
    expect(fleetAlarms(templateOf(stack)).some((a) => a.text.includes('SUM(Errors)'))).toBe(false);
  });

  test('a function with a deployment keeps errors and duration alarms of its own (CodeDeploy rolls back on them)', () => {
    const { stack } = fleetStack(0, (s) => {
      new ServerlessFunction(s, 'Deployed', { code, deployment: {} });
    });
    const fn = stack.node.findChild('Deployed') as ServerlessFunction;
    expect(fn.alarms.errors).toBeDefined();
    expect(fn.alarms.duration).toBeDefined();
    expect(fn.alarms.fleetSignals).toEqual(expect.arrayContaining(['Throttles', 'DeadLetterQueueDepth']));
    expect(fn.alarms.fleetSignals).not.toContain('Errors');
  });

  test('per-function mode (the default) creates no fleet alarm', () => {
    const app = new App();
    const stack = new BlueprintStack(app, 'S', { env: TEST_ENV, nagPacks: [], dashboard: false });
    const fn = new ServerlessFunction(stack, 'Fn', { code });
    expect(fn.alarms.combined).toBeDefined();
    expect(fn.alarms.fleetSignals).toEqual([]);
    expect(fleetAlarms(templateOf(stack))).toEqual([]);
  });
});

describe('FunctionGroup', () => {
  test('its own monitoring mode wins; the fleet alarms live in the group\'s stack and read the shards\' names', () => {
    const app = new App();
    const stack = new BlueprintStack(app, 'S', { env: TEST_ENV, nagPacks: [], dashboard: false });
    const group = new FunctionGroup(stack, 'G', { shards: 2, monitoring: MonitoringMode.FLEET });
    const fns = ['A', 'B', 'C'].map((id) => group.addFunction(id, { code }));
    const outside = new ServerlessFunction(stack, 'Outside', { code });
    expect(outside.alarms.fleetSignals).toEqual([]);
    const assembly = app.synth();
    const alarms = fleetAlarms(assembly.getStackByName('S').template);
    expect(alarms).toHaveLength(FLEET_SIGNALS.length);
    const errors = alarms.find((a) => a.text.includes('SUM(Errors)'))!;
    // Each shard function's name arrives as a nested-stack output.
    expect(errors.parts.filter((p) => typeof p === 'object' && JSON.stringify(p).includes('Outputs.'))).toHaveLength(fns.length);
  });

  test('monitoring must be a MonitoringMode', () => {
    const stack = new Stack(new App(), 'S', { env: TEST_ENV });
    expect(() => new FunctionGroup(stack, 'G', { monitoring: 'CHEAP' as any })).toThrow(/LBP_PROP_TYPE/);
  });
});

describe('limits', () => {
  const errors = FLEET_SIGNALS.find((s) => s.id === 'Errors')!;
  const { prefix, suffix } = fleetQueryParts(errors);
  // Function names are CloudFormation-generated (unknown at synth): each is counted at Lambda's 64 characters.
  const perQuery = Math.floor((MAX_EXPRESSION_LENGTH - prefix.length - suffix.length) / (64 + 4));

  test(`a query lists as many functions as 2,048 characters hold (${perQuery}); one more starts a second alarm`, () => {
    const count = (n: number) => fleetAlarms(templateOf(fleetStack(n).stack)).filter((a) => a.text.includes('SUM(Errors)')).length;
    expect(count(perQuery)).toBe(1);
    expect(count(perQuery + 1)).toBe(2);
  });

  test('the longest possible query fits the expression limit', () => {
    expect(prefix.length + suffix.length + perQuery * (64 + 4)).toBeLessThanOrEqual(MAX_EXPRESSION_LENGTH);
    expect(prefix.length + suffix.length + (perQuery + 1) * (64 + 4)).toBeGreaterThan(MAX_EXPRESSION_LENGTH);
  });

  test('at most 500 series per query', () => {
    expect(memberFits(errors, 0, MAX_SERIES_PER_QUERY - 1, 1)).toBe(true);
    expect(memberFits(errors, 0, MAX_SERIES_PER_QUERY, 1)).toBe(false);
  });

  test('concrete function names count at their own length', () => {
    const { stack } = fleetStack(0, (s) => {
      for (let i = 0; i < perQuery + 1; i++) {
        new ServerlessFunction(s, `Named${i}`, { code, functionName: `f${i}` });
      }
    });
    const [only, ...more] = fleetAlarms(templateOf(stack)).filter((a) => a.text.includes('SUM(Errors)'));
    expect(more).toEqual([]);
    expect(only.text).toContain('IN (\'f0\', \'f1\', ');
  });

  test('LBP_FLEET_ALARMS: 200 Metrics Insights alarms in an app pass, 201 fail', () => {
    // Each function with its own topic gets alarms of its own: 9 signals each, 22 functions = 198.
    const build = (functions: number, extraAlarms: number) => {
      const app = new App();
      const stack = new Stack(app, 'S', { env: TEST_ENV });
      Blueprints.applyTo(stack, { nagPacks: [], dashboard: false, costReport: false, resourceBudget: false, monitoring: MonitoringMode.FLEET });
      for (let i = 0; i < functions; i++) {
        new ServerlessFunction(stack, `Fn${i}`, { code, alarmTopic: new sns.Topic(stack, `T${i}`, { enforceSSL: true }) });
      }
      const fleet = stack.node.findChild('BlueprintFleetAlarms') as FleetAlarms;
      for (let i = 0; i < extraAlarms; i++) {
        fleet.add(FLEET_SIGNALS[0], `extra${i}`, 1, new sns.Topic(stack, `X${i}`), stack);
      }
      return () => app.synth();
    };
    expect(build(22, 2)).not.toThrow();
    expect(build(22, 3)).toThrow(/LBP_FLEET_ALARMS\] S\/BlueprintFleetAlarms: monitoring is 201 Metrics Insights alarms/);
  });

  test('LBP_FLEET_MODE_LATE: applyTo after the scope\'s functions chose their alarms fails; before, or in the same mode, passes', () => {
    const stack = new Stack(new App(), 'S', { env: TEST_ENV });
    new ServerlessFunction(stack, 'Early', { code });
    expect(() => Blueprints.applyTo(stack, { nagPacks: [], monitoring: MonitoringMode.FLEET })).toThrow(/LBP_FLEET_MODE_LATE\] S: monitoring is FLEET, given after 1 ServerlessFunction\(s\) \(S\/Early\)/);
    expect(() => Blueprints.applyTo(stack, { nagPacks: [], monitoring: MonitoringMode.PER_FUNCTION })).not.toThrow();
    const fresh = new Stack(new App(), 'F', { env: TEST_ENV });
    Blueprints.applyTo(fresh, { nagPacks: [], monitoring: MonitoringMode.FLEET });
    expect(new ServerlessFunction(fresh, 'Late', { code }).alarms.fleetSignals).toHaveLength(FLEET_SIGNALS.length);
  });
});

describe('the cost report in fleet mode', () => {
  const { app } = fleetStack(3);
  app.synth();
  const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'Shop.cost.json'), 'utf-8'));

  test('the fleet alarms are priced at the unverified rate, apart from the total', () => {
    expect(report.insightsAlarms).toEqual({ alarms: FLEET_SIGNALS.length, metricsAnalyzed: 3 * FLEET_SIGNALS.length });
    expect(report.unverifiedLines).toEqual([{ item: 'metrics analyzed by Metrics Insights (fleet) alarms', count: 27, unitUsd: 0.1, monthlyUsd: 2.7 }]);
    expect(report.unverifiedMonthlyUsd).toBe(2.7);
    expect(report.monthlyUsd).toBe(report.lines.reduce((s: number, l: any) => s + l.monthlyUsd, 0));
    expect(report.perFunction).toEqual({ functions: 3, monitoringMonthlyUsd: 0, unverifiedMonitoringMonthlyUsd: 0.9 });
    expect(report.notes.join(' ')).toMatch(/UNVERIFIED, NOT IN THE TOTAL: 9 alarm\(s\) on Metrics Insights queries/);
  });

  test('every rate names its pricing page and the date it was read; the fleet rate is marked unverified', () => {
    for (const rate of report.rates) {
      expect(rate.url).toMatch(/^https:\/\/aws\.amazon\.com\/.+\/pricing\/$/);
      expect(rate.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(report.rates.find((r: any) => r.item.includes('Metrics Insights')).verified).toBe(false);
    expect(report.rates.filter((r: any) => !r.item.includes('Metrics Insights')).every((r: any) => r.verified)).toBe(true);
  });

  test('per signal: each fleet signal costs one metric analyzed per function', () => {
    expect(report.perSignal).toHaveLength(FLEET_SIGNALS.length);
    for (const s of report.perSignal) {
      expect(s).toMatchObject({ metrics: 3, verified: false, perFunctionUsd: 0.1 });
    }
  });
});

test('Control Tower\'s proactive controls find nothing in a fleet-mode stack', () => {
  const app = new App({ context: { '@aws-cdk/core:failSynthOnValidationErrors': false } });
  const stack = new BlueprintStack(app, 'S', {
    env: TEST_ENV,
    nagPacks: [],
    controlTower: true,
    monitoring: MonitoringMode.FLEET,
    userDecisions: { noVpc: 'Test app: the functions reach only AWS service endpoints.' },
  });
  new ServerlessFunction(stack, 'Fn', { code });
  const plugin = (app as any)._validationPlugins.find((p: any) => p.name === 'cdk-validator-cfnguard');
  const assembly = app.synth();
  const report = plugin.validate({ templatePaths: assembly.stacks.map((s) => s.templateFullPath) });
  process.exitCode = undefined;
  expect(report.violations.flatMap((v: any) => v.violatingResources.map((r: any) => `${v.ruleName} ${r.resourceLogicalId}`))).toEqual([]);
});

test('applyTo an App in fleet mode: each top-level stack gets the fleet alarms of its own functions', () => {
  const app = new App();
  Blueprints.applyTo(app, { nagPacks: [], dashboard: false, costReport: false, monitoring: MonitoringMode.FLEET });
  const stacks = ['A', 'B'].map((id) => new Stack(app, id, { env: TEST_ENV }));
  for (const stack of stacks) {
    new ServerlessFunction(stack, 'Fn', { code });
  }
  for (const stack of stacks) {
    const alarms = fleetAlarms(templateOf(stack));
    expect(alarms).toHaveLength(FLEET_SIGNALS.length);
    expect(stack.node.tryFindChild('BlueprintFleetAlarms')).toBeInstanceOf(FleetAlarms);
  }
  app.synth();
});
