import { Token } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { type SqsTriggerOptions } from './sqs-trigger';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';
import { seconds } from '../private/duration';

/**
 * The checks of {@link SqsTriggerOptions} that need no function (batching and concurrency), run by
 * the trigger when it is added and by `QueueProcessor` before it creates anything.
 *
 * @internal
 */
export function validateSqsTriggerOptions(v: Validator, o: SqsTriggerOptions, source: { readonly fifo: boolean }): void {
  const fifo = source.fifo;
  const windowSeconds = seconds(o.maxBatchingWindow);
  const batchSize = o.batchSize ?? 10;

  // ---- batching
  v.range(ErrorCodes.LBP_SQS_BATCH_SIZE, 'batchSize', batchSize, 1, fifo ? 10 : 10000, {
    integer: true,
    source: fifo ? 'FIFO queues' : 'SQS event source mappings',
  });
  if (!fifo && !Token.isUnresolved(batchSize) && batchSize > 10 && !(windowSeconds !== undefined && windowSeconds >= 1)) {
    v.fail({
      code: ErrorCodes.LBP_SQS_BATCH_SIZE,
      property: 'batchSize',
      value: `${batchSize}`,
      limit: 'a batch size above 10 needs a maxBatchingWindow of at least 1 second',
      fix: 'set maxBatchingWindow (e.g. Duration.seconds(5)) or lower batchSize to 10',
    });
  }
  if (fifo && o.maxBatchingWindow !== undefined) {
    v.fail({
      code: ErrorCodes.LBP_BATCHING_WINDOW,
      property: 'maxBatchingWindow',
      value: `${o.maxBatchingWindow.toHumanString()}`,
      limit: 'FIFO queues do not support a batching window',
      fix: 'remove maxBatchingWindow',
    });
  } else {
    v.range(ErrorCodes.LBP_BATCHING_WINDOW, 'maxBatchingWindow', windowSeconds, 0, 300, { unit: 'seconds', integer: true });
  }
  v.range(ErrorCodes.LBP_SQS_MAX_CONCURRENCY, 'maxConcurrency', o.maxConcurrency, 2, 1000, { integer: true });
  validateSqsPollers(v, o);
}

/**
 * The checks of SQS provisioned mode: 2-200 minimum and 2-2,000 maximum pollers (Lambda's SQS range,
 * with aws-cdk-lib's 2,000 cap on the maximum), minimum <= maximum, and no `maxConcurrency` beside it.
 */
function validateSqsPollers(v: Validator, o: SqsTriggerOptions): void {
  const p = o.provisionedPollers;
  if (p === undefined) {
    return;
  }
  v.failIf(o.maxConcurrency !== undefined, {
    code: ErrorCodes.LBP_SQS_POLLERS,
    property: 'maxConcurrency',
    value: 'set together with provisionedPollers',
    limit: 'a mapping in provisioned mode is bounded by its pollers, not by maxConcurrency (Lambda and aws-cdk-lib refuse both)',
    fix: 'remove maxConcurrency and bound the mapping with provisionedPollers.maximumPollers',
  });
  v.range(ErrorCodes.LBP_SQS_POLLERS, 'provisionedPollers.minimumPollers', p.minimumPollers, 2, 200, { integer: true, source: 'SQS provisioned mode' });
  v.range(ErrorCodes.LBP_SQS_POLLERS, 'provisionedPollers.maximumPollers', p.maximumPollers, 2, 2000, { integer: true, source: 'SQS provisioned mode' });
  const min = p.minimumPollers ?? 2;
  const max = p.maximumPollers ?? 200;
  v.failIf(!Token.isUnresolved(min) && !Token.isUnresolved(max) && min > max, {
    code: ErrorCodes.LBP_SQS_POLLERS,
    property: 'provisionedPollers',
    value: `minimumPollers ${min} > maximumPollers ${max}`,
    limit: 'the minimum cannot exceed the maximum',
    fix: 'raise maximumPollers or lower minimumPollers',
  });
}

/** AWS's advice for a Lambda source queue: a visibility timeout of 6 x the function timeout (+ the batching window). */
const VISIBILITY_FACTOR = 6;

