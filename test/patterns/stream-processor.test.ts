import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import { FunctionCode, StreamProcessor } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

const code = FunctionCode.fromAsset(HANDLER_DIR);

describe('StreamProcessor', () => {
  test('creates an on-demand stream encrypted with alias/aws/kinesis and a bisecting, bounded trigger', () => {
    const stack = testStack();
    const p = new StreamProcessor(stack, 'Clicks', { code });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Kinesis::Stream', {
      StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' },
      StreamModeDetails: { StreamMode: 'ON_DEMAND' },
      RetentionPeriodHours: 24,
    });
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BisectBatchOnFunctionError: true, MaximumRetryAttempts: 3, DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    expect(p.function.triggers[0].readsStream).toBe(true);
    expect(p.function.triggers[0].failureQueues).toHaveLength(1);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('provisioned streams with a shard count and longer retention', () => {
    const stack = testStack();
    new StreamProcessor(stack, 'Clicks', { code, streamMode: kinesis.StreamMode.PROVISIONED, shardCount: 500, retentionPeriod: Duration.days(365) });
    Template.fromStack(stack).hasResourceProperties('AWS::Kinesis::Stream', { ShardCount: 500, RetentionPeriodHours: 8760 });
  });

  test('accepts an existing stream; no findings', () => {
    const stack = testStack();
    const stream = new kinesis.Stream(stack, 'Mine', { encryption: kinesis.StreamEncryption.MANAGED });
    const p = new StreamProcessor(stack, 'Clicks', { code, stream });
    expect(p.stream).toBe(stream);
    Template.fromStack(stack).resourceCountIs('AWS::Kinesis::Stream', 1);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('refuses bad shard counts and retention', () => {
    expect(() => new StreamProcessor(testStack(), 'S', { code, shardCount: 2 })).toThrow(/LBP_STREAM_SHARD_COUNT/);
    expect(() => new StreamProcessor(testStack(), 'S', { code, streamMode: kinesis.StreamMode.PROVISIONED, shardCount: 0 })).toThrow(/LBP_STREAM_SHARD_COUNT/);
    expect(() => new StreamProcessor(testStack(), 'S', { code, streamMode: kinesis.StreamMode.PROVISIONED, shardCount: 501 })).toThrow(/LBP_STREAM_SHARD_COUNT/);
    expect(() => new StreamProcessor(testStack(), 'S', { code, retentionPeriod: Duration.hours(23) })).toThrow(/LBP_STREAM_RETENTION/);
    expect(() => new StreamProcessor(testStack(), 'S', { code, retentionPeriod: Duration.hours(8761) })).toThrow(/LBP_STREAM_RETENTION/);
    const stack = testStack();
    expect(() => new StreamProcessor(stack, 'S', { code, stream: kinesis.Stream.fromStreamArn(stack, 'I', 'arn:aws:kinesis:us-east-1:123456789012:stream/s'), shardCount: 1 }))
      .toThrow(/LBP_PATTERN_SOURCE_OPTION/);
  });

  test('trigger errors surface through the pattern', () => {
    expect(() => new StreamProcessor(testStack(), 'S', { code, triggerOptions: { retryAttempts: -1 } })).toThrow(/LBP_STREAM_RETRY_ATTEMPTS/);
  });
});
