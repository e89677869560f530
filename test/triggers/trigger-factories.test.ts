import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { hardenedBucket, hardenedTopic, testFunction } from './fixtures';
import { DynamoDbStreamTrigger, KinesisTrigger, S3Trigger, SnsTrigger, SqsTrigger, Trigger } from '../../src';
import { testStack } from '../helpers/template';

describe('Trigger factories', () => {
  test('each factory returns its trigger', () => {
    const stack = testStack();
    const table = new dynamodb.Table(stack, 'T', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, stream: dynamodb.StreamViewType.KEYS_ONLY });
    expect(Trigger.sqs(new sqs.Queue(stack, 'Q'))).toBeInstanceOf(SqsTrigger);
    expect(Trigger.kinesis(new kinesis.Stream(stack, 'S'))).toBeInstanceOf(KinesisTrigger);
    expect(Trigger.dynamoDbStream(table)).toBeInstanceOf(DynamoDbStreamTrigger);
    expect(Trigger.s3(hardenedBucket(stack))).toBeInstanceOf(S3Trigger);
    expect(Trigger.sns(hardenedTopic(stack))).toBeInstanceOf(SnsTrigger);
  });

  test('the same source added twice gets two deterministic scopes', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const topic = hardenedTopic(stack);
    fn.addTrigger(Trigger.sns(topic));
    fn.addTrigger(Trigger.sns(topic));
    expect(fn.node.tryFindChild('SnsTopic')).toBeDefined();
    expect(fn.node.tryFindChild('SnsTopic2')).toBeDefined();
    Template.fromStack(stack).resourceCountIs('AWS::SNS::Subscription', 2);
    expect(fn.triggers.map((t) => t.description)).toEqual(['SNS topic TestStack/Topic', 'SNS topic TestStack/Topic']);
  });
});
