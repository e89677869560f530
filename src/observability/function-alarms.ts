import { Annotations, Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AlarmOptions, FunctionAlarmsOptions } from './alarm-options';
import { FunctionMetrics } from './function-metrics';
import { ALARM_DEFAULTS } from './private/alarm-defaults';
import { AlarmSettings, createAlarm, resolveAlarmSettings } from './private/alarm-settings';
import { CombinedAlarmBuilder, COMBINED_ALARM_PERIOD, isCombinable } from './private/combined-alarm';
import { combinesDlqAge } from './private/dead-letter-queue-alarms';
import { FUNCTION_OPTIONS_SHAPE_ALARMS } from './private/function-alarms-shape';
import type { TriggerConfig } from '../triggers/trigger';
import { ConstructionGuard } from '../validation/construction-guard';
import { PROP_SHAPES } from '../validation/prop-shapes.generated';
import { checkShape, PropShape } from '../validation/prop-types';
import { Validator } from '../validation/validator';
import { WarningIds as ObservabilityWarnings } from '../validation/warning-ids';

/**
 * Properties of {@link FunctionAlarms}.
 */
export interface FunctionAlarmsProps {
  /** The function. */
  readonly function: lambda.IFunction;

  /** The alias every trigger invokes (and a deployment shifts). */
  readonly alias: lambda.IAlias;

  /** The function's timeout (for the duration alarm). */
  readonly timeout: Duration;

  /** Where every alarm notifies. */
  readonly alarmTopic: sns.ITopic;

  /**
   * Whether the alias has provisioned concurrency (adds the spillover and utilisation alarms).
   *
   * @default false
   */
  readonly provisionedConcurrency?: boolean;

  /**
   * Which alarms, with which thresholds.
   *
   * @default - every alarm with its default threshold
   */
  readonly options?: FunctionAlarmsOptions;

  /**
   * The dead-letter queue the library created for the function: its depth (and, unless tuned or
   * off, its oldest message's age) join the combined alarm. Pass it only when the queue itself
   * creates no alarm for those signals.
   *
   * @default - the queue's alarms are the queue's own
   */
  readonly deadLetterQueue?: sqs.IQueue;

  /**
   * Whether the errors and duration signals keep alarms of their own (a deployment rolls back on
   * them, and must not roll back on a message already waiting in the dead-letter queue).
   *
   * @default false
   */
  readonly separateRollbackAlarms?: boolean;
}

/**
 * The types of {@link FunctionAlarmsProps}; `options` stays 'object' here because the alarm checks
 * (validateAlarmOptions) check its fields, naming them.
 */
const FUNCTION_ALARMS_PROPS_SHAPE: PropShape = { ...PROP_SHAPES.FunctionAlarmsProps, options: 'object' };

/**
 * The alarms of one function (see {@link FunctionAlarmsOptions} for each metric, threshold and
 * default). Every alarm notifies the alarm topic and treats missing data (no traffic) as fine.
 * `ServerlessFunction` creates one as its `alarms`; stream triggers add the iterator-age alarm.
 */
export class FunctionAlarms extends Construct {
  /** Error rate of the `live` alias. */
  public readonly errors?: cloudwatch.Alarm;
  /** Throttle rate of the `live` alias. */
  public readonly throttles?: cloudwatch.Alarm;
  /** p99 duration as a share of the timeout. */
  public readonly duration?: cloudwatch.Alarm;
  /** Asynchronous events dropped. */
  public readonly asyncEventsDropped?: cloudwatch.Alarm;
  /** Failed deliveries to the dead-letter queue or destinations. */
  public readonly deliveryFailures?: cloudwatch.Alarm;
  /** Provisioned-concurrency spillover (only with provisioned concurrency). */
  public readonly provisionedConcurrencySpillover?: cloudwatch.Alarm;
  /** Provisioned-concurrency utilisation (only with provisioned concurrency). */
  public readonly provisionedConcurrencyUtilization?: cloudwatch.Alarm;
  /**
   * The one metric-math alarm over every signal that kept the combined settings (see the
   * `combined` option). Undefined when no signal is combined.
   */
  public readonly combined?: cloudwatch.Alarm;
  /** The metrics the alarms read. */
  public readonly metrics: FunctionMetrics;

  private _iteratorAge?: cloudwatch.Alarm;
  private readonly iteratorAgeSettings?: AlarmSettings;
  private readonly topic: sns.ITopic;
  private readonly subject: string;

