import { Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { AlarmOptions } from './alarm-options';
import { ErrorCodes } from '../validation/error-codes';
import { Validator } from '../validation/validator';

/** The defaults of one alarm. @internal */
export interface AlarmDefaults {
  readonly threshold: number;
  readonly period: Duration;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  /** The largest meaningful threshold (e.g. 100 for a percentage). */
  readonly maxThreshold?: number;
  /** The unit of the threshold, for error messages. */
  readonly unit: string;
}

/** One alarm's settings after defaults. @internal */
export interface AlarmSettings {
  readonly threshold: number;
  readonly period: Duration;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
}

const ONE_DAY_SECONDS = 86_400;
const ONE_HOUR_SECONDS = 3_600;

/**
 * The longest evaluation range (period x evaluation periods) PutMetricAlarm accepts: 7 days, or 1 day
 * for a period under one hour.
 */
function maxEvaluationRange(periodSeconds: number): number {
  return periodSeconds < ONE_HOUR_SECONDS ? ONE_DAY_SECONDS : 7 * ONE_DAY_SECONDS;
}

/**
 * Merges `options` over `defaults`, for options the owner already checked (see
 * {@link resolveAlarmSettings}). Returns undefined when the alarm is turned off.
 *
 * @internal
 */
export function resolveCheckedAlarm(options: AlarmOptions | undefined, defaults: AlarmDefaults): AlarmSettings | undefined {
  if (options?.enabled === false) {
    return undefined;
  }
  return {
    threshold: options?.threshold ?? defaults.threshold,
    period: options?.period ?? defaults.period,
    evaluationPeriods: options?.evaluationPeriods ?? defaults.evaluationPeriods,
    datapointsToAlarm: options?.datapointsToAlarm ?? (options?.evaluationPeriods !== undefined
      ? Math.min(defaults.datapointsToAlarm, options.evaluationPeriods)
      : defaults.datapointsToAlarm),
  };
}

/**
 * Merges `options` over `defaults` and validates the result into `v`. Returns undefined when the
 * alarm is turned off.
 *
 * @internal
 */
export function resolveAlarmSettings(
  v: Validator,
  property: string,
  options: AlarmOptions | undefined,
  defaults: AlarmDefaults,
): AlarmSettings | undefined {
  const s = resolveCheckedAlarm(options, defaults);
  if (s === undefined) {
    return undefined;
  }
  const max = defaults.maxThreshold;
  if (!Token.isUnresolved(s.threshold) && (s.threshold <= 0 || (max !== undefined && s.threshold > max))) {
    v.fail({
      code: ErrorCodes.LBP_ALARM_THRESHOLD,
      property: `${property}.threshold`,
      value: `${s.threshold} ${defaults.unit}`,
      limit: `it must be greater than 0${max !== undefined ? ` and at most ${max} ${defaults.unit}` : ''}`,
      fix: `set ${property}.threshold in ${defaults.unit}, or ${property}.enabled: false to turn the alarm off`,
    });
  }
  v.range(ErrorCodes.LBP_ALARM_EVALUATION_PERIODS, `${property}.evaluationPeriods`, s.evaluationPeriods, 1, 8640, { integer: true });
  if (!Token.isUnresolved(s.datapointsToAlarm) && !Token.isUnresolved(s.evaluationPeriods) &&
      (!Number.isInteger(s.datapointsToAlarm) || s.datapointsToAlarm < 1 || s.datapointsToAlarm > s.evaluationPeriods)) {
    v.fail({
      code: ErrorCodes.LBP_ALARM_DATAPOINTS,
      property: `${property}.datapointsToAlarm`,
      value: `${s.datapointsToAlarm}`,
      limit: `it must be a whole number from 1 to evaluationPeriods (${s.evaluationPeriods})`,
      fix: `set ${property}.datapointsToAlarm to at most ${s.evaluationPeriods}`,
    });
  }
  if (!s.period.isUnresolved()) {
    const seconds = s.period.toSeconds({ integral: false });
    // CloudWatch alarms take 10, 20, 30 s or whole minutes; aws-cdk-lib's Metric refuses 20 s.
    const valid = [10, 30].includes(seconds) || (seconds >= 60 && seconds % 60 === 0);
    if (!valid) {
      v.fail({
        code: ErrorCodes.LBP_ALARM_PERIOD,
        property: `${property}.period`,
        value: `${seconds} seconds`,
        limit: `alarms accept 10 or 30 seconds or a whole number of minutes${seconds === 20 ? ' (CloudWatch also takes 20 seconds, but aws-cdk-lib\'s Metric does not)' : ''}`,
        fix: `set ${property}.period to Duration.minutes(1) or another whole number of minutes`,
      });
    } else if (!Token.isUnresolved(s.evaluationPeriods) && seconds * s.evaluationPeriods > maxEvaluationRange(seconds)) {
      const maxRange = maxEvaluationRange(seconds);
      v.fail({
        code: ErrorCodes.LBP_ALARM_EVALUATION_RANGE,
        property: `${property}.evaluationPeriods`,
        value: `${s.evaluationPeriods} x ${seconds} seconds`,
        limit: seconds < ONE_HOUR_SECONDS
          ? 'with a period under one hour, CloudWatch evaluates at most one day (86,400 seconds) of datapoints'
          : 'CloudWatch evaluates at most seven days (604,800 seconds) of datapoints',
        fix: `lower ${property}.evaluationPeriods to at most ${Math.floor(maxRange / seconds)}${seconds < ONE_HOUR_SECONDS ? ', or use a period of an hour or more (up to 7 days of evaluation)' : ''}`,
      });
    }
  }
  return s;
}

/**
 * Creates one alarm on `metric` (already at `settings.period`) that notifies `topic`. Missing data
 * (no traffic) never breaches.
 *
 * @internal
 */
export function createAlarm(
  scope: Construct,
  id: string,
  metric: cloudwatch.IMetric,
  settings: AlarmSettings,
  threshold: number,
  description: string,
  topic: sns.ITopic,
): cloudwatch.Alarm {
  const alarm = new cloudwatch.Alarm(scope, id, {
    metric,
    threshold,
    evaluationPeriods: settings.evaluationPeriods,
    datapointsToAlarm: settings.datapointsToAlarm,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    alarmDescription: description,
  });
  alarm.addAlarmAction(new cwActions.SnsAction(topic));
  return alarm;
}
