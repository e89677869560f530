import { Annotations, Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ALARM_DEFAULTS } from './alarm-defaults';
import { AlarmOptions, FunctionAlarmsOptions } from './alarm-options';
import { AlarmSettings, createAlarm, resolveAlarmSettings, resolveCheckedAlarm } from './alarm-settings';
import { deadLetterQueueWatch } from './dead-letter-queue-alarms';
import { FleetAlarms } from './fleet/fleet-alarms';
import { FLEET_SIGNALS, FleetSignal } from './fleet/fleet-signals';
import { FunctionMetrics } from './function-metrics';
import { CombinedAlarmBuilder, COMBINED_ALARM_PERIOD, isCombinable } from './private/combined-alarm';
import { FUNCTION_OPTIONS_SHAPE_ALARMS } from './private/function-alarms-shape';
import { AnnotationIds } from '../validation/annotation-ids';
import { ConstructionGuard } from '../validation/construction-guard';
import { PROP_SHAPES } from '../validation/prop-shapes.generated';
import { checkShape, PropShape } from '../validation/prop-types';
import { Validator } from '../validation/validator';
import { freeChildId } from '../validation/free-child-id';

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
  /**
   * The alarms of a ServerlessFunction, whose alarm options it already checked: resolved without
   * checking them again.
   *
   * @internal
   */
  public static _checked(scope: Construct, id: string, props: FunctionAlarmsProps, fleet?: FleetAlarms): FunctionAlarms {
    CHECKED.add(props);
    if (fleet) {
      FLEET.set(props, fleet);
    }
    return new FunctionAlarms(scope, id, props);
  }

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
  /** Invocations Lambda dropped in a recursive loop (when not in the combined alarm). */
  public readonly recursiveInvocationsDropped?: cloudwatch.Alarm;
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

  /**
   * The signals the fleet alarms of the function's monitoring scope watch for it instead of its own
   * alarms (`MonitoringMode.FLEET`; see docs/fleet-monitoring.md), by signal id: `Errors`,
   * `Throttles`, `Duration`, `AsyncEventsDropped`, `DeadLetterErrors`, `DestinationDeliveryFailures`,
   * `RecursiveInvocationsDropped`, `DeadLetterQueueDepth`, `DeadLetterQueueAge`. Empty with per-function alarms.
   */
  public readonly fleetSignals: string[] = [];

  private _iteratorAge?: cloudwatch.Alarm;
  private readonly iteratorAgeSettings?: AlarmSettings;
  private readonly _eventSourceFailures: cloudwatch.Alarm[] = [];
  private readonly eventSourceFailuresSettings?: AlarmSettings;
  private readonly topic: sns.ITopic;
  private readonly subject: string;

  constructor(scope: Construct, id: string, props: FunctionAlarmsProps) {
    super(scope, id);
    const guard = ConstructionGuard.forConstructor(this);
    try {
      const checked = CHECKED.delete(props);
      const fleet = FLEET.get(props);
      FLEET.delete(props);
      if (!checked) {
        const types = new Validator(this);
        if (!checkShape(types, '', props, FUNCTION_ALARMS_PROPS_SHAPE)) {
          types.throwIfAny();
        }
      }
      this.metrics = new FunctionMetrics({ function: props.function, alias: props.alias });
      this.topic = props.alarmTopic;
      this.subject = scope.node.path;
      const o: FunctionAlarmsOptions = props.options ?? {};
      if (o.enabled === false) {
        return;
      }
      const s = checked ? resolveAll(undefined, o, props) : this.checkOptions(o, props);
      this.iteratorAgeSettings = s.iteratorAge;
      this.eventSourceFailuresSettings = s.eventSourceFailures;
      const group = new CombinedAlarmBuilder();
      const joins = (opts: AlarmOptions | undefined, settings: AlarmSettings | undefined, rollback = false) =>
        settings !== undefined && o.combined !== false && isCombinable(opts) && !(rollback && props.separateRollbackAlarms === true);
      // In a fleet, a signal left at its defaults is watched by the scope's fleet alarm instead.
      const inFleet = (opts: AlarmOptions | undefined, settings: AlarmSettings | undefined, rollback = false) =>
        fleet !== undefined && joins(opts, settings, rollback) && isFleetable(opts);
      const fn = concreteFunctionName(props.function) ?? props.function.functionName;
      const toFleet = (signals: string[], name: string, threshold: number) => {
        for (const signal of signals) {
          fleet!.add(FLEET_SIGNAL[signal], name, threshold, this.topic, this);
          this.fleetSignals.push(signal);
        }
        return undefined;
      };
      const durationLimit = s.duration && !props.timeout.isUnresolved() ? props.timeout.toMilliseconds() * s.duration.threshold / 100 : undefined;
      this.errors = inFleet(o.errors, s.errors, true) ? toFleet(['Errors'], fn, 1)
        : this.errorsAlarm(group, joins(o.errors, s.errors, true), s.errors);
      this.throttles = inFleet(o.throttles, s.throttles) ? toFleet(['Throttles'], fn, 1)
        : this.throttlesAlarm(group, joins(o.throttles, s.throttles), s.throttles);
      this.duration = inFleet(o.duration, s.duration, true) && durationLimit !== undefined ? toFleet(['Duration'], fn, durationLimit)
        : this.durationAlarm(group, joins(o.duration, s.duration, true), s.duration, props.timeout);
      this.asyncEventsDropped = inFleet(o.asyncEventsDropped, s.dropped) ? toFleet(['AsyncEventsDropped'], fn, 1)
        : this.droppedAlarm(group, joins(o.asyncEventsDropped, s.dropped), s.dropped);
      this.deliveryFailures = inFleet(o.deliveryFailures, s.delivery) ? toFleet(['DeadLetterErrors', 'DestinationDeliveryFailures'], fn, 1)
        : this.deliveryAlarm(group, joins(o.deliveryFailures, s.delivery), s.delivery);
      this.recursiveInvocationsDropped = inFleet(o.recursiveInvocationsDropped, s.recursion) ? toFleet(['RecursiveInvocationsDropped'], fn, 1)
        : this.recursionAlarm(group, joins(o.recursiveInvocationsDropped, s.recursion), s.recursion);
      if (props.deadLetterQueue && fleet) {
        const queue = props.deadLetterQueue.queueName;
        toFleet(['DeadLetterQueueDepth'], queue, 1);
        if (s.dlqAge && isFleetable(o.deadLetterQueueAge)) {
          toFleet(['DeadLetterQueueAge'], queue, s.dlqAge.threshold);
        } else {
          addDeadLetterQueueSignals(group, undefined, s.dlqAge, props.deadLetterQueue);
        }
      } else if (props.deadLetterQueue) {
        addDeadLetterQueueSignals(group, props.deadLetterQueue, s.dlqAge);
      }
      if (!group.isEmpty) {
        this.combined = group.build(this, 'Combined', this.subject, this.topic);
      }
      this.provisionedConcurrencySpillover = this.spilloverAlarm(s.spill);
      this.provisionedConcurrencyUtilization = this.utilizationAlarm(s.util);
    } catch (error) {
      throw guard.fail(error);
    }
  }

  /** The iterator-age alarm, once a trigger that reads a stream was added. */
  public get iteratorAge(): cloudwatch.IAlarm | undefined {
    return this._iteratorAge;
  }

  /**
   * The failed-or-dropped-events alarms of the event source mappings the function's triggers made,
   * one per mapping (see `alarms.eventSourceFailures`).
   */
  public get eventSourceFailures(): cloudwatch.IAlarm[] {
    return [...this._eventSourceFailures];
  }

  /** The alarms a deployment rolls back on: errors and duration (those enabled). */
  public get rollbackAlarms(): cloudwatch.IAlarm[] {
    return [this.errors, this.duration].filter((a): a is cloudwatch.Alarm => a !== undefined);
  }

  /** Every alarm of this construct. */
  public get all(): cloudwatch.IAlarm[] {
    return [
      this.combined, this.errors, this.throttles, this.duration, this.asyncEventsDropped, this.deliveryFailures, this.recursiveInvocationsDropped,
      this._iteratorAge, ...this._eventSourceFailures, this.provisionedConcurrencySpillover, this.provisionedConcurrencyUtilization,
    ].filter((a): a is cloudwatch.Alarm => a !== undefined);
  }

  /**
   * Adds the iterator-age alarm, once: `ServerlessFunction.addTrigger` calls it for every trigger
   * that reads a stream.
   *
   * @internal
   */
  public _addIteratorAgeAlarm(): void {
    if (this._iteratorAge || !this.iteratorAgeSettings) {
      return;
    }
    const s = this.iteratorAgeSettings;
    this._iteratorAge = createAlarm(this, 'IteratorAge', this.metrics.iteratorAge(s.period), s, s.threshold * 1000,
      `${this.subject}: the function is ${s.threshold} seconds or more behind its stream (iterator age). Records may expire before they are processed.`, this.topic);
  }

  /**
   * Adds the alarm on one event source mapping's failed and dropped events (its
   * `FailedInvokeEventCount` + `DroppedEventCount`, dimension `EventSourceMappingUUID`):
   * `ServerlessFunction.addTrigger` calls it for every mapping a trigger reports. A mapping of its
   * own (not the combined alarm, which is built with the function): it works for any mapping, and
   * each alarm reads 2 metrics, far from CloudWatch's 10-metric limit of a metric-math alarm.
   * Only a mapping that publishes `EventCount` metrics (its `MetricsConfig`) gets one: for the others
   * (Amazon MQ, DocumentDB) Lambda publishes none, and an alarm that never sees data would cost without
   * ever telling anything.
   *
   * @internal
   */
  public _addEventSourceMappingAlarm(mapping: lambda.IEventSourceMapping): void {
    const s = this.eventSourceFailuresSettings;
    if (!s || !publishesEventCount(mapping)) {
      return;
    }
    const id = freeChildId(this, `EventSourceFailures${mapping.node.scope?.node.id ?? mapping.node.id}`);
    const count = (metricName: string) => new cloudwatch.Metric({
      namespace: 'AWS/Lambda',
      metricName,
      dimensionsMap: { EventSourceMappingUUID: mapping.eventSourceMappingId },
      statistic: cloudwatch.Stats.SUM,
      period: s.period,
    });
    const metric = new cloudwatch.MathExpression({
      expression: 'FILL(failed, 0) + FILL(dropped, 0)',
      usingMetrics: { failed: count('FailedInvokeEventCount'), dropped: count('DroppedEventCount') },
      period: s.period,
      label: 'Events failed or dropped by the event source mapping',
    });
    this._eventSourceFailures.push(createAlarm(this, id, metric, s, s.threshold,
      `${this.subject}: ${s.threshold} or more events of the event source mapping ${mapping.node.path} failed to invoke the function or were dropped ` +
      '(out of retries or too old). Check the function\'s errors and the source\'s failure destination.', this.topic));
  }

  /** The checks of options given to a FunctionAlarms made by a user (on this construct: a failure removes it, never its parent). */
  private checkOptions(o: FunctionAlarmsOptions, props: FunctionAlarmsProps): ResolvedAlarms {
    const v = new Validator(this);
    if (!checkShape(v, 'alarms', o, FUNCTION_OPTIONS_SHAPE_ALARMS)) {
      v.throwIfAny();
    }
    const s = resolveAll(v, o, props);
    v.throwIfAny();
    return s;
  }

  private errorsAlarm(group: CombinedAlarmBuilder, joins: boolean, errors: AlarmSettings | undefined): cloudwatch.Alarm | undefined {
    if (errors && joins) {
      group.add('errorRate', `error rate >= ${errors.threshold} %`, this.metrics.errorRate(COMBINED_ALARM_PERIOD), errors.threshold);
    } else if (errors) {
      return createAlarm(this, 'Errors', this.metrics.errorRate(errors.period), errors, errors.threshold,
        `${this.subject}: at least ${errors.threshold} % of invocations of the live alias failed. Check the function's logs and traces.`, this.topic);
    }
    return undefined;
  }

  private throttlesAlarm(group: CombinedAlarmBuilder, joins: boolean, throttles: AlarmSettings | undefined): cloudwatch.Alarm | undefined {
    if (throttles && joins) {
      group.add('throttleRate', `throttle rate >= ${throttles.threshold} %`, this.metrics.throttleRate(COMBINED_ALARM_PERIOD), throttles.threshold);
    } else if (throttles) {
      return createAlarm(this, 'Throttles', this.metrics.throttleRate(throttles.period), throttles, throttles.threshold,
        `${this.subject}: at least ${throttles.threshold} % of requests were throttled. Raise reserved concurrency or the account's concurrency quota.`, this.topic);
    }
    return undefined;
  }

  private durationAlarm(
    group: CombinedAlarmBuilder, joins: boolean, duration: AlarmSettings | undefined, timeout: Duration,
  ): cloudwatch.Alarm | undefined {
    if (!duration) {
      return undefined;
    }
    if (timeout.isUnresolved()) {
      Annotations.of(this).addWarningV2(AnnotationIds.DURATION_ALARM_UNRESOLVED_TIMEOUT,
        'The timeout is a token, so the duration alarm (a share of the timeout) was not created. Give a concrete timeout, or set alarms.duration.enabled: false.');
      return undefined;
    }
    const limitMs = timeout.toMilliseconds() * duration.threshold / 100;
    if (joins) {
      group.add('p99', `p99 duration >= ${duration.threshold} % of the ${timeout.toHumanString()} timeout (${limitMs} ms)`, this.metrics.duration(99, COMBINED_ALARM_PERIOD), limitMs);
      return undefined;
    }
    return createAlarm(this, 'Duration', this.metrics.duration(99, duration.period), duration, limitMs,
      `${this.subject}: p99 duration reached ${duration.threshold} % of the ${timeout.toHumanString()} timeout (${limitMs} ms). Invocations are close to timing out.`, this.topic);
  }

  private droppedAlarm(group: CombinedAlarmBuilder, joins: boolean, dropped: AlarmSettings | undefined): cloudwatch.Alarm | undefined {
    if (dropped && joins) {
      group.add('dropped', `asynchronous events dropped >= ${dropped.threshold}`, this.metrics.asyncEventsDropped(COMBINED_ALARM_PERIOD), dropped.threshold);
    } else if (dropped) {
      return createAlarm(this, 'AsyncEventsDropped', this.metrics.asyncEventsDropped(dropped.period), dropped, dropped.threshold,
        `${this.subject}: asynchronous events were dropped (expired past the maximum event age, out of retries, or throttled). Check the dead-letter queue.`, this.topic);
    }
    return undefined;
  }

  private deliveryAlarm(group: CombinedAlarmBuilder, joins: boolean, delivery: AlarmSettings | undefined): cloudwatch.Alarm | undefined {
    if (delivery && joins) {
      group.add('deliveries', `failed deliveries to the dead-letter queue or destinations >= ${delivery.threshold}`,
        this.metrics.deliveryFailures(COMBINED_ALARM_PERIOD), delivery.threshold);
    } else if (delivery) {
      return createAlarm(this, 'DeliveryFailures', this.metrics.deliveryFailures(delivery.period), delivery, delivery.threshold,
        `${this.subject}: Lambda could not deliver failed events to the dead-letter queue or an invocation record to a destination. Check their permissions and encryption.`, this.topic);
    }
    return undefined;
  }

  private recursionAlarm(group: CombinedAlarmBuilder, joins: boolean, recursion: AlarmSettings | undefined): cloudwatch.Alarm | undefined {
    if (recursion && joins) {
      group.add('recursion', `invocations dropped in a recursive loop >= ${recursion.threshold}`,
        this.metrics.recursiveInvocationsDropped(COMBINED_ALARM_PERIOD), recursion.threshold);
    } else if (recursion) {
      return createAlarm(this, 'RecursiveInvocationsDropped', this.metrics.recursiveInvocationsDropped(recursion.period), recursion, recursion.threshold,
        `${this.subject}: Lambda stopped invocations of the function in a recursive loop (it writes to what triggers it). The events are dropped.`, this.topic);
    }
    return undefined;
  }

  private spilloverAlarm(spill: AlarmSettings | undefined): cloudwatch.Alarm | undefined {
    return spill && createAlarm(this, 'ProvisionedConcurrencySpillover', this.metrics.provisionedConcurrencySpillover(spill.period), spill, spill.threshold,
      `${this.subject}: invocations spilled over provisioned concurrency (cold starts). Raise minCapacity or maxCapacity.`, this.topic);
  }

  private utilizationAlarm(util: AlarmSettings | undefined): cloudwatch.Alarm | undefined {
    return util && createAlarm(this, 'ProvisionedConcurrencyUtilization', this.metrics.provisionedConcurrencyUtilization(util.period), util, util.threshold / 100,
      `${this.subject}: provisioned concurrency is ${util.threshold} % used. Raise maxCapacity before invocations spill over.`, this.topic);
  }
}

