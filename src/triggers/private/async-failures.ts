import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { ServerlessFunction } from '../../function/serverless-function';
import { BlueprintValidationError } from '../../validation/blueprint-error';
import { TriggerErrorCodes } from '../error-codes';

/**
 * The queues that capture the function's failed asynchronous invocations (its dead-letter queue).
 * Async triggers (S3 through EventBridge, SNS) list them, since events they deliver that fail in the
 * function end there. Throws if the function has none (it always has: ServerlessFunction creates one).
 *
 * @internal
 */
export function asyncFailureQueues(target: ServerlessFunction): sqs.IQueue[] {
  if (!target.deadLetterQueue) {
    throw new BlueprintValidationError(target, [{
      code: TriggerErrorCodes.ASYNC_FAILURES_UNCAPTURED,
      property: 'deadLetterQueue',
      value: 'undefined',
      limit: 'an asynchronously invoked function must capture failed events',
      fix: 'give the function a deadLetterQueue',
    }]);
  }
  return [target.deadLetterQueue];
}
