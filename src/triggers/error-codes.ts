/**
 * Stable validation error codes of the queue, stream, topic and bucket triggers. A code is never
 * reused for another rule; docs/triggers-async.md lists them all with their conditions.
 *
 * @internal
 */
export const TriggerErrorCodes = {
  /** A trigger object was added to a second function. */
  TRIGGER_REUSED: 'LBP_TRIGGER_REUSED',
  /** A trigger's resources were read before it was added to a function. */
  TRIGGER_NOT_ADDED: 'LBP_TRIGGER_NOT_ADDED',
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
  /** A FIFO SNS topic (Lambda cannot subscribe to one). */
  SNS_FIFO_TOPIC: 'LBP_SNS_FIFO_TOPIC',
  /** A FIFO queue given as the dead-letter queue of an EventBridge rule target or a schedule (standard only). */
  FIFO_FAILURE_QUEUE: 'LBP_FIFO_FAILURE_QUEUE',
  /** A FIFO source queue whose dead-letter queue is standard (or the reverse): SQS rejects it. */
  SQS_DLQ_TYPE: 'LBP_SQS_DLQ_TYPE',
  /** Both SNS filter policy scopes were given. */
  SNS_FILTER_POLICY: 'LBP_SNS_FILTER_POLICY',
  /** An asynchronously invoked function without a dead-letter queue. */
  ASYNC_FAILURES_UNCAPTURED: 'LBP_ASYNC_FAILURES_UNCAPTURED',
} as const;