/**
 * The check of a source queue's visibility timeout against the function timeout (Lambda refuses the
 * mapping when it is lower), run by the trigger when it is added and by `QueueProcessor` for an
 * existing queue when `functionOptions.timeout` is given. Returns the visibility timeout (undefined
 * when unknown) and the recommended one, for the trigger's warnings.
 *
 * @internal
 */
export function validateSqsVisibility(
  v: Validator, queue: sqs.IQueue, o: SqsTriggerOptions, timeoutSeconds: number | undefined,
): { visibility?: number; recommended?: number } {
  const visibility = queue instanceof sqs.Queue ? ownedVisibilityTimeout(queue) : seconds(o.queueVisibilityTimeout);
  if (visibility === undefined || timeoutSeconds === undefined) {
    return { visibility };
  }
  const recommended = VISIBILITY_FACTOR * timeoutSeconds + (seconds(o.maxBatchingWindow) ?? 0);
  v.failIf(visibility < timeoutSeconds, {
    code: ErrorCodes.LBP_SQS_VISIBILITY_TIMEOUT,
    property: 'visibilityTimeout',
    value: `${visibility} seconds on ${queue.node.path}`,
    limit: `Lambda rejects an SQS mapping whose queue visibility timeout is below the function timeout (${timeoutSeconds} seconds)`,
    fix: `set the queue's visibilityTimeout to at least ${recommended} seconds (6 x function timeout + batching window)`,
  });
  return { visibility, recommended };
}

function ownedVisibilityTimeout(queue: sqs.Queue): number | undefined {
  const cfn = queue.node.defaultChild as sqs.CfnQueue;
  const value = cfn.visibilityTimeout;
  if (value === undefined) {
    return 30; // the SQS default
  }
  return Token.isUnresolved(value) ? undefined : value;
}

/**
 * The checks of a source queue's redrive policy (a dead-letter queue of the same kind, or
 * `queueHasRedrivePolicy` for an imported queue), run by the trigger when it is added and by
 * `QueueProcessor` for an existing queue.
 *
 * @internal
 */
export function validateSqsRedrive(v: Validator, queue: sqs.IQueue, o: SqsTriggerOptions): void {
  if (!(queue instanceof sqs.Queue)) {
    v.failIf(o.queueHasRedrivePolicy !== true, {
      code: ErrorCodes.LBP_SQS_REDRIVE_REQUIRED,
      property: 'queueHasRedrivePolicy',
      value: `${o.queueHasRedrivePolicy} for the imported queue ${queue.node.path}`,
      limit: 'an imported source queue must have a redrive policy, which the library cannot see',
      fix: 'give the queue a dead-letter queue, then set `queueHasRedrivePolicy: true`',
    });
    return;
  }
  const dlq = queue.deadLetterQueue;
  if (!dlq) {
    v.fail({
      code: ErrorCodes.LBP_SQS_REDRIVE_REQUIRED,
      property: 'queue.deadLetterQueue',
      value: `undefined on ${queue.node.path}`,
      limit: 'a source queue needs a redrive policy, or a message that keeps failing is retried until it expires and is lost',
      fix: 'give the queue `deadLetterQueue: { queue: new FailureQueue(...).queue, maxReceiveCount: 5 }` (or use QueueProcessor)',
    });
    return;
  }
  const fifo = !Token.isUnresolved(queue.fifo) && queue.fifo;
  v.failIf(!Token.isUnresolved(dlq.queue.fifo) && dlq.queue.fifo !== fifo, {
    code: ErrorCodes.LBP_SQS_DLQ_TYPE,
    property: 'queue.deadLetterQueue.queue',
    value: dlq.queue.fifo ? 'a FIFO queue' : 'a standard queue',
    limit: `the dead-letter queue of a ${fifo ? 'FIFO' : 'standard'} queue must be ${fifo ? 'FIFO' : 'standard'} too (SQS rejects the redrive policy)`,
    fix: `use a ${fifo ? 'FIFO' : 'standard'} dead-letter queue (FailureQueue has a \`fifo\` option)`,
  });
}
