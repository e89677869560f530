import * as fs from 'fs';
import * as path from 'path';
import { Annotations, CfnResource, IAspect, Stack, Stage, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ENHANCED_MONITORING_RATES, enhancedMonitoringCost } from './enhanced-monitoring-cost';
import { PRICE_SOURCES, PriceSource, UNVERIFIED_PRICES } from './price-sources';
import { PRICE_TABLE } from './price-table';
import { FleetAlarms } from '../observability/fleet/fleet-alarms';
import { AnnotationIds } from '../validation/annotation-ids';

/** One line of a cost report. @internal */
export interface CostLine {
  readonly item: string;
  readonly count: number;
  readonly unitUsd: number;
  readonly monthlyUsd: number;
}

/** The idle cost of one deployable stack (with its nested stacks). @internal */
export interface StackCostReport {
  readonly stack: string;
  readonly priceTable: { readonly region: string; readonly date: string; readonly currency: string };
  readonly monthlyUsd: number;
  readonly lines: CostLine[];
  readonly resources: number;
  readonly alarms: { readonly standard: number; readonly highResolution: number; readonly metricMath: number; readonly metrics: number };
  readonly notes: string[];
  /** Alarms on Metrics Insights queries (the fleet alarms) and the metrics their queries list. */
  readonly insightsAlarms: { readonly alarms: number; readonly metricsAnalyzed: number };
  /** Each rate the lines use, with the pricing page it was read on and when. */
  readonly rates: RateLine[];
  /**
   * Charges at rates that could not be verified (never in `monthlyUsd`): each with its rate's source.
   * Their sum is `unverifiedMonthlyUsd`.
   */
  readonly unverifiedLines: CostLine[];
  readonly unverifiedMonthlyUsd: number;
  /** The alarm cost per Lambda function of the stack (standing alarm charges divided by the functions). */
  readonly perFunction: PerFunctionCost;
  /** The alarm cost by the metric each alarm reads (namespace and metric name), the signal it watches. */
  readonly perSignal: SignalCost[];
}

/** One rate of a report, with its source. @internal */
export interface RateLine {
  readonly item: string;
  readonly unitUsd: number;
  readonly url: string;
  readonly read: string;
  readonly verified: boolean;
}

/** The alarm cost per function. @internal */
export interface PerFunctionCost {
  readonly functions: number;
  /** Verified alarm charges (alarm metrics, target-tracking and composite alarms) per function. */
  readonly monitoringMonthlyUsd: number;
  /** Charges at unverified rates (fleet alarms) per function, at most: not in any total. */
  readonly unverifiedMonitoringMonthlyUsd: number;
}

/** The alarm cost of one signal (a metric), over every alarm that reads it. @internal */
export interface SignalCost {
  readonly signal: string;
  /** Alarm metrics billed for it (a Metrics Insights alarm: the metrics its query analyzes). */
  readonly metrics: number;
  readonly monthlyUsd: number;
  /** Whether the rate is verified; an unverified signal's cost is in no total. */
  readonly verified: boolean;
  /** The cost per function of the stack. */
  readonly perFunctionUsd: number;
}

const P = PRICE_TABLE.prices;
const SECONDS_PER_MONTH = PRICE_TABLE.hoursPerMonth * 3600;

/** The reported stacks of one Stage (whichever aspect registered them) and this synth's reports. */
interface StageCosts {
  readonly stacks: Set<Stack>;
  readonly reports: Map<Stack, StackCostReport>;
}
const STAGE_COSTS = new WeakMap<Stage, StageCosts>();

/**
 * Adds to every top-level stack of the scope a validation step that, at synth (after aspects, before
 * the templates are written), adds up the stack's standing monthly charges from the price table and
 * writes them to `<outdir>/<artifactId>.cost.json`. Validation is the last point at which the tree is
 * complete (aspects have added their alarms and dashboards) and annotations still reach the manifest.
 * Once every reported stack of a Stage (an App) has its report, one info annotation, on the last of
 * them, sums them up and names the per-stack files: `cdk synth` prints one line, not one per stack.
 *
 * @internal
 */