/** Every alarm's settings after defaults (undefined: off). */
interface ResolvedAlarms {
  readonly errors?: AlarmSettings;
  readonly throttles?: AlarmSettings;
  readonly duration?: AlarmSettings;
  readonly dropped?: AlarmSettings;
  readonly delivery?: AlarmSettings;
  readonly recursion?: AlarmSettings;
  readonly iteratorAge?: AlarmSettings;
  readonly eventSourceFailures?: AlarmSettings;
  readonly spill?: AlarmSettings;
  readonly util?: AlarmSettings;
  readonly dlqAge?: AlarmSettings;
}

/** Resolves every alarm of `o`, checking each into `v` (none when the owner already checked them). */
function resolveAll(v: Validator | undefined, o: FunctionAlarmsOptions, props: FunctionAlarmsProps): ResolvedAlarms {
  const resolve = (key: keyof typeof ALARM_DEFAULTS) => (v
    ? resolveAlarmSettings(v, `alarms.${key}`, o[key], ALARM_DEFAULTS[key])
    : resolveCheckedAlarm(o[key], ALARM_DEFAULTS[key]));
  const pc = props.provisionedConcurrency === true;
  const errors = resolve('errors');
  const throttles = resolve('throttles');
  const duration = resolve('duration');
  const dropped = resolve('asyncEventsDropped');
  const delivery = resolve('deliveryFailures');
  const recursion = resolve('recursiveInvocationsDropped');
  const iteratorAge = resolve('iteratorAge');
  const eventSourceFailures = resolve('eventSourceFailures');
  const spill = pc ? resolve('provisionedConcurrencySpillover') : undefined;
  const util = pc ? resolve('provisionedConcurrencyUtilization') : undefined;
  const dlqAge = props.deadLetterQueue && deadLetterQueueWatch(o, false).ageByFunctionAlarms ? resolve('deadLetterQueueAge') : undefined;
  return { errors, throttles, duration, dropped, delivery, recursion, iteratorAge, eventSourceFailures, spill, util, dlqAge };
}

