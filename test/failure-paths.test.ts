import * as fs from 'fs';
import * as path from 'path';
import { Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import {
  BucketProcessor, FailureQueue, FunctionCode, QueueProcessor, StreamProcessor, TableStreamProcessor, TopicSubscriber,
} from '../src';
import { checkFailurePaths, CfnTemplate, EventPath } from './helpers/failure-paths';
import { HANDLER_DIR, testStack } from './helpers/template';

const INTEG_DIR = path.join(__dirname, '..', 'integ');

/** Every `integ/**\/*.snapshot/*.template.json`, whoever wrote it. */
function integTemplates(dir = INTEG_DIR): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...integTemplates(full));
    } else if (entry.name.endsWith('.template.json') && path.basename(dir).endsWith('.snapshot')) {
      found.push(full);
    }
  }
  return found.sort();
}

const code = FunctionCode.fromAsset(HANDLER_DIR);
const partitionKey = { name: 'pk', type: dynamodb.AttributeType.STRING };

/** The pattern stacks, with new and with existing (in-app) sources. */
const PATTERN_STACKS: { [name: string]: (stack: Stack) => void } = {
  'QueueProcessor': (s) => new QueueProcessor(s, 'P', { code }),
  'QueueProcessor (FIFO)': (s) => new QueueProcessor(s, 'P', { code, fifo: true }),
  'QueueProcessor (existing queue)': (s) => {
    const dlq = new FailureQueue(s, 'Dlq', { purpose: 'mine' });
    const queue = new sqs.Queue(s, 'Mine', { visibilityTimeout: Duration.seconds(180), deadLetterQueue: { queue: dlq.queue, maxReceiveCount: 5 } });
    new QueueProcessor(s, 'P', { code, queue });
  },
  'StreamProcessor': (s) => new StreamProcessor(s, 'P', { code }),
  'StreamProcessor (existing stream)': (s) => new StreamProcessor(s, 'P', { code, stream: new kinesis.Stream(s, 'Mine') }),
  'TableStreamProcessor': (s) => new TableStreamProcessor(s, 'P', { code, partitionKey }),
  'TableStreamProcessor (existing table)': (s) => new TableStreamProcessor(s, 'P', {
    code, table: new dynamodb.Table(s, 'Mine', { partitionKey, stream: dynamodb.StreamViewType.KEYS_ONLY }),
  }),
  'TopicSubscriber': (s) => new TopicSubscriber(s, 'P', { code }),
  'TopicSubscriber (existing topic)': (s) => new TopicSubscriber(s, 'P', { code, topic: new sns.Topic(s, 'Mine') }),
  'BucketProcessor': (s) => new BucketProcessor(s, 'P', { code }),
  'BucketProcessor (existing bucket)': (s) => new BucketProcessor(s, 'P', { code, bucket: new s3.Bucket(s, 'Mine') }),
};

function patternTemplate(build: (stack: Stack) => void): CfnTemplate {
  const stack = testStack();
  build(stack);
  return Template.fromStack(stack).toJSON() as CfnTemplate;
}

/** The other templates of the same snapshot (a nested stack's parent may alarm on its sinks). */
function siblings(file: string): CfnTemplate[] {
  const dir = path.dirname(file);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.template.json') && path.join(dir, f) !== file)
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf-8')));
}

const cases: [string, () => CfnTemplate, () => CfnTemplate[]][] = [
  ...integTemplates().map((file): [string, () => CfnTemplate, () => CfnTemplate[]] => [
    path.relative(INTEG_DIR, file), () => JSON.parse(fs.readFileSync(file, 'utf-8')), () => siblings(file),
  ]),
  ...Object.entries(PATTERN_STACKS).map(([name, build]): [string, () => CfnTemplate, () => CfnTemplate[]] => [
    name, () => patternTemplate(build), () => [],
  ]),
];