export class CostReportAspect implements IAspect {
  private readonly seen = new WeakSet<Stack>();

  public visit(node: IConstruct): void {
    if (!Stack.isStack(node) || node.nestedStackParent || this.seen.has(node)) {
      return;
    }
    this.seen.add(node);
    const stack = node;
    const stage = Stage.of(stack);
    const costs = stage ? stageCosts(stage) : undefined;
    costs?.stacks.add(stack);
    stack.node.addValidation({
      validate: () => {
        const report = stackCostReport(stack);
        if (stage && costs) {
          fs.writeFileSync(path.join(stage.outdir, `${stack.artifactId}.cost.json`), JSON.stringify(report, undefined, 2) + '\n');
          costs.reports.set(stack, report);
          if (costs.reports.size === costs.stacks.size) {
            addOnce(stack, costSummary([...costs.reports.values()]));
            // The next synth of the same app (assertions synthesize again) sums up anew.
            costs.reports.clear();
          }
        } else {
          addOnce(stack, costSummary([report]));
        }
        return [];
      },
    });
  }
}

function stageCosts(stage: Stage): StageCosts {
  let costs = STAGE_COSTS.get(stage);
  if (!costs) {
    costs = { stacks: new Set(), reports: new Map() };
    STAGE_COSTS.set(stage, costs);
  }
  return costs;
}

/** Records the summary on `stack` (once: aws-cdk-lib skips a message the construct already has). */
function addOnce(stack: Stack, summary: string): void {
  Annotations.of(stack).addInfoV2(AnnotationIds.IDLE_COST, summary);
}

/** The one-line summary of the reports of an App's stacks. @internal */
export function costSummary(reports: StackCostReport[]): string {
  const total = reports.reduce((sum, r) => sum + r.monthlyUsd, 0);
  const count = `${reports.length} stack${reports.length === 1 ? '' : 's'}`;
  return `Idle cost: about $${total.toFixed(2)} a month before any traffic for ${count} (${PRICE_TABLE.region} prices of ` +
    `${PRICE_TABLE.date}); the charges of each are in the cloud assembly: ` +
    `${reports.map((r) => `${r.stack}.cost.json ($${r.monthlyUsd.toFixed(2)})`).join(', ')}`;
}

/**
 * The standing monthly charges of a stack and its nested stacks, from its L1 resources: alarms per
 * metric (high resolution below 60 s), composite alarms, KMS keys, dashboards, provisioned
 * concurrency (by the function's memory), target-tracking alarms, secrets, NAT gateways and
 * interface endpoints. Everything else (functions, roles, queues, topics, log groups) costs nothing
 * while idle.
 *
 * @internal
 */
export function stackCostReport(stack: Stack): StackCostReport {
  const resources = cfnResourcesUnder(stack);
  const memory = functionMemory(resources);
  const counts = countBillable(resources, memory);
  const monitoring = enhancedMonitoringCost(resources);
  const lines = [...costLines(counts), ...monitoring.lines];
  const unverifiedLines = unverifiedCostLines(counts);
  const functions = memory.size;
  const alarmItems = new Set(ALARM_ITEMS);
  const perFn = (usd: number) => (functions === 0 ? 0 : round(usd / functions));
  const alarmUsd = lines.filter((l) => alarmItems.has(l.item)).reduce((sum, l) => sum + l.monthlyUsd, 0);
  const unverifiedMonthlyUsd = round(unverifiedLines.reduce((sum, l) => sum + l.monthlyUsd, 0));
  return {
    stack: stack.artifactId,
    priceTable: { region: PRICE_TABLE.region, date: PRICE_TABLE.date, currency: PRICE_TABLE.currency },
    monthlyUsd: round(lines.reduce((s, l) => s + l.monthlyUsd, 0)),
    lines,
    resources: resources.length,
    alarms: {
      standard: counts.standard,
      highResolution: counts.highRes,
      metricMath: counts.metricMath,
      metrics: counts.standardMetrics + counts.highResMetrics,
    },
    notes: [...costNotes(counts), ...monitoring.notes],
    insightsAlarms: { alarms: counts.insightsAlarms, metricsAnalyzed: counts.insightsMetricsAnalyzed },
    rates: [...lines, ...unverifiedLines].map((l) => rateLine(l.item)),
    unverifiedLines,
    unverifiedMonthlyUsd,
    perFunction: { functions, monitoringMonthlyUsd: perFn(alarmUsd), unverifiedMonitoringMonthlyUsd: perFn(unverifiedMonthlyUsd) },
    perSignal: [...counts.signals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([signal, c]) => ({
      signal,
      metrics: c.metrics,
      monthlyUsd: round(c.usd),
      verified: c.verified,
      perFunctionUsd: perFn(c.usd),
    })),
  };
}

