/**
 * Every cdk-nag finding the library acknowledges itself, in one place: each is a finding a template
 * cannot avoid (or a choice only the user can make), acknowledged on the library's own construct with
 * its reason (listed in the README and the docs). `acknowledge()` (src/compliance/acknowledgements.ts)
 * applies one; nothing else is ever acknowledged.
 */

/** The shape of one acknowledgement. @internal */
export interface AcknowledgementSpec {
  /** The cdk-nag finding ids (with sub-ids where the finding has one). */
  readonly ids: readonly string[];
  /** Why the finding cannot be avoided, for the README and the tools' reports. */
  readonly reason: string;
  /** checkov check ids, written as `Metadata.checkov.skip: [{ id, comment }]`. */
  readonly checkov?: readonly string[];
  /** cfn-lint rule ids, written as `Metadata.cfn-lint.config.ignore_checks`. */
  readonly cfnLint?: readonly string[];
}


/**
 * The cdk-nag findings this library acknowledges itself: each one is a finding a template cannot
 * avoid (or a choice only the user can make), so it is acknowledged on the library's own construct,
 * with the reason, and listed in the README. Nothing else is ever acknowledged.
 *
 * An acknowledgement covers the construct and its descendants (cdk-nag 3 walks up the tree). Its
 * `checkov` and `cfnLint` ids (the same finding under those tools' ids) are written into the
 * `Metadata` of the construct's own CloudFormation resource, with the same reason (docs/validators.md).
 *
 * @internal
 */
export const Acknowledgement = {
  /** X-Ray and VPC ENI actions only work with `Resource: *`. */
  XRAY_AND_ENI_WILDCARD: {
    ids: ['AwsSolutions-IAM5[Resource::*]'],
    reason:
      'X-Ray PutTraceSegments/PutTelemetryRecords and the VPC network-interface actions Lambda needs ' +
      '(ec2:CreateNetworkInterface, DescribeNetworkInterfaces, ...) do not support resource-level permissions; ' +
      'every other statement in this policy is scoped to the function\'s own resources.',
  },
  /** The terminal queue of a failure path cannot have a redrive policy of its own. */
  TERMINAL_DLQ_REDRIVE: {
    ids: ['Serverless-SQSRedrivePolicy'],
    // cfn-lint-serverless exempts queues that are another queue's redrive target, not Lambda's DLQs.
    cfnLint: ['ES6000'],
    reason:
      'This queue is the terminal failure sink of an event path (a dead-letter queue): it keeps failed events ' +
      'for 14 days, is encrypted and alarmed; a redrive policy on it would only move the problem to another queue.',
  },
  /** No VPC was given: HIPAA/NIST/PCI want every function in a VPC, which only the user can provide. */
  NO_VPC: {
    ids: ['HIPAA.Security-LambdaInsideVPC', 'NIST.800.53.R5-LambdaInsideVPC', 'PCI.DSS.321-LambdaInsideVPC'],
    checkov: ['CKV_AWS_117'],
    reason:
      'No vpc was given. Attaching a function to a VPC needs the user\'s VPC, private subnets and endpoints; ' +
      'the library never creates a VPC on its own. Pass `vpc` to run the function in private subnets.',
  },
  /** No reserved concurrency was given: reserving takes capacity from the account's shared pool. */
  NO_RESERVED_CONCURRENCY: {
    ids: ['HIPAA.Security-LambdaConcurrency', 'NIST.800.53.R5-LambdaConcurrency'],
    checkov: ['CKV_AWS_115'],
    reason:
      'No reservedConcurrentExecutions was given. A reservation removes capacity from the account\'s ' +
      'unreserved pool (which AWS requires to stay at 100 or more) and can fail to deploy in new accounts; ' +
      'only the user can size it. Set `reservedConcurrentExecutions` to reserve capacity.',
  },
  /** An async-invocation config without on-failure destination: failures already reach the DLQ. */
  ASYNC_FAILURES_IN_DLQ: {
    ids: ['Serverless-LambdaAsyncFailureDestination'],
    reason:
      'Asynchronous events that fail every attempt already go to the function\'s dead-letter queue ' +
      '(DeadLetterConfig, which the packs require); an on-failure destination on the same queue would ' +
      'deliver every failure twice. Set `onFailure` to also receive invocation records elsewhere.',
  },

  // ---- findings of the external validators only (checkov, cfn-lint); cdk-nag has no such rule

  /** SSE-SQS is encryption at rest; checkov's CKV_AWS_27 only knows SSE-KMS (`KmsMasterKeyId`). */
  SQS_MANAGED_ENCRYPTION: {
    ids: [],
    checkov: ['CKV_AWS_27'],
    reason:
      'The queue is encrypted at rest with SSE-SQS (SqsManagedSseEnabled), which the check does not recognise ' +
      '(it only looks for KmsMasterKeyId). SSE-SQS lets the services that deliver failed events (Lambda, SNS, ' +
      'EventBridge, S3) write to the queue without KMS key grants that a template cannot always give.',
  },
  /** The VPC network-interface actions Lambda needs only work with `Resource: *`. */
  VPC_NETWORK_INTERFACES: {
    ids: [],
    checkov: ['CKV_AWS_111'],
    reason:
      'The VPC network-interface actions Lambda needs work only on Resource *. ' +
      'Lambda creates, assigns and deletes the network interfaces of a VPC function with the execution role ' +
      '(ec2:CreateNetworkInterface, DeleteNetworkInterface, AssignPrivateIpAddresses, UnassignPrivateIpAddresses) ' +
      'on interfaces that do not exist yet, so the statement needs Resource *, as in AWSLambdaVPCAccessExecutionRole; ' +
      'every other statement of this policy is scoped to the function\'s own resources.',
  },
  /** Environment values are never secrets (secrets pass by reference), so a CMK would protect nothing. */
  PLAIN_ENVIRONMENT: {
    ids: [],
    checkov: ['CKV_AWS_173'],
    reason:
      'Lambda encrypts environment variables at rest with an AWS managed key. The library passes secrets by ' +
      'reference (a Secrets Manager ARN or SSM parameter name, read at run time), never as values, so the ' +
      'variables hold configuration only and a customer-managed key would protect no secret.',
  },
  /** The function logs to its own log group (with retention) through LoggingConfig, not by name. */
  OWN_LOG_GROUP: {
    ids: [],
    cfnLint: ['WS1004'],
    reason:
      'The function writes to its own log group through LoggingConfig.LogGroup, and that group has a retention ' +
      '(RetentionInDays); the rule only finds log groups named /aws/lambda/<function name>.',
  },
  /** aws-cdk-lib's lambda.Function always adds a DependsOn on its role, which Fn::GetAtt already implies. */
  ROLE_DEPENDENCY: {
    ids: [],
    cfnLint: ['W3005'],
    reason:
      'aws-cdk-lib\'s lambda.Function adds DependsOn on its execution role to every function, next to the ' +
      'Fn::GetAtt on the role\'s ARN; the duplicate dependency is harmless and not the library\'s to remove.',
  },
} as const;

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
  /** `dynamodb:ListStreams` only supports `Resource: *`. */
  DYNAMODB_LIST_STREAMS: {
    ids: ['AwsSolutions-IAM5[Resource::*]'],
    reason:
      'dynamodb:ListStreams (which the DynamoDB Streams event source needs) does not support resource-level ' +
      'permissions; the stream read actions (DescribeStream, GetRecords, GetShardIterator) are scoped to the stream ARN.',
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
} as const;

