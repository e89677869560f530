import type { UserDecisions } from '../user-decisions';

/**
 * AWS Control Tower's proactive controls (CloudFormation hooks that fail a deployment) as the library
 * meets them, in one place: docs/compliance.md's table is tested against it, the `controlTower` check of
 * `Blueprints.applyTo` reports every finding except the documented exceptions below, and
 * test/compliance/control-tower-snapshots.test.ts runs the controls over every integ snapshot and the
 * example app with the same exceptions.
 */

/** Why a control's finding on a resource is not the library's to fix. @internal */
export enum ControlTowerExceptionKind {
  /** Only the user can decide (a `UserDecisions` property): reported until the user gives a reason. */
  USER_DECISION = 'user decision',
  /** AWS itself forbids or rules out compliance. */
  AWS_LIMIT = 'AWS limit',
  /**
   * The value is a CloudFormation pseudo parameter that the deploy-time hook sees resolved and the
   * synth-time rule cannot (environment-agnostic stacks).
   */
  RESOLVED_AT_DEPLOYMENT = 'resolved at deployment',
}

/** One documented exception to a control. @internal */
export interface ControlTowerException {
  readonly kind: ControlTowerExceptionKind;
  /** The resources it covers, for the docs table. */
  readonly resources: string;
  /** Why, for the docs table and the report. */
  readonly reason: string;
  /** For USER_DECISION: the decision that acknowledges it. */
  readonly decision?: keyof UserDecisions;
  /** The resource type the finding is on. */
  readonly resourceType: string;
  /** Whether the exception covers this resource of this template (default: every resource of the type). */
  readonly applies?: (template: CfnTemplate, logicalId: string) => boolean;
}

/** One control: its id, its cfn-guard rule, what of the library it covers and how it is met. @internal */
export interface ControlTowerControl {
  /** The control id, e.g. `CT.SQS.PR.1`. */
  readonly id: string;
  /** The rule name in `@cdklabs/cdk-validator-cfnguard` (the `ruleName` of its findings). */
  readonly rule: string;
  /** The library's resources the control applies to. */
  readonly resources: string;
  /** How the library meets it by default. */
  readonly met: string;
  /** Where the library does not meet it, and why. */
  readonly exceptions: readonly ControlTowerException[];
}

/** A CloudFormation template as read from disk. @internal */
export interface CfnTemplate {
  readonly Resources?: { readonly [logicalId: string]: { readonly Type: string; readonly Properties?: any } };
}

/** The buckets other buckets deliver their server access logs to. */
function isAccessLogTarget(template: CfnTemplate, logicalId: string): boolean {
  return Object.values(template.Resources ?? {}).some((r) => r.Type === 'AWS::S3::Bucket' &&
    JSON.stringify(r.Properties?.LoggingConfiguration?.DestinationBucketName ?? null) === JSON.stringify({ Ref: logicalId }));
}

/** A permission whose SourceAccount is the `AWS::AccountId` pseudo parameter (an environment-agnostic stack). */
function sourceAccountIsPseudoParameter(template: CfnTemplate, logicalId: string): boolean {
  const account = template.Resources?.[logicalId]?.Properties?.SourceAccount;
  return JSON.stringify(account) === JSON.stringify({ Ref: 'AWS::AccountId' });
}

/** A permission with a principal whose invocations carry no SourceAccount or a local SourceArn. */
function principalIs(principal: string): (template: CfnTemplate, logicalId: string) => boolean {
  return (template, logicalId) => template.Resources?.[logicalId]?.Properties?.Principal === principal;
}

/** A route of a WebSocket API other than `$connect`. */
function webSocketRouteAfterConnect(template: CfnTemplate, logicalId: string): boolean {
  const route = template.Resources?.[logicalId]?.Properties;
  const apiId = route?.ApiId?.Ref;
  const api = typeof apiId === 'string' ? template.Resources?.[apiId] : undefined;
  return api?.Properties?.ProtocolType === 'WEBSOCKET' && route?.RouteKey !== '$connect';
}

