import { Duration, Token } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { BucketEventType } from './bucket-event-type';
import { validateS3Bucket, validateS3TriggerOptions } from './s3-checks';
import { FailureQueue } from '../../destinations/failure-queue';
import { Validator } from '../../validation/validator';
import { acknowledgeAsyncPermissions, asyncFailureQueues } from '../private/async-failures';
import { requireTriggerArgument, TriggerBinding } from '../private/binding';
import { checkTriggerOptions, S3_TRIGGER_SHAPE } from '../private/option-shapes';
import { triggerScope } from '../private/trigger-scope';
import { ITrigger, ITriggerTarget, TriggerConfig } from '../trigger';

/**
 * Options of an S3 trigger.
 */
export interface S3TriggerOptions {
  /**
   * Which object events invoke the function.
   *
   * @default [BucketEventType.OBJECT_CREATED]
   */
  readonly eventTypes?: BucketEventType[];

  /**
   * Only objects whose key starts with this (e.g. `uploads/`).
   *
   * @default - any key
   */
  readonly prefix?: string;

  /**
   * Only objects whose key ends with this (e.g. `.jpg`).
   *
   * @default - any key
   */
  readonly suffix?: string;

  /**
   * How many times EventBridge retries delivering an event to the function (0 to 185).
   *
   * @default 185 (the EventBridge maximum, stated explicitly: delivery only fails while Lambda throttles or is unavailable)
   */
  readonly retryAttempts?: number;

  /**
   * How long EventBridge keeps retrying an event (60 seconds to 24 hours) before it goes to the
   * rule target's dead-letter queue.
   *
   * @default Duration.hours(24)
   */
  readonly maxEventAge?: Duration;

  /**
   * For an imported bucket: you state that its EventBridge notifications are on (the library turns
   * them on for buckets defined in the app, and cannot for imported ones).
   *
   * @default false
   */
  readonly bucketSendsToEventBridge?: boolean;
}

/**
 * Invokes the function's `live` alias for object events of an S3 bucket, through EventBridge: the
 * bucket's native EventBridge notifications (turned on through CloudFormation, with no custom
 * resource), an EventBridge rule matching the bucket, event types and key filters, and a target
 * with a bounded retry policy and a dead-letter queue. Events the function fails on after Lambda's
 * asynchronous retries go to the function's own dead-letter queue.
 */
export class S3Trigger implements ITrigger {
  /** The bucket whose object events invoke the function. */
  public readonly bucket: s3.IBucket;

  private readonly options: S3TriggerOptions;
  private readonly binding = new TriggerBinding<{ rule: events.Rule; deadLetterQueue: sqs.IQueue }>('S3Trigger');

  /**
   * @param bucket the bucket whose object events invoke the function
   * @param options the events, key filters and retry policy
   */
  constructor(bucket: s3.IBucket, options: S3TriggerOptions = {}) {
    this.bucket = bucket;
    this.options = options;
  }

  /** The EventBridge rule matching the bucket's events (available once added to a function). */
  public get rule(): events.Rule {
    return this.binding.resources('rule').rule;
  }

  /**
   * Where events EventBridge could not deliver to the alias go: the rule target's dead-letter queue
   * (available once added to a function).
   */
  public get deadLetterQueue(): sqs.IQueue {
    return this.binding.resources('deadLetterQueue').deadLetterQueue;
  }

  /** @inheritdoc */
  public bind(target: ITriggerTarget): TriggerConfig {
    this.binding.claim(target);
    requireTriggerArgument(target, 'Trigger.s3(bucket)', this.bucket, 'construct');
    const bucket = this.bucket;
    const o = this.options;
    // Events this trigger delivers that fail in the function end in its dead-letter queue.
    const functionFailures = asyncFailureQueues(target);
    const scope = triggerScope(target, `S3${bucket.node.id}`);
    const v = new Validator(scope);
    checkTriggerOptions(v, this.options, S3_TRIGGER_SHAPE);
    validateS3TriggerOptions(v, o);
    const eventTypes = o.eventTypes ?? [BucketEventType.OBJECT_CREATED];
    const owned = bucket instanceof s3.Bucket;
    validateS3Bucket(v, bucket, o);
    v.throwIfAny();

    if (owned) {
      enableEventBridgeNotifications(bucket as s3.Bucket);
    }

    const sink = new FailureQueue(scope, 'DeliveryFailureQueue', {
      purpose: `EventBridge deliveries of ${bucket.node.path} events to ${target.node.path}`,
      alarmTopic: target.alarmTopic,
    });

    const detail: { [key: string]: any } = { bucket: { name: [bucket.bucketName] } };
    const keyMatcher = objectKeyMatcher(o.prefix, o.suffix);
    if (keyMatcher) {
      detail.object = { key: [keyMatcher] };
    }
    const rule = new events.Rule(scope, 'Rule', {
      description: `S3 ${eventTypes.join(', ')} events of ${bucket.node.path} -> ${target.node.path}`,
      eventPattern: { source: ['aws.s3'], detailType: eventTypes, detail },
    });
    // The target adds the Lambda permission (scoped to this rule) and the DLQ policy for EventBridge.
    rule.addTarget(new targets.LambdaFunction(target.alias, {
      deadLetterQueue: sink.queue,
      retryAttempts: o.retryAttempts ?? 185,
      maxEventAge: o.maxEventAge ?? Duration.hours(24),
    }));

    acknowledgeAsyncPermissions(target, 'events');
    this.binding.record(target, { rule, deadLetterQueue: sink.queue });
    return {
      description: `S3 bucket ${bucket.node.path} (through EventBridge)`,
      failureQueues: [sink.queue, ...functionFailures],
    };
  }
}

/**
 * Turns on the bucket's EventBridge notifications in its CloudFormation properties (no custom
 * resource, unlike `enableEventBridgeNotification()` and `addEventNotification`).
 */
function enableEventBridgeNotifications(bucket: s3.Bucket): void {
  const cfn = bucket.node.defaultChild as s3.CfnBucket;
  const existing = cfn.notificationConfiguration;
  if (existing !== undefined && Token.isUnresolved(existing)) {
    cfn.addPropertyOverride('NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled', true);
    return;
  }
  cfn.notificationConfiguration = {
    ...(existing as s3.CfnBucket.NotificationConfigurationProperty | undefined),
    eventBridgeConfiguration: { eventBridgeEnabled: true },
  };
}

/** An EventBridge matcher for the object key, or undefined when neither filter is set. */
function objectKeyMatcher(prefix?: string, suffix?: string): { [key: string]: string } | undefined {
  if (prefix && suffix) {
    // EventBridge has no prefix-and-suffix matcher on one field; a wildcard expresses both.
    const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/\*/g, '\\*');
    return { wildcard: `${escape(prefix)}*${escape(suffix)}` };
  }
  if (prefix) {
    return { prefix };
  }
  if (suffix) {
    return { suffix };
  }
  return undefined;
}
