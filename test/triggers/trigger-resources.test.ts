import { Duration } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { hardenedBucket, testFunction } from './fixtures';
import {
  BucketProcessor, FunctionCode, HttpApiFunction, QueueProcessor, ScheduledJob, StreamProcessor, TableStreamProcessor,
  TopicSubscriber, Trigger, TriggerSchedule,
} from '../../src';
import { targetRole } from '../../src/triggers/private/binding';
import { HANDLER_DIR, testStack } from '../helpers/template';

/** Every trigger exposes what it created, as typed properties, once it is bound. */

function sourceQueue(stack: any): sqs.Queue {
  const dlq = new sqs.Queue(stack, 'Dlq');
  return new sqs.Queue(stack, 'Queue', { visibilityTimeout: Duration.minutes(3), deadLetterQueue: { queue: dlq, maxReceiveCount: 5 } });
}

describe('the resources each trigger created', () => {
  test('SQS: the mapping', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const trigger = Trigger.sqs(sourceQueue(stack));
    fn.addTrigger(trigger);
    expect(trigger.mapping).toBeInstanceOf(lambda.EventSourceMapping);
    expect(trigger.mapping.node.path).toBe('TestStack/Fn/SqsQueue/EventSourceMapping');
    expect(trigger.queue.node.id).toBe('Queue');
  });

  test('Kinesis: the mapping and the failure queue it created (none with your own destination)', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const stream = new kinesis.Stream(stack, 'Stream');
    const trigger = Trigger.kinesis(stream);
    fn.addTrigger(trigger);
    expect(trigger.mapping).toBeInstanceOf(lambda.EventSourceMapping);
    expect(trigger.failureQueue).toBeDefined();
    expect(fn.triggers[0].failureQueues).toEqual([trigger.failureQueue]);

    const own = Trigger.kinesis(stream, { onFailureQueue: new sqs.Queue(stack, 'Mine') });
    testFunction(stack, {}, 'Other').addTrigger(own);
    expect(own.failureQueue).toBeUndefined();
  });

  test('DynamoDB Streams: the mapping and the failure queue', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const table = new dynamodb.Table(stack, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, stream: dynamodb.StreamViewType.NEW_IMAGE,
    });
    const trigger = Trigger.dynamoDbStream(table);
    fn.addTrigger(trigger);
    expect(trigger.mapping).toBeInstanceOf(lambda.EventSourceMapping);
    expect(trigger.failureQueue).toBeDefined();
    expect(trigger.table).toBe(table);
  });

  test('S3: the rule and its dead-letter queue', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const trigger = Trigger.s3(hardenedBucket(stack));
    fn.addTrigger(trigger);
    expect(trigger.rule.node.path).toBe('TestStack/Fn/S3Bucket/Rule');
    expect(fn.triggers[0].failureQueues).toEqual([trigger.deadLetterQueue, fn.deadLetterQueue]);
  });

  test('SNS: the subscription, the permission on the alias and the delivery dead-letter queue', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const topic = new sns.Topic(stack, 'Topic');
    const trigger = Trigger.sns(topic);
    fn.addTrigger(trigger);
    expect(trigger.subscription).toBeInstanceOf(sns.Subscription);
    expect(trigger.permission).toBeInstanceOf(lambda.CfnPermission);
    expect(stack.resolve(trigger.permission.functionName)).toEqual(stack.resolve(fn.alias.functionArn));
    expect(fn.triggers[0].failureQueues).toEqual([trigger.deadLetterQueue, fn.deadLetterQueue]);
  });

  test('reading a resource before the trigger is added is a clear error', () => {
    const stack = testStack();
    const trigger = Trigger.sqs(sourceQueue(stack));
    expect(() => trigger.mapping).toThrow(/\[LBP_TRIGGER_NOT_ADDED\] SqsTrigger: mapping is read .*fn\.addTrigger\(trigger\)/);
    expect(() => Trigger.sns(new sns.Topic(stack, 'T')).subscription).toThrow(/LBP_TRIGGER_NOT_ADDED/);
    expect(() => Trigger.kinesis(new kinesis.Stream(stack, 'S')).failureQueue).toThrow(/LBP_TRIGGER_NOT_ADDED/);
  });

  test('one trigger object cannot be added to a second function', () => {
    const stack = testStack();
    const trigger = Trigger.sqs(sourceQueue(stack));
    testFunction(stack).addTrigger(trigger);
    expect(() => testFunction(stack, {}, 'Second').addTrigger(trigger))
      .toThrow(/\[LBP_TRIGGER_REUSED\] TestStack\/Second: .*create one SqsTrigger per function/);
  });
});

describe('every pattern exposes function, trigger (its concrete class) and its source', () => {
  const code = FunctionCode.fromAsset(HANDLER_DIR);

  test('QueueProcessor, StreamProcessor, TableStreamProcessor, TopicSubscriber, BucketProcessor', () => {
    const stack = testStack();
    const q = new QueueProcessor(stack, 'Q', { code });
    expect(q.trigger.mapping).toBeInstanceOf(lambda.EventSourceMapping);
    expect(q.trigger.queue).toBe(q.queue);
    expect(q.function.triggers).toHaveLength(1);

    const s = new StreamProcessor(stack, 'S', { code });
    expect(s.trigger.mapping).toBeInstanceOf(lambda.EventSourceMapping);
    expect(s.trigger.stream).toBe(s.stream);

    const t = new TableStreamProcessor(stack, 'T', { code, partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
    expect(t.trigger.mapping).toBeInstanceOf(lambda.EventSourceMapping);
    expect(t.trigger.table).toBe(t.table);

    const n = new TopicSubscriber(stack, 'N', { code });
    expect(n.trigger.subscription).toBeInstanceOf(sns.Subscription);
    expect(n.trigger.topic).toBe(n.topic);

    const b = new BucketProcessor(stack, 'B', { code });
    expect(b.trigger.rule).toBeDefined();
    expect(b.trigger.bucket).toBe(b.bucket);
  });

  test('ScheduledJob and HttpApiFunction take triggerOptions', () => {
    const stack = testStack();
    const job = new ScheduledJob(stack, 'Job', {
      code, schedule: TriggerSchedule.rate(Duration.hours(1)), triggerOptions: { timeZone: 'Europe/Paris' },
    });
    expect(stack.resolve(job.trigger.schedule.scheduleExpressionTimezone)).toBe('Europe/Paris');
    expect(job.schedule).toBe(job.trigger.schedule);

    const api = new HttpApiFunction(stack, 'Api', { code, triggerOptions: { routes: ['GET /orders'] } });
    expect(api.trigger.routes).toHaveLength(1);
    expect(api.api).toBe(api.trigger.api);
  });
});

describe('a trigger target without an execution role', () => {
  test('is refused where a trigger grants the role (LBP_TRIGGER_TARGET_ROLE); a target with a role passes', () => {
    const stack = testStack();
    const bare = new Construct(stack, 'Bare');
    expect(() => targetRole(bare, 'cognito trigger')).toThrow(/\[LBP_TRIGGER_TARGET_ROLE\] TestStack\/Bare: role is undefined/);
    const fn = testFunction(stack);
    expect(targetRole(fn, 'cognito trigger')).toBe(fn.role);
  });
});
