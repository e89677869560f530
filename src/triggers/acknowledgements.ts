/**
 * The cdk-nag findings the triggers acknowledge, each a finding a template cannot avoid. Listed with
 * their reasons in docs/triggers-async.md.
 *
 * @internal
 */
export const TriggerAcknowledgement = {
  /**
   * An SNS subscription's endpoint is the `live` alias, whose qualified ARN aws-cdk-lib's built-in
   * validator does not take for a Lambda function.
   */
  SNS_ALIAS_ENDPOINT: {
    ids: [],
    cdkValidator: ['W3694'],
    reason:
      'The lambda-protocol endpoint is the ARN of the function\'s live alias (the function ARN with the alias ' +
      'as qualifier), which SNS accepts and invokes: every trigger reaches the deployed version through the ' +
      'alias. The check only recognises unqualified function ARNs.',
  },
  /** An SQS event source mapping cannot have an on-failure destination. */
  SQS_ESM_NO_DESTINATION: {
    ids: ['Serverless-LambdaEventSourceMappingDestination'],
    cfnLint: ['ES1001'],
    reason:
      'Lambda event source mappings for SQS do not support DestinationConfig (only Kinesis, DynamoDB Streams and ' +
      'Kafka do); messages that fail go to the source queue\'s redrive dead-letter queue, which the trigger requires.',
  },
  /**
   * A failure queue fed by SNS, an EventBridge rule target, an EventBridge Scheduler schedule or an ESM
   * on-failure destination is a DLQ that AwsSolutions-SQS3 does not recognise.
   */
  SINK_QUEUE_IS_A_DLQ: {
    ids: ['AwsSolutions-SQS3'],
    reason:
      'This queue IS a dead-letter queue: the failure sink of an SNS subscription redrive policy, an EventBridge ' +
      'rule target or Scheduler schedule DeadLetterConfig, or a stream event source mapping OnFailure destination. ' +
      'AwsSolutions-SQS3 only recognises queues referenced by another queue\'s RedrivePolicy or a function\'s ' +
      'DeadLetterConfig. It keeps failed events 14 days, is encrypted, TLS-only and alarmed.',
  },
  /**
   * serverless-rules' ES1007 wants an EventInvokeConfig with an on-failure destination next to every
   * permission that lets SNS, EventBridge or S3 invoke the function.
   */
  ASYNC_PERMISSION_FAILURES_IN_DLQ: {
    ids: [],
    cfnLint: ['ES1007'],
    reason:
      'Asynchronous invocations that fail every attempt go to the function\'s dead-letter queue (DeadLetterConfig: ' +
      '14 days, encrypted, alarmed). An EventInvokeConfig on-failure destination on the same queue would deliver each ' +
      'failure twice; set the function\'s onFailure to also receive invocation records.',
  },
  /** An ALB invoke permission cannot name the target group: the target group references the alias. */
  ALB_PERMISSION_SOURCE: {
    ids: [],
    checkov: ['CKV_AWS_364'],
    reason:
      'Elastic Load Balancing may invoke the alias without a SourceArn. Naming the target group there would ' +
      'make a circular reference (the target group registers the alias, which needs the permission first); ' +
      'only this account\'s load balancers can use the permission.',
  },
  /** The queue an IoT rule's error action sends to is a dead-letter queue AwsSolutions-SQS3 does not recognise. */
  IOT_ERROR_QUEUE_IS_A_DLQ: {
    ids: ['AwsSolutions-SQS3'],
    reason:
      'This queue IS a dead-letter queue: the error action of an AWS IoT topic rule sends the messages it could not ' +
      'hand to Lambda here. AwsSolutions-SQS3 only recognises queues referenced by another queue\'s RedrivePolicy or ' +
      'a function\'s DeadLetterConfig. It keeps failed messages 14 days, is encrypted, TLS-only and alarmed.',
  },
  /** The IoT and CloudWatch Logs invoke permissions: their failures go to the function's DLQ. */
  ASYNC_SOURCE_FAILURES_IN_DLQ: {
    ids: [],
    cfnLint: ['ES1007'],
    reason:
      'AWS IoT and CloudWatch Logs invoke the function asynchronously: events that fail every attempt go to the ' +
      'function\'s dead-letter queue (DeadLetterConfig: 14 days, encrypted, alarmed); IoT rule errors go to the ' +
      'rule\'s error-action queue. An EventInvokeConfig on-failure destination on the same queue would deliver each ' +
      'failure twice.',
  },
  /** Alexa invokes from Amazon's account: the permission is bound to the skill id, not to an ARN or account. */
  ALEXA_PERMISSION_SOURCE: {
    ids: [],
    checkov: ['CKV_AWS_364'],
    reason:
      'Alexa invokes the skill\'s endpoint from Amazon\'s own account, so no SourceArn or SourceAccount can name it. ' +
      'The permission is restricted with EventSourceToken to the one skill id, which Lambda checks on every call; ' +
      'this is the restriction Alexa documents for skill endpoints.',
  },
} as const;