/** The controls the library's resources are subject to. @internal */
export const CONTROL_TOWER_CONTROLS: readonly ControlTowerControl[] = [
  {
    id: 'CT.CLOUDWATCH.PR.2',
    rule: 'cloudwatch_log_group_retention_period_check',
    resources: 'function log groups, Lambda@Edge log groups, API access and execution logs, Firehose delivery logs',
    met: 'kept one year (`RetentionDays.ONE_YEAR`) by default',
    exceptions: [{
      kind: ControlTowerExceptionKind.USER_DECISION,
      decision: 'shortLogRetention',
      resourceType: 'AWS::Logs::LogGroup',
      resources: 'log groups given a shorter `logRetention` / `accessLogRetention`',
      reason: 'how long logs are kept (and paid for) is the application\'s decision',
      applies: (template, logicalId) => (template.Resources?.[logicalId]?.Properties?.RetentionInDays ?? 365) < 365,
    }],
  },
  {
    id: 'CT.CLOUDWATCH.PR.3',
    rule: 'cloudwatch_log_group_encrypted_check',
    resources: 'every log group the library creates',
    met: 'encrypted with the stack\'s customer-managed BlueprintKey (or your key)',
    exceptions: [],
  },
  {
    id: 'CT.SQS.PR.1',
    rule: 'sqs_dlq_check',
    resources: 'failure queues (FailureQueue: dead-letter queues, on-failure destinations, delivery failure queues), QueueProcessor\'s queue',
    met: 'a FailureQueue declares itself a dead-letter queue (`RedriveAllowPolicy` `allowAll`, SQS\'s own default: queues of the same account and Region); QueueProcessor\'s queue has a `RedrivePolicy` to its FailureQueue. Not `byQueue`: a source queue in the same stack names the dead-letter queue in its `RedrivePolicy`, so naming it back is a dependency cycle',
    exceptions: [],
  },
  {
    id: 'CT.SQS.PR.2',
    rule: 'sqs_queue_encrypted_check',
    resources: 'every queue the library creates',
    met: 'SSE-SQS (`SqsManagedSseEnabled`)',
    exceptions: [],
  },
  {
    id: 'CT.KMS.PR.3',
    rule: 'kms_create_grant_aws_service_check',
    resources: 'the stack\'s BlueprintKey',
    met: 'its key policy denies `kms:CreateGrant` to every principal unless `kms:GrantIsForAWSResource` or `aws:PrincipalIsAWSService` is true (`BoolIfExists`)',
    exceptions: [],
  },
  {
    id: 'CT.LAMBDA.PR.2',
    rule: 'lambda_function_public_access_prohibited_check',
    resources: 'invoke permissions of every trigger',
    met: 'a local `SourceArn` (S3/EventBridge rules, SNS topics, IoT rules, log groups, Cognito pools) or `SourceAccount` (API Gateway, whose `SourceArn` is an `Fn::Join`)',
    exceptions: [
      {
        kind: ControlTowerExceptionKind.AWS_LIMIT,
        resourceType: 'AWS::Lambda::Permission',
        resources: '`Trigger.alexaSkill` permission',
        reason: 'the Alexa service invokes from outside your account; the permission is scoped to the skill id (`EventSourceToken`), which the control does not accept',
        applies: principalIs('alexa-appkit.amazon.com'),
      },
      {
        kind: ControlTowerExceptionKind.AWS_LIMIT,
        resourceType: 'AWS::Lambda::Permission',
        resources: '`Trigger.alb` permission',
        reason: 'the target group registers the function only once the permission exists, so the permission cannot reference the target group\'s ARN (a dependency cycle), and Elastic Load Balancing does not document a source account on its invocations',
        applies: principalIs('elasticloadbalancing.amazonaws.com'),
      },
      {
        kind: ControlTowerExceptionKind.RESOLVED_AT_DEPLOYMENT,
        resourceType: 'AWS::Lambda::Permission',
        resources: 'API Gateway permissions in environment-agnostic stacks',
        reason: '`SourceAccount` is `{ Ref: AWS::AccountId }`, which the deploy-time hook sees as the account id and the synth-time rule cannot resolve; give the stack an `env` to see it at synth',
        applies: sourceAccountIsPseudoParameter,
      },
    ],
  },
  {
    id: 'CT.APIGATEWAY.PR.5',
    rule: 'api_gw_v2_authorization_type_configured_check',
    resources: 'HTTP API routes (`Trigger.httpApi`, HttpApiFunction), the WebSocket API\'s `$connect` route',
    met: 'IAM or JWT authorization on every HTTP route; a Lambda authorizer (CUSTOM) or IAM on `$connect`',
    exceptions: [{
      kind: ControlTowerExceptionKind.AWS_LIMIT,
      resourceType: 'AWS::ApiGatewayV2::Route',
      resources: 'WebSocket routes other than `$connect` (`$disconnect`, `$default`, your route keys)',
      reason: 'API Gateway authorizes a WebSocket connection once, on `$connect`, and accepts an authorization type on no other route',
      applies: webSocketRouteAfterConnect,
    }],
  },
  {
    id: 'CT.LAMBDA.PR.3',
    rule: 'lambda_inside_vpc_check',
    resources: 'every function',
    met: 'in your VPC when you pass `vpc`',
    exceptions: [{
      kind: ControlTowerExceptionKind.USER_DECISION,
      decision: 'noVpc',
      resourceType: 'AWS::Lambda::Function',
      resources: 'functions without `vpc`',
      reason: 'a VPC (and its NAT or endpoints) is the application\'s network decision',
    }],
  },
  {
    id: 'CT.S3.PR.2',
    rule: 's3_bucket_logging_enabled_check',
    resources: 'BucketProcessor\'s bucket',
    met: 'server access logs to the pattern\'s access-log bucket (or yours)',
    exceptions: [{
      kind: ControlTowerExceptionKind.AWS_LIMIT,
      resourceType: 'AWS::S3::Bucket',
      resources: 'BucketProcessor\'s access-log bucket',
      reason: 'Amazon S3 advises against a bucket logging to itself (every log object would cause more log objects); its own logs would need yet another bucket',
      applies: isAccessLogTarget,
    }],
  },
  {
    id: 'CT.S3.PR.3',
    rule: 's3_version_lifecycle_policy_check',
    resources: 'BucketProcessor\'s bucket and access-log bucket',
    met: 'versioned, with an enabled lifecycle rule (incomplete multipart uploads aborted after 7 days; no object or version is ever expired)',
    exceptions: [],
  },
  {
    id: 'CT.S3.PR.4',
    rule: 's3_event_notifications_enabled_check',
    resources: 'BucketProcessor\'s bucket and access-log bucket',
    met: 'EventBridge notifications on (the bucket\'s trigger; free on the access-log bucket until a rule matches)',
    exceptions: [],
  },
  {
    id: 'CT.S3.PR.6',
    rule: 's3_lifecycle_policy_check',
    resources: 'BucketProcessor\'s bucket and access-log bucket',
    met: 'the lifecycle rule above',
    exceptions: [],
  },
  {
    id: 'CT.S3.PR.9',
    rule: 's3_bucket_object_lock_enabled_check',
    resources: 'BucketProcessor\'s bucket and access-log bucket',
    met: 'not met by default',
    exceptions: [{
      kind: ControlTowerExceptionKind.USER_DECISION,
      decision: 'noObjectLock',
      resourceType: 'AWS::S3::Bucket',
      resources: 'buckets without S3 Object Lock',
      reason: 'Object Lock makes objects undeletable for a retention period: only the data\'s owner can decide it',
    }],
  },
  {
    id: 'CT.S3.PR.10',
    rule: 's3_bucket_default_encryption_kms_check',
    resources: 'BucketProcessor\'s bucket',
    met: 'SSE-KMS with the stack\'s BlueprintKey (or yours), S3 Bucket Keys on',
    exceptions: [{
      kind: ControlTowerExceptionKind.AWS_LIMIT,
      resourceType: 'AWS::S3::Bucket',
      resources: 'BucketProcessor\'s access-log bucket',
      reason: 'the target bucket of server access logs must use SSE-S3: S3 cannot deliver access logs to a bucket encrypted with SSE-KMS',
      applies: isAccessLogTarget,
    }],
  },
];