describe('every event path has a failure sink with finite retries, and every sink is kept, encrypted, TLS-only and alarmed', () => {
  const seen: EventPath[] = [];

  test.each(cases)('%s', (_name, load, related) => {
    const report = checkFailurePaths(load(), related());
    seen.push(...report.paths);
    expect(report.problems).toEqual([]);
  });

  test('the templates cover every kind of event path', () => {
    const kinds = new Set(seen.map((p) => p.kind));
    expect([...kinds].sort()).toEqual([
      'async-invoke', 'documentdb-esm', 'firehose-processor', 'iot-rule', 'kafka-esm', 'log-subscription', 'mq-esm', 'rule-target',
      'schedule-target', 'sns-subscription', 'sqs-esm', 'stream-esm',
    ]);
    // Every path has a sink, except DocumentDB mappings: none by AWS's design (no on-failure destination).
    expect(seen.filter((p) => p.kind !== 'documentdb-esm').every((p) => p.sink !== undefined)).toBe(true);
  });
});

describe('the checker finds what it must', () => {
  const queue = (props: any = {}) => ({ Type: 'AWS::SQS::Queue', Properties: props });
  const fn = { Type: 'AWS::Lambda::Function', Properties: { DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': ['Sink', 'Arn'] } } } };
  const goodSink = {
    Sink: queue({ MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true }),
    SinkPolicy: { Type: 'AWS::SQS::QueuePolicy', Properties: { Queues: [{ Ref: 'Sink' }], PolicyDocument: { Statement: [{ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] } } },
    SinkAlarm: { Type: 'AWS::CloudWatch::Alarm', Properties: { Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['Sink', 'QueueName'] } }], AlarmActions: [{ Ref: 'Topic' }] } },
  };

  test('a clean template has no problems', () => {
    expect(checkFailurePaths({ Resources: { Fn: fn, ...goodSink } }).problems).toEqual([]);
  });

  test('a fleet alarm (Metrics Insights query) listing the queue, here or in the parent through an output, alarms it', () => {
    const { SinkAlarm: _, ...unalarmed } = goodSink;
    const query = (part: any, actions = [{ Ref: 'Topic' }]) => ({
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        AlarmActions: actions,
        Metrics: [{
          Id: 'q',
          Expression: {
            'Fn::Join': ['', [
              'SELECT MAX(ApproximateNumberOfMessagesVisible) FROM SCHEMA("AWS/SQS", QueueName) WHERE QueueName IN (\'', part, '\') GROUP BY QueueName ORDER BY MAX() DESC',
            ]],
          },
        }],
      },
    });
    const missing = ['Sink: sink has no CloudWatch alarm (with an action) on it'];
    expect(checkFailurePaths({ Resources: { Fn: fn, ...unalarmed } }).problems).toEqual(missing);
    expect(checkFailurePaths({ Resources: { Fn: fn, ...unalarmed, Fleet: query({ 'Fn::GetAtt': ['Sink', 'QueueName'] }) } }).problems).toEqual([]);
    expect(checkFailurePaths({ Resources: { Fn: fn, ...unalarmed, Fleet: query({ 'Fn::GetAtt': ['Sink', 'QueueName'] }, []) } }).problems).toEqual(missing);
    const child: CfnTemplate = { Resources: { Fn: fn, ...unalarmed }, Outputs: { SinkName: { Value: { 'Fn::GetAtt': ['Sink', 'QueueName'] } } } };
    const parent = (output: string): CfnTemplate => ({ Resources: { Fleet: query({ 'Fn::GetAtt': ['Shard', output] }) } });
    expect(checkFailurePaths(child, [parent('Outputs.SinkName')]).problems).toEqual([]);
    expect(checkFailurePaths(child, [parent('Outputs.Other')]).problems).toEqual(missing);
  });

  test('a Kafka mapping: on-demand needs a destination (which bounds its retries); provisioned also needs finite retries and age', () => {
    const esm = (props: any) => ({ Type: 'AWS::Lambda::EventSourceMapping', Properties: { Topics: ['orders'], EventSourceArn: 'arn:aws:kafka:us-east-1:1:cluster/c/u', ...props } });
    const onFailure = { DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['Sink', 'Arn'] } } } };
    const report = checkFailurePaths({
      Resources: {
        Fn: fn,
        ...goodSink,
        OnDemand: esm(onFailure),
        NoSink: esm({}),
        Provisioned: esm({ ...onFailure, ProvisionedPollerConfig: { MinimumPollers: 1 } }),
      },
    });
    expect(report.problems).toEqual([
      'NoSink: stream mapping has no on-failure destination',
      expect.stringMatching(/NoSink: stream mapping retries forever/),
      expect.stringMatching(/NoSink: stream mapping keeps records forever/),
      expect.stringMatching(/Provisioned: stream mapping retries forever/),
      expect.stringMatching(/Provisioned: stream mapping keeps records forever/),
    ]);
    expect(report.paths.filter((p) => p.kind === 'kafka-esm').map((p) => p.resource)).toEqual(['OnDemand', 'NoSink', 'Provisioned']);
  });

  test('a DocumentDB mapping: a path without sink by AWS\'s design; a DestinationConfig on it is a problem', () => {
    const esm = (props: any) => ({
      Type: 'AWS::Lambda::EventSourceMapping',
      Properties: { EventSourceArn: 'arn:aws:rds:us-east-1:1:cluster:orders', DocumentDBEventSourceConfig: { DatabaseName: 'shop' }, ...props },
    });
    const report = checkFailurePaths({
      Resources: { Fn: fn, ...goodSink, Docs: esm({}), WithDestination: esm({ DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['Sink', 'Arn'] } } } }) },
    });
    expect(report.problems).toEqual([expect.stringMatching(/WithDestination: DocumentDB mapping has a DestinationConfig/)]);
    expect(report.paths.filter((p) => p.kind === 'documentdb-esm')).toEqual([
      { kind: 'documentdb-esm', resource: 'Docs' }, { kind: 'documentdb-esm', resource: 'WithDestination' },
    ]);
  });

  test('an Amazon MQ mapping: no destination by AWS\'s design; its broker\'s dead-letter queue must be alarmed', () => {
    const arn = 'arn:aws:mq:us-east-1:123456789012:broker:orders:b-1';
    const esm = (props: any = {}) => ({ Type: 'AWS::Lambda::EventSourceMapping', Properties: { Queues: ['in'], EventSourceArn: arn, ...props } });
    const alarm = (broker: string, actions: unknown[] = [{ Ref: 'Topic' }]) => ({
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        AlarmActions: actions,
        Metrics: [
          { Id: 'e', Expression: 'FILL(a, 0) + FILL(b, 0)' },
          { Id: 'a', MetricStat: { Metric: { Namespace: 'AWS/AmazonMQ', MetricName: 'QueueSize', Dimensions: [{ Name: 'Broker', Value: `${broker}-1` }, { Name: 'Queue', Value: 'ActiveMQ.DLQ' }] } } },
        ],
      },
    });
    const good = checkFailurePaths({ Resources: { Fn: fn, ...goodSink, Mq: esm(), DlqAlarm: alarm('orders') } });
    expect(good.problems).toEqual([]);
    expect(good.paths.find((p) => p.kind === 'mq-esm')).toEqual({ kind: 'mq-esm', resource: 'Mq', sink: 'DlqAlarm' });
    // An alarm on another broker, one without an action, none at all, or a destination Lambda refuses: caught.
    const variants: Array<{ [id: string]: any }> = [{ A: alarm('other') }, { A: alarm('orders', []) }, {}];
    for (const resources of variants) {
      expect(checkFailurePaths({ Resources: { Fn: fn, ...goodSink, Mq: esm(), ...resources } }).problems)
        .toEqual([expect.stringMatching(/Mq: Amazon MQ mapping has no AWS\/AmazonMQ alarm/)]);
    }
    expect(checkFailurePaths({ Resources: { Fn: fn, ...goodSink, Mq: esm({ MaximumRetryAttempts: 3 }), A: alarm('orders') } }).problems)
      .toEqual([expect.stringMatching(/Mq: Amazon MQ mapping sets/)]);
  });

  test('a metric-math alarm that reads the sink among other metrics counts as alarmed', () => {
    const mathAlarm = (actions: unknown[]) => ({
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        AlarmActions: actions,
        Metrics: [
          { Id: 'expr_1', Expression: '(FILL(errors, 0) >= 1) + (FILL(dlqDepth, 0) >= 1)', ReturnData: true },
          { Id: 'errors', MetricStat: { Metric: { MetricName: 'Errors', Namespace: 'AWS/Lambda', Dimensions: [{ Name: 'FunctionName', Value: { Ref: 'Fn' } }] } } },
          { Id: 'dlqDepth', MetricStat: { Metric: { MetricName: 'ApproximateNumberOfMessagesVisible', Namespace: 'AWS/SQS', Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['Sink', 'QueueName'] } }] } } },
        ],
      },
    });
    const { SinkAlarm: _single, ...withoutSingle } = goodSink;
    expect(checkFailurePaths({ Resources: { Fn: fn, ...withoutSingle, Combined: mathAlarm([{ Ref: 'Topic' }]) } }).problems).toEqual([]);
    // Without an action, or reading another queue, it does not count.
    expect(checkFailurePaths({ Resources: { Fn: fn, ...withoutSingle, Combined: mathAlarm([]) } }).problems)
      .toEqual([expect.stringMatching(/Sink: sink has no CloudWatch alarm/)]);
  });

  test('a function without a DLQ, a stream mapping retrying forever, a subscription and a rule target without DLQ', () => {
    const report = checkFailurePaths({
      Resources: {
        Fn: { Type: 'AWS::Lambda::Function', Properties: {} },
        Stream: { Type: 'AWS::Kinesis::Stream', Properties: {} },
        Esm: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { EventSourceArn: { 'Fn::GetAtt': ['Stream', 'Arn'] }, MaximumRetryAttempts: -1 } },
        Sub: { Type: 'AWS::SNS::Subscription', Properties: { Protocol: 'lambda', Endpoint: { 'Fn::GetAtt': ['Fn', 'Arn'] } } },
        Rule: { Type: 'AWS::Events::Rule', Properties: { Targets: [{ Arn: { 'Fn::GetAtt': ['Fn', 'Arn'] } }] } },
      },
    });
    expect(report.problems).toEqual([
      expect.stringMatching(/Esm: stream mapping has no on-failure destination/),
      expect.stringMatching(/Esm: stream mapping retries forever/),
      expect.stringMatching(/Esm: stream mapping keeps records forever/),
      expect.stringMatching(/Sub: SNS subscription .* no redrive/),
      expect.stringMatching(/Rule.Targets\[0\]: rule target has no dead-letter queue/),
      expect.stringMatching(/Rule.Targets\[0\]: rule target has no explicit, finite retry policy/),
      expect.stringMatching(/Fn: failed asynchronous invocations are dropped/),
      expect.stringMatching(/Fn: .* not an SQS queue/),
    ]);
  });

  test('a Lambda@Edge function (role trusted by edgelambda) has no asynchronous path; any other role does', () => {
    const role = (services: string[]) => ({
      Type: 'AWS::IAM::Role',
      Properties: { AssumeRolePolicyDocument: { Statement: services.map((s) => ({ Action: 'sts:AssumeRole', Principal: { Service: s } })) } },
    });
    const edgeFn = { Type: 'AWS::Lambda::Function', Properties: { Role: { 'Fn::GetAtt': ['Role', 'Arn'] } } };
    const edge = checkFailurePaths({ Resources: { Role: role(['lambda.amazonaws.com', 'edgelambda.amazonaws.com']), Fn: edgeFn } });
    expect(edge.problems).toEqual([]);
    expect(edge.paths).toEqual([]);
    const plain = checkFailurePaths({ Resources: { Role: role(['lambda.amazonaws.com']), Fn: edgeFn } });
    expect(plain.problems).toEqual([expect.stringMatching(/Fn: failed asynchronous invocations are dropped/), expect.stringMatching(/not an SQS queue/)]);
  });

  test('a schedule invoking a function without a dead-letter queue or a retry policy', () => {
    const report = checkFailurePaths({
      Resources: {
        Fn: fn,
        ...goodSink,
        Schedule: { Type: 'AWS::Scheduler::Schedule', Properties: { Target: { Arn: { 'Fn::GetAtt': ['Fn', 'Arn'] } } } },
        Scheduled: { Type: 'AWS::Scheduler::Schedule', Properties: { Target: { Arn: { 'Fn::GetAtt': ['Fn', 'Arn'] }, DeadLetterConfig: { Arn: { 'Fn::GetAtt': ['Sink', 'Arn'] } }, RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 } } } },
      },
    });
    expect(report.problems).toEqual([
      'Schedule: schedule target has no dead-letter queue',
      expect.stringMatching(/Schedule: schedule target has no explicit, finite retry policy/),
    ]);
    expect(report.paths.filter((p) => p.kind === 'schedule-target').map((p) => p.sink)).toEqual([undefined, 'Sink']);
  });

  test('an SQS source without redrive, and a sink that keeps 4 days, unencrypted, without TLS policy or alarm', () => {
    const report = checkFailurePaths({
      Resources: {
        Fn: fn,
        Sink: queue({}),
        Source: queue({}),
        Esm: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { EventSourceArn: { 'Fn::GetAtt': ['Source', 'Arn'] } } },
      },
    });
    expect(report.problems).toEqual([
      'Esm: SQS source Source has no redrive policy in this template',
      expect.stringMatching(/Sink: sink keeps messages 345600 s/),
      expect.stringMatching(/Sink: sink is not explicitly encrypted/),
      expect.stringMatching(/Sink: sink has no queue policy denying non-TLS/),
      expect.stringMatching(/Sink: sink has no CloudWatch alarm/),
    ]);
  });

  test('an IoT rule invoking a function without an error action or SQL version', () => {
    const report = checkFailurePaths({
      Resources: {
        Fn: fn,
        ...goodSink,
        Rule: { Type: 'AWS::IoT::TopicRule', Properties: { TopicRulePayload: { Sql: 'SELECT * FROM \'a\'', Actions: [{ Lambda: { FunctionArn: { 'Fn::GetAtt': ['Fn', 'Arn'] } } }] } } },
        Good: {
          Type: 'AWS::IoT::TopicRule',
          Properties: {
            TopicRulePayload: {
              Sql: 'SELECT * FROM \'a\'',
              AwsIotSqlVersion: '2016-03-23',
              Actions: [{ Lambda: { FunctionArn: { 'Fn::GetAtt': ['Fn', 'Arn'] } } }],
              ErrorAction: { Sqs: { QueueUrl: { Ref: 'Sink' }, RoleArn: 'arn:aws:iam::1:role/r' } },
            },
          },
        },
      },
    });
    expect(report.problems).toEqual([
      'Rule: IoT rule invoking a function has no SQS error action (failed invocations are dropped)',
      expect.stringMatching(/Rule: IoT rule has no AwsIotSqlVersion/),
    ]);
    expect(report.paths.filter((p) => p.kind === 'iot-rule').map((p) => p.sink)).toEqual([undefined, 'Sink']);
  });

  test('a log subscription to a function that drops failed invocations', () => {
    const report = checkFailurePaths({
      Resources: {
        Fn: { Type: 'AWS::Lambda::Function', Properties: {} },
        Filter: { Type: 'AWS::Logs::SubscriptionFilter', Properties: { DestinationArn: { 'Fn::GetAtt': ['Fn', 'Arn'] } } },
      },
    });
    expect(report.problems).toEqual([
      'Filter: log subscription to Fn, whose failed asynchronous invocations are not kept',
      expect.stringMatching(/Fn: failed asynchronous invocations are dropped/),
      expect.stringMatching(/Fn: .* not an SQS queue/),
    ]);
  });

  test('a Firehose transformation with unbounded retries, no error prefix, an unencrypted bucket and no alarm', () => {
    const stream = (props: any) => ({
      Type: 'AWS::KinesisFirehose::DeliveryStream',
      Properties: {
        ExtendedS3DestinationConfiguration: {
          BucketARN: { 'Fn::GetAtt': ['Lake', 'Arn'] },
          ProcessingConfiguration: { Enabled: true, Processors: [{ Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: { 'Fn::GetAtt': ['Fn', 'Arn'] } }] }] },
          ...props,
        },
      },
    });
    const report = checkFailurePaths({
      Resources: {
        Fn: fn,
        ...goodSink,
        Lake: { Type: 'AWS::S3::Bucket', Properties: {} },
        Stream: stream({}),
      },
    });
    expect(report.problems).toEqual([
      expect.stringMatching(/Stream: Firehose Lambda processor has no explicit, bounded NumberOfRetries/),
      'Stream: Firehose destination has no explicit ErrorOutputPrefix for failed records',
      'Lake: Firehose sink bucket is not explicitly encrypted',
      'Stream: Firehose stream has no alarm (with an action) on its failures',
    ]);
    expect(report.paths.filter((p) => p.kind === 'firehose-processor').map((p) => p.sink)).toEqual(['Lake']);
  });
});
