import { seconds } from './duration';
import { ErrorCodes as Codes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';
import { BucketEventType } from '../bucket-event-type';
import type { S3TriggerOptions } from '../s3-trigger';

/**
 * The checks of {@link S3TriggerOptions} that need neither the function nor the bucket, run by the
 * trigger when it is added and by `BucketProcessor` before it creates anything.
 *
 * @internal
 */
export function validateS3TriggerOptions(v: Validator, o: S3TriggerOptions): void {
  const eventTypes = o.eventTypes ?? [BucketEventType.OBJECT_CREATED];
  v.failIf(eventTypes.length === 0, {
    code: Codes.S3_EVENT_TYPES,
    property: 'eventTypes',
    value: '[]',
    limit: 'at least one event type is needed',
    fix: 'leave eventTypes unset (object created) or list the events you need',
  });
  v.range(Codes.TARGET_RETRY_ATTEMPTS, 'retryAttempts', o.retryAttempts, 0, 185, { integer: true });
  v.range(Codes.TARGET_MAX_EVENT_AGE, 'maxEventAge', seconds(o.maxEventAge), 60, 86400, { unit: 'seconds', integer: true });
}
