import { Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { pathApp, pathsOfApp } from './event-paths-helpers';
import { BlueprintStack, FailureQueue, FunctionCode, FunctionGroup, MonitoringMode, ServerlessFunction, Trigger } from '../../src';
import { HANDLER_DIR, TEST_ENV } from '../helpers/template';

const code = FunctionCode.fromAsset(HANDLER_DIR);

test('a FunctionGroup function (nested stack) triggered by a queue of the parent: resolved through the nested parameters', () => {
  const app = pathApp();
  const stack = new Stack(app, 'Parent', { env: TEST_ENV });
  const dlq = new FailureQueue(stack, 'Dlq', { purpose: 'jobs that failed 5 times' });
  const queue = new sqs.Queue(stack, 'Jobs', { visibilityTimeout: Duration.seconds(180), deadLetterQueue: { queue: dlq.queue, maxReceiveCount: 5 } });
  const fn = new FunctionGroup(stack, 'Group', { shards: 2 }).addFunction('Worker', { code });
  fn.addTrigger(Trigger.sqs(queue));

  const { eventPaths, gaps, index } = pathsOfApp(app).get('Parent')!;
  expect(gaps).toEqual([]);
  expect(eventPaths).toHaveLength(1);
  const [p] = eventPaths;
  const fnResource = index.ofType('AWS::Lambda::Function').find((r) => r.path.endsWith('/Worker/Function/Resource'))!;
  // The function and the mapping are in the shard's template, the queue and its sink in the parent's.
  expect(fnResource.file).not.toBe('Parent.template.json');
  expect(p).toMatchObject({
    invocation: 'poller',
    functionId: fnResource.path,
    byLibrary: true,
    source: { kind: 'SQS queue', name: 'Parent/Jobs/Resource' },
    failureSink: { kind: 'SQS queue', retentionSeconds: 1209600, encrypted: true },
  });
  expect(p.wiredBy).toMatch(/^Parent\/Group\/Shard0\d\/Worker\/SqsJobs\//);
  expect(p.failureSink!.name).toMatch(/^Parent\/Dlq\//);
  expect(p.sinkAlarms).toEqual(expect.arrayContaining(['Parent/Dlq/DepthAlarm/Resource', 'Parent/Dlq/AgeAlarm/Resource']));
});

test('a rule in one stack targets a function of another (ImportValue): the path is the rule stack\'s', () => {
  const app = pathApp();
  const functions = new Stack(app, 'Functions', { env: TEST_ENV });
  const fn = new ServerlessFunction(functions, 'Worker', { code });
  const rules = new Stack(app, 'Rules', { env: TEST_ENV });
  const dlq = new FailureQueue(rules, 'Dlq', { purpose: 'nightly events EventBridge could not deliver' });
  new events.Rule(rules, 'Nightly', {
    schedule: events.Schedule.rate(Duration.days(1)),
    targets: [new targets.LambdaFunction(fn.alias, { deadLetterQueue: dlq.queue })],
  });

  const stacks = pathsOfApp(app);
  expect(stacks.get('Functions')!.eventPaths).toEqual([]);
  const { eventPaths, gaps } = stacks.get('Rules')!;
  expect(eventPaths).toEqual([expect.objectContaining({
    id: 'Rules/Nightly/Resource',
    invocation: 'asynchronous',
    functionId: 'Functions/Worker/Function/Resource',
    wiredBy: 'Rules/Nightly/Resource',
    byLibrary: false,
    source: expect.objectContaining({ kind: 'EventBridge rule', name: 'Rules/Nightly/Resource' }),
    failureSink: expect.objectContaining({ kind: 'SQS queue', retentionSeconds: 1209600, encrypted: true }),
  })]);
  expect(eventPaths[0].sinkAlarms).toEqual(['Rules/Dlq/AgeAlarm/Resource', 'Rules/Dlq/DepthAlarm/Resource']);
  expect(gaps).toEqual([]);
});

test('fleet monitoring: the function\'s own dead-letter queue is watched by the Metrics Insights alarms that name it', () => {
  const app = pathApp();
  const stack = new BlueprintStack(app, 'Fleet', { env: TEST_ENV, monitoring: MonitoringMode.FLEET, nagPacks: [] });
  const fn = new ServerlessFunction(stack, 'Reporter', { code });
  fn.addTrigger(Trigger.logSubscription(new logs.LogGroup(stack, 'AppLogs', { retention: logs.RetentionDays.ONE_MONTH }), logs.FilterPattern.anyTerm('ERROR')));

  const { eventPaths, gaps } = pathsOfApp(app).get('Fleet')!;
  expect(gaps).toEqual([]);
  expect(eventPaths).toEqual([expect.objectContaining({
    invocation: 'asynchronous',
    functionId: 'Fleet/Reporter/Function/Resource',
    byLibrary: true,
    source: expect.objectContaining({ kind: 'CloudWatch Logs log group', name: 'Fleet/AppLogs/Resource' }),
    failureSink: expect.objectContaining({ kind: 'SQS queue', name: 'Fleet/Reporter/DeadLetterQueue/Queue/Resource' }),
  })]);
  expect(eventPaths[0].sinkAlarms).toEqual(['Fleet/BlueprintFleetAlarms/DeadLetterQueueAge', 'Fleet/BlueprintFleetAlarms/DeadLetterQueueDepth']);
});
