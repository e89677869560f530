import { compare } from './order';
import { AlarmReport } from './report-model';
import { Json, StackIndex, TemplateResource } from './template-index';
import { numberOr, referencedResources, textOf } from './template-values';

/** An alarm of a stack, with the resources its metrics refer to (to tell which function it watches). @internal */
export interface StackAlarm {
  readonly report: AlarmReport;
  readonly resource: TemplateResource;
  /** The resources named in its metrics (dimensions, math metrics, Metrics Insights queries). */
  readonly watched: TemplateResource[];
  /** The dimension values and query texts written as literal strings (a function named by its `FunctionName`). */
  readonly literals: string[];
}

const OPERATORS: Record<string, string> = {
  GreaterThanOrEqualToThreshold: '>=',
  GreaterThanThreshold: '>',
  LessThanThreshold: '<',
  LessThanOrEqualToThreshold: '<=',
  LessThanLowerOrGreaterThanUpperThreshold: 'outside the band',
  GreaterThanUpperThreshold: 'above the band',
  LessThanLowerThreshold: 'below the band',
};

/** The stack's alarms (metric and composite), sorted by construct path. @internal */
export function alarmsOf(index: StackIndex): StackAlarm[] {
  const alarms: StackAlarm[] = [];
  for (const r of index.resources()) {
    if (r.type === 'AWS::CloudWatch::Alarm') {
      const report = metricAlarm(index, r);
      alarms.push({ report, resource: r, watched: watchedBy(index, r), literals: [...literalDimensions(r.properties), report.watches] });
    } else if (r.type === 'AWS::CloudWatch::CompositeAlarm') {
      alarms.push({ report: compositeAlarm(index, r), resource: r, watched: [], literals: [] });
    }
  }
  return alarms.sort((a, b) => compare([a.report.path, a.resource.file], [b.report.path, b.resource.file]));
}

function watchedBy(index: StackIndex, r: TemplateResource): TemplateResource[] {
  const p = r.properties;
  return referencedResources(index, r.file, [p.Dimensions, p.Metrics]);
}

function literalDimensions(p: Json): string[] {
  const metrics: Json[] = Array.isArray(p.Metrics) ? p.Metrics : [];
  const dimensions = [p.Dimensions, ...metrics.map((m) => m?.MetricStat?.Metric?.Dimensions)];
  return dimensions.flatMap((list) => (Array.isArray(list) ? list : []))
    .map((d: Json) => d?.Value)
    .filter((v): v is string => typeof v === 'string');
}

function metricAlarm(index: StackIndex, r: TemplateResource): AlarmReport {
  const p = r.properties;
  const metrics: Json[] = Array.isArray(p.Metrics) ? p.Metrics : [];
  const returned = metrics.find((m) => m?.ReturnData !== false) ?? metrics[0];
  const expression = returned?.Expression !== undefined ? textOf(index, r.file, returned.Expression) : undefined;
  const kind = typeof p.ThresholdMetricId === 'string' ? 'anomaly detection'
    : expression !== undefined && /^\s*SELECT\s/i.test(expression) ? 'Metrics Insights'
      : metrics.length > 0 ? 'metric math' : 'standard';
  const watches = kind === 'standard'
    ? `${textOf(index, r.file, p.Namespace)}/${textOf(index, r.file, p.MetricName)}`
    : expression ?? metricName(index, r.file, returned);
  const threshold = numberOr(p.Threshold, undefined);
  return {
    logicalId: r.logicalId,
    path: r.path,
    watches,
    condition: conditionOf(p, threshold, periodOf(p, metrics, returned)),
    ...(threshold !== undefined ? { threshold } : {}),
    kind,
    notifies: notifies(p.AlarmActions),
  };
}

function metricName(index: StackIndex, file: string, metric: Json): string {
  const m = metric?.MetricStat?.Metric;
  return m ? `${textOf(index, file, m.Namespace)}/${textOf(index, file, m.MetricName)}` : '?';
}

/** The period of the alarm: its own, its returned metric's, else that of the first metric its expression reads. */
function periodOf(p: Json, metrics: Json[], returned: Json): number | undefined {
  const stat = metrics.find((m) => m?.MetricStat?.Period !== undefined)?.MetricStat?.Period;
  return numberOr(p.Period ?? returned?.Period ?? returned?.MetricStat?.Period ?? stat, undefined);
}

/** `>= 1 for 1 of 1 x 60 s`, then how missing data counts when the alarm says. */
function conditionOf(p: Json, threshold: number | undefined, period: number | undefined): string {
  const operator = typeof p.ComparisonOperator === 'string' ? OPERATORS[p.ComparisonOperator] ?? p.ComparisonOperator : '?';
  const periods = numberOr(p.EvaluationPeriods, undefined);
  const datapoints = numberOr(p.DatapointsToAlarm, periods);
  const against = typeof p.ThresholdMetricId === 'string' ? p.ThresholdMetricId : threshold ?? '?';
  const missing = typeof p.TreatMissingData === 'string' ? `, missing data: ${p.TreatMissingData}` : '';
  return `${operator} ${against} for ${datapoints ?? '?'} of ${periods ?? '?'} x ${period ?? '?'} s${missing}`;
}

function compositeAlarm(index: StackIndex, r: TemplateResource): AlarmReport {
  const p = r.properties;
  return {
    logicalId: r.logicalId,
    path: r.path,
    watches: textOf(index, r.file, p.AlarmRule),
    condition: 'the alarm rule is true',
    kind: 'composite',
    notifies: notifies(p.AlarmActions),
  };
}

function notifies(actions: Json): boolean {
  return Array.isArray(actions) ? actions.length > 0 : actions !== undefined && actions !== null;
}
