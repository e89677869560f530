import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { hardenedBucket, hardenedTopic, testFunction } from './fixtures';
import { BucketEventType, Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';
import { testStack } from '../helpers/template';

describe('Trigger.s3', () => {
  function bucket(stack: ReturnType<typeof testStack>): s3.Bucket {
    return hardenedBucket(stack);
  }

  test('turns on EventBridge natively and routes object events through a rule with DLQ and retry policy', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    fn.addTrigger(Trigger.s3(bucket(stack), { prefix: 'uploads/', suffix: '.jpg' }));

    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::S3::Bucket', {
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
    });
    // No custom resource: no BucketNotifications, no extra function.
    expect(Object.keys(t.findResources('Custom::S3BucketNotifications'))).toEqual([]);
    t.resourceCountIs('AWS::Lambda::Function', 1);
    t.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        'source': ['aws.s3'],
        'detail-type': ['Object Created'],
        'detail': { bucket: { name: [{ Ref: Match.stringLikeRegexp('^Bucket[0-9A-F]{8}$') }] }, object: { key: [{ wildcard: 'uploads/*.jpg' }] } },
      },
      Targets: [Match.objectLike({
        Arn: { Ref: Match.stringLikeRegexp('FnLiveAlias') },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('FnS3BucketDeliveryFailureQueue'), 'Arn'] } },
        RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 },
      })],
    });
    t.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'events.amazonaws.com', FunctionName: { Ref: Match.stringLikeRegexp('FnLiveAlias') },
    });
    expect(fn.triggers[0].failureQueues).toEqual([expect.anything(), fn.deadLetterQueue]);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('prefix only, suffix only and several event types', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const b = bucket(stack);
    fn.addTrigger(Trigger.s3(b, { prefix: 'in/', eventTypes: [BucketEventType.OBJECT_CREATED, BucketEventType.OBJECT_DELETED] }));
    fn.addTrigger(Trigger.s3(b, { suffix: '.png', retryAttempts: 0, maxEventAge: Duration.seconds(60) }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ 'detail-type': ['Object Created', 'Object Deleted'], 'detail': Match.objectLike({ object: { key: [{ prefix: 'in/' }] } }) }),
    });
    t.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ detail: Match.objectLike({ object: { key: [{ suffix: '.png' }] } }) }),
      Targets: [Match.objectLike({ RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 } })],
    });
  });

  test('keeps other notification settings of the bucket', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const b = bucket(stack);
    (b.node.defaultChild as s3.CfnBucket).notificationConfiguration = { topicConfigurations: [{ event: 's3:ObjectCreated:*', topic: 'arn:aws:sns:us-east-1:123456789012:t' }] };
    fn.addTrigger(Trigger.s3(b));
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', {
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true }, TopicConfigurations: Match.anyValue() },
    });
  });

  test('imported buckets need the EventBridge statement', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const imported = s3.Bucket.fromBucketName(stack, 'Imported', 'my-bucket');
    expect(() => fn.addTrigger(Trigger.s3(imported))).toThrow(/LBP_S3_EVENTBRIDGE_REQUIRED/);
    fn.addTrigger(Trigger.s3(imported, { bucketSendsToEventBridge: true }));
    Template.fromStack(stack).resourceCountIs('AWS::Events::Rule', 1);
    expect(nagFindings(stack)).toEqual([]);
  });

  test.each([
    [{ eventTypes: [] }, 'LBP_S3_EVENT_TYPES'],
    [{ retryAttempts: 186 }, 'LBP_TARGET_RETRY_ATTEMPTS'],
    [{ retryAttempts: -1 }, 'LBP_TARGET_RETRY_ATTEMPTS'],
    [{ maxEventAge: Duration.seconds(59) }, 'LBP_TARGET_MAX_EVENT_AGE'],
    [{ maxEventAge: Duration.seconds(86401) }, 'LBP_TARGET_MAX_EVENT_AGE'],
  ])('refuses %j with %s', (options, code) => {
    const stack = testStack();
    const fn = testFunction(stack);
    expect(() => fn.addTrigger(Trigger.s3(bucket(stack), options))).toThrow(new RegExp(code));
  });
});

describe('async triggers capture the function\'s failures', () => {
  test('a target without a dead-letter queue is refused (a guard: ServerlessFunction always has one)', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const withoutDlq = Object.create(fn, { deadLetterQueue: { value: undefined } });
    expect(() => Trigger.sns(hardenedTopic(stack)).bind(withoutDlq)).toThrow(/LBP_ASYNC_FAILURES_UNCAPTURED/);
    expect(() => Trigger.s3(hardenedBucket(stack)).bind(withoutDlq)).toThrow(/LBP_ASYNC_FAILURES_UNCAPTURED/);
  });
});