/** The control id in a finding's description (`[CT.SQS.PR.1]: ...`). @internal */
export function controlIdOf(description: string | undefined): string | undefined {
  return /\[(CT\.[A-Z0-9]+\.PR\.\d+)\]/.exec(description ?? '')?.[1];
}

/**
 * The documented exception that covers a finding of `rule` on `logicalId` of `template`, if any.
 * `decisions` are the user decisions given for the resource's scope: a USER_DECISION exception covers
 * the finding only when its decision is among them (pass `undefined` to accept every documented user
 * decision, as the library's own tests do).
 *
 * @internal
 */
export function controlTowerException(
  rule: string, template: CfnTemplate, logicalId: string, decisions: UserDecisions | undefined,
): ControlTowerException | undefined {
  const type = template.Resources?.[logicalId]?.Type;
  for (const control of CONTROL_TOWER_CONTROLS) {
    if (control.rule !== rule) {
      continue;
    }
    for (const exception of control.exceptions) {
      if (exception.resourceType !== type || !(exception.applies?.(template, logicalId) ?? true)) {
        continue;
      }
      if (exception.kind === ControlTowerExceptionKind.USER_DECISION && decisions !== undefined &&
        decisions[exception.decision!] === undefined) {
        continue;
      }
      return exception;
    }
  }
  return undefined;
}
