import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { FailureQueue, FunctionCode, QueueProcessor } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

const code = FunctionCode.fromAsset(HANDLER_DIR);

describe('QueueProcessor', () => {
  test('creates an encrypted, TLS-only queue with a 14-day redrive DLQ and a derived visibility timeout', () => {
    const stack = testStack();
    const p = new QueueProcessor(stack, 'Orders', { code, functionOptions: { timeout: Duration.seconds(20) } });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 120,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('OrdersDeadLetterQueue'), 'Arn'] }, maxReceiveCount: 5 },
    });
    t.hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 1209600 });
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', { FunctionResponseTypes: ['ReportBatchItemFailures'] });
    expect(p.deadLetterQueue).toBeDefined();
    expect(p.function.triggers[0].failureQueues).toEqual([p.deadLetterQueue]);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('provisioned pollers through triggerOptions, checked before anything is created', () => {
    const stack = testStack();
    expect(() => new QueueProcessor(stack, 'Bad', { code, triggerOptions: { provisionedPollers: { minimumPollers: 1 } } }))
      .toThrow(/LBP_SQS_POLLERS.*triggerOptions\.provisionedPollers\.minimumPollers/s);
    expect(stack.node.tryFindChild('Bad')).toBeUndefined();
    new QueueProcessor(stack, 'Orders', { code, triggerOptions: { provisionedPollers: { minimumPollers: 2, maximumPollers: 20 } } });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::EventSourceMapping', { ProvisionedPollerConfig: { MinimumPollers: 2, MaximumPollers: 20 } });
  });

  test('the batching window is added to the derived visibility timeout', () => {
    const stack = testStack();
    new QueueProcessor(stack, 'Orders', { code, triggerOptions: { batchSize: 100, maxBatchingWindow: Duration.seconds(10) } });
    Template.fromStack(stack).hasResourceProperties('AWS::SQS::Queue', { VisibilityTimeout: 190 });
  });

  test('FIFO queues get a FIFO dead-letter queue; no findings', () => {
    const stack = testStack();
    new QueueProcessor(stack, 'Orders', { code, fifo: true, maxReceiveCount: 10 });
    const t = Template.fromStack(stack);
    t.resourcePropertiesCountIs('AWS::SQS::Queue', { FifoQueue: true }, 2);
    t.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: Match.objectLike({ maxReceiveCount: 10 }) });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('accepts an existing queue; no findings', () => {
    const stack = testStack();
    const dlq = new FailureQueue(stack, 'Dlq', { purpose: 'mine' });
    const queue = new sqs.Queue(stack, 'Mine', {
      enforceSSL: true, visibilityTimeout: Duration.seconds(180), deadLetterQueue: { queue: dlq.queue, maxReceiveCount: 5 },
    });
    const p = new QueueProcessor(stack, 'Orders', { code, queue });
    expect(p.queue).toBe(queue);
    expect(p.deadLetterQueue).toBeUndefined();
    Template.fromStack(stack).resourceCountIs('AWS::SQS::Queue', 3); // source, its DLQ, the function's DLQ
    expect(nagFindings(stack)).toEqual([]);
  });

  test('the source queue and its dead-letter queue are retained with their messages; removalPolicy DESTROY deletes both', () => {
    const kept = testStack();
    new QueueProcessor(kept, 'Orders', { code });
    const t = Template.fromStack(kept);
    expect(Object.keys(t.findResources('AWS::SQS::Queue', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' }))).toHaveLength(3);
    const gone = testStack();
    new QueueProcessor(gone, 'Orders', { code, removalPolicy: RemovalPolicy.DESTROY });
    const deleted = Template.fromStack(gone).findResources('AWS::SQS::Queue', { DeletionPolicy: 'Delete' });
    expect(Object.keys(deleted).sort()).toEqual([expect.stringMatching(/^OrdersDeadLetterQueue/), expect.stringMatching(/^OrdersQueue/)]);
  });

  test('refuses removalPolicy with an existing queue', () => {
    const stack = testStack();
    const queue = sqs.Queue.fromQueueArn(stack, 'Imported', 'arn:aws:sqs:us-east-1:123456789012:q');
    expect(() => new QueueProcessor(stack, 'Orders', { code, queue, removalPolicy: RemovalPolicy.DESTROY, triggerOptions: { queueHasRedrivePolicy: true } }))
      .toThrow(/LBP_PATTERN_SOURCE_OPTION.*removalPolicy/);
  });

  test('refuses new-queue settings with an existing queue', () => {
    const stack = testStack();
    const queue = sqs.Queue.fromQueueArn(stack, 'Imported', 'arn:aws:sqs:us-east-1:123456789012:q');
    expect(() => new QueueProcessor(stack, 'Orders', { code, queue, maxReceiveCount: 3, triggerOptions: { queueHasRedrivePolicy: true } }))
      .toThrow(/LBP_PATTERN_SOURCE_OPTION/);
  });

  test('maxReceiveCount 1-1000, retention 60 s - 14 days', () => {
    expect(() => new QueueProcessor(testStack(), 'A', { code, maxReceiveCount: 0 })).toThrow(/LBP_MAX_RECEIVE_COUNT/);
    expect(() => new QueueProcessor(testStack(), 'A', { code, maxReceiveCount: 1001 })).toThrow(/LBP_MAX_RECEIVE_COUNT/);
    expect(() => new QueueProcessor(testStack(), 'A', { code, retentionPeriod: Duration.days(15) })).toThrow(/LBP_QUEUE_RETENTION/);
    expect(() => new QueueProcessor(testStack(), 'A', { code, retentionPeriod: Duration.seconds(59) })).toThrow(/LBP_QUEUE_RETENTION/);
    const stack = testStack();
    new QueueProcessor(stack, 'A', { code, maxReceiveCount: 1000, retentionPeriod: Duration.days(14) });
    new QueueProcessor(stack, 'B', { code, maxReceiveCount: 1, retentionPeriod: Duration.seconds(60) });
    Template.fromStack(stack).hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 60 });
  });

  test('the longest timeout and window derive a valid visibility timeout (6 x 900 + 300 s)', () => {
    const stack = testStack();
    new QueueProcessor(stack, 'A', {
      code, functionOptions: { timeout: Duration.minutes(15) }, triggerOptions: { batchSize: 20, maxBatchingWindow: Duration.seconds(300) },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::SQS::Queue', { VisibilityTimeout: 5700 });
  });
});