/** The report items that are alarm charges (what `perFunction` divides). */
const ALARM_ITEMS = ['alarm metrics (standard)', 'alarm metrics (high resolution)', 'target-tracking alarms (created by Application Auto Scaling)', 'composite alarms'];

/** The rate of a report item, with its source. */
function rateLine(item: string): RateLine {
  const { unitUsd, source } = RATES[item];
  return { item, unitUsd, url: source.url, read: source.read, verified: source.verified };
}

/** What a stack holds that is billed while idle, counted from its L1 resources. */
interface BillableCounts {
  standard: number;
  highRes: number;
  metricMath: number;
  standardMetrics: number;
  highResMetrics: number;
  composite: number;
  keys: number;
  dashboards: number;
  secrets: number;
  nat: number;
  endpointAzs: number;
  pcGb: number;
  targetTrackingAlarms: number;
  /** Event source mappings in provisioned mode, and the pollers they keep standing (their minimums). */
  provisionedMappings: number;
  minimumPollers: number;
  /** Provisioned mappings without `MinimumPollers` (Lambda's default minimum applies: 2 for SQS, 1 for Kafka). */
  defaultMinimumMappings: number;
  /** Function versions on Lambda Managed Instances, and the execution environments they keep running (their minimums). */
  managedVersions: number;
  minimumEnvironments: number;
  /** Managed-instance versions without `MinExecutionEnvironments` (Lambda's default minimum applies). */
  defaultMinimumVersions: number;
  /** Alarms on Metrics Insights queries, the metrics the library's fleet alarms analyze, and the others (metrics unknown). */
  insightsAlarms: number;
  insightsMetricsAnalyzed: number;
  insightsUnknown: number;
  /** Alarm metrics and their cost by signal (namespace and metric name). */
  signals: Map<string, { metrics: number; usd: number; verified: boolean }>;
}

/** Lambda's default minimum of execution environments per version on Managed Instances (aws-cdk-lib's `LatestPublishedScalingConfig`). */
const DEFAULT_MIN_EXECUTION_ENVIRONMENTS = 3;

/** The L1 resources of a stack and its nested stacks, in tree order. */
function cfnResourcesUnder(stack: Stack): CfnResource[] {
  const resources: CfnResource[] = [];
  const walk = (c: IConstruct) => {
    for (const child of c.node.children) {
      if (CfnResource.isCfnResource(child)) {
        resources.push(child);
      }
      walk(child);
    }
  };
  walk(stack);
  return resources;
}

/** The memory of each function (128 MB when unknown at synth), keyed by its stack's path and logical id. */
function functionMemory(resources: CfnResource[]): Map<string, number> {
  const memoryByFunction = new Map<string, number>();
  for (const r of resources) {
    if (r.cfnResourceType === 'AWS::Lambda::Function') {
      const memory = Stack.of(r).resolve((r as any).memorySize);
      memoryByFunction.set(`${Stack.of(r).node.path}/${Stack.of(r).resolve(r.logicalId)}`, typeof memory === 'number' ? memory : 128);
    }
  }
  return memoryByFunction;
}

