import { CfnParameter, Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { hardenedBucket, LIVE_ALIAS_NAME_REF, testFunction } from './fixtures';
import { FailureQueue, Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';
import { testStack } from '../helpers/template';

function stream(stack: ReturnType<typeof testStack>, id = 'Stream'): kinesis.Stream {
  return new kinesis.Stream(stack, id, { encryption: kinesis.StreamEncryption.MANAGED, streamMode: kinesis.StreamMode.ON_DEMAND });
}

describe('Trigger.kinesis', () => {
  test('bounded retries and age, bisect, partial batches and a FailureQueue on failure; no findings', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    fn.addTrigger(Trigger.kinesis(stream(stack)));

    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: LIVE_ALIAS_NAME_REF,
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Stream'), 'Arn'] },
      BatchSize: 100,
      StartingPosition: 'TRIM_HORIZON',
      MaximumRetryAttempts: 3,
      MaximumRecordAgeInSeconds: 86400,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('FnKinesisStreamFailureQueue'), 'Arn'] } } },
    });
    t.hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true });
    expect(fn.triggers[0].readsStream).toBe(true);
    expect(fn.triggers[0].failureQueues).toHaveLength(1);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', { MetricsConfig: { Metrics: ['EventCount'] }, KmsKeyArn: Match.absent() });
    expect(fn.triggers[0].eventSourceMappings).toHaveLength(1);
    expect(fn.alarms.eventSourceFailures).toHaveLength(1);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('passes the tuning options through', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    fn.addTrigger(Trigger.kinesis(stream(stack), {
      batchSize: 10000,
      maxBatchingWindow: Duration.seconds(300),
      parallelizationFactor: 10,
      tumblingWindow: Duration.seconds(900),
      retryAttempts: 10000,
      maxRecordAge: Duration.days(7),
      bisectBatchOnError: false,
      startingPosition: lambda.StartingPosition.AT_TIMESTAMP,
      startingPositionTimestamp: 1700000000,
      filters: [lambda.FilterCriteria.filter({ data: { kind: lambda.FilterRule.isEqual('click') } })],
    }));
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 10000,
      MaximumBatchingWindowInSeconds: 300,
      ParallelizationFactor: 10,
      TumblingWindowInSeconds: 900,
      MaximumRetryAttempts: 10000,
      MaximumRecordAgeInSeconds: 604800,
      BisectBatchOnFunctionError: false,
      StartingPosition: 'AT_TIMESTAMP',
      StartingPositionTimestamp: 1700000000,
      FilterCriteria: { Filters: [{ Pattern: '{"data":{"kind":["click"]}}' }] },
      KmsKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BlueprintKey'), 'Arn'] },
    });
  });

  test('a user queue or topic can be the on-failure destination', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const s = stream(stack);
    const q = new FailureQueue(stack, 'Mine', { purpose: 'mine' }).queue;
    fn.addTrigger(Trigger.kinesis(s, { onFailureQueue: q }));
    const topic = new sns.Topic(stack, 'Topic');
    // One mapping per source and function (LBP_DUPLICATE_EVENT_SOURCE): the topic on a second function.
    const fn2 = testFunction(stack, {}, 'Fn2');
    fn2.addTrigger(Trigger.kinesis(s, { onFailureTopic: topic }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Mine'), 'Arn'] } } },
    });
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      DestinationConfig: { OnFailure: { Destination: { Ref: Match.stringLikeRegexp('^Topic') } } },
    });
    expect(fn.triggers[0].failureQueues).toEqual([q]);
    expect(fn2.triggers[0].failureQueues).toEqual([]);
  });

  test('a KMS-encrypted topic as onFailureTopic: sns:Publish and exactly kms:Decrypt + kms:GenerateDataKey, no findings', () => {
    const stack = testStack();
    const topic = new sns.Topic(stack, 'EncryptedTopic', { masterKey: new kms.Key(stack, 'TopicKey', { enableKeyRotation: true }), enforceSSL: true });
    testFunction(stack).addTrigger(Trigger.kinesis(stream(stack), { onFailureTopic: topic }));
    const policies = Template.fromStack(stack).findResources('AWS::IAM::ManagedPolicy');
    const statements = Object.values(policies).flatMap((p: any) => p.Properties.PolicyDocument.Statement);
    const actions = (prefix: string) => statements.flatMap((st: any) => [st.Action].flat()).filter((a: string) => a.startsWith(prefix)).sort();
    expect(actions('kms:')).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(actions('sns:')).toEqual(['sns:Publish']);
    expect(nagFindings(stack)).toEqual([]);
  });

  test.each([
    [{ batchSize: 0 }, 'LBP_STREAM_BATCH_SIZE'],
    [{ batchSize: 10001 }, 'LBP_STREAM_BATCH_SIZE'],
    [{ maxBatchingWindow: Duration.seconds(301) }, 'LBP_BATCHING_WINDOW'],
    [{ retryAttempts: -1 }, 'LBP_STREAM_RETRY_ATTEMPTS'],
    [{ retryAttempts: 10001 }, 'LBP_STREAM_RETRY_ATTEMPTS'],
    [{ maxRecordAge: Duration.seconds(59) }, 'LBP_STREAM_MAX_RECORD_AGE'],
    [{ maxRecordAge: Duration.seconds(604801) }, 'LBP_STREAM_MAX_RECORD_AGE'],
    [{ parallelizationFactor: 0 }, 'LBP_STREAM_PARALLELIZATION'],
    [{ parallelizationFactor: 11 }, 'LBP_STREAM_PARALLELIZATION'],
    [{ tumblingWindow: Duration.seconds(901) }, 'LBP_STREAM_TUMBLING_WINDOW'],
    [{ startingPosition: lambda.StartingPosition.AT_TIMESTAMP }, 'LBP_STREAM_STARTING_POSITION'],
    [{ startingPositionTimestamp: 1700000000 }, 'LBP_STREAM_STARTING_POSITION'],
    [{ startingPosition: lambda.StartingPosition.AT_TIMESTAMP, startingPositionTimestamp: 0 }, 'LBP_STREAM_STARTING_POSITION'],
  ])('refuses %j with %s', (options, code) => {
    const stack = testStack();
    const fn = testFunction(stack);
    expect(() => fn.addTrigger(Trigger.kinesis(stream(stack), options))).toThrow(new RegExp(code));
  });

  test('AT_TIMESTAMP takes a timestamp of 1 or more, or a token (a CfnParameter: known at deploy time only)', () => {
    const stack = testStack();
    const at = lambda.StartingPosition.AT_TIMESTAMP;
    testFunction(stack, {}, 'One').addTrigger(Trigger.kinesis(stream(stack, 'S1'), { startingPosition: at, startingPositionTimestamp: 1 }));
    const param = new CfnParameter(stack, 'Since', { type: 'Number' });
    testFunction(stack, {}, 'Token').addTrigger(Trigger.kinesis(stream(stack, 'S2'), { startingPosition: at, startingPositionTimestamp: param.valueAsNumber }));
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::EventSourceMapping', { StartingPositionTimestamp: { Ref: 'Since' } });
  });

  test('boundaries pass: retries 0, record age 60 s, parallelization 1, tumbling window 0, batch 1', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    fn.addTrigger(Trigger.kinesis(stream(stack), {
      retryAttempts: 0, maxRecordAge: Duration.seconds(60), parallelizationFactor: 1, tumblingWindow: Duration.seconds(0), batchSize: 1,
    }));
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      MaximumRetryAttempts: 0, MaximumRecordAgeInSeconds: 60, ParallelizationFactor: 1, BatchSize: 1,
    });
  });

  test('refuses two destinations and FIFO destinations', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const s = stream(stack);
    const q = new sqs.Queue(stack, 'Q');
    const topic = new sns.Topic(stack, 'T');
    expect(() => fn.addTrigger(Trigger.kinesis(s, { onFailureQueue: q, onFailureTopic: topic }))).toThrow(/LBP_STREAM_ON_FAILURE/);
    const fifoQueue = new sqs.Queue(stack, 'Fifo', { fifo: true });
    expect(() => fn.addTrigger(Trigger.kinesis(s, { onFailureQueue: fifoQueue }))).toThrow(/LBP_STREAM_ON_FAILURE/);
    const fifoTopic = new sns.Topic(stack, 'FifoTopic', { fifo: true });
    expect(() => fn.addTrigger(Trigger.kinesis(s, { onFailureTopic: fifoTopic }))).toThrow(/LBP_STREAM_ON_FAILURE/);
  });

  test('a bucket keeps whole failed batches: PutObject and ListBucket only, acknowledged, no findings', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    fn.addTrigger(Trigger.kinesis(stream(stack), { onFailureBucket: hardenedBucket(stack) }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Bucket'), 'Arn'] } } },
    });
    const policies = Object.entries(t.findResources('AWS::IAM::ManagedPolicy')).filter(([, p]: [string, any]) => /failed Kinesis records/.test(p.Properties.Description));
    expect(policies).toHaveLength(1);
    const [policyId, policy] = policies[0] as [string, any];
    expect(policy.Properties.PolicyDocument.Statement.map((st: any) => st.Action)).toEqual(['s3:PutObject', 's3:ListBucket', ['kms:Encrypt', 'kms:GenerateDataKey']]);
    const mapping = Object.values(t.findResources('AWS::Lambda::EventSourceMapping'))[0] as any;
    expect(mapping.DependsOn).toEqual(expect.arrayContaining([policyId]));
    expect(JSON.stringify(t.toJSON())).not.toMatch(/s3:GetObject|s3:DeleteObject/);
    expect(fn.triggers[0].failureQueues).toEqual([]);
    t.resourceCountIs('AWS::SQS::Queue', 1); // the function's own dead-letter queue only
    expect(nagFindings(stack)).toEqual([]);
  });

  test('refuses a bucket with a queue or a topic', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const s = stream(stack);
    const bucket = hardenedBucket(stack);
    expect(() => fn.addTrigger(Trigger.kinesis(s, { onFailureBucket: bucket, onFailureQueue: new sqs.Queue(stack, 'Q') }))).toThrow(/LBP_STREAM_ON_FAILURE/);
    expect(() => fn.addTrigger(Trigger.kinesis(s, { onFailureBucket: bucket, onFailureTopic: new sns.Topic(stack, 'T') }))).toThrow(/LBP_STREAM_ON_FAILURE/);
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::EventSourceMapping', 0);
  });
});