/**
 * The dead-letter queue's depth (`depthOf`, unless a fleet alarm watches it) and age (of `ageOf`, or
 * of `depthOf`, when `dlqAge` is set) as signals of the combined alarm.
 */
function addDeadLetterQueueSignals(
  group: CombinedAlarmBuilder, depthOf: sqs.IQueue | undefined, dlqAge: AlarmSettings | undefined, ageOf?: sqs.IQueue,
): void {
  const cp = COMBINED_ALARM_PERIOD;
  if (depthOf) {
    group.add('dlqDepth', 'failed events waiting in the dead-letter queue >= 1',
      depthOf.metricApproximateNumberOfMessagesVisible({ period: cp, statistic: cloudwatch.Stats.MAXIMUM }), 1);
  }
  const q = ageOf ?? depthOf;
  if (dlqAge && q) {
    group.add('dlqAge', `oldest message in the dead-letter queue >= ${dlqAge.threshold} s (SQS deletes it after 14 days)`,
      q.metricApproximateAgeOfOldestMessage({ period: cp, statistic: cloudwatch.Stats.MAXIMUM }), dlqAge.threshold);
  }
}

/**
 * Whether a signal's options leave it entirely at its defaults (at most `enabled: true`): only such a
 * signal joins a fleet alarm, whose thresholds are the defaults'.
 */