/** Counts the billed items of every resource. */
function countBillable(resources: CfnResource[], memoryByFunction: Map<string, number>): BillableCounts {
  const counts: BillableCounts = {
    standard: 0,
    highRes: 0,
    metricMath: 0,
    standardMetrics: 0,
    highResMetrics: 0,
    composite: 0,
    keys: 0,
    dashboards: 0,
    secrets: 0,
    nat: 0,
    endpointAzs: 0,
    pcGb: 0,
    targetTrackingAlarms: 0,
    provisionedMappings: 0,
    minimumPollers: 0,
    defaultMinimumMappings: 0,
    managedVersions: 0,
    minimumEnvironments: 0,
    defaultMinimumVersions: 0,
    insightsAlarms: 0,
    insightsMetricsAnalyzed: 0,
    insightsUnknown: 0,
    signals: new Map(),
  };
  const managedFunctions = new Set(resources
    .filter((r) => r.cfnResourceType === 'AWS::Lambda::Function' && Stack.of(r).resolve((r as any).capacityProviderConfig) !== undefined)
    .map((r) => `${Stack.of(r).node.path}/${Stack.of(r).resolve(r.logicalId)}`));
  for (const r of resources) {
    const props = (name: string) => Stack.of(r).resolve((r as any)[name]);
    switch (r.cfnResourceType) {
      case 'AWS::CloudWatch::Alarm': countAlarm(counts, r, props); break;
      case 'AWS::CloudWatch::CompositeAlarm': counts.composite++; break;
      case 'AWS::KMS::Key': counts.keys++; break;
      case 'AWS::CloudWatch::Dashboard': counts.dashboards++; break;
      case 'AWS::SecretsManager::Secret': counts.secrets++; break;
      case 'AWS::EC2::NatGateway': counts.nat++; break;
      case 'AWS::EC2::VPCEndpoint': {
        if (props('vpcEndpointType') === 'Interface') {
          const subnets = props('subnetIds');
          counts.endpointAzs += Array.isArray(subnets) ? subnets.length : 1;
        }
        break;
      }
      case 'AWS::Lambda::Alias':
        counts.pcGb += provisionedGb(r, props, memoryByFunction);
        break;
      case 'AWS::Lambda::Version':
        counts.pcGb += provisionedGb(r, props, memoryByFunction);
        countManagedEnvironments(counts, r, props, managedFunctions);
        break;
      case 'AWS::Lambda::EventSourceMapping':
        countProvisionedPollers(counts, props('provisionedPollerConfig'));
        break;
      case 'AWS::ApplicationAutoScaling::ScalingPolicy':
        // Target tracking creates (and bills) a high and a low alarm outside the template.
        if (props('targetTrackingScalingPolicyConfiguration') !== undefined) {
          counts.targetTrackingAlarms += 2;
        }
        break;
      default:
        break;
    }
  }
  return counts;
}

/**
 * Counts one CloudWatch alarm: on a Metrics Insights query (billed per metric analyzed, at an
 * unverified rate), else standard or high resolution with its metrics, and whether it is metric math.
 */
function countAlarm(counts: BillableCounts, r: CfnResource, props: (name: string) => any): void {
  const metricsProp = props('metrics');
  const fleet = FleetAlarms.infoOf(r);
  if (fleet || isInsightsQuery(metricsProp)) {
    counts.insightsAlarms++;
    if (fleet) {
      counts.insightsMetricsAnalyzed += fleet.members;
      addSignal(counts, `${fleet.signal.namespace} ${fleet.signal.metricName} (fleet)`, fleet.members,
        UNVERIFIED_PRICES.metricsInsightsAlarmMetricAnalyzed.usd, false);
    } else {
      counts.insightsUnknown++;
    }
    return;
  }
  const { metrics, highResolution, math } = alarmMetrics(metricsProp, props('period'));
  if (math) {
    counts.metricMath++;
  }
  if (highResolution) {
    counts.highRes++;
    counts.highResMetrics += metrics;
  } else {
    counts.standard++;
    counts.standardMetrics += metrics;
  }
  const price = highResolution ? P.alarmMetricHighResolution : P.alarmMetricStandard;
  for (const signal of alarmSignals(metricsProp, props)) {
    addSignal(counts, signal, 1, price, true);
  }
}

