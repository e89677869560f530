import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { BlueprintDashboard, FailureQueue, FunctionCode, ITrigger, ServerlessFunction, TriggerConfig } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

class FakeTrigger implements ITrigger {
  constructor(private readonly config: TriggerConfig) {}
  public bind(_target: ServerlessFunction): TriggerConfig {
    return this.config;
  }
}

/** The dashboard body, with CloudFormation intrinsics left as JSON text. */
function body(stack: import('aws-cdk-lib').Stack): any {
  const dashboards = Template.fromStack(stack).findResources('AWS::CloudWatch::Dashboard');
  expect(Object.keys(dashboards)).toHaveLength(1);
  const parts: unknown[] = Object.values(dashboards)[0].Properties.DashboardBody['Fn::Join'][1];
  const text = parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p).replace(/"/g, "'"))).join('');
  return JSON.parse(text);
}

describe('dashboard of every function in the stack', () => {
  const stack = testStack();
  const a = new ServerlessFunction(stack, 'A', { code: FunctionCode.fromAsset(HANDLER_DIR) });
  new ServerlessFunction(stack, 'B', { code: FunctionCode.fromAsset(HANDLER_DIR) });
  new BlueprintDashboard(stack, 'Dashboard');
  // a trigger added after the dashboard: its failure queue still shows up
  const triggerDlq = new FailureQueue(stack, 'TriggerDlq', { purpose: 'Orders stream' }).queue;
  a.addTrigger(new FakeTrigger({ description: 'Orders stream', readsStream: true, failureQueues: [triggerDlq] }));
  const widgets = body(stack).widgets;

  test('an alarm overview, then three widgets per function', () => {
    expect(widgets).toHaveLength(1 + 2 * 3);
    expect(widgets[0].type).toBe('alarm');
    expect(widgets[0].properties.alarms).toHaveLength(3); // A: combined + iterator age; B: combined (it also watches the DLQ)
    expect(widgets.slice(1).map((w: any) => w.properties.title)).toEqual([
      'TestStack/A: traffic', 'TestStack/A: duration', 'TestStack/A: failure sinks',
      'TestStack/B: traffic', 'TestStack/B: duration', 'TestStack/B: failure sinks',
    ]);
  });

  test('traffic: invocations, errors, throttles and concurrency', () => {
    const metrics = widgets[1].properties.metrics.map((m: any[]) => m[1]);
    expect(metrics).toEqual(['Invocations', 'Errors', 'Throttles', 'ConcurrentExecutions']);
  });

  test('duration: p50 and p99 against the timeout', () => {
    const w = widgets[2].properties;
    expect(w.metrics.map((m: any[]) => m[m.length - 1].stat)).toEqual(['p50', 'p99']);
    expect(w.annotations.horizontal).toEqual([{ value: 30000, label: 'Timeout', color: '#d62728', yAxis: 'left' }]);
  });

  test('failure sinks: the DLQ and every trigger failure queue', () => {
    const labels = widgets[3].properties.metrics.map((m: any[]) => m[m.length - 1].label);
    expect(labels).toEqual(['Dead-letter queue (async)', 'Orders stream: failures']);
    expect(widgets[6].properties.metrics).toHaveLength(1);
  });

  test('nag clean (beyond the fake trigger\'s queue, which no real source uses as its DLQ: AwsSolutions-SQS3)', () => {
    expect(nagFindings(stack).filter((f) => !f.path.startsWith('TestStack/TriggerDlq/'))).toEqual([]);
  });
});

describe('groups', () => {
  test('only the functions given', () => {
    const stack = testStack();
    const a = new ServerlessFunction(stack, 'A', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    const b = new ServerlessFunction(stack, 'B', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    new ServerlessFunction(stack, 'C', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    const d = new BlueprintDashboard(stack, 'Group', { functions: [a], dashboardName: 'orders' });
    d.addFunction(b);
    expect(d.functions).toEqual([a, b]);
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'orders' });
    expect(body(stack).widgets).toHaveLength(1 + 2 * 3);
  });

  test('no function, no dashboard resource', () => {
    const stack = testStack();
    const d = new BlueprintDashboard(stack, 'Empty');
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    expect(d.dashboard).toBeUndefined();
  });
});

describe('dashboard props are checked before anything is created', () => {
  const dashboard = (props: object) => () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    new BlueprintDashboard(stack, 'Dash', props);
    return Template.fromStack(stack);
  };

  test('dashboardName: 1 to 255 letters, digits, dashes and underscores (PutDashboard)', () => {
    dashboard({ dashboardName: 'a'.repeat(255) })().resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    dashboard({ dashboardName: 'orders_api-1' })();
    expect(dashboard({ dashboardName: 'a'.repeat(256) })).toThrow(/\[LBP_DASHBOARD\] TestStack\/Dash: dashboardName is 'a+'; a dashboard name has 1 to 255 characters/);
    expect(dashboard({ dashboardName: 'my dash!' })).toThrow(/LBP_DASHBOARD.*dashboardName is 'my dash!'.*e\.g\. 'my-dash-'/);
  });

  test('period: 1, 5, 10, 30 seconds or a multiple of a minute', () => {
    for (const ok of [Duration.seconds(1), Duration.seconds(30), Duration.minutes(1), Duration.hours(1)]) {
      dashboard({ period: ok })();
    }
    expect(dashboard({ period: Duration.seconds(7) })).toThrow(/\[LBP_DASHBOARD\] TestStack\/Dash: period is 7 seconds; a graph period is 1, 5, 10 or 30 seconds or a multiple of 60 seconds/);
    expect(dashboard({ period: Duration.seconds(90) })).toThrow(/period is 90 seconds/);
  });

  test('values of the wrong type are coded, and the id can be used again', () => {
    expect(dashboard({ period: 300 })).toThrow(/\[LBP_PROP_TYPE\] TestStack\/Dash: period is 300 \(a number\); it must be a Duration/);
    expect(dashboard({ functions: 'Fn' })).toThrow(/functions is 'Fn' \(a string\); it must be a list/);
    expect(dashboard({ functions: [undefined] })).toThrow(/functions\[0\] is undefined; the dashboard shows ServerlessFunctions/);
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    expect(() => new BlueprintDashboard(stack, 'Dash', { period: Duration.seconds(7) })).toThrow(/LBP_DASHBOARD/);
    const d = new BlueprintDashboard(stack, 'Dash', { functions: [fn] });
    expect(() => d.addFunction(undefined as any)).toThrow(/\[LBP_PROP_TYPE\] TestStack\/Dash: addFunction\(fn\) is undefined/);
    expect(() => d.addFunction({} as any)).toThrow(/addFunction\(fn\) is a object \(Object\)/);
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});
