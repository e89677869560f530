import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AlbTrigger, AlbTriggerProps } from './alb/alb-trigger';
import { AlexaSkillTrigger, AlexaSkillTriggerOptions } from './alexa-skill/alexa-skill-trigger';
import { CognitoTrigger, CognitoTriggerOptions } from './cognito/cognito-trigger';
import { DocumentDbSource, DocumentDbTrigger, DocumentDbTriggerOptions } from './documentdb/documentdb-trigger';
import { EventRuleTrigger, EventRuleTriggerProps } from './event-rule/event-rule-trigger';
import { FirehoseTransformationTrigger, FirehoseTransformationTriggerProps } from './firehose-transformation/firehose-transformation-trigger';
import { FunctionUrlTrigger, FunctionUrlTriggerOptions } from './function-url/function-url-trigger';
import { HttpApiTrigger, HttpApiTriggerOptions } from './http-api/http-api-trigger';
import { IotRuleTrigger, IotRuleTriggerOptions } from './iot-rule/iot-rule-trigger';
import { KafkaSource, KafkaTrigger, KafkaTriggerOptions } from './kafka/kafka-trigger';
import { LogSubscriptionTrigger, LogSubscriptionTriggerOptions } from './log-subscription/log-subscription-trigger';
import { MqBroker, MqTrigger, MqTriggerOptions } from './mq/mq-trigger';
import { RestApiTrigger, RestApiTriggerOptions } from './rest-api/rest-api-trigger';
import { S3Trigger, S3TriggerOptions } from './s3/s3-trigger';
import { ScheduleTrigger, ScheduleTriggerOptions } from './schedule/schedule-trigger';
import { TriggerSchedule } from './schedule/trigger-schedule';
import { SnsTrigger, SnsTriggerOptions } from './sns/sns-trigger';
import { SqsTrigger, SqsTriggerOptions } from './sqs/sqs-trigger';
import { DynamoDbStreamTrigger, DynamoDbStreamTriggerOptions } from './stream/dynamodb-stream-trigger';
import { KinesisTrigger, KinesisTriggerOptions } from './stream/kinesis-trigger';
import { WebSocketApiTrigger, WebSocketApiTriggerOptions } from './websocket-api/websocket-api-trigger';

/**
 * The event sources of a {@link ServerlessFunction}: each factory returns a trigger to pass to
 * `ServerlessFunction.addTrigger`. Every trigger targets the function's `live` alias, brings its own
 * failure handling and checks its limits at synth. Each returns its concrete class, so the parts it
 * creates (queues, rules, APIs, ...) are reachable after `addTrigger`.
 *
 * @exampleMetadata fixture=api
 * @example
 * fn.addTrigger(Trigger.sqs(queue, { batchSize: 10 }));
 */
export class Trigger {
  /**
   * Batches of messages from an SQS queue, with partial batch responses.
   *
   * The queue must have a redrive policy and a visibility timeout of at least the function timeout.
   */
  public static sqs(queue: sqs.IQueue, options?: SqsTriggerOptions): SqsTrigger {
    return new SqsTrigger(queue, options);
  }

  /**
   * Batches of records from a Kinesis data stream, with bounded retries and record age,
   * bisect-on-error and an on-failure destination.
   */
  public static kinesis(stream: kinesis.IStream, options?: KinesisTriggerOptions): KinesisTrigger {
    return new KinesisTrigger(stream, options);
  }

  /**
   * Batches of records from a Kafka topic of an Amazon MSK cluster (provisioned or serverless) or a
   * self-managed cluster, with an on-failure destination that is always set.
   *
   * The destination is a FailureQueue unless you give a queue, topic, bucket or Kafka topic of the same
   * cluster. In provisioned mode: bounded retries and record age, bisect-on-error. MSK uses IAM by
   * default, scoped to the cluster, topic and group.
   */
  public static kafka(source: KafkaSource, options: KafkaTriggerOptions): KafkaTrigger {
    return new KafkaTrigger(source, options);
  }

  /**
   * Batches of change events from an Amazon DocumentDB change stream (one database, or one collection).
   *
   * AWS offers no on-failure destination for DocumentDB: a failing batch is retried until it succeeds
   * or its events expire from the change stream, then Lambda disables the mapping; the function's error
   * and iterator-age alarms report it. Credentials come from a secret, by reference.
   */
  public static documentDb(source: DocumentDbSource, options: DocumentDbTriggerOptions): DocumentDbTrigger {
    return new DocumentDbTrigger(source, options);
  }

  /**
   * Batches of messages from a queue of an Amazon MQ broker (ActiveMQ or RabbitMQ), authenticated with
   * a Secrets Manager secret by reference.
   *
   * Lambda offers no on-failure destination for Amazon MQ: a failed message is redelivered by the
   * broker and ends in its dead-letter queue (`ActiveMQ.DLQ` by default; for RabbitMQ the queue your
   * dead-letter exchange routes to, which you name), watched by an alarm on its Amazon MQ metric.
   */
  public static mq(broker: MqBroker, options: MqTriggerOptions): MqTrigger {
    return new MqTrigger(broker, options);
  }

  /**
   * Batches of change records from a DynamoDB table's stream, with bounded retries and record age,
   * bisect-on-error and an on-failure destination.
   */
  public static dynamoDbStream(table: dynamodb.ITable, options?: DynamoDbStreamTriggerOptions): DynamoDbStreamTrigger {
    return new DynamoDbStreamTrigger(table, options);
  }