function addSignal(counts: BillableCounts, signal: string, metrics: number, unitUsd: number, verified: boolean): void {
  const c = counts.signals.get(signal) ?? { metrics: 0, usd: 0, verified };
  c.metrics += metrics;
  c.usd += metrics * unitUsd;
  counts.signals.set(signal, c);
}

/** The signal (namespace and metric name) of each metric an alarm is billed for. */
function alarmSignals(metrics: unknown, props: (name: string) => any): string[] {
  if (!Array.isArray(metrics)) {
    return [`${props('namespace')} ${props('metricName')}`];
  }
  const signals: string[] = [];
  for (const m of metrics) {
    const stat = m?.MetricStat ?? m?.metricStat;
    const metric = stat?.Metric ?? stat?.metric;
    if (metric) {
      signals.push(`${metric.Namespace ?? metric.namespace} ${metric.MetricName ?? metric.metricName}`);
    }
    const expression = m?.Expression ?? m?.expression;
    if (typeof expression === 'string' && expression.includes('ANOMALY_DETECTION_BAND')) {
      signals.push('anomaly detection band', 'anomaly detection band');
    }
  }
  return signals;
}

/** Whether an alarm's metrics are a Metrics Insights query (an expression that SELECTs). */
function isInsightsQuery(metrics: unknown): boolean {
  return Array.isArray(metrics) && metrics.some((m: any) => {
    const e = m?.Expression ?? m?.expression;
    return typeof e === 'string' && /^\s*SELECT\s/i.test(e);
  });
}

/** Counts a mapping in provisioned mode (SQS or Kafka alike) and the pollers it keeps standing. */
function countProvisionedPollers(counts: BillableCounts, config: any): void {
  if (config === undefined || config === null) {
    return;
  }
  counts.provisionedMappings++;
  const min = config.MinimumPollers ?? config.minimumPollers;
  if (typeof min === 'number') {
    counts.minimumPollers += min;
  } else {
    counts.defaultMinimumMappings++;
  }
}

/** Counts a version of a function on Managed Instances and the execution environments it keeps running. */
function countManagedEnvironments(counts: BillableCounts, r: CfnResource, props: (name: string) => any, managedFunctions: Set<string>): void {
  const fn = props('functionName');
  if (!(fn && typeof fn === 'object' && 'Ref' in fn && managedFunctions.has(`${Stack.of(r).node.path}/${fn.Ref}`))) {
    return;
  }
  counts.managedVersions++;
  const scaling = props('functionScalingConfig');
  const min = scaling?.MinExecutionEnvironments ?? scaling?.minExecutionEnvironments;
  if (typeof min === 'number') {
    counts.minimumEnvironments += min;
  } else {
    counts.minimumEnvironments += DEFAULT_MIN_EXECUTION_ENVIRONMENTS;
    counts.defaultMinimumVersions++;
  }
}

/** The GB of provisioned concurrency of an alias or a version (0 without any), by its function's memory. */
function provisionedGb(r: CfnResource, props: (name: string) => any, memoryByFunction: Map<string, number>): number {
  const pc = props('provisionedConcurrencyConfig');
  const units = pc?.ProvisionedConcurrentExecutions ?? pc?.provisionedConcurrentExecutions;
  if (typeof units !== 'number') {
    return 0;
  }
  const fn = props('functionName');
  const memory = (fn && typeof fn === 'object' && 'Ref' in fn ? memoryByFunction.get(`${Stack.of(r).node.path}/${fn.Ref}`) : undefined) ?? 128;
  return units * memory / 1024;
}

