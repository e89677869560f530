import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { StreamTriggerOptions } from './stream-trigger-options';
import { ResourceWildcardAcknowledgement } from '../../acknowledgements/acknowledgements';
import { FailureQueue } from '../../destinations/failure-queue';
import { targetRole } from '../private/binding';
import { ESM_METRICS } from '../private/esm-metrics';
import { bucketDestination, grantFailedRecords } from '../private/failed-records-bucket';
import { grantPublishFailedRecords, topicDestination } from '../private/failed-records-topic';
import { filterEncryptionKey } from '../private/filter-encryption';
import type { ITriggerTarget } from '../trigger';

/** The bounded defaults of every stream trigger. @internal */
export const STREAM_DEFAULTS = {
  batchSize: 100,
  retryAttempts: 3,
  maxRecordAge: Duration.days(1),
  startingPosition: lambda.StartingPosition.TRIM_HORIZON,
} as const;

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
  kind: 'Kinesis' | 'DynamoDbStream',
): { mapping: lambda.EventSourceMapping; failureQueues: sqs.IQueue[]; failureQueue?: sqs.IQueue } {
  let onFailure: lambda.IEventSourceDlq;
  let failureQueue: sqs.IQueue | undefined;
  const failureQueues: sqs.IQueue[] = [];
  let bucketPolicy: iam.ManagedPolicy | undefined;
  if (o.onFailureBucket) {
    const ack = ResourceWildcardAcknowledgement.STREAM_FAILED_RECORDS;
    bucketPolicy = grantFailedRecords(target, targetRole(target, `${kind}Trigger`), o.onFailureBucket, kind, ack);
    onFailure = bucketDestination(o.onFailureBucket);
  } else if (o.onFailureTopic) {
    grantPublishFailedRecords(targetRole(target, `${kind}Trigger`), o.onFailureTopic);
    onFailure = topicDestination(o.onFailureTopic);
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
    filterEncryption: filterEncryptionKey(target, o.filters),
    metricsConfig: ESM_METRICS,
    onFailure,
    enabled: o.enabled,
  });
  if (target.role) {
    mapping.node.addDependency(target.role);
  }
  if (bucketPolicy) {
    // Lambda checks the destination's permissions when it creates the mapping.
    mapping.node.addDependency(bucketPolicy);
  }
  return { mapping, failureQueues, failureQueue };
}
