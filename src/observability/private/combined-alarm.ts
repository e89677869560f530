import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { AlarmOptions } from '../alarm-options';

/**
 * The period of the combined alarm: 5 minutes, the granularity SQS publishes its queue metrics at,
 * and long enough that one bad minute of a rate does not page (what "3 of 5 minutes" did before).
 *
 * @internal
 */
export const COMBINED_ALARM_PERIOD = Duration.minutes(5);

/**
 * Whether a signal's options leave its evaluation alone (so it can share the combined alarm's
 * period and 1-of-1 evaluation). Tuning the threshold keeps it combined; tuning the period or the
 * evaluation gives it an alarm of its own.
 *
 * @internal
 */
export function isCombinable(options: AlarmOptions | undefined): boolean {
  return options?.period === undefined && options?.evaluationPeriods === undefined && options?.datapointsToAlarm === undefined;
}

interface Signal {
  readonly id: string;
  readonly describe: string;
  readonly metric: cloudwatch.IMetric;
  readonly threshold: number;
}

/**
 * Collects failure signals (each a metric or expression and its threshold) and builds one
 * metric-math alarm over them: `(s1 >= t1) + (s2 >= t2) + ... >= 1`, so every signal keeps its own
 * threshold and the alarm's value is the number of signals past theirs. Missing data (no traffic)
 * counts as 0.
 *
 * @internal
 */
export class CombinedAlarmBuilder {
  private readonly signals: Signal[] = [];

  public get isEmpty(): boolean {
    return this.signals.length === 0;
  }

  public add(id: string, describe: string, metric: cloudwatch.IMetric, threshold: number): void {
    this.signals.push({ id, describe, metric, threshold });
  }

  public build(scope: Construct, id: string, subject: string, topic: sns.ITopic): cloudwatch.Alarm {
    const usingMetrics: Record<string, cloudwatch.IMetric> = {};
    for (const s of this.signals) {
      usingMetrics[s.id] = s.metric;
    }
    // One expression, no sub-expression per signal: each comparison is 1 when its signal breaches.
    const expression = this.signals.map((s) => `(FILL(${s.id}, 0) >= ${s.threshold})`).join(' + ');
    const metric = new cloudwatch.MathExpression({
      expression, usingMetrics, period: COMBINED_ALARM_PERIOD, label: 'Signals past their threshold',
    });
    const alarm = new cloudwatch.Alarm(scope, id, {
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: truncate(`${subject}: a failure signal crossed its threshold in the last 5 minutes (${this.signals.map((s) => s.describe).join('; ')}). ` +
        'The alarm value counts the signals past their threshold; the function dashboard shows which.'),
    });
    alarm.addAlarmAction(new cwActions.SnsAction(topic));
    return alarm;
  }
}

/** CloudWatch's limit on an alarm description. */
function truncate(text: string): string {
  return text.length <= 1024 ? text : `${text.slice(0, 1021)}...`;
}
