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
