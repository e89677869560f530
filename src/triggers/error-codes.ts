/**
 * Stable validation error codes of the queue, stream, topic and bucket triggers, and of the IoT,
 * Alexa, CloudWatch Logs and Firehose invokers. A code is never reused for another rule;
 * docs/triggers-async.md and docs/triggers-events.md list them all with their conditions.
 *
 * @internal
 */
export const TriggerErrorCodes = {
  /** The SQS source queue has no redrive policy (or, imported, none was stated). */
  SQS_REDRIVE_REQUIRED: 'LBP_SQS_REDRIVE_REQUIRED',
  /** The SQS queue's visibility timeout is below the function timeout (Lambda rejects the mapping). */
  SQS_VISIBILITY_TIMEOUT: 'LBP_SQS_VISIBILITY_TIMEOUT',
  /** SQS batch size out of range (1-10, or up to 10,000 with a batching window; FIFO at most 10). */
  SQS_BATCH_SIZE: 'LBP_SQS_BATCH_SIZE',
  /** Batching window out of range (0-300 s) or set on a FIFO queue. */
  BATCHING_WINDOW: 'LBP_BATCHING_WINDOW',
  /** SQS maximum concurrency outside 2-1000. */
  SQS_MAX_CONCURRENCY: 'LBP_SQS_MAX_CONCURRENCY',
  /** Stream batch size outside 1-10,000. */
  STREAM_BATCH_SIZE: 'LBP_STREAM_BATCH_SIZE',
  /** Stream retry attempts infinite (-1) or outside 0-10,000. */
  STREAM_RETRY_ATTEMPTS: 'LBP_STREAM_RETRY_ATTEMPTS',
  /** Stream maximum record age infinite or outside 60 s - 7 days. */
  STREAM_MAX_RECORD_AGE: 'LBP_STREAM_MAX_RECORD_AGE',
  /** Parallelization factor outside 1-10. */
  STREAM_PARALLELIZATION: 'LBP_STREAM_PARALLELIZATION',
  /** Tumbling window outside 0-900 s. */
  STREAM_TUMBLING_WINDOW: 'LBP_STREAM_TUMBLING_WINDOW',
  /** AT_TIMESTAMP without a timestamp, a timestamp without AT_TIMESTAMP, or AT_TIMESTAMP on DynamoDB. */
  STREAM_STARTING_POSITION: 'LBP_STREAM_STARTING_POSITION',
  /** Both an on-failure queue and topic were given, or one of them is FIFO. */
  STREAM_ON_FAILURE: 'LBP_STREAM_ON_FAILURE',
  /** The DynamoDB table has no stream. */
  DYNAMODB_STREAM_REQUIRED: 'LBP_DYNAMODB_STREAM_REQUIRED',
  /** An imported bucket without the statement that EventBridge notifications are on. */
  S3_EVENTBRIDGE_REQUIRED: 'LBP_S3_EVENTBRIDGE_REQUIRED',
  /** No S3 event types were given. */
  S3_EVENT_TYPES: 'LBP_S3_EVENT_TYPES',
  /** EventBridge target retry attempts outside 0-185. */
  EVENT_TARGET_RETRY_ATTEMPTS: 'LBP_EVENT_TARGET_RETRY_ATTEMPTS',
  /** EventBridge target maximum event age outside 60 s - 24 h. */
  EVENT_TARGET_MAX_EVENT_AGE: 'LBP_EVENT_TARGET_MAX_EVENT_AGE',
  /** A FIFO SNS topic (Lambda cannot subscribe to one). */
  SNS_FIFO_TOPIC: 'LBP_SNS_FIFO_TOPIC',
  /** A trigger's own failure queue was given as a FIFO queue. */
  FIFO_FAILURE_QUEUE: 'LBP_FIFO_FAILURE_QUEUE',
  /** A FIFO source queue whose dead-letter queue is standard (or the reverse): SQS rejects it. */
  SQS_DLQ_TYPE: 'LBP_SQS_DLQ_TYPE',
  /** Both SNS filter policy scopes were given. */
  SNS_FILTER_POLICY: 'LBP_SNS_FILTER_POLICY',
  /** An asynchronously invoked function without a dead-letter queue. */
  ASYNC_FAILURES_UNCAPTURED: 'LBP_ASYNC_FAILURES_UNCAPTURED',
  /** An IoT rule SQL statement that is empty, not `SELECT ... FROM '<topic filter>'`, or whose topic filter breaks the MQTT topic limits. */
  IOT_SQL: 'LBP_IOT_SQL',
  /** An IoT rule name outside 1-128 characters of `[a-zA-Z0-9_]`. */
  IOT_RULE_NAME: 'LBP_IOT_RULE_NAME',
  /** An IoT error-action queue that is FIFO (the IoT SQS action cannot send to FIFO queues). */
  IOT_ERROR_QUEUE: 'LBP_IOT_ERROR_QUEUE',
  /** An Alexa skill id that is not `amzn1.ask.skill.<uuid>`. */
  ALEXA_SKILL_ID: 'LBP_ALEXA_SKILL_ID',
  /** The function may run longer than the 8 s Alexa waits for a skill's response. */
  ALEXA_TIMEOUT: 'LBP_ALEXA_TIMEOUT',
  /** A log subscription on the function's own log group (an invocation loop). */
  LOG_SUBSCRIPTION_LOOP: 'LBP_LOG_SUBSCRIPTION_LOOP',
  /** A third subscription filter on one log group (CloudWatch Logs allows 2 per log group). */
  LOG_SUBSCRIPTION_QUOTA: 'LBP_LOG_SUBSCRIPTION_QUOTA',
  /** A filter pattern longer than 1,024 characters, or a filter name outside 1-512 characters without `:` and `*`. */
  LOG_SUBSCRIPTION_FILTER: 'LBP_LOG_SUBSCRIPTION_FILTER',
  /** The log group is in another account or Region than the function (subscriptions to Lambda are same-account, same-Region). */
  LOG_SUBSCRIPTION_ENV: 'LBP_LOG_SUBSCRIPTION_ENV',
  /** A Firehose Lambda-processor buffer size outside 0.2-3 MB. */
  FIREHOSE_BUFFER_SIZE: 'LBP_FIREHOSE_BUFFER_SIZE',
  /** A Firehose buffer interval (processor or S3 destination) outside 0-900 s. */
  FIREHOSE_BUFFER_INTERVAL: 'LBP_FIREHOSE_BUFFER_INTERVAL',
  /** Firehose processor retries outside 0-300. */
  FIREHOSE_RETRIES: 'LBP_FIREHOSE_RETRIES',
  /** The function timeout exceeds the 5 minutes Firehose waits for a transformation. */
  FIREHOSE_TIMEOUT: 'LBP_FIREHOSE_TIMEOUT',
  /** A Firehose S3 prefix that is too long or uses expressions Firehose rejects. */
  FIREHOSE_PREFIX: 'LBP_FIREHOSE_PREFIX',
  /** A delivery stream name outside 1-64 characters of `[a-zA-Z0-9_.-]`. */
  FIREHOSE_STREAM_NAME: 'LBP_FIREHOSE_STREAM_NAME',
  /** An S3 destination buffer size outside 1-128 MB. */
  FIREHOSE_DESTINATION_BUFFER_SIZE: 'LBP_FIREHOSE_DESTINATION_BUFFER_SIZE',
  /** A trigger's resources were read before it was added to a function. */
  TRIGGER_NOT_BOUND: 'LBP_TRIGGER_NOT_BOUND',
  /** One trigger object was added to a second function. */
  TRIGGER_ALREADY_BOUND: 'LBP_TRIGGER_ALREADY_BOUND',
  /** A trigger target without an execution role (every ServerlessFunction has one). */
  TRIGGER_TARGET_ROLE: 'LBP_TRIGGER_TARGET_ROLE',
} as const;
