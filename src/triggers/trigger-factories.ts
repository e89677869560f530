import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { DynamoDbStreamTrigger, DynamoDbStreamTriggerOptions } from './dynamodb-stream-trigger';
import { KinesisTrigger, KinesisTriggerOptions } from './kinesis-trigger';
import { S3Trigger, S3TriggerOptions } from './s3-trigger';
import { SnsTrigger, SnsTriggerOptions } from './sns-trigger';
import { SqsTrigger, SqsTriggerOptions } from './sqs-trigger';
import { ITrigger } from './trigger';

/**
 * Factories for the event sources of a {@link ServerlessFunction}: each targets the function's `live`
 * alias, brings its own failure handling and checks its quotas at synth.
 *
 * @example
 * fn.addTrigger(Trigger.sqs(queue, { batchSize: 10 }));
 */
export class Trigger {
  /**
   * Batches of messages from an SQS queue, with partial batch responses; the queue must have a
   * redrive policy and a visibility timeout of at least the function timeout.
   */
  public static sqs(queue: sqs.IQueue, options?: SqsTriggerOptions): ITrigger {
    return new SqsTrigger(queue, options);
  }

  /**
   * Batches of records from a Kinesis data stream, with bounded retries and record age,
   * bisect-on-error and an on-failure destination.
   */
  public static kinesis(stream: kinesis.IStream, options?: KinesisTriggerOptions): ITrigger {
    return new KinesisTrigger(stream, options);
  }

  /**
   * Batches of change records from a DynamoDB table's stream, with bounded retries and record age,
   * bisect-on-error and an on-failure destination.
   */
  public static dynamoDbStream(table: dynamodb.ITable, options?: DynamoDbStreamTriggerOptions): ITrigger {
    return new DynamoDbStreamTrigger(table, options);
  }

  /**
   * Object events of an S3 bucket, through EventBridge (no custom resource), with a retry policy and
   * a dead-letter queue on the rule target.
   */
  public static s3(bucket: s3.IBucket, options?: S3TriggerOptions): ITrigger {
    return new S3Trigger(bucket, options);
  }

  /**
   * Messages of an SNS topic (standard topics only), with a redrive dead-letter queue on the
   * subscription.
   */
  public static sns(topic: sns.ITopic, options?: SnsTriggerOptions): ITrigger {
    return new SnsTrigger(topic, options);
  }

  private constructor() {}
}
