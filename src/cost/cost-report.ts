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

  const memoryByFunction = new Map<string, number>();
  for (const r of resources) {
    if (r.cfnResourceType === 'AWS::Lambda::Function') {
      const memory = Stack.of(r).resolve((r as any).memorySize);
      memoryByFunction.set(`${Stack.of(r).node.path}/${Stack.of(r).resolve(r.logicalId)}`, typeof memory === 'number' ? memory : 128);
    }
  }

  let standard = 0;
  let highRes = 0;
  let metricMath = 0;
  let standardMetrics = 0;
  let highResMetrics = 0;
  let composite = 0;
  let keys = 0;
  let dashboards = 0;
  let secrets = 0;
  let nat = 0;
  let endpointAzs = 0;
  let pcGb = 0;
  let targetTrackingAlarms = 0;
  const notes: string[] = [];

  for (const r of resources) {
    const props = (name: string) => Stack.of(r).resolve((r as any)[name]);
    switch (r.cfnResourceType) {
      case 'AWS::CloudWatch::Alarm': {
        const { metrics, highResolution, math } = alarmMetrics(props('metrics'), props('period'));
        if (math) {
          metricMath++;
        }
        if (highResolution) {
          highRes++;
          highResMetrics += metrics;
        } else {
          standard++;
          standardMetrics += metrics;
        }
        break;
      }
      case 'AWS::CloudWatch::CompositeAlarm': composite++; break;
      case 'AWS::KMS::Key': keys++; break;
      case 'AWS::CloudWatch::Dashboard': dashboards++; break;
      case 'AWS::SecretsManager::Secret': secrets++; break;
      case 'AWS::EC2::NatGateway': nat++; break;
      case 'AWS::EC2::VPCEndpoint': {
        if (props('vpcEndpointType') === 'Interface') {
          const subnets = props('subnetIds');
          endpointAzs += Array.isArray(subnets) ? subnets.length : 1;
        }
        break;
      }
      case 'AWS::Lambda::Alias':
      case 'AWS::Lambda::Version': {
        const pc = props('provisionedConcurrencyConfig');
        const units = pc?.ProvisionedConcurrentExecutions ?? pc?.provisionedConcurrentExecutions;
        if (typeof units === 'number') {
          const fn = props('functionName');
          const memory = (fn && typeof fn === 'object' && 'Ref' in fn ? memoryByFunction.get(`${Stack.of(r).node.path}/${fn.Ref}`) : undefined) ?? 128;
          pcGb += units * memory / 1024;
        }
        break;
      }
      case 'AWS::ApplicationAutoScaling::ScalingPolicy':
        // Target tracking creates (and bills) a high and a low alarm outside the template.
        if (props('targetTrackingScalingPolicyConfiguration') !== undefined) {
          targetTrackingAlarms += 2;
        }
        break;
      default:
        break;
    }
  }

  const lines: CostLine[] = [
    line('alarm metrics (standard)', standardMetrics, P.alarmMetricStandard),
    line('alarm metrics (high resolution)', highResMetrics, P.alarmMetricHighResolution),
    line('target-tracking alarms (created by Application Auto Scaling)', targetTrackingAlarms, P.alarmMetricStandard),
    line('composite alarms', composite, P.compositeAlarm),
    line('KMS keys', keys, P.kmsKey),
    line('dashboards', dashboards, P.dashboard),
    line('GB of provisioned concurrency', pcGb, round(P.provisionedConcurrencyGbSecond * SECONDS_PER_MONTH)),
    line('secrets', secrets, P.secret),
    line('NAT gateways', nat, round(P.natGatewayHour * PRICE_TABLE.hoursPerMonth)),
    line('interface endpoint AZs', endpointAzs, round(P.interfaceEndpointAzHour * PRICE_TABLE.hoursPerMonth)),
  ].filter((l) => l.count > 0);

  notes.push('Gross prices: the account\'s free tier (10 standard alarm metrics, 3 dashboards) is not subtracted, since other stacks share it.');
  if (keys > 0) {
    notes.push('A KMS key with rotation costs $1 more a month after each of its first two yearly rotations (at most $3).');
  }
  notes.push('Request-based charges (invocations, logs ingested, KMS and SQS requests, traces) come on top with traffic.');

  return {
    stack: stack.artifactId,
    priceTable: { region: PRICE_TABLE.region, date: PRICE_TABLE.date, currency: PRICE_TABLE.currency },
    monthlyUsd: round(lines.reduce((s, l) => s + l.monthlyUsd, 0)),
    lines,
    resources: resources.length,
    alarms: { standard, highResolution: highRes, metricMath, metrics: standardMetrics + highResMetrics },
    notes,
  };
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
