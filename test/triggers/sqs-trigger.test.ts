import { Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { LIVE_ALIAS_NAME_REF, testFunction } from './fixtures';
import { FailureQueue, Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';
import { testStack } from '../helpers/template';

function sourceQueue(stack: ReturnType<typeof testStack>, props: Partial<sqs.QueueProps> = {}, maxReceiveCount = 5): sqs.Queue {
  const fifo = props.fifo === true;
  const dlq = new FailureQueue(stack, 'Dlq', { purpose: 'test', fifo });
  return new sqs.Queue(stack, 'Queue', {
    enforceSSL: true,
    visibilityTimeout: Duration.seconds(180),
    deadLetterQueue: { queue: dlq.queue, maxReceiveCount },
    ...props,
  });
}

describe('Trigger.sqs', () => {
  test('maps the queue to the live alias with partial batch responses and no findings', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const queue = sourceQueue(stack);
    fn.addTrigger(Trigger.sqs(queue, { filters: [lambda.FilterCriteria.filter({ body: { kind: lambda.FilterRule.isEqual('order') } })] }));

    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: LIVE_ALIAS_NAME_REF,
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Queue'), 'Arn'] },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: { Filters: [{ Pattern: '{"body":{"kind":["order"]}}' }] },
      KmsKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BlueprintKey'), 'Arn'] },
    });
    t.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Action: 'kms:Decrypt', Principal: { Service: 'lambda.amazonaws.com' } })]) },
    });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: Match.arrayWith(['sqs:ReceiveMessage', 'sqs:DeleteMessage']),
          Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Queue'), 'Arn'] },
        })]),
      },
    });
    expect(t.findResources('AWS::IAM::Policy')).toEqual({});
    expect(fn.triggers[0].failureQueues).toEqual([queue.deadLetterQueue!.queue]);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('refuses a queue without a redrive policy', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const queue = new sqs.Queue(stack, 'Queue', { visibilityTimeout: Duration.seconds(180) });
    expect(() => fn.addTrigger(Trigger.sqs(queue))).toThrow(/LBP_SQS_REDRIVE_REQUIRED/);
  });

  test('refuses an imported queue unless its redrive policy is stated', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const queue = sqs.Queue.fromQueueArn(stack, 'Imported', 'arn:aws:sqs:us-east-1:123456789012:orders');
    expect(() => fn.addTrigger(Trigger.sqs(queue))).toThrow(/LBP_SQS_REDRIVE_REQUIRED/);
    fn.addTrigger(Trigger.sqs(queue, { queueHasRedrivePolicy: true, queueVisibilityTimeout: Duration.seconds(180) }));
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
  });

  test('warns when an imported queue\'s visibility timeout is unknown', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const queue = sqs.Queue.fromQueueArn(stack, 'Imported', 'arn:aws:sqs:us-east-1:123456789012:orders');
    fn.addTrigger(Trigger.sqs(queue, { queueHasRedrivePolicy: true }));
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('visibility timeout of .* is unknown'));
  });

  test('refuses a visibility timeout below the function timeout; the boundary passes with a warning', () => {
    const stack = testStack();
    const fn = testFunction(stack, { timeout: Duration.seconds(30) });
    const below = sourceQueue(stack, { visibilityTimeout: Duration.seconds(29) });
    expect(() => fn.addTrigger(Trigger.sqs(below))).toThrow(/LBP_SQS_VISIBILITY_TIMEOUT/);

    const stack2 = testStack();
    const fn2 = testFunction(stack2, { timeout: Duration.seconds(30) });
    fn2.addTrigger(Trigger.sqs(sourceQueue(stack2, { visibilityTimeout: Duration.seconds(30) })));
    Annotations.fromStack(stack2).hasWarning('*', Match.stringLikeRegexp('below the 180 s AWS recommends'));
  });

  test('6 x timeout + batching window passes without a warning', () => {
    const stack = testStack();
    const fn = testFunction(stack, { timeout: Duration.seconds(30) });
    const queue = sourceQueue(stack, { visibilityTimeout: Duration.seconds(185) });
    fn.addTrigger(Trigger.sqs(queue, { maxBatchingWindow: Duration.seconds(5), batchSize: 100 }));
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 100, MaximumBatchingWindowInSeconds: 5,
    });
  });

  test('the default queue visibility timeout (30 s) is read when unset', () => {
    const stack = testStack();
    const fn = testFunction(stack, { timeout: Duration.seconds(31) });
    const queue = sourceQueue(stack, { visibilityTimeout: undefined });
    expect(() => fn.addTrigger(Trigger.sqs(queue))).toThrow(/LBP_SQS_VISIBILITY_TIMEOUT/);
  });

  test('batch size rules: 1-10 without a window, up to 10,000 with one', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const queue = sourceQueue(stack, { visibilityTimeout: Duration.seconds(600) });
    expect(() => fn.addTrigger(Trigger.sqs(queue, { batchSize: 11 }))).toThrow(/LBP_SQS_BATCH_SIZE/);
    expect(() => fn.addTrigger(Trigger.sqs(queue, { batchSize: 0 }))).toThrow(/LBP_SQS_BATCH_SIZE/);
    expect(() => fn.addTrigger(Trigger.sqs(queue, { batchSize: 10001, maxBatchingWindow: Duration.seconds(1) }))).toThrow(/LBP_SQS_BATCH_SIZE/);
    fn.addTrigger(Trigger.sqs(queue, { batchSize: 10000, maxBatchingWindow: Duration.seconds(1) }));
    // One mapping per source and function (LBP_DUPLICATE_EVENT_SOURCE): the other limit on a second function.
    testFunction(stack, {}, 'Fn2').addTrigger(Trigger.sqs(queue, { batchSize: 1 }));
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::EventSourceMapping', 2);
  });

  test('batching window 0-300 s', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const queue = sourceQueue(stack, { visibilityTimeout: Duration.seconds(600) });
    expect(() => fn.addTrigger(Trigger.sqs(queue, { maxBatchingWindow: Duration.seconds(301) }))).toThrow(/LBP_BATCHING_WINDOW/);
    fn.addTrigger(Trigger.sqs(queue, { maxBatchingWindow: Duration.seconds(300) }));
  });

  test('FIFO queues: batch size at most 10 and no batching window', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const queue = sourceQueue(stack, { fifo: true });
    expect(() => fn.addTrigger(Trigger.sqs(queue, { batchSize: 11, maxBatchingWindow: Duration.seconds(1) })))
      .toThrow(/LBP_SQS_BATCH_SIZE[\s\S]*LBP_BATCHING_WINDOW/);
    fn.addTrigger(Trigger.sqs(queue, { batchSize: 10 }));
    expect(nagFindings(stack)).toEqual([]);
  });

  test('a FIFO queue with a standard dead-letter queue is refused', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const dlq = new FailureQueue(stack, 'Dlq', { purpose: 'test' });
    const queue = new sqs.Queue(stack, 'Queue', {
      fifo: true, visibilityTimeout: Duration.seconds(180), deadLetterQueue: { queue: dlq.queue, maxReceiveCount: 5 },
    });
    expect(() => fn.addTrigger(Trigger.sqs(queue))).toThrow(/LBP_SQS_DLQ_TYPE/);
  });

  test('maximum concurrency 2-1000', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const queue = sourceQueue(stack);
    expect(() => fn.addTrigger(Trigger.sqs(queue, { maxConcurrency: 1 }))).toThrow(/LBP_SQS_MAX_CONCURRENCY/);
    expect(() => fn.addTrigger(Trigger.sqs(queue, { maxConcurrency: 1001 }))).toThrow(/LBP_SQS_MAX_CONCURRENCY/);
    fn.addTrigger(Trigger.sqs(queue, { maxConcurrency: 2 }));
    testFunction(stack, {}, 'Fn2').addTrigger(Trigger.sqs(queue, { maxConcurrency: 1000 }));
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::EventSourceMapping', { ScalingConfig: { MaximumConcurrency: 1000 } });
  });

  test('warns when maxReceiveCount is below 5', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    fn.addTrigger(Trigger.sqs(sourceQueue(stack, {}, 2)));
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('after 2 receives'));
  });

  test('provisioned mode: minimum 2-200, maximum 2-2000, minimum <= maximum', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const queue = sourceQueue(stack);
    const refused = (minimumPollers: number | undefined, maximumPollers: number | undefined) =>
      expect(() => fn.addTrigger(Trigger.sqs(queue, { provisionedPollers: { minimumPollers, maximumPollers } }))).toThrow(/LBP_SQS_POLLERS/);
    refused(1, undefined);
    refused(201, 300);
    refused(undefined, 1);
    refused(2, 2001);
    refused(10, 5);
    refused(2.5, 10);
    fn.addTrigger(Trigger.sqs(queue, { provisionedPollers: { minimumPollers: 2, maximumPollers: 2 } }));
    testFunction(stack, {}, 'Fn2').addTrigger(Trigger.sqs(queue, { provisionedPollers: { minimumPollers: 200, maximumPollers: 2000 } }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', { ProvisionedPollerConfig: { MinimumPollers: 2, MaximumPollers: 2 } });
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', { ProvisionedPollerConfig: { MinimumPollers: 200, MaximumPollers: 2000 } });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('provisioned mode refuses maxConcurrency with a coded error (before aws-cdk-lib)', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    expect(() => fn.addTrigger(Trigger.sqs(sourceQueue(stack), { maxConcurrency: 10, provisionedPollers: {} }))).toThrow(/LBP_SQS_POLLERS.*maxConcurrency is set together with provisionedPollers.*Fix: remove maxConcurrency/s);
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::EventSourceMapping', 0);
  });

  test('the mapping publishes EventCount metrics and its failed and dropped events are alarmed', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    fn.addTrigger(Trigger.sqs(sourceQueue(stack)));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', { MetricsConfig: { Metrics: ['EventCount'] }, KmsKeyArn: Match.absent() });
    expect(fn.triggers[0].eventSourceMappings).toHaveLength(1);
    expect(fn.alarms.eventSourceFailures).toHaveLength(1);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 1,
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'FILL(failed, 0) + FILL(dropped, 0)' }),
        Match.objectLike({ Id: 'failed', MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'FailedInvokeEventCount', Dimensions: [{ Name: 'EventSourceMappingUUID', Value: { Ref: Match.stringLikeRegexp('EventSourceMapping') } }] }) }) }),
        Match.objectLike({ Id: 'dropped', MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'DroppedEventCount' }) }) }),
      ]),
    });
  });
});
