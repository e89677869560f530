import { Duration, Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { seconds } from '../private/duration';
import { FailureQueue } from '../../destinations/failure-queue';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';
import { StreamTriggerOptions } from './stream-trigger-options';
import type { ITriggerTarget } from '../trigger';

/** The bounded defaults of every stream trigger. @internal */
export const STREAM_DEFAULTS = {
  batchSize: 100,
  retryAttempts: 3,
  maxRecordAge: Duration.days(1),
  startingPosition: lambda.StartingPosition.TRIM_HORIZON,
} as const;

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
  } else if (position === lambda.StartingPosition.AT_TIMESTAMP && o.startingPositionTimestamp === undefined) {
    v.fail({
      code: ErrorCodes.LBP_STREAM_STARTING_POSITION,
      property: 'startingPositionTimestamp',
      value: 'undefined',
      limit: 'StartingPosition.AT_TIMESTAMP needs a timestamp',
      fix: 'set startingPositionTimestamp (Unix time in seconds)',
    });
  } else if (position !== lambda.StartingPosition.AT_TIMESTAMP && o.startingPositionTimestamp !== undefined) {
    v.fail({
      code: ErrorCodes.LBP_STREAM_STARTING_POSITION,
      property: 'startingPositionTimestamp',
      value: `${o.startingPositionTimestamp}`,
      limit: `a timestamp is only used with StartingPosition.AT_TIMESTAMP, not ${position}`,
      fix: 'remove startingPositionTimestamp or use StartingPosition.AT_TIMESTAMP',
    });
  }

  if (o.onFailureQueue && o.onFailureTopic) {
    v.fail({
      code: ErrorCodes.LBP_STREAM_ON_FAILURE,
      property: 'onFailureQueue, onFailureTopic',
      value: 'both set',
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

/**
 * Creates the mapping of a stream trigger (and its failure queue unless the user gave a destination).
 *
 * @internal
 */
export function createStreamMapping(
  scope: Construct,
  target: ITriggerTarget,
  eventSourceArn: string,
  o: StreamTriggerOptions,
  purpose: string,
): { mapping: lambda.EventSourceMapping; failureQueues: sqs.IQueue[]; failureQueue?: sqs.IQueue } {
  let onFailure: lambda.IEventSourceDlq;
  let failureQueue: sqs.IQueue | undefined;
  const failureQueues: sqs.IQueue[] = [];
  if (o.onFailureTopic) {
    onFailure = new sources.SnsDlq(o.onFailureTopic);
  } else if (o.onFailureQueue) {
    onFailure = new sources.SqsDlq(o.onFailureQueue);
    failureQueues.push(o.onFailureQueue);
  } else {
    const sink = new FailureQueue(scope, 'FailureQueue', { purpose, alarmTopic: target.alarmTopic });
    onFailure = new sources.SqsDlq(sink.queue);
    failureQueues.push(sink.queue);
    failureQueue = sink.queue;
  }
  const mapping = new lambda.EventSourceMapping(scope, 'EventSourceMapping', {
    target: target.alias,
    eventSourceArn,
    batchSize: o.batchSize ?? STREAM_DEFAULTS.batchSize,
    maxBatchingWindow: o.maxBatchingWindow,
    startingPosition: o.startingPosition ?? STREAM_DEFAULTS.startingPosition,
    startingPositionTimestamp: o.startingPositionTimestamp,
    retryAttempts: o.retryAttempts ?? STREAM_DEFAULTS.retryAttempts,
    maxRecordAge: o.maxRecordAge ?? STREAM_DEFAULTS.maxRecordAge,
    bisectBatchOnError: o.bisectBatchOnError ?? true,
    reportBatchItemFailures: o.reportBatchItemFailures ?? true,
    parallelizationFactor: o.parallelizationFactor,
    tumblingWindow: o.tumblingWindow,
    filters: o.filters,
    onFailure,
    enabled: o.enabled,
  });
  if (target.role) {
    mapping.node.addDependency(target.role);
  }
  return { mapping, failureQueues, failureQueue };
}
