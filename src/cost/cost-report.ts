import * as fs from 'fs';
import * as path from 'path';
import { Annotations, CfnResource, IAspect, Stack, Stage, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { PRICE_TABLE } from './price-table';
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
  const counts = countBillable(resources, functionMemory(resources));
  const lines = costLines(counts);
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
    notes: costNotes(counts),
  };
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
  };
  const managedFunctions = new Set(resources
    .filter((r) => r.cfnResourceType === 'AWS::Lambda::Function' && Stack.of(r).resolve((r as any).capacityProviderConfig) !== undefined)
    .map((r) => `${Stack.of(r).node.path}/${Stack.of(r).resolve(r.logicalId)}`));
  for (const r of resources) {
    const props = (name: string) => Stack.of(r).resolve((r as any)[name]);
    switch (r.cfnResourceType) {
      case 'AWS::CloudWatch::Alarm': countAlarm(counts, props('metrics'), props('period')); break;
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

/** Counts one CloudWatch alarm: standard or high resolution, with its metrics, and whether it is metric math. */
function countAlarm(counts: BillableCounts, metricsProp: unknown, period: unknown): void {
  const { metrics, highResolution, math } = alarmMetrics(metricsProp, period);
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
