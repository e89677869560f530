import { ErrorCodes } from '../../../validation/error-codes';
import { Validator } from '../../../validation/validator';
import { ServerlessFunctionOptions } from '../../serverless-function-props';

/**
 * The checks of asynchronous invocation: retries, event age, dead-letter queue and destinations.
 *
 * @internal
 */
export function validateAsync(v: Validator, props: ServerlessFunctionOptions): void {
  v.range(ErrorCodes.LBP_RETRY_ATTEMPTS, 'retryAttempts', props.retryAttempts, 0, 2, {
    integer: true, source: 'Lambda asynchronous invocation',
  });
  const age = props.maxEventAge;
  if (age && !age.isUnresolved()) {
    v.range(ErrorCodes.LBP_MAX_EVENT_AGE, 'maxEventAge', age.toSeconds({ integral: false }), 60, 21_600, {
      integer: true,
      unit: 'seconds',
      source: 'Lambda keeps asynchronous events from 1 minute to 6 hours',
      fix: 'set maxEventAge between Duration.minutes(1) and Duration.hours(6)',
    });
  }
  const dlq = props.deadLetterQueue;
  if (dlq && dlq.fifo) {
    v.fail({
      code: ErrorCodes.LBP_FIFO_DESTINATION,
      property: 'deadLetterQueue',
      value: `FIFO queue ${dlq.node.path}`,
      limit: 'Lambda sends asynchronous failures only to standard queues',
      fix: 'use a standard queue, or leave deadLetterQueue unset',
    });
  }
  for (const [property, dest] of [['onFailure', props.onFailure], ['onSuccess', props.onSuccess]] as const) {
    if (dest && (dest._typeProblem !== undefined || typeof dest.isFifo !== 'boolean')) {
      v.fail({
        code: ErrorCodes.LBP_PROP_TYPE,
        property,
        value: dest._typeProblem ?? `${typeof dest} where an AsyncDestination is expected`,
        limit: 'a destination is made by an AsyncDestination factory from a queue, topic, event bus or function',
        fix: `pass e.g. AsyncDestination.queue(queue) as ${property}`,
      });
    } else if (dest && dest.isFifo) {
      v.fail({
        code: ErrorCodes.LBP_FIFO_DESTINATION,
        property,
        value: `FIFO ${dest.description}`,
        limit: 'Lambda destinations must be standard queues or topics',
        fix: 'use a standard queue or topic',
      });
    }
  }
}
