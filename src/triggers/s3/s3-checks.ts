import * as s3 from 'aws-cdk-lib/aws-s3';
import { BucketEventType } from './bucket-event-type';
import { type S3TriggerOptions } from './s3-trigger';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';
import { seconds } from '../private/duration';

/**
 * The checks of {@link S3TriggerOptions} that need neither the function nor the bucket, run by the
 * trigger when it is added and by `BucketProcessor` before it creates anything.
 *
 * @internal
 */
export function validateS3TriggerOptions(v: Validator, o: S3TriggerOptions): void {
  const eventTypes = o.eventTypes ?? [BucketEventType.OBJECT_CREATED];
  v.failIf(eventTypes.length === 0, {
    code: ErrorCodes.LBP_S3_EVENT_TYPES,
    property: 'eventTypes',
    value: '[]',
    limit: 'at least one event type is needed',
    fix: 'leave eventTypes unset (object created) or list the events you need',
  });
  v.range(ErrorCodes.LBP_TARGET_RETRY_ATTEMPTS, 'retryAttempts', o.retryAttempts, 0, 185, { integer: true });
  v.range(ErrorCodes.LBP_TARGET_MAX_EVENT_AGE, 'maxEventAge', seconds(o.maxEventAge), 60, 86400, { unit: 'seconds', integer: true });
}

/**
 * The check of the bucket (an imported bucket must already send its events to EventBridge), run by the
 * trigger when it is added and by `BucketProcessor` for an existing bucket.
 *
 * @internal
 */
export function validateS3Bucket(v: Validator, bucket: s3.IBucket, o: S3TriggerOptions): void {
  v.failIf(!(bucket instanceof s3.Bucket) && o.bucketSendsToEventBridge !== true, {
    code: ErrorCodes.LBP_S3_EVENTBRIDGE_REQUIRED,
    property: 'bucketSendsToEventBridge',
    value: `${o.bucketSendsToEventBridge} for the imported bucket ${bucket.node.path}`,
    limit: 'the trigger listens on EventBridge, and the library cannot turn on notifications of an imported bucket',
    fix: 'turn on "Send notifications to Amazon EventBridge" on the bucket, then set `bucketSendsToEventBridge: true`',
  });
}
