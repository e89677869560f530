import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { acknowledge } from '../../acknowledgements/acknowledge';
import { AcknowledgementSpec, InvocationAcknowledgement } from '../../acknowledgements/acknowledgements';
import { BlueprintValidationError } from '../../validation/blueprint-error';
import { ErrorCodes } from '../../validation/error-codes';
import type { ITriggerTarget } from '../trigger';

/**
 * The queues that capture the function's failed asynchronous invocations (its dead-letter queue).
 * Async triggers (S3 through EventBridge, SNS) list them, since events they deliver that fail in the
 * function end there. Throws if the function has none (it always has: ServerlessFunction creates one).
 *
 * @internal
 */
export function asyncFailureQueues(target: ITriggerTarget): sqs.IQueue[] {
  if (!target.deadLetterQueue) {
    throw new BlueprintValidationError(target, [{
      code: ErrorCodes.LBP_ASYNC_FAILURES_UNCAPTURED,
      property: 'deadLetterQueue',
      value: 'undefined',
      limit: 'an asynchronously invoked function must capture failed events',
      fix: 'give the function a deadLetterQueue',
    }]);
  }
  return [target.deadLetterQueue];
}

/**
 * Writes the reason for the external validators' findings on the invoke permissions a trigger created
 * for a service principal (`events`, `sns`, `elasticloadbalancing`, ...) anywhere under the function:
 * on the function, its alias, or a trigger's own scope (an EventBridge rule target puts its permission
 * under the rule).
 *
 * @internal
 */
export function acknowledgeInvokePermissions(target: ITriggerTarget, servicePrefix: string, ack: AcknowledgementSpec): void {
  for (const c of target.node.findAll()) {
    if (c instanceof lambda.CfnPermission && typeof c.principal === 'string' && c.principal.startsWith(`${servicePrefix}.`)) {
      acknowledge(c, ack);
    }
  }
}

/**
 * The asynchronous invoke permissions (SNS, EventBridge) of `target`: their failures go to its DLQ.
 *
 * @internal
 */
export function acknowledgeAsyncPermissions(target: ITriggerTarget, servicePrefix: 'events' | 'sns'): void {
  acknowledgeInvokePermissions(target, servicePrefix, InvocationAcknowledgement.ASYNC_PERMISSION_FAILURES_IN_DLQ);
}