/**
 * The cdk-nag findings the HTTP triggers acknowledge themselves (the schedule and event-rule failure
 * queues use `TriggerAcknowledgement.SINK_QUEUE_IS_A_DLQ`), each on the
 * narrowest construct, with the reason (listed in docs/triggers-sync.md). Nothing else is acknowledged.
 *
 * @internal
 */
export const SyncTriggerAcknowledgement = {
  /** A function URL whose user explicitly chose `authType: NONE` and `allowPublicAccess: true`. */
  PUBLIC_FUNCTION_URL: {
    ids: [
      'HIPAA.Security-LambdaFunctionPublicAccessProhibited',
      'NIST.800.53.R5-LambdaFunctionPublicAccessProhibited',
      'PCI.DSS.321-LambdaFunctionPublicAccessProhibited',
    ],
    reason:
      'The user explicitly asked for a public function URL (authType NONE with allowPublicAccess: true): ' +
      'an unauthenticated URL needs a resource policy for Principal "*", which these rules forbid by design. ' +
      'The function must authenticate callers itself; use the default AWS_IAM auth type to avoid this.',
  },
} as const;

/**
 * The cdk-nag findings the patterns acknowledge on the sources they create, each with the reason;
 * listed in docs/triggers-async.md.
 *
 * @internal
 */
export const PatternAcknowledgement = {
  /** Replication needs a destination bucket in another Region or account: only the user has one. */
  BUCKET_REPLICATION: {
    ids: ['HIPAA.Security-S3BucketReplicationEnabled', 'NIST.800.53.R5-S3BucketReplicationEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled'],
    reason:
      'Cross-Region or cross-account replication needs a destination bucket (and its key and role) that only the ' +
      'user can provide; the bucket is versioned, so a replication rule can be added without other changes.',
  },
  /** S3 server access log delivery only writes to SSE-S3 buckets; a log bucket does not log itself. */
  ACCESS_LOG_BUCKET_SSE_S3: {
    ids: ['HIPAA.Security-S3DefaultEncryptionKMS', 'NIST.800.53.R5-S3DefaultEncryptionKMS', 'PCI.DSS.321-S3DefaultEncryptionKMS'],
    checkov: ['CKV_AWS_18'],
    reason:
      'This bucket receives S3 server access logs, and S3 log delivery only supports target buckets encrypted ' +
      'with SSE-S3 (AES256), not SSE-KMS; it is encrypted, TLS-only, versioned and private. It is the end of ' +
      'the logging chain: logging a log bucket to itself would log its own log deliveries.',
  },
  /** A backup plan belongs to the account's backup strategy; PITR is on. */
  /** The table is encrypted with the AWS managed DynamoDB key unless the user passes one. */
  TABLE_AWS_MANAGED_KEY: {
    ids: [],
    checkov: ['CKV_AWS_119'],
    reason:
      'The table is encrypted at rest with the AWS managed key aws/dynamodb (KMS, audited in CloudTrail). ' +
      'Pass encryptionKey for a customer-managed key when a policy requires one.',
  },
  TABLE_BACKUP_PLAN: {
    ids: ['HIPAA.Security-DynamoDBInBackupPlan', 'NIST.800.53.R5-DynamoDBInBackupPlan'],
    reason:
      'Point-in-time recovery is on (35 days of continuous backups). An AWS Backup plan needs a vault, a retention ' +
      'policy and a service role that only the user (often an organization-wide backup policy) can choose, and ' +
      'CDK\'s BackupSelection role uses an AWS managed policy (AwsSolutions-IAM4). Add the table to your backup plan.',
  },
} as const;