function isFleetable(options: AlarmOptions | undefined): boolean {
  return options === undefined || Object.entries(options).every(([key, value]) => value === undefined || (key === 'enabled' && value === true));
}

/** The function's name when it is given (a fleet query then lists it as it is), else undefined. */
function concreteFunctionName(fn: lambda.IFunction): string | undefined {
  const name = (fn.node.defaultChild as lambda.CfnFunction | undefined)?.functionName;
  return typeof name === 'string' && !Token.isUnresolved(name) ? name : undefined;
}

/** The fleet signals by id. */
const FLEET_SIGNAL: Record<string, FleetSignal> = Object.fromEntries(FLEET_SIGNALS.map((signal) => [signal.id, signal]));

/** The fleet a ServerlessFunction in `MonitoringMode.FLEET` passes, until the constructor reads it. */
const FLEET = new WeakMap<FunctionAlarmsProps, FleetAlarms>();

/** The props of FunctionAlarms a ServerlessFunction checked, until the constructor reads them. */
const CHECKED = new WeakSet<FunctionAlarmsProps>();

/** Whether the mapping (one the library made: an `EventSourceMapping` over a `CfnEventSourceMapping`) publishes EventCount metrics. */
function publishesEventCount(mapping: lambda.IEventSourceMapping): boolean {
  const cfn = mapping.node.defaultChild;
  if (!(cfn instanceof lambda.CfnEventSourceMapping)) {
    return false;
  }
  const config = cfn.metricsConfig as lambda.CfnEventSourceMapping.MetricsConfigProperty | undefined;
  return Array.isArray(config?.metrics) && config.metrics.includes(lambda.MetricType.EVENT_COUNT);
}
