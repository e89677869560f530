import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * The cdk-nag findings this library acknowledges itself: each one is a finding a template cannot
 * avoid (or a choice only the user can make), so it is acknowledged on the library's own construct,
 * with the reason, and listed in the README. Nothing else is ever acknowledged.
 *
 * An acknowledgement covers the construct and its descendants (cdk-nag 3 walks up the tree).
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
    reason:
      'This queue is the terminal failure sink of an event path (a dead-letter queue): it keeps failed events ' +
      'for 14 days, is encrypted and alarmed; a redrive policy on it would only move the problem to another queue.',
  },
  /** No VPC was given: HIPAA/NIST/PCI want every function in a VPC, which only the user can provide. */
  NO_VPC: {
    ids: ['HIPAA.Security-LambdaInsideVPC', 'NIST.800.53.R5-LambdaInsideVPC', 'PCI.DSS.321-LambdaInsideVPC'],
    reason:
      'No vpc was given. Attaching a function to a VPC needs the user\'s VPC, private subnets and endpoints; ' +
      'the library never creates a VPC on its own. Pass `vpc` to run the function in private subnets.',
  },
  /** No reserved concurrency was given: reserving takes capacity from the account's shared pool. */
  NO_RESERVED_CONCURRENCY: {
    ids: ['HIPAA.Security-LambdaConcurrency', 'NIST.800.53.R5-LambdaConcurrency'],
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
} as const;

/** The shape of one acknowledgement. @internal */
export interface AcknowledgementSpec {
  readonly ids: readonly string[];
  readonly reason: string;
}

/**
 * Acknowledges every id of `ack` on `scope` (and so on its descendants).
 *
 * @internal
 */
export function acknowledge(scope: IConstruct, ack: AcknowledgementSpec): void {
  for (const id of ack.ids) {
    Validations.of(scope).acknowledge({ id, reason: ack.reason });
  }
}
