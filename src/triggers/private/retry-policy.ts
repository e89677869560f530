import { Duration, Token } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';

/** The resolved, checked retry policy of an EventBridge target or schedule. @internal */
export interface RetryPolicy {
  readonly retryAttempts: number;
  readonly maxEventAge: Duration;
}

/**
 * Resolves and checks a retry policy against the EventBridge / Scheduler target limits
 * (0-185 attempts, 60-86,400 s event age).
 *
 * @internal
 */
export function checkRetryPolicy(
  v: Validator,
  retryAttempts: number | undefined,
  maxEventAge: Duration | undefined,
  defaults: RetryPolicy,
): RetryPolicy {
  const policy = {
    retryAttempts: retryAttempts ?? defaults.retryAttempts,
    maxEventAge: maxEventAge ?? defaults.maxEventAge,
  };
  v.range(ErrorCodes.LBP_TARGET_RETRY_ATTEMPTS, 'retryAttempts', policy.retryAttempts, 0, 185, {
    integer: true,
    source: 'EventBridge target retry policy',
    fix: 'set retryAttempts to a whole number from 0 to 185; failed events then go to the failure queue',
  });
  if (!policy.maxEventAge.isUnresolved()) {
    v.range(ErrorCodes.LBP_TARGET_MAX_EVENT_AGE, 'maxEventAge', policy.maxEventAge.toSeconds({ integral: false }), 60, 86400, {
      unit: 'seconds',
      integer: true,
      source: 'EventBridge target retry policy',
      fix: 'set maxEventAge between Duration.minutes(1) and Duration.hours(24), in whole seconds',
    });
  }
  return policy;
}

/**
 * Checks a dead-letter queue given for an EventBridge rule target or a Scheduler schedule: both
 * send undeliverable events only to standard queues (PutTargets answers "SQS FIFO is not supported
 * by Dead Letter Queues").
 *
 * @internal
 */
export function checkTargetDeadLetterQueue(v: Validator, service: string, queue: sqs.IQueue | undefined): void {
  if (queue && !Token.isUnresolved(queue.fifo) && queue.fifo) {
    v.fail({
      code: ErrorCodes.LBP_FIFO_FAILURE_QUEUE,
      property: 'deadLetterQueue',
      value: `FIFO queue ${queue.node.path}`,
      limit: `${service} sends undeliverable events only to standard SQS queues`,
      fix: 'pass a standard queue, or leave deadLetterQueue unset for a FailureQueue',
    });
  }
}

/**
 * The failure handling of an EventBridge rule target or a Scheduler schedule, checked in one step:
 * the retry policy (resolved against `defaults`) and the dead-letter queue given, if any.
 *
 * @internal
 */
export function checkTargetFailureHandling(
  v: Validator,
  service: string,
  options: { readonly retryAttempts?: number; readonly maxEventAge?: Duration; readonly deadLetterQueue?: sqs.IQueue },
  defaults: RetryPolicy,
): RetryPolicy {
  const retry = checkRetryPolicy(v, options.retryAttempts, options.maxEventAge, defaults);
  checkTargetDeadLetterQueue(v, service, options.deadLetterQueue);
  return retry;
}
