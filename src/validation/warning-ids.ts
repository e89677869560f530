/**
 * Every stable warning id of the library (`cdk-lambda-blueprints:<id>`, for `Annotations.addWarningV2`), in
 * one place. Never reused.
 *
 * @internal
 */
export const WarningIds = {
  PLAIN_FUNCTION_LOG_GROUP: 'cdk-lambda-blueprints:plainFunctionLogGroup',
  PLAIN_FUNCTION_IMMUTABLE_ROLE: 'cdk-lambda-blueprints:plainFunctionImmutableRole',
  PLAIN_FUNCTION_HARDENED: 'cdk-lambda-blueprints:plainFunctionHardened',
  NO_ROLLBACK_ALARMS: 'cdk-lambda-blueprints:deploymentWithoutRollbackAlarms',
  HOOK_WITHOUT_ROLE: 'cdk-lambda-blueprints:deploymentHookWithoutRole',
  DURATION_ALARM_UNRESOLVED_TIMEOUT: 'cdk-lambda-blueprints:durationAlarmUnresolvedTimeout',
  DASHBOARD_WIDGETS: 'cdk-lambda-blueprints:dashboardWidgetLimit',
  SQS_MAX_RECEIVE_COUNT: 'cdk-lambda-blueprints:sqs-max-receive-count',
  SQS_VISIBILITY_UNKNOWN: 'cdk-lambda-blueprints:sqs-visibility-unknown',
  SQS_VISIBILITY_TIMEOUT: 'cdk-lambda-blueprints:sqs-visibility-timeout',
  /** `reservedConcurrentExecutions: 0`: valid, but every invocation is throttled. */
  RESERVED_CONCURRENCY_ZERO: 'cdk-lambda-blueprints:reservedConcurrencyZero',
  /** A function in subnets without NAT is granted a service the VPC has no endpoint for. */
  VPC_ENDPOINT_MISSING: 'cdk-lambda-blueprints:vpcEndpointMissing',
  /**
   * An asynchronous path into a ServerlessFunction wired outside the library's triggers (EventBridge rule
   * target, SNS subscription, S3 notification, Scheduler schedule, IoT rule) with no sink for what the
   * service fails to deliver.
   */
  ASYNC_PATH_WITHOUT_SINK: 'cdk-lambda-blueprints:asyncPathWithoutSink',
  /** A JavaScript or Python caller passed a property the props interface does not have (e.g. a typo). */
  UNKNOWN_PROPERTY: 'cdk-lambda-blueprints:unknownProperty',
} as const;