  constructor(scope: Construct, id: string, props: FunctionAlarmsProps) {
    super(scope, id);
    const guard = ConstructionGuard.forConstructor(this);
    try {
      const types = new Validator(this);
      if (!checkShape(types, '', props, FUNCTION_ALARMS_PROPS_SHAPE)) {
        types.throwIfAny();
      }
      this.metrics = new FunctionMetrics({ function: props.function, alias: props.alias });
      this.topic = props.alarmTopic;
      this.subject = scope.node.path;
      const o: FunctionAlarmsOptions = props.options ?? {};
      if (o.enabled === false) {
        return;
      }

      // Validated on this construct: a failure removes it, never its parent.
      const v = new Validator(this);
      if (!checkShape(v, 'alarms', o, FUNCTION_OPTIONS_SHAPE_ALARMS)) {
        v.throwIfAny();
      }
      const errors = resolveAlarmSettings(v, 'alarms.errors', o.errors, ALARM_DEFAULTS.errors);
      const throttles = resolveAlarmSettings(v, 'alarms.throttles', o.throttles, ALARM_DEFAULTS.throttles);
      const duration = resolveAlarmSettings(v, 'alarms.duration', o.duration, ALARM_DEFAULTS.duration);
      const dropped = resolveAlarmSettings(v, 'alarms.asyncEventsDropped', o.asyncEventsDropped, ALARM_DEFAULTS.asyncEventsDropped);
      const delivery = resolveAlarmSettings(v, 'alarms.deliveryFailures', o.deliveryFailures, ALARM_DEFAULTS.deliveryFailures);
      this.iteratorAgeSettings = resolveAlarmSettings(v, 'alarms.iteratorAge', o.iteratorAge, ALARM_DEFAULTS.iteratorAge);
      const pc = props.provisionedConcurrency === true;
      const spill = pc ? resolveAlarmSettings(v, 'alarms.provisionedConcurrencySpillover', o.provisionedConcurrencySpillover, ALARM_DEFAULTS.provisionedConcurrencySpillover) : undefined;
      const util = pc ? resolveAlarmSettings(v, 'alarms.provisionedConcurrencyUtilization', o.provisionedConcurrencyUtilization, ALARM_DEFAULTS.provisionedConcurrencyUtilization) : undefined;
      const dlqAge = props.deadLetterQueue && combinesDlqAge(o)
        ? resolveAlarmSettings(v, 'alarms.deadLetterQueueAge', o.deadLetterQueueAge, ALARM_DEFAULTS.deadLetterQueueAge)
        : undefined;
      v.throwIfAny();

      const m = this.metrics;
      const who = this.subject;
      const combine = o.combined !== false;
      const joins = (opts: AlarmOptions | undefined, settings: AlarmSettings | undefined, rollback = false) =>
        settings !== undefined && combine && isCombinable(opts) && !(rollback && props.separateRollbackAlarms === true);
      const cp = COMBINED_ALARM_PERIOD;
      const group = new CombinedAlarmBuilder();

      if (errors && joins(o.errors, errors, true)) {
        group.add('errorRate', `error rate >= ${errors.threshold} %`, m.errorRate(cp), errors.threshold);
      } else if (errors) {
        this.errors = createAlarm(this, 'Errors', m.errorRate(errors.period), errors, errors.threshold,
          `${who}: at least ${errors.threshold} % of invocations of the live alias failed. Check the function's logs and traces.`, this.topic);
      }
      if (throttles && joins(o.throttles, throttles)) {
        group.add('throttleRate', `throttle rate >= ${throttles.threshold} %`, m.throttleRate(cp), throttles.threshold);
      } else if (throttles) {
        this.throttles = createAlarm(this, 'Throttles', m.throttleRate(throttles.period), throttles, throttles.threshold,
          `${who}: at least ${throttles.threshold} % of requests were throttled. Raise reserved concurrency or the account's concurrency quota.`, this.topic);
      }
      if (duration) {
        if (props.timeout.isUnresolved()) {
          Annotations.of(this).addWarningV2(ObservabilityWarnings.DURATION_ALARM_UNRESOLVED_TIMEOUT,
            'The timeout is a token, so the duration alarm (a share of the timeout) was not created. Give a concrete timeout, or set alarms.duration.enabled: false.');
        } else {
          const limitMs = props.timeout.toMilliseconds() * duration.threshold / 100;
          if (joins(o.duration, duration, true)) {
            group.add('p99', `p99 duration >= ${duration.threshold} % of the ${props.timeout.toHumanString()} timeout (${limitMs} ms)`, m.duration(99, cp), limitMs);
          } else {
            this.duration = createAlarm(this, 'Duration', m.duration(99, duration.period), duration, limitMs,
              `${who}: p99 duration reached ${duration.threshold} % of the ${props.timeout.toHumanString()} timeout (${limitMs} ms). Invocations are close to timing out.`, this.topic);
          }
        }
      }
      if (dropped && joins(o.asyncEventsDropped, dropped)) {
        group.add('dropped', `asynchronous events dropped >= ${dropped.threshold}`, m.asyncEventsDropped(cp), dropped.threshold);
      } else if (dropped) {
        this.asyncEventsDropped = createAlarm(this, 'AsyncEventsDropped', m.asyncEventsDropped(dropped.period), dropped, dropped.threshold,
          `${who}: asynchronous events were dropped (expired past the maximum event age, out of retries, or throttled). Check the dead-letter queue.`, this.topic);
      }
      if (delivery && joins(o.deliveryFailures, delivery)) {
        group.add('deliveries', `failed deliveries to the dead-letter queue or destinations >= ${delivery.threshold}`, m.deliveryFailures(cp), delivery.threshold);
      } else if (delivery) {
        this.deliveryFailures = createAlarm(this, 'DeliveryFailures', m.deliveryFailures(delivery.period), delivery, delivery.threshold,
          `${who}: Lambda could not deliver failed events to the dead-letter queue or an invocation record to a destination. Check their permissions and encryption.`, this.topic);
      }
      if (props.deadLetterQueue) {
        const q = props.deadLetterQueue;
        group.add('dlqDepth', 'failed events waiting in the dead-letter queue >= 1',
          q.metricApproximateNumberOfMessagesVisible({ period: cp, statistic: cloudwatch.Stats.MAXIMUM }), 1);
        if (dlqAge) {
          group.add('dlqAge', `oldest message in the dead-letter queue >= ${dlqAge.threshold} s (SQS deletes it after 14 days)`,
            q.metricApproximateAgeOfOldestMessage({ period: cp, statistic: cloudwatch.Stats.MAXIMUM }), dlqAge.threshold);
        }
      }
      if (!group.isEmpty) {
        this.combined = group.build(this, 'Combined', who, this.topic);
      }
      if (spill) {
        this.provisionedConcurrencySpillover = createAlarm(this, 'ProvisionedConcurrencySpillover', m.provisionedConcurrencySpillover(spill.period), spill, spill.threshold,
          `${who}: invocations spilled over provisioned concurrency (cold starts). Raise minCapacity or maxCapacity.`, this.topic);
      }
      if (util) {
        this.provisionedConcurrencyUtilization = createAlarm(this, 'ProvisionedConcurrencyUtilization', m.provisionedConcurrencyUtilization(util.period), util, util.threshold / 100,
          `${who}: provisioned concurrency is ${util.threshold} % used. Raise maxCapacity before invocations spill over.`, this.topic);
      }
    } catch (error) {
      throw guard.fail(error);
    }
  }