  /**
   * Object events of an S3 bucket, through EventBridge (no custom resource), with a retry policy and
   * a dead-letter queue on the rule target.
   */
  public static s3(bucket: s3.IBucket, options?: S3TriggerOptions): S3Trigger {
    return new S3Trigger(bucket, options);
  }

  /**
   * Messages of an SNS topic (standard topics only), with a redrive dead-letter queue on the
   * subscription.
   */
  public static sns(topic: sns.ITopic, options?: SnsTriggerOptions): SnsTrigger {
    return new SnsTrigger(topic, options);
  }

  /**
   * Invokes the function on a schedule (EventBridge Scheduler), with a dead-letter queue and a
   * bounded retry policy.
   *
   * @param schedule when, e.g. `TriggerSchedule.cron('cron(0 2 ? * MON-FRI *)')`
   * @param options time zone, flexible window, retries, input
   */
  public static schedule(schedule: TriggerSchedule, options?: ScheduleTriggerOptions): ScheduleTrigger {
    return new ScheduleTrigger(schedule, options);
  }

  /**
   * Invokes the function for events matching a pattern on an event bus, with a target dead-letter
   * queue and a bounded retry policy.
   *
   * @param props the event pattern, bus and retry policy
   */
  public static eventRule(props: EventRuleTriggerProps): EventRuleTrigger {
    return new EventRuleTrigger(props);
  }

  /**
   * Serves the function over an API Gateway HTTP API (IAM or JWT auth, throttling, JSON access logs).
   *
   * @param options routes, authorization, throttling, logs
   */
  public static httpApi(options?: HttpApiTriggerOptions): HttpApiTrigger {
    return new HttpApiTrigger(options);
  }

  /**
   * Serves the function over an API Gateway REST API (IAM or Cognito auth on every method, request
   * validation, stage throttling, JSON access logs, X-Ray, optional WAF).
   *
   * @param options routes, authorization, integration timeout, throttling, logs, web ACL
   */
  public static restApi(options?: RestApiTriggerOptions): RestApiTrigger {
    return new RestApiTrigger(options);
  }

  /**
   * Serves the function over an API Gateway WebSocket API ($connect with IAM auth, $disconnect,
   * $default and custom routes, stage throttling, JSON access logs).
   *
   * @param options routes, $connect authorization, throttling, logs
   */
  public static webSocketApi(options?: WebSocketApiTriggerOptions): WebSocketApiTrigger {
    return new WebSocketApiTrigger(options);
  }

  /**
   * Invokes the function from a Cognito user pool operation (any `UserPoolOperation`, custom senders
   * with their KMS key), with the timeout checked against Cognito's 5-second wait.
   *
   * @param userPool the user pool (defined in this app)
   * @param operation the operation, e.g. `UserPoolOperation.PRE_SIGN_UP`
   * @param options the event version, the custom sender key
   */
  public static cognito(userPool: cognito.IUserPool, operation: cognito.UserPoolOperation, options?: CognitoTriggerOptions): CognitoTrigger {
    return new CognitoTrigger(userPool, operation, options);
  }

  /**
   * Gives the function a function URL (IAM auth unless a public URL is explicitly allowed).
   *
   * @param options auth type, CORS, invoke mode
   */
  public static functionUrl(options?: FunctionUrlTriggerOptions): FunctionUrlTrigger {
    return new FunctionUrlTrigger(options);
  }

  /**
   * Puts the function behind an Application Load Balancer listener.
   *
   * @param props the listener, rule priority and conditions
   */
  public static alb(props: AlbTriggerProps): AlbTrigger {
    return new AlbTrigger(props);
  }

  /**
   * Invokes the function for the MQTT messages an AWS IoT topic rule selects, with an error action
   * into a FailureQueue and the SQL version always set.
   *
   * @param sql the rule's statement, e.g. `SELECT * FROM 'devices/+/telemetry'`
   * @param options SQL version, rule name, error queue
   */
  public static iotRule(sql: string, options?: IotRuleTriggerOptions): IotRuleTrigger {
    return new IotRuleTrigger(sql, options);
  }

  /**
   * Lets one Alexa skill invoke the function (the permission carries the skill id, a permission for
   * every skill is never created).
   *
   * @param skillId the skill's id, `amzn1.ask.skill.<uuid>`
   * @param options the kind of skill
   */
  public static alexaSkill(skillId: string, options?: AlexaSkillTriggerOptions): AlexaSkillTrigger {
    return new AlexaSkillTrigger(skillId, options);
  }

  /**
   * Invokes the function with the matching events of a CloudWatch Logs log group (a subscription
   * filter), refusing the function's own log group and a third filter on one log group.
   *
   * @param logGroup the log group to subscribe to
   * @param filterPattern which events to deliver, e.g. `logs.FilterPattern.allEvents()`
   * @param options filter name, distribution
   */
  public static logSubscription(
    logGroup: logs.ILogGroup,
    filterPattern: logs.IFilterPattern,
    options?: LogSubscriptionTriggerOptions,
  ): LogSubscriptionTrigger {
    return new LogSubscriptionTrigger(logGroup, filterPattern, options);
  }

  /**
   * Creates a Firehose delivery stream that transforms every record with the function before it
   * writes it to an S3 bucket. Failed records are kept in the bucket under an error prefix.
   *
   * @param props the destination bucket, buffering and retries
   */
  public static firehoseTransformation(props: FirehoseTransformationTriggerProps): FirehoseTransformationTrigger {
    return new FirehoseTransformationTrigger(props);
  }

  private constructor() {}
}
