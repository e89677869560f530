import { Duration } from 'aws-cdk-lib';

/**
 * How one alarm fires. Every field is optional: what is left unset keeps the alarm's default (see
 * each alarm in {@link FunctionAlarmsOptions} for its threshold's unit and default).
 */
export interface AlarmOptions {
  /**
   * Whether the alarm exists. Set to `false` to turn just this alarm off.
   *
   * @default true (alarms that do not apply to the function, such as iterator age without a stream trigger, are never created)
   */
  readonly enabled?: boolean;

  /**
   * The value at or above which a datapoint breaches, in the unit the alarm documents (percent,
   * count or seconds). Must be greater than 0.
   *
   * @default - the alarm's default
   */
  readonly threshold?: number;

  /**
   * The length of each datapoint: 10, 20 or 30 seconds, or a whole number of minutes. Setting it
   * (or `evaluationPeriods`, or `datapointsToAlarm`) gives the signal an alarm of its own instead of
   * a place in the function's combined alarm.
   *
   * @default - the alarm's default
   */
  readonly period?: Duration;

  /**
   * How many recent periods the alarm looks at. At least 1, and periods x evaluationPeriods is at most one day.
   *
   * @default - the alarm's default
   */
  readonly evaluationPeriods?: number;

  /**
   * How many of those periods must breach for the alarm to fire (1 to `evaluationPeriods`).
   *
   * @default - the alarm's default
   */
  readonly datapointsToAlarm?: number;
}

/**
 * The alarms of a {@link ServerlessFunction}. Each is on by default with a threshold chosen for a
 * production function; override any field of one alarm, turn one off with `enabled: false`, or turn
 * them all off with `enabled: false` here. Every alarm notifies the function's `alarmTopic`.
 */
export interface FunctionAlarmsOptions {
  /**
   * Whether the function gets any of these alarms. `false` turns every alarm below off (the
   * dead-letter queue's depth alarm stays: every failure sink keeps its alarm).
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Whether the function's failure signals share one metric-math alarm. Each signal keeps its own
   * threshold inside the expression (the alarm's value is the highest signal divided by its
   * threshold, so it fires at 1); the alarm evaluates 5-minute periods, 1 of 1. A signal whose
   * `period`, `evaluationPeriods` or `datapointsToAlarm` you set gets its own alarm instead, as do
   * errors and duration when a deployment rolls back on them. `false` gives every signal its own
   * alarm (7 alarms instead of 1 for a default function; see docs/scale.md).
   *
   * @default true
   */
  readonly combined?: boolean;

  /**
   * Errors as a percentage of invocations through the `live` alias. Threshold in percent. Used for
   * automatic rollback of a deployment.
   *
   * @default - threshold 1 (%), period 1 minute, 3 of 5 periods
   */
  readonly errors?: AlarmOptions;

  /**
   * Throttled requests as a percentage of all requests through the `live` alias. Threshold in percent.
   *
   * @default - threshold 1 (%), period 1 minute, 3 of 5 periods
   */
  readonly throttles?: AlarmOptions;

  /**
   * The p99 duration as a percentage of the function's timeout. Threshold in percent (of the
   * timeout). Used for automatic rollback of a deployment.
   *
   * @default - threshold 80 (%), period 1 minute, 3 of 5 periods
   */
  readonly duration?: AlarmOptions;

  /**
   * Asynchronous events dropped (expired, out of retries or throttled away). Threshold in events.
   *
   * @default - threshold 1 (event), period 1 minute, 1 of 1 period
   */
  readonly asyncEventsDropped?: AlarmOptions;

  /**
   * Failed deliveries to the dead-letter queue or to an asynchronous destination. Threshold in
   * failed deliveries.
   *
   * @default - threshold 1, period 1 minute, 1 of 1 period
   */
  readonly deliveryFailures?: AlarmOptions;

  /**
   * Invocations Lambda dropped because it detected the function in a recursive loop
   * (`RecursiveInvocationsDropped`, Sum). Threshold in dropped invocations.
   *
   * @default - threshold 1 (invocation), period 1 minute, 1 of 1 period
   */
  readonly recursiveInvocationsDropped?: AlarmOptions;

  /**
   * The iterator age of stream triggers (Kinesis, DynamoDB Streams): how far the function lags
   * behind the stream. Threshold in seconds. Created when the first trigger that reads a stream is added.
   *
   * @default - threshold 60 (seconds), period 1 minute, 3 of 5 periods
   */
  readonly iteratorAge?: AlarmOptions;

  /**
   * Events of an event source mapping (SQS, Kinesis, DynamoDB Streams, Kafka, Amazon MQ, DocumentDB)
   * whose invocation failed or that the mapping dropped (out of retries or too old), read from the
   * mapping's `FailedInvokeEventCount` and `DroppedEventCount` metrics (the library turns the
   * mapping's EventCount metrics on). Threshold in events per period. One alarm per mapping (2 alarm
   * metrics each), created when a trigger with a mapping is added.
   *
   * @default - threshold 1 (event), period 5 minutes, 1 of 1 period
   */
  readonly eventSourceFailures?: AlarmOptions;

  /**
   * The age of the oldest message in the function's dead-letter queue (created by the library).
   * Threshold in seconds. Fires before failed events reach the queue's 14-day retention.
   *
   * @default - threshold 864000 (10 days), period 5 minutes, 1 of 1 period
   */
  readonly deadLetterQueueAge?: AlarmOptions;

  /**
   * Invocations that found no provisioned execution environment free (cold starts despite
   * provisioned concurrency). Threshold in invocations per period. Only with provisioned concurrency.
   *
   * @default - threshold 10 (invocations), period 5 minutes, 3 of 3 periods
   */
  readonly provisionedConcurrencySpillover?: AlarmOptions;

  /**
   * The share of provisioned concurrency in use. Threshold in percent. Only with provisioned concurrency.
   *
   * @default - threshold 90 (%), period 5 minutes, 3 of 3 periods
   */
  readonly provisionedConcurrencyUtilization?: AlarmOptions;
}