/** The report's lines: each billed item with a count, at the price table's price. */
function costLines(c: BillableCounts): CostLine[] {
  return [
    line('alarm metrics (standard)', c.standardMetrics, P.alarmMetricStandard),
    line('alarm metrics (high resolution)', c.highResMetrics, P.alarmMetricHighResolution),
    line('target-tracking alarms (created by Application Auto Scaling)', c.targetTrackingAlarms, P.alarmMetricStandard),
    line('composite alarms', c.composite, P.compositeAlarm),
    line('KMS keys', c.keys, P.kmsKey),
    line('dashboards', c.dashboards, P.dashboard),
    line('GB of provisioned concurrency', c.pcGb, round(P.provisionedConcurrencyGbSecond * SECONDS_PER_MONTH)),
    line('secrets', c.secrets, P.secret),
    line('NAT gateways', c.nat, round(P.natGatewayHour * PRICE_TABLE.hoursPerMonth)),
    line('interface endpoint AZs', c.endpointAzs, round(P.interfaceEndpointAzHour * PRICE_TABLE.hoursPerMonth)),
  ].filter((l) => l.count > 0);
}

/** The lines at unverified rates (never in a total). */
function unverifiedCostLines(c: BillableCounts): CostLine[] {
  return [
    line(INSIGHTS_ITEM, c.insightsMetricsAnalyzed, UNVERIFIED_PRICES.metricsInsightsAlarmMetricAnalyzed.usd),
  ].filter((l) => l.count > 0);
}

const INSIGHTS_ITEM = 'metrics analyzed by Metrics Insights (fleet) alarms';

/** Every report item's rate and its source. */
const RATES: { readonly [item: string]: { readonly unitUsd: number; readonly source: PriceSource } } = {
  'alarm metrics (standard)': { unitUsd: P.alarmMetricStandard, source: PRICE_SOURCES.alarmMetricStandard },
  'alarm metrics (high resolution)': { unitUsd: P.alarmMetricHighResolution, source: PRICE_SOURCES.alarmMetricHighResolution },
  'target-tracking alarms (created by Application Auto Scaling)': { unitUsd: P.alarmMetricStandard, source: PRICE_SOURCES.alarmMetricStandard },
  'composite alarms': { unitUsd: P.compositeAlarm, source: PRICE_SOURCES.compositeAlarm },
  'KMS keys': { unitUsd: P.kmsKey, source: PRICE_SOURCES.kmsKey },
  'dashboards': { unitUsd: P.dashboard, source: PRICE_SOURCES.dashboard },
  'GB of provisioned concurrency': { unitUsd: round(P.provisionedConcurrencyGbSecond * SECONDS_PER_MONTH), source: PRICE_SOURCES.provisionedConcurrencyGbSecond },
  'secrets': { unitUsd: P.secret, source: PRICE_SOURCES.secret },
  'NAT gateways': { unitUsd: round(P.natGatewayHour * PRICE_TABLE.hoursPerMonth), source: PRICE_SOURCES.natGatewayHour },
  'interface endpoint AZs': { unitUsd: round(P.interfaceEndpointAzHour * PRICE_TABLE.hoursPerMonth), source: PRICE_SOURCES.interfaceEndpointAzHour },
  [INSIGHTS_ITEM]: {
    unitUsd: UNVERIFIED_PRICES.metricsInsightsAlarmMetricAnalyzed.usd,
    source: UNVERIFIED_PRICES.metricsInsightsAlarmMetricAnalyzed.source,
  },
  ...ENHANCED_MONITORING_RATES,
};

