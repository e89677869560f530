import { Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { hardenedBucket, testFunction } from './fixtures';
import { Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';
import { testStack } from '../helpers/template';

describe('Trigger.firehoseTransformation', () => {
  test('an encrypted Direct PUT stream transforming with the live alias, failed records kept under an error prefix, alarmed; no findings', () => {
    const stack = testStack();
    const fn = testFunction(stack, { timeout: Duration.minutes(1) });
    const bucket = hardenedBucket(stack, 'Lake');
    const trigger = Trigger.firehoseTransformation({ destinationBucket: bucket });
    fn.addTrigger(trigger);

    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::KinesisFirehose::DeliveryStream', {
      DeliveryStreamType: 'DirectPut',
      DeliveryStreamEncryptionConfigurationInput: { KeyType: 'CUSTOMER_MANAGED_CMK', KeyARN: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BlueprintKey'), 'Arn'] } },
      ExtendedS3DestinationConfiguration: Match.objectLike({
        BucketARN: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Lake'), 'Arn'] },
        Prefix: 'data/!{timestamp:yyyy/MM/dd}/',
        ErrorOutputPrefix: 'failed/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/',
        BufferingHints: { IntervalInSeconds: 300, SizeInMBs: 5 },
        EncryptionConfiguration: { KMSEncryptionConfig: { AWSKMSKeyARN: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LakeKey'), 'Arn'] } } },
        CloudWatchLoggingOptions: Match.objectLike({ Enabled: true }),
        ProcessingConfiguration: {
          Enabled: true,
          Processors: [{
            Type: 'Lambda',
            Parameters: [
              { ParameterName: 'LambdaArn', ParameterValue: { Ref: Match.stringLikeRegexp('FnLiveAlias') } },
              { ParameterName: 'NumberOfRetries', ParameterValue: '3' },
              { ParameterName: 'BufferSizeInMBs', ParameterValue: '1' },
              { ParameterName: 'BufferIntervalInSeconds', ParameterValue: '60' },
              { ParameterName: 'RoleArn', ParameterValue: { 'Fn::GetAtt': [Match.stringLikeRegexp('FnFirehoseRole'), 'Arn'] } },
            ],
          }],
        },
      }),
    });
    // The role invokes the alias only (no `:*`), and writes only under the two prefixes.
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          { Sid: 'InvokeTransformation', Effect: 'Allow', Action: ['lambda:InvokeFunction', 'lambda:GetFunctionConfiguration'], Resource: { Ref: Match.stringLikeRegexp('FnLiveAlias') } },
          Match.objectLike({
            Sid: 'WriteDestinationPrefixes',
            Action: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject'],
            Resource: [
              { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Lake'), 'Arn'] }, '/data/*']] },
              { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Lake'), 'Arn'] }, '/failed/*']] },
            ],
          }),
        ]),
      },
    });
    for (const metric of ['ExecuteProcessing.Success', 'DeliveryToS3.Success']) {
      t.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Firehose',
        MetricName: metric,
        Dimensions: [{ Name: 'DeliveryStreamName', Value: { Ref: Match.stringLikeRegexp('FnFirehoseDeliveryStream') } }],
        ComparisonOperator: 'LessThanThreshold',
        Threshold: 1,
        AlarmActions: Match.anyValue(),
      });
    }
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365, KmsKeyId: Match.anyValue() });
    expect(trigger.deliveryStream.deliveryStreamType).toBe('DirectPut');
    expect(trigger.transformationFailedAlarm).toBeDefined();
    expect(trigger.deliveryFailedAlarm).toBeDefined();
    expect(trigger.logGroup).toBeDefined();
    expect(trigger.role).toBeDefined();
    expect(stack.resolve(trigger.deliveryStreamArn)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^FnFirehoseDeliveryStream/), 'Arn'] });
    Annotations.fromStack(stack).hasInfo('/TestStack/Fn/Firehose', Match.stringLikeRegexp('kept in the destination bucket'));
    expect(nagFindings(stack)).toEqual([]);
  });

  test('buffering, retries, prefixes and name are passed through', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    fn.addTrigger(Trigger.firehoseTransformation({
      destinationBucket: hardenedBucket(stack),
      bufferSizeMegabytes: 0.2,
      bufferInterval: Duration.seconds(0),
      retries: 0,
      dataOutputPrefix: 'clean/',
      errorOutputPrefix: 'bad/',
      destinationBufferInterval: Duration.seconds(900),
      destinationBufferSizeMegabytes: 128,
      deliveryStreamName: 'orders.clean-v1',
    }));
    Template.fromStack(stack).hasResourceProperties('AWS::KinesisFirehose::DeliveryStream', {
      DeliveryStreamName: 'orders.clean-v1',
      ExtendedS3DestinationConfiguration: Match.objectLike({
        Prefix: 'clean/',
        ErrorOutputPrefix: 'bad/',
        BufferingHints: { IntervalInSeconds: 900, SizeInMBs: 128 },
        ProcessingConfiguration: {
          Enabled: true,
          Processors: [{
            Type: 'Lambda',
            Parameters: Match.arrayWith([
              { ParameterName: 'NumberOfRetries', ParameterValue: '0' },
              { ParameterName: 'BufferSizeInMBs', ParameterValue: '0.2' },
              { ParameterName: 'BufferIntervalInSeconds', ParameterValue: '0' },
            ]),
          }],
        },
      }),
    });
  });

  test.each([
    ['bufferSizeMegabytes', { bufferSizeMegabytes: 0.1 }, /LBP_FIREHOSE_BUFFER_SIZE/],
    ['bufferSizeMegabytes', { bufferSizeMegabytes: 3.1 }, /LBP_FIREHOSE_BUFFER_SIZE/],
    ['bufferInterval', { bufferInterval: Duration.seconds(901) }, /LBP_FIREHOSE_BUFFER_INTERVAL/],
    ['destinationBufferInterval', { destinationBufferInterval: Duration.seconds(901) }, /LBP_FIREHOSE_BUFFER_INTERVAL/],
    ['destinationBufferSizeMegabytes', { destinationBufferSizeMegabytes: 129 }, /LBP_FIREHOSE_DESTINATION_BUFFER_SIZE/],
    ['destinationBufferSizeMegabytes', { destinationBufferSizeMegabytes: 0 }, /LBP_FIREHOSE_DESTINATION_BUFFER_SIZE/],
    ['retries', { retries: 301 }, /LBP_FIREHOSE_RETRIES/],
    ['retries', { retries: -1 }, /LBP_FIREHOSE_RETRIES/],
    ['deliveryStreamName', { deliveryStreamName: 'has space' }, /LBP_FIREHOSE_STREAM_NAME/],
    ['deliveryStreamName', { deliveryStreamName: 'n'.repeat(65) }, /LBP_FIREHOSE_STREAM_NAME/],
    ['errorOutputPrefix', { errorOutputPrefix: 'failed/!{timestamp:yyyy}/' }, /LBP_FIREHOSE_PREFIX[\s\S]*error-output-type/],
    ['dataOutputPrefix', { dataOutputPrefix: 'data/!{firehose:error-output-type}/' }, /LBP_FIREHOSE_PREFIX/],
    ['dataOutputPrefix', { dataOutputPrefix: 'data/!{unknown:x}/' }, /LBP_FIREHOSE_PREFIX/],
    ['dataOutputPrefix', { dataOutputPrefix: `${'p'.repeat(1025)}` }, /LBP_FIREHOSE_PREFIX/],
    ['errorOutputPrefix', { dataOutputPrefix: 'same/', errorOutputPrefix: 'same/' }, /LBP_FIREHOSE_PREFIX[\s\S]*told apart/],
  ])('refuses %s out of limits', (_name, props, code) => {
    const stack = testStack();
    const fn = testFunction(stack);
    expect(() => fn.addTrigger(Trigger.firehoseTransformation({ destinationBucket: hardenedBucket(stack), ...props } as any))).toThrow(code);
    Template.fromStack(stack).resourceCountIs('AWS::KinesisFirehose::DeliveryStream', 0);
  });

  test('accepts the limits exactly: 3 MB, 900 s, 300 retries, 64-character name, 1 MB destination buffer', () => {
    const stack = testStack();
    testFunction(stack).addTrigger(Trigger.firehoseTransformation({
      destinationBucket: hardenedBucket(stack),
      bufferSizeMegabytes: 3,
      bufferInterval: Duration.seconds(900),
      retries: 300,
      deliveryStreamName: 'n'.repeat(64),
      destinationBufferSizeMegabytes: 1,
      dataOutputPrefix: 'p'.repeat(1024),
    }));
    Template.fromStack(stack).resourceCountIs('AWS::KinesisFirehose::DeliveryStream', 1);
  });

  test('refuses a function timeout above the 5 minutes Firehose waits, accepts 5 minutes', () => {
    const stack = testStack();
    const bucket = hardenedBucket(stack);
    const slow = testFunction(stack, { timeout: Duration.seconds(301) }, 'Slow');
    expect(() => slow.addTrigger(Trigger.firehoseTransformation({ destinationBucket: bucket }))).toThrow(/LBP_FIREHOSE_TIMEOUT/);
    testFunction(stack, { timeout: Duration.minutes(5) }, 'Ok').addTrigger(Trigger.firehoseTransformation({ destinationBucket: bucket }));
  });

  test('an imported bucket without a key: no KMS configuration; its object wildcards are acknowledged in both lines', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    fn.addTrigger(Trigger.firehoseTransformation({ destinationBucket: s3.Bucket.fromBucketName(stack, 'Imported', 'team-lake') }));
    const t = Template.fromStack(stack);
    const streams = t.findResources('AWS::KinesisFirehose::DeliveryStream');
    const config = Object.values(streams)[0].Properties.ExtendedS3DestinationConfiguration;
    expect(config.EncryptionConfiguration).toBeUndefined();
    expect(nagFindings(stack)).toEqual([]);
    const policies = t.findResources('AWS::IAM::ManagedPolicy', {
      Metadata: {
        cdk_nag: {
          rules_to_suppress: Match.arrayWith([Match.objectLike({
            id: 'AwsSolutions-IAM5', applies_to: ['Resource::arn:<AWS::Partition>:s3:::team-lake/data/*'],
          })]),
        },
      },
    });
    expect(Object.keys(policies)).toHaveLength(1);
  });

  test('one function per trigger; properties need addTrigger first', () => {
    const stack = testStack();
    const trigger = Trigger.firehoseTransformation({ destinationBucket: hardenedBucket(stack) });
    expect(() => trigger.deliveryStream).toThrow(/\[LBP_TRIGGER_NOT_ADDED\].*fn\.addTrigger\(trigger\) first/);
    testFunction(stack).addTrigger(trigger);
    expect(() => testFunction(stack, {}, 'Other').addTrigger(trigger)).toThrow(/one function only/);
  });
});
