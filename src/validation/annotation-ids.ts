/**
 * Every stable id of the warnings and infos the library records (`cdk-lambda-blueprints:<camelCaseId>`), in
 * one place. Warnings are recorded with `Annotations.addWarningV2(id, ...)` and infos with
 * `Annotations.addInfoV2(id, ...)`: `cdk synth` prints the id (`Acknowledge with '<id>'`), and
 * `Annotations.of(scope).acknowledgeWarning(id)` / `acknowledgeInfo(id)` silences it. An id is never reused.
 *
 * @internal
 */
export const AnnotationIds = {
  // ---- warnings ----
  PLAIN_FUNCTION_LOG_GROUP: 'cdk-lambda-blueprints:plainFunctionLogGroup',
  PLAIN_FUNCTION_IMMUTABLE_ROLE: 'cdk-lambda-blueprints:plainFunctionImmutableRole',
  NO_ROLLBACK_ALARMS: 'cdk-lambda-blueprints:deploymentWithoutRollbackAlarms',
  HOOK_WITHOUT_ROLE: 'cdk-lambda-blueprints:deploymentHookWithoutRole',
  DURATION_ALARM_UNRESOLVED_TIMEOUT: 'cdk-lambda-blueprints:durationAlarmUnresolvedTimeout',
  DASHBOARD_WIDGETS: 'cdk-lambda-blueprints:dashboardWidgetLimit',
  /** `maxReceiveCount` below 5 on an SQS trigger's source (was `sqs-max-receive-count`). */
  SQS_MAX_RECEIVE_COUNT: 'cdk-lambda-blueprints:sqsMaxReceiveCount',
  /** The SQS source's visibility timeout is unknown at synth (was `sqs-visibility-unknown`). */
  SQS_VISIBILITY_UNKNOWN: 'cdk-lambda-blueprints:sqsVisibilityUnknown',
  /** The SQS source's visibility timeout is below the advised 6 x function timeout (was `sqs-visibility-timeout`). */
  SQS_VISIBILITY_TIMEOUT: 'cdk-lambda-blueprints:sqsVisibilityTimeout',
  /** A function on Lambda Managed Instances: one execution environment runs several invocations at once. */
  MANAGED_INSTANCES_CONCURRENT_HANDLER: 'cdk-lambda-blueprints:managedInstancesConcurrentHandler',
  /** `reservedConcurrentExecutions: 0`: valid, but every invocation is throttled. */
  RESERVED_CONCURRENCY_ZERO: 'cdk-lambda-blueprints:reservedConcurrencyZero',
  /** A function in subnets without NAT is granted a service the VPC has no endpoint for. */
  VPC_ENDPOINT_MISSING: 'cdk-lambda-blueprints:vpcEndpointMissing',
  /** Lambda sends an event source's failed records from the source's VPC, which has no endpoint for the destination's service. */
  CLUSTER_VPC_SINK_ENDPOINT_MISSING: 'cdk-lambda-blueprints:clusterVpcSinkEndpointMissing',
  /**
   * An asynchronous path into a ServerlessFunction wired outside the library's triggers (EventBridge rule
   * target, SNS subscription, S3 notification, Scheduler schedule, IoT rule) with no sink for what the
   * service fails to deliver.
   */
  ASYNC_PATH_WITHOUT_SINK: 'cdk-lambda-blueprints:asyncPathWithoutSink',
  /** A JavaScript or Python caller passed a property the props interface does not have (e.g. a typo). */
  UNKNOWN_PROPERTY: 'cdk-lambda-blueprints:unknownProperty',
  /**
   * Python requirements with environment markers installed by a pip that is not the runtime's Python
   * (was `@cdk-lambda-blueprints/python:host-markers`).
   */
  PYTHON_HOST_MARKERS: 'cdk-lambda-blueprints:pythonHostMarkers',
  /** A streaming front door (REST `STREAM`, function URL `RESPONSE_STREAM`) on a runtime that cannot stream natively (not Node.js). */
  STREAMING_RUNTIME: 'cdk-lambda-blueprints:streamingRuntime',
  /** A streamed response on an edge-optimized REST API is cut after 30 s without a byte, shorter than the function timeout. */
  STREAMING_EDGE_IDLE_TIMEOUT: 'cdk-lambda-blueprints:streamingEdgeIdleTimeout',
  /** Code signing enforced on code the library uploads from a local asset or inline source (unsigned: the deployment fails). */
  CODE_SIGNING_UNSIGNED_CODE: 'cdk-lambda-blueprints:codeSigningUnsignedCode',

  // ---- infos ----
  /** What the library added to a plain `lambda.Function` (tracing, a dead-letter queue). */
  PLAIN_FUNCTION_HARDENED: 'cdk-lambda-blueprints:plainFunctionHardened',
  /** A synchronous invoker keeps no failed request: watch the error alarm (was `sync-invoker`). */
  SYNC_INVOKER: 'cdk-lambda-blueprints:syncInvoker',
  /** API Gateway logs need the account-level CloudWatch role, set once per account and Region (was `apigw-account-role`). */
  API_GATEWAY_ACCOUNT_ROLE: 'cdk-lambda-blueprints:apiGatewayAccountRole',
  /** Lambda targets of a load balancer take and return at most 1 MB. */
  ALB_PAYLOAD_LIMIT: 'cdk-lambda-blueprints:albPayloadLimit',
  /** Deliveries CloudWatch Logs gives up on reach no queue: which metrics to watch. */
  LOG_SUBSCRIPTION_DELIVERY_FAILURES: 'cdk-lambda-blueprints:logSubscriptionDeliveryFailures',
  /** Records a Firehose transformation fails are kept in the bucket, not in a queue. */
  FIREHOSE_FAILED_RECORDS: 'cdk-lambda-blueprints:firehoseFailedRecords',
  /** A failed Alexa request is kept nowhere. */
  ALEXA_FAILURES_NOT_KEPT: 'cdk-lambda-blueprints:alexaFailuresNotKept',
  /** The user decisions acknowledged on a scope, with their reasons (was the code `LBP_USER_DECISIONS`). */
  USER_DECISIONS: 'cdk-lambda-blueprints:userDecisions',
  /** The idle cost of the app's stacks (was the text prefix `cdk-lambda-blueprints: idle cost`). */
  IDLE_COST: 'cdk-lambda-blueprints:idleCost',
} as const;
