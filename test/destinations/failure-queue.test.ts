import { RemovalPolicies, RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { FailureQueue, FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

describe('FailureQueue', () => {
  test('keeps 14 days, SSE-SQS, TLS-only, alarms at the first message, to the shared topic', () => {
    const stack = testStack();
    const sink = new FailureQueue(stack, 'Sink', { purpose: 'tests' });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true, FifoQueue: Match.absent() });
    t.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })] },
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Statistic: 'Maximum',
      Period: 60,
      Threshold: 1,
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      AlarmDescription: Match.stringLikeRegexp('failure queue of tests'),
      AlarmActions: [{ Ref: Match.stringLikeRegexp('BlueprintAlarmTopic') }],
    });
    expect(sink.queue.fifo).toBe(false);
  });

  test('FIFO, with the user\'s topic', () => {
    const stack = testStack();
    const topic = new sns.Topic(stack, 'Pager');
    const sink = new FailureQueue(stack, 'Sink', { purpose: 'fifo source', fifo: true, alarmTopic: topic });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::SQS::Queue', { FifoQueue: true });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: Match.stringLikeRegexp('Pager') }] });
    expect(sink.queue.fifo).toBe(true);
  });

  test('is clean under all five packs once something redrives into it', () => {
    const stack = testStack();
    const sink = new FailureQueue(stack, 'Sink', { purpose: 'tests' });
    const source = new sqs.Queue(stack, 'Source', {
      enforceSSL: true, deadLetterQueue: { queue: sink.queue, maxReceiveCount: 5 },
    });
    expect(source).toBeDefined();
    expect(nagFindings(stack)).toEqual([]);
  });

  test('is retained, with its failed events, when the stack is deleted or the queue replaced', () => {
    const stack = testStack();
    new FailureQueue(stack, 'Sink', { purpose: 'tests' });
    Template.fromStack(stack).hasResource('AWS::SQS::Queue', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  test('removalPolicy DESTROY deletes it with the stack', () => {
    const stack = testStack();
    new FailureQueue(stack, 'Sink', { purpose: 'tests', removalPolicy: RemovalPolicy.DESTROY });
    Template.fromStack(stack).hasResource('AWS::SQS::Queue', { DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
  });

  test('refuses a removalPolicy that is not a RemovalPolicy, before creating anything', () => {
    const stack = testStack();
    expect(() => new FailureQueue(stack, 'Sink', { purpose: 'tests', removalPolicy: 'keep' as unknown as RemovalPolicy }))
      .toThrow(/LBP_PROP_TYPE\] TestStack\/Sink: removalPolicy/);
    expect(stack.node.tryFindChild('Sink')?.node.children ?? []).toEqual([]);
  });

  test('as docs/compliance.md says: RemovalPolicies.of(scope).destroy for SQS queues deletes every sink of the scope, and nothing else', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    fn.addTrigger(Trigger.sns(new sns.Topic(stack, 'Topic')));
    RemovalPolicies.of(stack).destroy({ applyToResourceTypes: ['AWS::SQS::Queue'] });
    const t = Template.fromStack(stack);
    expect(Object.keys(t.findResources('AWS::SQS::Queue', { DeletionPolicy: 'Delete' }))).toHaveLength(2); // the function's DLQ, the subscription's
    expect(Object.keys(t.findResources('AWS::SQS::Queue', { DeletionPolicy: 'Retain' }))).toHaveLength(0);
    t.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain' });
  });
});
