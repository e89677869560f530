import { Duration, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { BucketProcessor, FunctionCode, HttpApiFunction, QueueProcessor, RestApiFunction, ScheduledJob, StreamProcessor, TableStreamProcessor, TopicSubscriber, TriggerSchedule } from '../../src';
import { BlueprintValidationError } from '../../src/validation/blueprint-error';
import { HANDLER_DIR, testStack } from '../helpers/template';

/**
 * A pattern reports the problems of its own props, of its function's options and of its trigger's
 * options in one BlueprintValidationError, each named by the path the user wrote, before anything
 * is created (issue 11, "one phase").
 */

const code = FunctionCode.fromAsset(HANDLER_DIR);

/** Builds the pattern, expects one error; returns its [code, property] pairs after checking the tree. */
function oneRound(build: (stack: Stack) => Construct, prepare: (stack: Stack) => void = () => {}): string[][] {
  const stack = testStack();
  prepare(stack);
  const before = stack.node.findAll().map((c) => c.node.path);
  let error: unknown;
  try {
    build(stack);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(BlueprintValidationError);
  const e = error as BlueprintValidationError;
  expect(e.constructPath).toBe('TestStack/P');
  // Nothing was created: not the function, not the source, not the stack's shared alarm topic.
  expect(stack.node.findAll().map((c) => c.node.path)).toEqual(before);
  return e.problems.map((p) => [p.code, p.property]);
}

test('QueueProcessor: its own, the function\'s and the trigger\'s problems at once', () => {
  expect(oneRound((s) => new QueueProcessor(s, 'P', {
    code,
    maxReceiveCount: 0,
    functionOptions: { memorySize: 64 },
    triggerOptions: { maxConcurrency: 1 },
  }))).toEqual([
    ['LBP_MAX_RECEIVE_COUNT', 'maxReceiveCount'],
    ['LBP_MEMORY_SIZE', 'functionOptions.memorySize'],
    ['LBP_SQS_MAX_CONCURRENCY', 'triggerOptions.maxConcurrency'],
  ]);
});

test('QueueProcessor: a FIFO queue limits the batch size to 10 before the queue exists', () => {
  expect(oneRound((s) => new QueueProcessor(s, 'P', { code, fifo: true, triggerOptions: { batchSize: 11 } })))
    .toEqual([['LBP_SQS_BATCH_SIZE', 'triggerOptions.batchSize']]);
});

test('QueueProcessor: an existing queue\'s visibility timeout against functionOptions.timeout, with the rest', () => {
  let queue: sqs.IQueue;
  expect(oneRound((s) => new QueueProcessor(s, 'P', {
    code,
    queue,
    functionOptions: { memorySize: 64, timeout: Duration.seconds(61) },
  }), (s) => {
    queue = new sqs.Queue(s, 'Queue', { visibilityTimeout: Duration.seconds(60), deadLetterQueue: { queue: new sqs.Queue(s, 'Dlq'), maxReceiveCount: 5 } });
  })).toEqual([
    ['LBP_MEMORY_SIZE', 'functionOptions.memorySize'],
    ['LBP_SQS_VISIBILITY_TIMEOUT', 'visibilityTimeout'],
  ]);
  // At the limit (a visibility timeout equal to the function timeout) it is accepted.
  const stack = testStack();
  const ok = new sqs.Queue(stack, 'Queue', { visibilityTimeout: Duration.seconds(60), deadLetterQueue: { queue: new sqs.Queue(stack, 'Dlq'), maxReceiveCount: 5 } });
  expect(() => new QueueProcessor(stack, 'P', { code, queue: ok, functionOptions: { timeout: Duration.seconds(60) } })).not.toThrow();
});

test('StreamProcessor', () => {
  expect(oneRound((s) => new StreamProcessor(s, 'P', {
    code,
    retentionPeriod: Duration.hours(1),
    functionOptions: { timeout: Duration.minutes(16) },
    triggerOptions: { batchSize: 10_001 },
  }))).toEqual([
    ['LBP_STREAM_RETENTION', 'retentionPeriod'],
    ['LBP_TIMEOUT', 'functionOptions.timeout'],
    ['LBP_STREAM_BATCH_SIZE', 'triggerOptions.batchSize'],
  ]);
});

test('TableStreamProcessor', () => {
  expect(oneRound((s) => new TableStreamProcessor(s, 'P', {
    code,
    functionOptions: { memorySize: 64 },
    triggerOptions: { parallelizationFactor: 11 },
  }))).toEqual([
    ['LBP_TABLE_PARTITION_KEY', 'partitionKey'],
    ['LBP_MEMORY_SIZE', 'functionOptions.memorySize'],
    ['LBP_STREAM_PARALLELIZATION', 'triggerOptions.parallelizationFactor'],
  ]);
});

test('TopicSubscriber', () => {
  let topic: sns.ITopic;
  let key: kms.IKey;
  expect(oneRound((s) => new TopicSubscriber(s, 'P', {
    code,
    topic,
    masterKey: key,
    functionOptions: { retryAttempts: 3 },
    triggerOptions: { filterPolicy: {}, filterPolicyWithMessageBody: {} },
  }), (s) => {
    topic = new sns.Topic(s, 'Topic');
    key = new kms.Key(s, 'Key', { enableKeyRotation: true });
  })).toEqual([
    ['LBP_PATTERN_SOURCE_OPTION', 'masterKey'],
    ['LBP_RETRY_ATTEMPTS', 'functionOptions.retryAttempts'],
    ['LBP_SNS_FILTER_POLICY', 'triggerOptions.filterPolicy, filterPolicyWithMessageBody'],
  ]);
});

test('BucketProcessor', () => {
  let bucket: s3.IBucket;
  expect(oneRound((s) => new BucketProcessor(s, 'P', {
    code,
    bucket,
    removalPolicy: undefined,
    serverAccessLogsBucket: bucket,
    functionOptions: { environment: { AWS_REGION: 'eu-west-1' } },
    triggerOptions: { eventTypes: [], retryAttempts: 186 },
  }), (s) => {
    bucket = new s3.Bucket(s, 'Bucket');
  })).toEqual([
    ['LBP_PATTERN_SOURCE_OPTION', 'serverAccessLogsBucket'],
    ['LBP_ENV_RESERVED', 'functionOptions.environment key \'AWS_REGION\''],
    ['LBP_S3_EVENT_TYPES', 'triggerOptions.eventTypes'],
    ['LBP_TARGET_RETRY_ATTEMPTS', 'triggerOptions.retryAttempts'],
  ]);
});

test('ScheduledJob: the schedule, the function and the trigger options', () => {
  expect(oneRound((s) => new ScheduledJob(s, 'P', {
    code,
    schedule: TriggerSchedule.cron('cron(0 25 ? * MON-FRI *)'),
    functionOptions: { memorySize: 64 },
    triggerOptions: { timeZone: 'Nowhere/City' },
  }))).toEqual([
    ['LBP_MEMORY_SIZE', 'functionOptions.memorySize'],
    ['LBP_SCHEDULE_CRON', 'schedule'],
    ['LBP_SCHEDULE_TIME_ZONE', 'triggerOptions.timeZone'],
  ]);
});

test('HttpApiFunction: a trigger rule on the function\'s timeout is named by functionOptions', () => {
  expect(oneRound((s) => new HttpApiFunction(s, 'P', {
    code,
    functionOptions: { memorySize: 64, timeout: Duration.seconds(31) },
    triggerOptions: { throttlingBurstLimit: 0 },
  }))).toEqual([
    ['LBP_MEMORY_SIZE', 'functionOptions.memorySize'],
    ['LBP_HTTP_API_TIMEOUT', 'functionOptions.timeout'],
    ['LBP_HTTP_API_THROTTLE', 'triggerOptions.throttlingBurstLimit'],
  ]);
});

test('RestApiFunction', () => {
  expect(oneRound((s) => new RestApiFunction(s, 'P', {
    code,
    functionOptions: { memorySize: 64, timeout: Duration.seconds(30) },
    triggerOptions: { stageName: 'bad stage!' },
  }))).toEqual([
    ['LBP_MEMORY_SIZE', 'functionOptions.memorySize'],
    ['LBP_REST_API_TIMEOUT', 'functionOptions.timeout'],
    ['LBP_REST_API_STAGE', 'triggerOptions.stageName'],
  ]);
});

test('the same id can be used again once the props are corrected', () => {
  const stack = testStack();
  expect(() => new QueueProcessor(stack, 'P', { code, maxReceiveCount: 0, functionOptions: { memorySize: 64 } })).toThrow(BlueprintValidationError);
  expect(() => new QueueProcessor(stack, 'P', { code })).not.toThrow();
});

describe('an existing source that the trigger would refuse is reported in the same round', () => {
  test('QueueProcessor: a queue without a redrive policy', () => {
    let queue: sqs.IQueue;
    expect(oneRound((s) => new QueueProcessor(s, 'P', { code, queue, functionOptions: { memorySize: 64 } }), (s) => {
      queue = new sqs.Queue(s, 'Queue');
    })).toEqual([
      ['LBP_MEMORY_SIZE', 'functionOptions.memorySize'],
      ['LBP_SQS_REDRIVE_REQUIRED', 'queue.deadLetterQueue'],
    ]);
  });

  test('TopicSubscriber: a FIFO topic', () => {
    let topic: sns.ITopic;
    expect(oneRound((s) => new TopicSubscriber(s, 'P', { code, topic, functionOptions: { memorySize: 64 } }), (s) => {
      topic = new sns.Topic(s, 'Topic', { fifo: true });
    })).toEqual([
      ['LBP_MEMORY_SIZE', 'functionOptions.memorySize'],
      ['LBP_SNS_FIFO_TOPIC', 'topic'],
    ]);
  });

  test('BucketProcessor: an imported bucket not known to send events to EventBridge', () => {
    let bucket: s3.IBucket;
    expect(oneRound((s) => new BucketProcessor(s, 'P', { code, bucket, functionOptions: { memorySize: 64 } }), (s) => {
      bucket = s3.Bucket.fromBucketName(s, 'Imported', 'uploads');
    })).toEqual([
      ['LBP_MEMORY_SIZE', 'functionOptions.memorySize'],
      ['LBP_S3_EVENTBRIDGE_REQUIRED', 'triggerOptions.bucketSendsToEventBridge'],
    ]);
  });

  test('TableStreamProcessor: a table without a stream', () => {
    let table: dynamodb.ITable;
    expect(oneRound((s) => new TableStreamProcessor(s, 'P', { code, table, functionOptions: { memorySize: 64 } }), (s) => {
      table = new dynamodb.Table(s, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
    })).toEqual([
      ['LBP_MEMORY_SIZE', 'functionOptions.memorySize'],
      ['LBP_DYNAMODB_STREAM_REQUIRED', 'table.tableStreamArn'],
    ]);
  });
});
