import type { ExternalValidatorSkips } from './external-validators';

/**
 * Every cdk-nag finding the library acknowledges itself, in one place: each is a finding a template
 * cannot avoid, acknowledged on the library's own construct with its reason (listed in the README and
 * the docs). `acknowledge()` (src/acknowledgements/acknowledge.ts) applies one; nothing else is ever
 * acknowledged, never what the user adds, and never a decision only the user can make (see
 * `Blueprints.acknowledgeUserDecisions`). The acknowledgements are grouped by what they are about.
 *
 * An acknowledgement covers the construct and its descendants (cdk-nag 3 walks up the tree); the same ids
 * are written as cdk-nag 2 suppressions (`cdk_nag` metadata) on the construct's CloudFormation resource
 * (or, for a group, on every resource under it), with the same reason, so both cdk-nag lines honour it.
 * Its `checkov` and `cfnLint` ids (the same finding under those tools' ids) are written into the
 * `Metadata` of the construct's own CloudFormation resource, with the same reason (docs/validators.md).
 */

/** The shape of one acknowledgement. @internal */
export interface AcknowledgementSpec extends ExternalValidatorSkips {
  /** The cdk-nag finding ids (with sub-ids where the finding has one). */
  readonly ids: readonly string[];
  /** Why the finding cannot be avoided, for the README and the tools' reports. */
  readonly reason: string;
}

/**
 * What every ServerlessFunction (and the hardening of a plain `lambda.Function`) cannot avoid: its role's
 * `Resource: *` actions, its environment, its logging and its asynchronous-invocation config.
 *
 * @internal
 */
