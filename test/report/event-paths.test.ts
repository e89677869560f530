import { Duration, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { pathsOfStack, pathStack } from './event-paths-helpers';
import { FailureQueue, FunctionCode, ServerlessFunction, Trigger, TriggerSchedule } from '../../src';
import { EventPathReport } from '../../src/report/private/report-model';
import { HANDLER_DIR } from '../helpers/template';

const code = FunctionCode.fromAsset(HANDLER_DIR);

/** The one path of a stack with a ServerlessFunction `Fn` and the trigger `add` gives it. */
function onePath(add: (fn: ServerlessFunction, stack: Stack) => void): EventPathReport {
  const stack = pathStack();
  add(new ServerlessFunction(stack, 'Fn', { code }), stack);
  const { eventPaths, gaps } = pathsOfStack(stack);
  expect(gaps).toEqual([]);
  expect(eventPaths).toHaveLength(1);
  return eventPaths[0];
}

/** A FailureQueue-style sink: 14 days, encrypted, watched by its depth and age alarms (and the function's). */
function expectWatchedSink(p: EventPathReport, sinkPath: RegExp): void {
  expect(p.failureSink).toMatchObject({ kind: 'SQS queue', retentionSeconds: 1209600, encrypted: true });
  expect(p.failureSink!.name).toMatch(sinkPath);
  expect(p.sinkAlarms.length).toBeGreaterThan(0);
  expect(p.sinkAlarms.every((a) => a.startsWith('TestStack/'))).toBe(true);
  expect(p.gap).toBeUndefined();
}

describe('library-wired paths (ServerlessFunction + addTrigger)', () => {
  const FN = 'TestStack/Fn/Function/Resource';

  test('SQS: a poller path from the queue, its redrive queue the sink, watched', () => {
    const p = onePath((fn, stack) => {
      const dlq = new FailureQueue(stack, 'Dlq', { purpose: 'orders that failed 5 times' });
      fn.addTrigger(Trigger.sqs(new sqs.Queue(stack, 'Orders', {
        visibilityTimeout: Duration.seconds(180), deadLetterQueue: { queue: dlq.queue, maxReceiveCount: 5 },
      })));
    });
    expect(p).toMatchObject({ invocation: 'poller', functionId: FN, byLibrary: true, source: { kind: 'SQS queue', name: 'TestStack/Orders/Resource' } });
    expect(p.wiredBy).toMatch(/^TestStack\/Fn\/SqsOrders\//);
    expectWatchedSink(p, /^TestStack\/Dlq\//);
    expect(p.sinkAlarms).toEqual(expect.arrayContaining(['TestStack/Dlq/DepthAlarm/Resource']));
  });

  test('SNS: an asynchronous path from the topic, its delivery queue the sink', () => {
    const p = onePath((fn, stack) => fn.addTrigger(Trigger.sns(new sns.Topic(stack, 'Events'))));
    expect(p).toMatchObject({ invocation: 'asynchronous', functionId: FN, byLibrary: true, source: { kind: 'SNS topic', name: 'TestStack/Events/Resource' } });
    expect(p.wiredBy).toMatch(/Subscription/);
    expectWatchedSink(p, /^TestStack\/Fn\/SnsEvents\//);
  });

  test('EventBridge rule: the rule is the source, the target dead-letter queue the sink', () => {
    const p = onePath((fn) => fn.addTrigger(Trigger.eventRule({ eventPattern: { source: ['my.app'] } })));
    expect(p).toMatchObject({ invocation: 'asynchronous', functionId: FN, byLibrary: true, source: { kind: 'EventBridge rule' } });
    expect(p.source.name).toBe(p.wiredBy);
    expectWatchedSink(p, /^TestStack\/Fn\/EventRule\//);
  });

  test('schedule: the schedule is the source, its dead-letter queue the sink', () => {
    const p = onePath((fn) => fn.addTrigger(Trigger.schedule(TriggerSchedule.rate(Duration.hours(1)))));
    expect(p).toMatchObject({ invocation: 'asynchronous', functionId: FN, byLibrary: true, source: { kind: 'EventBridge Scheduler schedule' } });
    expectWatchedSink(p, /^TestStack\/Fn\/Schedule\//);
  });

  test('S3 through EventBridge: the bucket of the rule\'s pattern is the source', () => {
    const p = onePath((fn, stack) => fn.addTrigger(Trigger.s3(new s3.Bucket(stack, 'Uploads', { enforceSSL: true }))));
    expect(p).toMatchObject({ invocation: 'asynchronous', functionId: FN, byLibrary: true, source: { kind: 'S3 bucket', name: 'TestStack/Uploads/Resource' } });
    expect(p.wiredBy).toMatch(/^TestStack\/Fn\/S3Uploads\/Rule\//);
    expectWatchedSink(p, /^TestStack\/Fn\/S3Uploads\//);
  });

  test('Kinesis: a poller path with the mapping\'s on-failure destination as sink', () => {
    const p = onePath((fn, stack) => fn.addTrigger(Trigger.kinesis(new kinesis.Stream(stack, 'Clicks'))));
    expect(p).toMatchObject({ invocation: 'poller', functionId: FN, byLibrary: true, source: { kind: 'Kinesis stream', name: 'TestStack/Clicks/Resource' } });
    expectWatchedSink(p, /^TestStack\/Fn\/KinesisClicks\//);
  });

  test('DynamoDB stream: the table\'s stream is the source', () => {
    const p = onePath((fn, stack) => fn.addTrigger(Trigger.dynamoDbStream(new dynamodb.Table(stack, 'Customers', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, stream: dynamodb.StreamViewType.NEW_IMAGE,
    }))));
    expect(p).toMatchObject({ invocation: 'poller', functionId: FN, byLibrary: true, source: { kind: 'DynamoDB stream', name: 'TestStack/Customers/Resource' } });
    expectWatchedSink(p, /^TestStack\/Fn\/DynamoDbStreamCustomers\//);
  });

  test.each([
    ['HTTP API', (fn: ServerlessFunction) => fn.addTrigger(Trigger.httpApi()), 'HTTP API'],
    ['REST API', (fn: ServerlessFunction) => fn.addTrigger(Trigger.restApi()), 'REST API'],
    ['function URL', (fn: ServerlessFunction) => fn.addTrigger(Trigger.functionUrl()), 'function URL'],
  ])('%s: synchronous, no sink, a note on what to watch', (_name, add, kind) => {
    const stack = pathStack();
    add(new ServerlessFunction(stack, 'Fn', { code, timeout: Duration.seconds(10) }));
    const { eventPaths, gaps } = pathsOfStack(stack);
    expect(gaps).toEqual([]);
    expect(eventPaths.length).toBeGreaterThan(0);
    for (const p of eventPaths) {
      expect(p).toMatchObject({ invocation: 'synchronous', functionId: FN, byLibrary: true, source: { kind }, sinkAlarms: [] });
      expect(p.failureSink).toBeUndefined();
      expect(p.note).toMatch(/gets the error/);
    }
    // The permissions that come with the integrations are not paths of their own.
    expect(eventPaths.filter((p) => p.invocation === 'unknown')).toEqual([]);
  });
});

describe('library-wired paths of the other families are the library\'s (their trigger scopes or markers)', () => {
  test('IoT rule, log subscription, Alexa skill, Cognito triggers', () => {
    const stack = pathStack();
    const pool = new cognito.UserPool(stack, 'Users');
    const make = (id: string) => new ServerlessFunction(stack, id, { code, timeout: Duration.seconds(5) });
    make('Telemetry').addTrigger(Trigger.iotRule("SELECT * FROM 'devices/+/telemetry'"));
    make('Alerts').addTrigger(Trigger.logSubscription(new logs.LogGroup(stack, 'AppLogs', { retention: logs.RetentionDays.ONE_MONTH }), logs.FilterPattern.anyTerm('ERROR')));
    make('Voice').addTrigger(Trigger.alexaSkill('amzn1.ask.skill.12345678-90ab-cdef-1234-567890abcdef'));
    make('SignUp').addTrigger(Trigger.cognito(pool, cognito.UserPoolOperation.PRE_SIGN_UP));
    const { eventPaths, gaps } = pathsOfStack(stack);
    expect(gaps).toEqual([]);
    expect(eventPaths.map((p) => [p.functionId, p.invocation, p.source.kind, p.byLibrary]).sort()).toEqual([
      ['TestStack/Alerts/Function/Resource', 'asynchronous', 'CloudWatch Logs log group', true],
      ['TestStack/SignUp/Function/Resource', 'synchronous', 'Cognito user pool', true],
      ['TestStack/Telemetry/Function/Resource', 'asynchronous', 'IoT topic rule', true],
      ['TestStack/Voice/Function/Resource', 'synchronous', 'Alexa skill', true],
    ]);
    const logsPath = eventPaths.find((p) => p.source.kind === 'CloudWatch Logs log group')!;
    const iot = eventPaths.find((p) => p.source.kind === 'IoT topic rule')!;
    expect(logsPath.failureSink!.name).toBe('TestStack/Alerts/DeadLetterQueue/Queue/Resource');
    expect(logsPath.sinkAlarms).toEqual(['TestStack/Alerts/Alarms/Combined/Resource']);
    expect(iot.failureSink).toMatchObject({ kind: 'SQS queue', retentionSeconds: 1209600, encrypted: true });
    expect(iot.sinkAlarms.length).toBeGreaterThan(0);
  });

  test('a hand-written aws-cdk-lib event source on a ServerlessFunction\'s alias is not the library\'s', () => {
    const stack = pathStack();
    const fn = new ServerlessFunction(stack, 'Fn', { code });
    fn.alias.addEventSource(new sources.SqsEventSource(new sqs.Queue(stack, 'Jobs')));
    const [p] = pathsOfStack(stack).eventPaths;
    expect(p).toMatchObject({ invocation: 'poller', byLibrary: false, functionId: 'TestStack/Fn/Function/Resource' });
    expect(p.gap).toMatch(/no failure sink/);
  });
});
