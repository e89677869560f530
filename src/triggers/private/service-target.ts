import { Stack } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FailureQueue } from '../../destinations/failure-queue';
import { ManagedPolicyRole } from '../../iam/managed-policy-role';
import { type ITriggerTarget } from '../trigger';

/**
 * The build steps shared by the triggers whose AWS service acts with a role of its own and hands what
 * it could not deliver to a queue (EventBridge rules and Scheduler, AWS IoT, Firehose, ...): the
 * service's role, and the given dead-letter queue or a new `FailureQueue`.
 */

/**
 * The role a service assumes for this trigger: trusted by `service` for this account only
 * (`aws:SourceAccount`), with one customer-managed policy. `what` names it, e.g. `the schedule that
 * invokes <function path>`.
 *
 * @internal
 */
export function serviceRole(scope: Construct, id: string, service: string, what: string): ManagedPolicyRole {
  return new ManagedPolicyRole(scope, id, {
    service,
    sourceAccount: Stack.of(scope).account,
    description: what,
    policyDescription: `Every permission of ${what}`,
  });
}

/**
 * The queue undeliverable events go to: the one given, or a new `FailureQueue` (`id`) alarmed to the
 * function's alarm topic.
 *
 * @internal
 */
export function givenOrFailureQueue(
  scope: Construct, id: string, given: sqs.IQueue | undefined, purpose: string, target: ITriggerTarget,
): sqs.IQueue {
  if (given) {
    return given;
  }
  return new FailureQueue(scope, id, { purpose, alarmTopic: target.alarmTopic }).queue;
}
