/**
 * The signals a fleet (Metrics Insights) alarm can watch for every function of a scope, and how each
 * query reads them. Metrics Insights SELECTs one metric with AVG, COUNT, MAX, MIN or SUM (no
 * percentile, no arithmetic between metrics:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-querylanguage.html),
 * so each signal is a count or a maximum whose alarm fires whenever the per-function alarm's signal
 * would (a superset, never a loss):
 *
 * - errors and throttles: a count >= 1 (a rate >= any threshold above 0 % needs at least one);
 * - duration: the maximum >= the share of the timeout (the maximum is at least the p99), one alarm per timeout;
 * - the rest are counts or queue maxima already.
 *
 * @internal
 */
export interface FleetSignal {
  /** The id (and construct id prefix) of the signal. */
  readonly id: string;
  /** What fires, for the alarm description. */
  readonly describe: string;
  readonly namespace: 'AWS/Lambda' | 'AWS/SQS';
  readonly metricName: string;
  readonly stat: 'SUM' | 'MAX';
  /** The exact dimension set (SCHEMA) of the metric: the first is the member's name. */
  readonly dimensions: readonly string[];
  /** The longest value of the member's name: 64 for a function name, 80 for a queue name. */
  readonly maxNameLength: number;
  /** The ALARM_DEFAULTS key whose options decide whether a function joins the signal. */
  readonly option: string;
}

const LAMBDA = 'AWS/Lambda';
const SQS = 'AWS/SQS';
/** Lambda's longest function name (CreateFunction) and SQS's longest queue name (CreateQueue). */
const FUNCTION_NAME = 64;
const QUEUE_NAME = 80;

/** The signals in the order the fleet creates them. @internal */
export const FLEET_SIGNALS: readonly FleetSignal[] = [
  { id: 'Errors', describe: 'invocations of the live alias ended in an error (>= 1 in 5 minutes)', namespace: LAMBDA, metricName: 'Errors', stat: 'SUM', dimensions: ['FunctionName', 'Resource'], maxNameLength: FUNCTION_NAME, option: 'errors' },
  { id: 'Throttles', describe: 'requests to the live alias were throttled (>= 1 in 5 minutes)', namespace: LAMBDA, metricName: 'Throttles', stat: 'SUM', dimensions: ['FunctionName', 'Resource'], maxNameLength: FUNCTION_NAME, option: 'throttles' },
  { id: 'Duration', describe: 'the longest invocation of the live alias reached 80 % of the timeout', namespace: LAMBDA, metricName: 'Duration', stat: 'MAX', dimensions: ['FunctionName', 'Resource'], maxNameLength: FUNCTION_NAME, option: 'duration' },
  { id: 'AsyncEventsDropped', describe: 'asynchronous events were dropped (>= 1)', namespace: LAMBDA, metricName: 'AsyncEventsDropped', stat: 'SUM', dimensions: ['FunctionName'], maxNameLength: FUNCTION_NAME, option: 'asyncEventsDropped' },
  { id: 'DeadLetterErrors', describe: 'Lambda could not deliver a failed event to the dead-letter queue (>= 1)', namespace: LAMBDA, metricName: 'DeadLetterErrors', stat: 'SUM', dimensions: ['FunctionName'], maxNameLength: FUNCTION_NAME, option: 'deliveryFailures' },
  { id: 'DestinationDeliveryFailures', describe: 'Lambda could not deliver an invocation record to a destination (>= 1)', namespace: LAMBDA, metricName: 'DestinationDeliveryFailures', stat: 'SUM', dimensions: ['FunctionName'], maxNameLength: FUNCTION_NAME, option: 'deliveryFailures' },
  { id: 'RecursiveInvocationsDropped', describe: 'Lambda stopped invocations in a recursive loop (>= 1)', namespace: LAMBDA, metricName: 'RecursiveInvocationsDropped', stat: 'SUM', dimensions: ['FunctionName'], maxNameLength: FUNCTION_NAME, option: 'recursiveInvocationsDropped' },
  { id: 'DeadLetterQueueDepth', describe: 'failed events are waiting in a dead-letter queue (>= 1)', namespace: SQS, metricName: 'ApproximateNumberOfMessagesVisible', stat: 'MAX', dimensions: ['QueueName'], maxNameLength: QUEUE_NAME, option: 'deadLetterQueueDepth' },
  { id: 'DeadLetterQueueAge', describe: 'the oldest message of a dead-letter queue is 10 days old (SQS deletes it after 14)', namespace: SQS, metricName: 'ApproximateAgeOfOldestMessage', stat: 'MAX', dimensions: ['QueueName'], maxNameLength: QUEUE_NAME, option: 'deadLetterQueueAge' },
];

/**
 * CloudWatch's limits for a Metrics Insights alarm: an Expression of at most 2,048 characters
 * (MetricDataQuery.Expression in the CloudWatch API model, botocore 1.43.11) and at most 500 time
 * series returned by one query (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-limits.html).
 *
 * @internal
 */
export const MAX_EXPRESSION_LENGTH = 2048;
/** @internal */
export const MAX_SERIES_PER_QUERY = 500;
/** Metrics Insights alarms per account and Region (default quota, alarm-limits.html). @internal */
export const MAX_FLEET_ALARMS_PER_REGION = 200;

/** The query of a signal over some members, with `names` the quoted-name list. @internal */
export function fleetQueryParts(signal: FleetSignal): { readonly prefix: string; readonly suffix: string } {
  const [nameDim] = signal.dimensions;
  const dims = signal.dimensions.join(', ');
  return {
    prefix: `SELECT ${signal.stat}(${signal.metricName}) FROM SCHEMA("${signal.namespace}", ${dims}) WHERE ${nameDim} IN (`,
    suffix: `) GROUP BY ${dims} ORDER BY ${signal.stat}() DESC`,
  };
}

/** The characters one member adds to the IN list: its quoted name and a separator (`'name', `). @internal */
export function memberLength(nameLength: number): number {
  return nameLength + 4;
}

/**
 * Whether one more member of `nameLength` characters fits a query that already lists members
 * taking `used` characters: within the expression length and the series per query.
 *
 * @internal
 */
export function memberFits(signal: FleetSignal, used: number, members: number, nameLength: number): boolean {
  const { prefix, suffix } = fleetQueryParts(signal);
  return members + 1 <= MAX_SERIES_PER_QUERY && prefix.length + suffix.length + used + memberLength(nameLength) <= MAX_EXPRESSION_LENGTH;
}
