/**
 * The cdk-nag findings the triggers acknowledge, each a finding a template cannot avoid. Listed with
 * their reasons in docs/triggers-async.md.
 *
 * @internal
 */
export const TriggerAcknowledgement = {
  /** An SQS event source mapping cannot have an on-failure destination. */
  SQS_ESM_NO_DESTINATION: {
    ids: ['Serverless-LambdaEventSourceMappingDestination'],
    reason:
      'Lambda event source mappings for SQS do not support DestinationConfig (only Kinesis, DynamoDB Streams and ' +
      'Kafka do); messages that fail go to the source queue\'s redrive dead-letter queue, which the trigger requires.',
  },
  /** A failure queue fed by SNS, EventBridge or an ESM on-failure destination is a DLQ AwsSolutions-SQS3 does not recognise. */
  SINK_QUEUE_IS_A_DLQ: {
    ids: ['AwsSolutions-SQS3'],
    reason:
      'This queue IS a dead-letter queue: the failure sink of an SNS subscription redrive policy, an EventBridge ' +
      'target DeadLetterConfig or a stream event source mapping OnFailure destination. AwsSolutions-SQS3 only ' +
      'recognises queues referenced by another queue\'s RedrivePolicy or a function\'s DeadLetterConfig.',
  },
  /** `dynamodb:ListStreams` only supports `Resource: *`. */
  DYNAMODB_LIST_STREAMS: {
    ids: ['AwsSolutions-IAM5[Resource::*]'],
    reason:
      'dynamodb:ListStreams (which the DynamoDB Streams event source needs) does not support resource-level ' +
      'permissions; the stream read actions (DescribeStream, GetRecords, GetShardIterator) are scoped to the stream ARN.',
  },
} as const;
