import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';

/**
 * Options shared by the stream triggers (Kinesis and DynamoDB Streams). Every default bounds how long a
 * failing record can block its shard, and keeps the record when it finally fails.
 */
export interface StreamTriggerOptions {
  /**
   * How many records one invocation receives (1 to 10,000).
   *
   * @default 100
   */
  readonly batchSize?: number;

  /**
   * How long Lambda gathers records before invoking (0 to 300 seconds).
   *
   * @default - none
   */
  readonly maxBatchingWindow?: Duration;

  /**
   * Where in the stream a new mapping starts reading.
   *
   * @default StartingPosition.TRIM_HORIZON (records written before the mapping existed are not skipped)
   */
  readonly startingPosition?: lambda.StartingPosition;

  /**
   * The time (Unix seconds) to start reading from, with `StartingPosition.AT_TIMESTAMP` (Kinesis only).
   *
   * @default - none
   */
  readonly startingPositionTimestamp?: number;

  /**
   * How many times a failing batch is retried (0 to 10,000). Infinite retries (-1) are refused: one
   * bad record would block its shard until it expires.
   *
   * @default 3
   */
  readonly retryAttempts?: number;

  /**
   * The oldest record the function is sent, from 60 seconds to 7 days.
   *
   * Older records go to the on-failure destination. Infinite (-1) is refused.
   *
   * @default Duration.days(1)
   */
  readonly maxRecordAge?: Duration;

  /**
   * Whether a failing batch is split in two and retried, to isolate the bad record.
   *
   * @default true
   */
  readonly bisectBatchOnError?: boolean;

  /**
   * Whether the handler may return `batchItemFailures` to checkpoint at the first failed record.
   *
   * @default true
   */
  readonly reportBatchItemFailures?: boolean;

  /**
   * How many batches of one shard are processed concurrently (1 to 10).
   *
   * @default 1
   */
  readonly parallelizationFactor?: number;

  /**
   * A tumbling window for stateful aggregation (0 to 900 seconds).
   *
   * @default - none
   */
  readonly tumblingWindow?: Duration;

  /**
   * Event filter patterns (`lambda.FilterCriteria.filter(...)`), encrypted with the stack's
   * BlueprintKey (Lambda shows them only to callers that may decrypt with it).
   *
   * @default - every record invokes the function
   */
  readonly filters?: Array<{ [key: string]: any }>;

  /**
   * A standard SQS queue that receives the metadata of batches that failed every retry (instead of
   * the trigger's own failure queue). Not with `onFailureTopic` or `onFailureBucket`.
   *
   * @default - a FailureQueue (14 days, encrypted, TLS-only, alarmed)
   */
  readonly onFailureQueue?: sqs.IQueue;

  /**
   * A standard SNS topic that receives the metadata of batches that failed every retry. Not with
   * `onFailureQueue` or `onFailureBucket`.
   *
   * @default - a FailureQueue (14 days, encrypted, TLS-only, alarmed)
   */
  readonly onFailureTopic?: sns.ITopic;

  /**
   * An S3 bucket that receives each batch that failed every retry as an object: the invocation
   * metadata and the whole records (a queue or topic receives the metadata only). The function gets
   * `s3:PutObject` on the bucket's objects and `s3:ListBucket` (plus `kms:GenerateDataKey` and
   * `kms:Encrypt` on the bucket's key), not `S3OnFailureDestination`'s read-write grant. The bucket's
   * retention, encryption and alarms are yours. Not with `onFailureQueue` or `onFailureTopic`.
   *
   * @default - a FailureQueue (14 days, encrypted, TLS-only, alarmed)
   */
  readonly onFailureBucket?: s3.IBucket;

  /**
   * Whether the mapping starts enabled.
   *
   * @default true
   */
  readonly enabled?: boolean;
}