/** What the report does not count. */
function costNotes(c: BillableCounts): string[] {
  const notes: string[] = [];
  notes.push('Gross prices: the account\'s free tier (10 standard alarm metrics, 3 dashboards) is not subtracted, since other stacks share it.');
  if (c.keys > 0) {
    notes.push('A KMS key with rotation costs $1 more a month after each of its first two yearly rotations (at most $3).');
  }
  if (c.provisionedMappings > 0) {
    const defaults = c.defaultMinimumMappings > 0 ? ` plus Lambda's default minimum on ${c.defaultMinimumMappings} (2 for SQS, 1 for Kafka)` : '';
    notes.push(`UNVERIFIED, NOT IN THE TOTAL: ${c.provisionedMappings} event source mapping(s) in provisioned mode keep at least ` +
      `${c.minimumPollers} event poller(s) standing${defaults}, billed in Event Poller Units (EPU) by the hour. ` +
      'The EPU price and how pollers map to EPUs could not be verified (https://aws.amazon.com/lambda/pricing/, checked ' +
      `${PRICE_TABLE.date}), so this report adds no guessed number: price them there.`);
  }
  if (c.managedVersions > 0) {
    const defaults = c.defaultMinimumVersions > 0
      ? ` (${c.defaultMinimumVersions} of them at Lambda's default minimum of ${DEFAULT_MIN_EXECUTION_ENVIRONMENTS}, per the aws-cdk-lib documentation)` : '';
    notes.push(`UNVERIFIED, NOT IN THE TOTAL: ${c.managedVersions} function version(s) on Lambda Managed Instances keep at least ` +
      `${c.minimumEnvironments} execution environment(s) running while idle${defaults}, on EC2 instances of their capacity provider, ` +
      'billed at the EC2 instance price plus a management fee (15% of it, per AWS\'s launch material; not verified on ' +
      `https://aws.amazon.com/lambda/pricing/, checked ${PRICE_TABLE.date}). Lambda picks the instance types, so this report adds no ` +
      'guessed number: price the instances there.');
  }
  if (c.insightsAlarms > 0) {
    const src = UNVERIFIED_PRICES.metricsInsightsAlarmMetricAnalyzed.source;
    notes.push(`UNVERIFIED, NOT IN THE TOTAL: ${c.insightsAlarms} alarm(s) on Metrics Insights queries` +
      (c.insightsMetricsAnalyzed > 0 ? `, whose queries list ${c.insightsMetricsAnalyzed} metric(s)` : '') +
      (c.insightsUnknown > 0 ? ` (${c.insightsUnknown} of them not the library's, their metrics unknown)` : '') +
      `. They are billed per metric analyzed, outside the free tier; the rate ($${UNVERIFIED_PRICES.metricsInsightsAlarmMetricAnalyzed.usd} ` +
      `per metric analyzed, a third-party figure) could not be verified on ${src.url} (read ${src.read}): unverifiedLines ` +
      'shows the amount at that rate if every listed metric is analyzed all month (docs/fleet-monitoring.md).');
  }
  notes.push('Request-based charges (invocations, logs ingested, KMS and SQS requests, traces) come on top with traffic.');
  return notes;
}

/** How many metrics an alarm is billed for, and whether it is high resolution or metric math. */
function alarmMetrics(metrics: unknown, period: unknown): { metrics: number; highResolution: boolean; math: boolean } {
  if (!Array.isArray(metrics)) {
    return { metrics: 1, highResolution: typeof period === 'number' && period < 60, math: false };
  }
  const stats = metrics.map((m: any) => m?.MetricStat ?? m?.metricStat).filter((s: any) => s !== undefined);
  const expressions = metrics.map((m: any) => m?.Expression ?? m?.expression).filter((e: any) => typeof e === 'string') as string[];
  // An anomaly-detection band bills 3 metrics (the value and the band) instead of 1.
  const bands = expressions.filter((e) => e.includes('ANOMALY_DETECTION_BAND')).length;
  const highResolution = stats.some((s: any) => {
    const p = s?.Period ?? s?.period;
    return typeof p === 'number' && !Token.isUnresolved(p) && p < 60;
  });
  return { metrics: stats.length + 2 * bands, highResolution, math: expressions.length > 0 };
}

function line(item: string, count: number, unitUsd: number): CostLine {
  return { item, count: round(count), unitUsd, monthlyUsd: round(count * unitUsd) };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
