import { Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { STREAM_DEFAULTS } from './stream-mapping';
import { StreamTriggerOptions } from './stream-trigger-options';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';
import { seconds } from '../private/duration';
import { checkTriggerOptions, STREAM_TRIGGER_SHAPE } from '../private/option-shapes';
import { validateStartingPositionTimestamp } from '../private/starting-position';

/**
 * The checks of a Kinesis trigger's {@link StreamTriggerOptions} (types, then the shared stream
 * checks; `AT_TIMESTAMP` is allowed). Creates nothing.
 *
 * @internal
 */
export function validateKinesisTriggerOptions(v: Validator, o: StreamTriggerOptions): void {
  checkTriggerOptions(v, o, STREAM_TRIGGER_SHAPE);
  validateStreamOptions(v, o, { supportsTimestamp: true });
}

/**
 * The checks of a DynamoDB stream trigger's {@link StreamTriggerOptions} (types, then the shared
 * stream checks; DynamoDB Streams have no `AT_TIMESTAMP`). Creates nothing. The table's own stream is
 * checked by `validateTableStream`.
 *
 * @internal
 */
export function validateDynamoDbStreamTriggerOptions(v: Validator, o: StreamTriggerOptions): void {
  checkTriggerOptions(v, o, STREAM_TRIGGER_SHAPE);
  validateStreamOptions(v, o, { supportsTimestamp: false });
}

/**
 * Validates the shared stream options (every problem recorded in `v`).
 *
 * @internal
 */
export function validateStreamOptions(v: Validator, o: StreamTriggerOptions, opts: { supportsTimestamp: boolean }): void {
  v.range(ErrorCodes.LBP_STREAM_BATCH_SIZE, 'batchSize', o.batchSize, 1, 10000, { integer: true });
  v.range(ErrorCodes.LBP_BATCHING_WINDOW, 'maxBatchingWindow', seconds(o.maxBatchingWindow), 0, 300, { unit: 'seconds', integer: true });
  if (o.retryAttempts !== undefined && !Token.isUnresolved(o.retryAttempts) && o.retryAttempts === -1) {
    v.fail({
      code: ErrorCodes.LBP_STREAM_RETRY_ATTEMPTS,
      property: 'retryAttempts',
      value: '-1 (infinite)',
      limit: 'infinite retries let one bad record block its shard until the record expires',
      fix: `set a finite retryAttempts (0 to 10000; default ${STREAM_DEFAULTS.retryAttempts})`,
    });
  } else {
    v.range(ErrorCodes.LBP_STREAM_RETRY_ATTEMPTS, 'retryAttempts', o.retryAttempts, 0, 10000, { integer: true });
  }
  const age = seconds(o.maxRecordAge);
  if (age === -1) {
    v.fail({
      code: ErrorCodes.LBP_STREAM_MAX_RECORD_AGE,
      property: 'maxRecordAge',
      value: '-1 (infinite)',
      limit: 'records must age out so a failing batch cannot block its shard forever',
      fix: 'set maxRecordAge between 60 seconds and 7 days',
    });
  } else {
    v.range(ErrorCodes.LBP_STREAM_MAX_RECORD_AGE, 'maxRecordAge', age, 60, 604800, { unit: 'seconds', integer: true });
  }
  v.range(ErrorCodes.LBP_STREAM_PARALLELIZATION, 'parallelizationFactor', o.parallelizationFactor, 1, 10, { integer: true });
  v.range(ErrorCodes.LBP_STREAM_TUMBLING_WINDOW, 'tumblingWindow', seconds(o.tumblingWindow), 0, 900, { unit: 'seconds', integer: true });

  const position = o.startingPosition ?? STREAM_DEFAULTS.startingPosition;
  if (position === lambda.StartingPosition.AT_TIMESTAMP && !opts.supportsTimestamp) {
    v.fail({
      code: ErrorCodes.LBP_STREAM_STARTING_POSITION,
      property: 'startingPosition',
      value: 'AT_TIMESTAMP',
      limit: 'DynamoDB Streams only support TRIM_HORIZON and LATEST',
      fix: 'use StartingPosition.TRIM_HORIZON or LATEST',
    });
  } else {
    validateStartingPositionTimestamp(v, ErrorCodes.LBP_STREAM_STARTING_POSITION, position, o.startingPositionTimestamp);
  }


  const destinations = (['onFailureQueue', 'onFailureTopic', 'onFailureBucket'] as const).filter((k) => o[k] !== undefined);
  if (destinations.length > 1) {
    v.fail({
      code: ErrorCodes.LBP_STREAM_ON_FAILURE,
      property: destinations.join(', '),
      value: `${destinations.length} set`,
      limit: 'a mapping has one on-failure destination',
      fix: 'set only one of them',
    });
  }
  const fifoQueue = o.onFailureQueue && !Token.isUnresolved(o.onFailureQueue.fifo) && o.onFailureQueue.fifo;
  const fifoTopic = o.onFailureTopic && !Token.isUnresolved(o.onFailureTopic.fifo) && o.onFailureTopic.fifo;
  if (fifoQueue || fifoTopic) {
    v.fail({
      code: ErrorCodes.LBP_STREAM_ON_FAILURE,
      property: fifoQueue ? 'onFailureQueue' : 'onFailureTopic',
      value: 'a FIFO destination',
      limit: 'Lambda only sends on-failure records to standard queues and topics',
      fix: 'use a standard queue or topic, or leave it unset for a FailureQueue',
    });
  }
}