  /** The iterator-age alarm, once a trigger that reads a stream was added. */
  public get iteratorAge(): cloudwatch.IAlarm | undefined {
    return this._iteratorAge;
  }

  /** The alarms a deployment rolls back on: errors and duration (those enabled). */
  public get rollbackAlarms(): cloudwatch.IAlarm[] {
    return [this.errors, this.duration].filter((a): a is cloudwatch.Alarm => a !== undefined);
  }

  /** Every alarm of this construct. */
  public get all(): cloudwatch.IAlarm[] {
    return [
      this.combined, this.errors, this.throttles, this.duration, this.asyncEventsDropped, this.deliveryFailures,
      this._iteratorAge, this.provisionedConcurrencySpillover, this.provisionedConcurrencyUtilization,
    ].filter((a): a is cloudwatch.Alarm => a !== undefined);
  }

  /**
   * Adds the alarms a trigger makes relevant: the iterator-age alarm for the first trigger that reads
   * a stream. `ServerlessFunction.addTrigger` calls it for every trigger.
   *
   * @param config what the trigger reported
   */
  public watchTrigger(config: TriggerConfig): void {
    if (config.readsStream !== true || this._iteratorAge || !this.iteratorAgeSettings) {
      return;
    }
    const s = this.iteratorAgeSettings;
    this._iteratorAge = createAlarm(this, 'IteratorAge', this.metrics.iteratorAge(s.period), s, s.threshold * 1000,
      `${this.subject}: the function is ${s.threshold} seconds or more behind its stream (iterator age). Records may expire before they are processed.`, this.topic);
  }
}