export const FunctionAcknowledgement = {
  /**
   * The role policy that holds only actions IAM allows on `Resource: *` alone (FunctionRole routes
   * them there; no other statement can land in it).
   */
  RESOURCE_STAR_ONLY_ACTIONS: {
    ids: ['AwsSolutions-IAM5[Resource::*]'],
    reason:
      'Every statement of this policy allows only actions that do not support resource-level permissions, on Resource *: ' +
      'X-Ray PutTraceSegments/PutTelemetryRecords, the VPC network-interface actions Lambda and its event source pollers need ' +
      '(ec2:CreateNetworkInterface, DescribeNetworkInterfaces, DescribeSubnets, DescribeVpcs, DescribeSecurityGroups, DeleteNetworkInterface, ' +
      'AssignPrivateIpAddresses, UnassignPrivateIpAddresses) and dynamodb:ListStreams. The library routes a statement ' +
      'here only when every action is one of these, on Resource * alone, without condition; every other statement, ' +
      'including all of yours and every grant, lands in the role\'s other policy, which carries no acknowledgement.',
  },
  /**
   * The enhanced-monitoring policy of a function with Lambda Insights: `logs:CreateLogGroup` on `*`, as in
   * the AWS managed CloudWatchLambdaInsightsExecutionRolePolicy.
   */
  LAMBDA_INSIGHTS_CREATE_LOG_GROUP: {
    ids: ['AwsSolutions-IAM5[Resource::*]'],
    checkov: ['CKV_AWS_111', 'CKV_AWS_355'],
    reason:
      'The Lambda Insights extension creates its log group /aws/lambda-insights on first use with logs:CreateLogGroup, ' +
      'which AWS grants on Resource * in CloudWatchLambdaInsightsExecutionRolePolicy; the library writes the same ' +
      'statement here instead of attaching that AWS managed policy. This policy is written only by the library, for ' +
      'enhancedMonitoring: its other statement names the /aws/lambda-insights log group alone.',
  },
  /** The policy the hardening of a plain function creates: X-Ray on `*` and its own DLQ only. */
  HARDENING_XRAY_WILDCARD: {
    ids: ['AwsSolutions-IAM5[Resource::*]'],
    reason:
      'This policy is written only by the library\'s hardening of a plain lambda.Function: X-Ray ' +
      'PutTraceSegments/PutTelemetryRecords, which do not support resource-level permissions, and sqs:SendMessage ' +
      'on the dead-letter queue it created. Statements of the function\'s own role are in its other policies.',
  },
  /** An async-invocation config without on-failure destination: failures already reach the DLQ. */
  ASYNC_FAILURES_IN_DLQ: {
    ids: ['Serverless-LambdaAsyncFailureDestination'],
    reason:
      'Asynchronous events that fail every attempt already go to the function\'s dead-letter queue ' +
      '(DeadLetterConfig, which the packs require); an on-failure destination on the same queue would ' +
      'deliver every failure twice. Set `onFailure` to also receive invocation records elsewhere.',
  },
  /** The VPC network-interface actions Lambda needs only work with `Resource: *` (checkov's write-access check). */
  VPC_NETWORK_INTERFACES: {
    ids: [],
    checkov: ['CKV_AWS_111'],
    reason:
      'The VPC network-interface actions Lambda needs work only on Resource *. ' +
      'Lambda creates, assigns and deletes the network interfaces of a VPC function with the execution role ' +
      '(ec2:CreateNetworkInterface, DeleteNetworkInterface, AssignPrivateIpAddresses, UnassignPrivateIpAddresses) ' +
      'on interfaces that do not exist yet, so the statement needs Resource *, as in AWSLambdaVPCAccessExecutionRole. ' +
      'This policy holds only such Resource-* actions; the user\'s statements and grants are in the role\'s other policy.',
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
  /** A durable function on the newest runtime of its family that durable functions support. */
  DURABLE_NEWEST_SUPPORTED_RUNTIME: {
    ids: ['AwsSolutions-L1', 'Serverless-LambdaLatestVersion'],
    reason:
      'Lambda runs durable functions only on the managed runtimes nodejs22.x/24.x, python3.13/3.14 and java17/21/25 ' +
      '(https://docs.aws.amazon.com/lambda/latest/dg/durable-supported-runtimes.html). This durable function uses the newest ' +
      'of them in its family; the newer runtime the installed aws-cdk-lib knows cannot run a durable function. Acknowledged ' +
      'on that newest supported runtime only: an older one is still reported.',
  },
  /** A function with the Powertools layer on the newest Python the layer is published for. */
  POWERTOOLS_NEWEST_SUPPORTED_RUNTIME: {
    ids: ['AwsSolutions-L1', 'Serverless-LambdaLatestVersion'],
    reason:
      'Powertools for AWS Lambda publishes its Python layer for Python 3.9 to 3.14 only ' +
      '(https://docs.aws.amazon.com/powertools/python/latest/). This function has that layer (powertools) and the newest ' +
      'Python it is published for; the newer runtime the installed aws-cdk-lib knows cannot load it. Acknowledged on that ' +
      'newest published Python only: an older one is still reported.',
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
 * What a failure queue (a dead-letter queue, the end of every failure path) cannot avoid.
 *
 * @internal
 */
export const FailureQueueAcknowledgement = {
  /** The terminal queue of a failure path cannot have a redrive policy of its own. */
  TERMINAL_DLQ_REDRIVE: {
    ids: ['Serverless-SQSRedrivePolicy'],
    // cfn-lint-serverless exempts queues that are another queue's redrive target, not Lambda's DLQs.
    cfnLint: ['ES6000'],
    reason:
      'This queue is the terminal failure sink of an event path (a dead-letter queue): it keeps failed events ' +
      'for 14 days, is encrypted and alarmed; a redrive policy on it would only move the problem to another queue.',
  },
  /**
   * A FailureQueue is a dead-letter queue wherever it is created; AwsSolutions-SQS3 only recognises
   * queues named in another queue's RedrivePolicy or a function's DeadLetterConfig.
   */
  FAILURE_QUEUE_IS_A_DLQ: {
    ids: ['AwsSolutions-SQS3'],
    reason:
      'This queue IS a dead-letter queue: a FailureQueue is the terminal sink of a failure path (a function\'s ' +
      'DeadLetterConfig, an SNS subscription redrive policy, an EventBridge rule target or Scheduler schedule ' +
      'DeadLetterConfig, a stream event source mapping OnFailure destination, an AWS IoT error action, or a Step ' +
      'Functions Catch). AwsSolutions-SQS3 only recognises queues referenced by another queue\'s RedrivePolicy or a ' +
      'function\'s DeadLetterConfig. It keeps failed events 14 days, is encrypted, TLS-only and alarmed.',
  },
  /** SSE-SQS is encryption at rest; checkov's CKV_AWS_27 only knows SSE-KMS (`KmsMasterKeyId`). */
  SQS_MANAGED_ENCRYPTION: {
    ids: [],
    checkov: ['CKV_AWS_27'],
    reason:
      'The queue is encrypted at rest with SSE-SQS (SqsManagedSseEnabled), which the check does not recognise ' +
      '(it only looks for KmsMasterKeyId). SSE-SQS lets the services that deliver failed events (Lambda, SNS, ' +
      'EventBridge, S3) write to the queue without KMS key grants that a template cannot always give.',
  },
} as const;

/**
 * How a source invokes the function: subscriptions, event source mappings and invoke permissions, each a
 * finding a template cannot avoid. Listed with their reasons in docs/triggers-poll.md.
 *
 * @internal
 */
export const InvocationAcknowledgement = {
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
  /** A DocumentDB event source mapping has no on-failure destination in AWS. */
  DOCUMENTDB_ESM_NO_DESTINATION: {
    ids: ['Serverless-LambdaEventSourceMappingDestination'],
    cfnLint: ['ES1001'],
    reason:
      'Lambda offers no on-failure destination for Amazon DocumentDB event source mappings (DestinationConfig is for ' +
      'Kinesis, DynamoDB Streams and Kafka): a failing batch is retried until it succeeds or its events expire from the ' +
      'change stream (change_stream_log_retention_duration), then Lambda disables the mapping. The function\'s error and ' +
      'iterator-age alarms report it.',
  },
  /** An Amazon MQ event source mapping cannot have an on-failure destination. */
  MQ_ESM_NO_DESTINATION: {
    ids: ['Serverless-LambdaEventSourceMappingDestination'],
    cfnLint: ['ES1001'],
    reason:
      'Lambda event source mappings for Amazon MQ do not support DestinationConfig: a message whose batch fails is ' +
      'redelivered by the broker and, after its redeliveries, lands in the broker\'s dead-letter queue ' +
      '(ActiveMQ.DLQ by default; a RabbitMQ dead-letter exchange), which the trigger watches with an alarm.',
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

/**
 * Who may call an API or a function URL: the access the user chose explicitly (a public URL, public REST
 * methods, a public `$connect`) and the authorization AWS offers for it, each on the narrowest construct,
 * with the reason (listed in docs/triggers-sync.md and docs/triggers-async-push.md).
 *
 * @internal
 */
export const EndpointAccessAcknowledgement = {
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
  /** A REST API whose user explicitly chose `allowPublicAccess: true`. */
  REST_API_PUBLIC: {
    ids: ['AwsSolutions-APIG4', 'AwsSolutions-COG4'],
    reason:
      'The user explicitly asked for public REST API methods (allowPublicAccess: true): the method has no ' +
      'authorizer by design and the function must authenticate callers itself. Leave allowPublicAccess unset ' +
      'for IAM authorization, or set cognitoUserPools.',
  },
  /** IAM (SigV4) or a Lambda authorizer: AwsSolutions-COG4 accepts only Cognito authorizers. */
  REST_API_NOT_COGNITO: {
    ids: ['AwsSolutions-COG4'],
    reason:
      'The method is authorized with IAM (SigV4-signed requests, checked against the caller\'s IAM policy) or ' +
      'with the user\'s own Lambda authorizer; AwsSolutions-COG4 only accepts Cognito user pool authorizers. ' +
      'Set cognitoUserPools to use Cognito instead.',
  },
  /** A client certificate authenticates API Gateway to HTTP backends; a Lambda backend has nothing to verify it. */
  REST_API_NO_CLIENT_CERTIFICATE: {
    ids: ['HIPAA.Security-APIGWSSLEnabled', 'NIST.800.53.R5-APIGWSSLEnabled', 'PCI.DSS.321-APIGWSSLEnabled'],
    reason:
      'A stage client certificate lets an HTTP backend verify that requests come from API Gateway. This stage\'s ' +
      'only backend is a Lambda function, invoked through the Lambda API with a resource policy scoped to this API: ' +
      'there is no HTTP backend to present a certificate to.',
  },
  /** WebSocket authorization is only possible on `$connect`. */
  WEBSOCKET_ROUTE_AUTH: {
    ids: ['AwsSolutions-APIG4'],
    reason:
      'API Gateway WebSocket APIs authorize a client once, on the $connect route: "Because the WebSocket ' +
      'connection is stateful, you can configure authorization only on the $connect route". Messages on this ' +
      'route arrive on a connection that was already authorized there.',
  },
  /** A WebSocket `$connect` whose user explicitly chose `allowPublicConnect: true`. */
  WEBSOCKET_PUBLIC_CONNECT: {
    ids: ['AwsSolutions-APIG4'],
    reason:
      'The user explicitly asked for unauthenticated WebSocket connections (allowPublicConnect: true); the ' +
      'function must authenticate clients itself. Leave it unset for IAM authorization on $connect.',
  },
} as const;

/**
 * A policy statement on a resource ARN that needs a wildcard only the run time fills in (object keys,
 * connection ids, log groups): AwsSolutions-IAM5 on that one resource, each on a policy only the library
 * writes. The ids name the statement's own resource, so they are filled in where the finding is
 * acknowledged (`acknowledgeResourceWildcards`); the entries here hold the rest.
 *
 * @internal
 */
export const ResourceWildcardAcknowledgement = {
  /** The account-level API Gateway logging role writes to every API's log groups in the Region. */
  API_GATEWAY_ACCOUNT_ROLE: {
    // The id's resource is filled in with the statement's own resource where it is acknowledged.
    ids: [],
    checkov: ['CKV_AWS_111'],
    reason:
      'This is the Region\'s API Gateway CloudWatch Logs role (AWS::ApiGateway::Account): API Gateway uses it ' +
      'for the execution and access logs of every API in the account and Region, whose log groups it names itself ' +
      '(API-Gateway-Execution-Logs_<api id>/<stage>). It is limited to the log groups of this account and Region, and its ' +
      'policy holds this one statement.',
  },
  /** A WebSocket handler manages connections whose ids exist only at run time. */
  WEBSOCKET_CONNECTIONS: {
    ids: [],
    reason:
      'A WebSocket handler posts to, reads and closes connections whose ids exist only at run time: the ' +
      'statement names this API\'s stage and its @connections path, and nothing else.',
  },
  /** BucketProcessor reads the objects whose events it processes. */
  BUCKET_PROCESSOR_OBJECTS: {
    ids: [],
    reason:
      'S3 object ARNs need a wildcard for the key: this policy, which only the pattern writes, lets the function ' +
      's3:GetObject the keys its trigger matches (the prefix, when one is set) in this one bucket, nothing else.',
  },
  /** A Kinesis or DynamoDB Streams trigger writes the batches that failed to the bucket the user gave as on-failure destination. */
  STREAM_FAILED_RECORDS: {
    ids: [],
    reason:
      'S3 object ARNs need a wildcard for the key: this policy, which only the stream trigger writes, lets the function\'s ' +
      'event source mapping s3:PutObject the failed batches (Lambda names the keys) into this one bucket, and nothing else.',
  },
  /** A Kafka trigger writes the records that failed to the bucket the user gave as on-failure destination. */
  KAFKA_FAILED_RECORDS: {
    ids: [],
    reason:
      'S3 object ARNs need a wildcard for the key: this policy, which only the Kafka trigger writes, lets the function\'s ' +
      'event source mapping s3:PutObject the failed records (Lambda names the keys) into this one bucket, and nothing else.',
  },
  /** Lambda's DocumentDB poller reads the cluster's parameter group and subnet group, whose names the template may not know. */
  DOCUMENTDB_CLUSTER_GROUPS: {
    ids: [],
    reason:
      'Lambda\'s DocumentDB event source mapping reads the configuration of its cluster (rds:DescribeDBClusterParameters, ' +
      'rds:DescribeDBSubnetGroups, which are List actions). The trigger was not given the names of the cluster\'s parameter ' +
      'group and subnet group, so the statement names every one of this account and Region (set clusterParameterGroupName ' +
      'and subnetGroupName to name them exactly); this policy, which only the trigger writes, holds nothing else.',
  },
  /** Firehose writes, reads back and aborts uploads under the stream's prefixes. */
  FIREHOSE_OBJECTS: {
    ids: [],
    reason:
      'S3 object ARNs need a wildcard for the key: Firehose may only write, read back and abort uploads under the ' +
      'stream\'s data and error prefixes of this one bucket (no delete, no other keys).',
  },
  /** The operator role Lambda assumes to launch and describe a capacity provider's EC2 instances. */
  MANAGED_INSTANCES_OPERATOR: {
    ids: ['AwsSolutions-IAM5[Resource::*]'],
    reason:
      'This is the operator role of a Lambda Managed Instances capacity provider, with the actions of AWS\'s ' +
      'AWSLambdaManagedEC2ResourceOperator policy (https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-operator-role.html) ' +
      'in a customer-managed policy, scoped to this account and Region: Lambda launches instances, volumes and network ' +
      'interfaces whose ids exist only at run time (ec2:RunInstances, CreateTags and AttachNetworkInterface only on resources ' +
      'with ec2:ManagedResourceOperator scaler.lambda.amazonaws.com), from Amazon-owned images (ec2:Owner amazon), and its ' +
      'ec2:Describe* actions do not support resource-level permissions. Only the library writes this policy.',
  },
  /** A durable function checkpoints executions that are sub-resources of its numbered versions. */
  DURABLE_EXECUTION_CHECKPOINTS: {
    ids: [],
    reason:
      'Lambda authorizes CheckpointDurableExecution and GetDurableExecutionState against the durable execution ARN ' +
      '(<function ARN>:<version>/durable-execution/<name>/<id>), which only exists at run time; an unqualified function ARN ' +
      'never matches it (https://docs.aws.amazon.com/lambda/latest/dg/durable-security.html). The statement names this ' +
      'function\'s own versions (<function ARN>:*) and these two actions only; this policy, which only the library writes, holds nothing else.',
  },
  /** Lambda@Edge replicas log in the Region that served the request. */
  EDGE_LOG_GROUP_IN_EVERY_REGION: {
    ids: [],
    reason:
      'Lambda@Edge replicas run, and log, in the Region of the CloudFront location that served the request; the ' +
      'statement names this function\'s own log group name only, in every Region (the role acts in its own account).',
  },
  /** Lambda Insights and Application Signals write to one log group each, whose streams AWS names. */
  ENHANCED_MONITORING_LOG_GROUP: {
    ids: [],
    reason:
      'The Lambda Insights extension and the Application Signals layer write their records to one log group each, ' +
      '/aws/lambda-insights and /aws/application-signals/data, in streams they name at run time: the statement names ' +
      'that one log group in this account and Region (the permissions of the AWS managed policy, scoped further), in a ' +
      'policy only the library writes.',
  },
} as const;

/**
 * What the sources a pattern creates for the user (an access-log bucket, a table) cannot avoid, each with
 * the reason; listed in docs/triggers-poll.md.
 *
 * @internal
 */
export const CreatedSourceAcknowledgement = {
  /** S3 server access log delivery only writes to SSE-S3 buckets; a log bucket does not log itself. */
  ACCESS_LOG_BUCKET_SSE_S3: {
    ids: ['HIPAA.Security-S3DefaultEncryptionKMS', 'NIST.800.53.R5-S3DefaultEncryptionKMS', 'PCI.DSS.321-S3DefaultEncryptionKMS'],
    checkov: ['CKV_AWS_18'],
    reason:
      'This bucket receives S3 server access logs, and S3 log delivery only supports target buckets encrypted ' +
      'with SSE-S3 (AES256), not SSE-KMS; it is encrypted, TLS-only, versioned and private. It is the end of ' +
      'the logging chain: logging a log bucket to itself would log its own log deliveries.',
  },
  /** The table is encrypted with the AWS managed DynamoDB key unless the user passes one. */
  TABLE_AWS_MANAGED_KEY: {
    ids: [],
    checkov: ['CKV_AWS_119'],
    reason:
      'The table is encrypted at rest with the AWS managed key aws/dynamodb (KMS, audited in CloudTrail). ' +
      'Pass encryptionKey for a customer-managed key when a policy requires one.',
  },
} as const;

/**
 * What Lambda@Edge does not support, acknowledged by `EdgeFunction` on its own function, each with the
 * reason (listed in docs/lambda-edge.md).
 *
 * @internal
 */
export const EdgeAcknowledgement = {
  /** Lambda@Edge is invoked synchronously by CloudFront and does not support dead-letter queues. */
  NO_DLQ: {
    ids: ['Serverless-LambdaDLQ', 'HIPAA.Security-LambdaDLQ', 'NIST.800.53.R5-LambdaDLQ'],
    checkov: ['CKV_AWS_116'],
    reason:
      'A Lambda@Edge function is invoked synchronously by CloudFront: a failure is returned to the viewer as a ' +
      '502/503, there is no asynchronous event to keep, and Lambda@Edge does not support dead-letter queues.',
  },
  /** Lambda@Edge does not support X-Ray active tracing. */
  NO_TRACING: {
    ids: ['Serverless-LambdaTracing'],
    cfnLint: ['WS1000'],
    reason: 'Lambda@Edge does not support AWS X-Ray active tracing on replicated functions.',
  },
  /** Lambda@Edge cannot run in a VPC. */
  NO_VPC: {
    ids: ['HIPAA.Security-LambdaInsideVPC', 'NIST.800.53.R5-LambdaInsideVPC', 'PCI.DSS.321-LambdaInsideVPC'],
    checkov: ['CKV_AWS_117'],
    reason:
      'Lambda@Edge runs in CloudFront locations in every Region and cannot be attached to a VPC ("Configuring ' +
      'the Lambda function to access resources inside your VPC" is not supported).',
  },
  /** Lambda@Edge shares the Regional concurrency; concurrency settings are not supported. */
  NO_CONCURRENCY: {
    ids: ['HIPAA.Security-LambdaConcurrency', 'NIST.800.53.R5-LambdaConcurrency'],
    checkov: ['CKV_AWS_115'],
    reason:
      'Lambda@Edge functions share the Regional concurrency of each Region they run in; reserved and ' +
      'provisioned concurrency are not supported for replicated functions.',
  },
} as const;
