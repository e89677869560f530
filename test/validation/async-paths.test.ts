import { Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iot from 'aws-cdk-lib/aws-iot';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { FailureQueue, FunctionCode, ServerlessFunction, Trigger, TriggerSchedule } from '../../src';
import { HANDLER_DIR, testStack } from '../helpers/template';

/**
 * Asynchronous paths into a ServerlessFunction wired by hand through aws-cdk-lib: without a sink for
 * what the service fails to deliver, a coded warning names the path, the function, what is lost and the fix.
 */

const code = FunctionCode.fromAsset(HANDLER_DIR);
const ID = 'cdk-lambda-blueprints:asyncPathWithoutSink';
const warnings = (stack: Stack): string[] => Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp(ID))
  .map((w) => `${w.id}: ${String(w.entry.data)}`);

function setup() {
  const stack = testStack();
  const fn = new ServerlessFunction(stack, 'Fn', { code });
  return { stack, fn };
}

describe('EventBridge rule targets', () => {
  test('the README\'s bare interop snippet warns, naming the target, the function, what is lost and the fix', () => {
    const { stack, fn } = setup();
    const rule = new events.Rule(stack, 'Nightly', { schedule: events.Schedule.rate(Duration.hours(1)) });
    rule.addTarget(new targets.LambdaFunction(fn));
    const found = warnings(stack);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^\/TestStack\/Nightly\/Resource: the EventBridge rule target 'Target0' of TestStack\/Nightly\/Resource invokes TestStack\/Fn asynchronously with no failure sink/);
    expect(found[0]).toContain('events EventBridge cannot deliver to Lambda');
    expect(found[0]).toContain('by default 185 attempts over 24 hours');
    expect(found[0]).toContain('TestStack/Fn\'s own deadLetterQueue keeps only events Lambda accepted and then failed');
    expect(found[0]).toContain('Fix: new targets.LambdaFunction(fn, { deadLetterQueue, retryAttempts, maxEventAge })');
    expect(found[0]).toContain('[ack: cdk-lambda-blueprints:asyncPathWithoutSink]');
  });

  test('the unqualified function is recognised too', () => {
    const { stack, fn } = setup();
    new events.Rule(stack, 'Rule', { schedule: events.Schedule.rate(Duration.hours(1)), targets: [new targets.LambdaFunction(fn.unqualifiedFunction)] });
    expect(warnings(stack)).toHaveLength(1);
  });

  test('with a dead-letter queue and a retry policy: no warning', () => {
    const { stack, fn } = setup();
    const sink = new FailureQueue(stack, 'RuleFailures', { purpose: 'nightly rule deliveries' });
    const rule = new events.Rule(stack, 'Nightly', { schedule: events.Schedule.rate(Duration.hours(1)) });
    rule.addTarget(new targets.LambdaFunction(fn, { deadLetterQueue: sink.queue, retryAttempts: 10, maxEventAge: Duration.hours(6) }));
    expect(warnings(stack)).toEqual([]);
  });

  test('a plain lambda.Function (not a ServerlessFunction) is not this check\'s business', () => {
    const { stack } = setup();
    const plain = new lambda.Function(stack, 'Plain', { code: lambda.Code.fromInline('x'), handler: 'index.handler', runtime: lambda.Runtime.NODEJS_22_X });
    new events.Rule(stack, 'Rule', { schedule: events.Schedule.rate(Duration.hours(1)), targets: [new targets.LambdaFunction(plain)] });
    expect(warnings(stack)).toEqual([]);
  });
});

describe('SNS subscriptions', () => {
  test('without a dead-letter queue: a warning; with one: none', () => {
    const { stack, fn } = setup();
    const topic = new sns.Topic(stack, 'Topic');
    topic.addSubscription(new subscriptions.LambdaSubscription(fn));
    const found = warnings(stack);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/the SNS subscription TestStack\/Fn\/Topic\/Resource invokes TestStack\/Fn asynchronously with no failure sink: messages SNS cannot deliver/);
    expect(found[0]).toContain('Fix: new subscriptions.LambdaSubscription(fn, { deadLetterQueue })');

    const other = setup();
    const sink = new FailureQueue(other.stack, 'SubscriptionFailures', { purpose: 'topic deliveries' });
    new sns.Topic(other.stack, 'Topic').addSubscription(new subscriptions.LambdaSubscription(other.fn, { deadLetterQueue: sink.queue }));
    expect(warnings(other.stack)).toEqual([]);
  });
});

describe('S3 event notifications', () => {
  test('a bucket notification to the function warns (S3 notifications have no dead-letter queue)', () => {
    const { stack, fn } = setup();
    const bucket = new s3.Bucket(stack, 'Uploads');
    bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(fn));
    const found = warnings(stack);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/the S3 event notification of TestStack\/Uploads\/Notifications\/Resource invokes TestStack\/Fn/);
    expect(found[0]).toContain('Fix: fn.addTrigger(Trigger.s3(bucket))');
  });
});

describe('EventBridge Scheduler schedules and IoT rules', () => {
  test('a schedule target without a dead-letter queue warns; with one it does not', () => {
    const { stack, fn } = setup();
    new scheduler.Schedule(stack, 'Hourly', { schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)), target: new schedulerTargets.LambdaInvoke(fn) });
    expect(warnings(stack)).toEqual([expect.stringContaining('the EventBridge Scheduler schedule TestStack/Hourly/Resource invokes TestStack/Fn')]);

    const other = setup();
    const sink = new FailureQueue(other.stack, 'ScheduleFailures', { purpose: 'schedule deliveries' });
    new scheduler.Schedule(other.stack, 'Hourly', {
      schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)),
      target: new schedulerTargets.LambdaInvoke(other.fn, { deadLetterQueue: sink.queue }),
    });
    expect(warnings(other.stack)).toEqual([]);
  });

  test('an IoT topic rule invoking the function without an error action warns', () => {
    const { stack, fn } = setup();
    new iot.CfnTopicRule(stack, 'Telemetry', {
      topicRulePayload: { sql: 'SELECT * FROM \'devices/+\'', actions: [{ lambda: { functionArn: fn.functionArn } }] },
    });
    expect(warnings(stack)).toEqual([expect.stringContaining('the IoT topic rule TestStack/Telemetry invokes TestStack/Fn')]);
  });
});

test('the library\'s own triggers (rule, schedule, topic, bucket, IoT) never warn', () => {
  const { stack, fn } = setup();
  fn.addTrigger(Trigger.eventRule({ eventPattern: { source: ['my.app'] } }));
  fn.addTrigger(Trigger.schedule(TriggerSchedule.rate(Duration.hours(1))));
  fn.addTrigger(Trigger.sns(new sns.Topic(stack, 'Topic')));
  fn.addTrigger(Trigger.s3(new s3.Bucket(stack, 'Bucket', { eventBridgeEnabled: true })));
  fn.addTrigger(Trigger.iotRule('SELECT * FROM \'devices/+\''));
  expect(warnings(stack)).toEqual([]);
});
