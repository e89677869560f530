import { Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { pathsOfStack, pathStack } from './event-paths-helpers';
import { EventPathReport } from '../../src/report/private/report-model';

/** A plain aws-cdk-lib function `Fn` (no library) and its only path after `wire`. */
function handWired(wire: (fn: lambda.Function, stack: Stack) => void): { path: EventPathReport; gaps: number } {
  const stack = pathStack();
  const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {}') });
  wire(fn, stack);
  const { eventPaths, gaps } = pathsOfStack(stack);
  expect(eventPaths).toHaveLength(1);
  expect(gaps.map((g) => g.eventPathId)).toEqual(eventPaths.filter((p) => p.gap).map((p) => p.id));
  return { path: eventPaths[0], gaps: gaps.length };
}

describe('hand-wired paths without a sink are gaps', () => {
  test('an SQS event source on a queue without a redrive policy', () => {
    const { path, gaps } = handWired((fn, stack) => fn.addEventSource(new sources.SqsEventSource(new sqs.Queue(stack, 'Jobs'))));
    expect(path).toMatchObject({ invocation: 'poller', functionId: 'TestStack/Fn/Resource', byLibrary: false, source: { kind: 'SQS queue', name: 'TestStack/Jobs/Resource' }, sinkAlarms: [] });
    expect(path.failureSink).toBeUndefined();
    expect(path.gap).toMatch(/with no failure sink: a message that keeps failing is retried until the queue's retention period ends.*Fix: a redrive policy/);
    expect(gaps).toBe(1);
  });

  test('an EventBridge rule target without a dead-letter queue', () => {
    const { path } = handWired((fn, stack) => new events.Rule(stack, 'Nightly', {
      schedule: events.Schedule.rate(Duration.days(1)), targets: [new targets.LambdaFunction(fn)],
    }));
    expect(path).toMatchObject({ invocation: 'asynchronous', byLibrary: false, source: { kind: 'EventBridge rule', name: 'TestStack/Nightly/Resource' } });
    expect(path.gap).toMatch(/^the EventBridge rule target 'Target0' of TestStack\/Nightly\/Resource invokes TestStack\/Fn asynchronously with no failure sink: .*185 attempts over 24 hours.*Fix: new targets.LambdaFunction/);
  });

  test('an SNS LambdaSubscription without a dead-letter queue', () => {
    const { path } = handWired((fn, stack) => new sns.Topic(stack, 'Alerts').addSubscription(new subscriptions.LambdaSubscription(fn)));
    expect(path).toMatchObject({ invocation: 'asynchronous', byLibrary: false, source: { kind: 'SNS topic', name: 'TestStack/Alerts/Resource' } });
    expect(path.gap).toMatch(/^the SNS subscription .* invokes TestStack\/Fn asynchronously with no failure sink: messages SNS cannot deliver/);
  });

  test('bucket.addEventNotification: S3 notifications have no dead-letter queue', () => {
    const { path } = handWired((fn, stack) => new s3.Bucket(stack, 'Inbox').addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(fn)));
    expect(path).toMatchObject({ invocation: 'asynchronous', byLibrary: false, source: { kind: 'S3 bucket', name: 'TestStack/Inbox/Resource' } });
    expect(path.wiredBy).toMatch(/^TestStack\/Inbox\/Notifications/);
    expect(path.gap).toMatch(/S3 event notifications have no dead-letter queue.*Fix: fn.addTrigger\(Trigger.s3\(bucket\)\)/);
  });

  test('with a dead-letter queue the path is not a gap for want of a sink, but an unwatched sink is', () => {
    const { path } = handWired((fn, stack) => new events.Rule(stack, 'Nightly', {
      schedule: events.Schedule.rate(Duration.days(1)),
      targets: [new targets.LambdaFunction(fn, { deadLetterQueue: new sqs.Queue(stack, 'Dlq', { retentionPeriod: Duration.days(14) }) })],
    }));
    expect(path.failureSink).toEqual({ kind: 'SQS queue', name: 'TestStack/Dlq/Resource', logicalId: expect.any(String), retentionSeconds: 1209600, encrypted: true });
    expect(path.gap).toMatch(/^No alarm watches the failure sink TestStack\/Dlq\/Resource \(SQS queue\) of TestStack\/Nightly\/Resource/);
    expect(path.gap).not.toMatch(/no failure sink|14 days|encrypted/);
  });
});

describe('sinks that keep too little or in clear are gaps', () => {
  test('a 4-day, unencrypted dead-letter queue with an alarm: the retention and the encryption are the gap', () => {
    const { path } = handWired((fn, stack) => {
      const dlq = new sqs.Queue(stack, 'Dlq', { encryption: sqs.QueueEncryption.UNENCRYPTED });
      dlq.metricApproximateNumberOfMessagesVisible().createAlarm(stack, 'DlqDepth', { threshold: 1, evaluationPeriods: 1 });
      fn.addEventSource(new sources.SqsEventSource(new sqs.Queue(stack, 'Jobs', { deadLetterQueue: { queue: dlq, maxReceiveCount: 3 } })));
    });
    expect(path.failureSink).toMatchObject({ name: 'TestStack/Dlq/Resource', retentionSeconds: 345600, encrypted: false });
    expect(path.sinkAlarms).toEqual(['TestStack/DlqDepth/Resource']);
    expect(path.gap).toMatch(/keeps failed events 4 days, less than 14 days/);
    expect(path.gap).toMatch(/is not encrypted/);
    expect(path.gap).not.toMatch(/No alarm|no failure sink/);
  });
});

describe('permissions', () => {
  test('a hand-written permission for a service no path covers is a path of unknown invocation', () => {
    const stack = pathStack();
    const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('x') });
    fn.addPermission('FromConfig', { principal: new iam.ServicePrincipal('config.amazonaws.com') });
    new events.Rule(stack, 'Nightly', { schedule: events.Schedule.rate(Duration.days(1)), targets: [new targets.LambdaFunction(fn)] });
    const { eventPaths } = pathsOfStack(stack);
    // The rule's own permission is covered by the rule's path; the Config permission is a path of its own.
    expect(eventPaths.map((p) => [p.invocation, p.wiredBy])).toEqual([
      ['unknown', 'TestStack/Fn/FromConfig'],
      ['asynchronous', 'TestStack/Nightly/Resource'],
    ]);
    expect(eventPaths[0]).toMatchObject({ source: { kind: 'invoker config.amazonaws.com' }, sinkAlarms: [] });
    expect(eventPaths[0].gap).toBeUndefined();
  });
});
