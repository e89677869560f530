import { Token } from 'aws-cdk-lib';
import { seconds } from './duration';
import { ErrorCodes as Codes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';
import type { SqsTriggerOptions } from '../sqs-trigger';

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
  v.range(Codes.SQS_BATCH_SIZE, 'batchSize', batchSize, 1, fifo ? 10 : 10000, {
    integer: true,
    source: fifo ? 'FIFO queues' : 'SQS event source mappings',
  });
  if (!fifo && !Token.isUnresolved(batchSize) && batchSize > 10 && !(windowSeconds !== undefined && windowSeconds >= 1)) {
    v.fail({
      code: Codes.SQS_BATCH_SIZE,
      property: 'batchSize',
      value: `${batchSize}`,
      limit: 'a batch size above 10 needs a maxBatchingWindow of at least 1 second',
      fix: 'set maxBatchingWindow (e.g. Duration.seconds(5)) or lower batchSize to 10',
    });
  }
  if (fifo && o.maxBatchingWindow !== undefined) {
    v.fail({
      code: Codes.BATCHING_WINDOW,
      property: 'maxBatchingWindow',
      value: `${o.maxBatchingWindow.toHumanString()}`,
      limit: 'FIFO queues do not support a batching window',
      fix: 'remove maxBatchingWindow',
    });
  } else {
    v.range(Codes.BATCHING_WINDOW, 'maxBatchingWindow', windowSeconds, 0, 300, { unit: 'seconds', integer: true });
  }
  v.range(Codes.SQS_MAX_CONCURRENCY, 'maxConcurrency', o.maxConcurrency, 2, 1000, { integer: true });
}
