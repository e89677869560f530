import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { CDK_VALIDATOR_NAMESPACE, ExternalValidatorSkips, skipExternalChecks } from './external-validators';
import { writeNagV2Suppressions } from './nag-v2-suppressions';

/**
 * The cdk-nag findings this library acknowledges itself: each one is a finding a template cannot
 * avoid, so it is acknowledged on a construct only the library writes, with the reason, and listed in
 * the README. Nothing else is ever acknowledged: never what the user adds, and never a decision only
 * the user can make (see `Blueprints.acknowledgeUserDecisions`).
 *
 * An acknowledgement covers the construct and its descendants (cdk-nag 3 walks up the tree); the
 * same ids are written as cdk-nag 2 suppressions (`cdk_nag` metadata) on the construct's
 * CloudFormation resource (or, for a group, on every resource under it), with the same reason, so
 * both cdk-nag lines honour it. Its
 * `checkov` and `cfnLint` ids (the same finding under those tools' ids) are written into the
 * `Metadata` of the construct's own CloudFormation resource, with the same reason (docs/validators.md).
 *
 * @internal
 */
export const Acknowledgement = {
  /**
   * The role policy that holds only actions IAM allows on `Resource: *` alone (FunctionRole routes
   * them there; no other statement can land in it).
   */
  RESOURCE_STAR_ONLY_ACTIONS: {
    ids: ['AwsSolutions-IAM5[Resource::*]'],
    reason:
      'Every statement of this policy allows only actions that do not support resource-level permissions, on Resource *: ' +
      'X-Ray PutTraceSegments/PutTelemetryRecords, the VPC network-interface actions Lambda needs ' +
      '(ec2:CreateNetworkInterface, DescribeNetworkInterfaces, DescribeSubnets, DeleteNetworkInterface, ' +
      'AssignPrivateIpAddresses, UnassignPrivateIpAddresses) and dynamodb:ListStreams. The library routes a statement ' +
      'here only when every action is one of these, on Resource * alone, without condition; every other statement, ' +
      'including all of yours and every grant, lands in the role\'s other policy, which carries no acknowledgement.',
  },
  /** The policy the hardening of a plain function creates: X-Ray on `*` and its own DLQ only. */
  HARDENING_XRAY_WILDCARD: {
    ids: ['AwsSolutions-IAM5[Resource::*]'],
    reason:
      'This policy is written only by the library\'s hardening of a plain lambda.Function: X-Ray ' +
      'PutTraceSegments/PutTelemetryRecords, which do not support resource-level permissions, and sqs:SendMessage ' +
      'on the dead-letter queue it created. Statements of the function\'s own role are in its other policies.',
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

/** The shape of one acknowledgement. @internal */
export interface AcknowledgementSpec extends ExternalValidatorSkips {
  /** The cdk-nag finding ids (with sub-ids where the finding has one). */
  readonly ids: readonly string[];
  /** Why the finding cannot be avoided, for the README and the tools' reports. */
  readonly reason: string;
}

/**
 * Acknowledges every id of `ack` on `scope` (and so on its descendants), for cdk-nag 3 and cdk-nag 2.
 *
 * cdk-nag 3 reads the construct's acknowledgements (`Validations.of(scope).acknowledge`); cdk-nag 2
 * reads `cdk_nag` suppressions from each resource's template metadata, written here on the resources
 * that exist under `scope` (so acknowledge after creating them). Every acknowledgement of the library,
 * and of a user through the library, goes through this function.
 *
 * @internal
 */
export function acknowledge(scope: IConstruct, ack: AcknowledgementSpec): void {
  for (const id of ack.ids) {
    Validations.of(scope).acknowledge({ id, reason: ack.reason });
  }
  writeNagV2Suppressions(scope, ack.ids, ack.reason);
  for (const id of ack.cdkValidator ?? []) {
    Validations.of(scope).acknowledge({ id: `${CDK_VALIDATOR_NAMESPACE}::${id}`, reason: ack.reason });
  }
  skipExternalChecks(scope, ack, ack.reason);
}
