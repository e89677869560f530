import { Fn, Lazy, Stack, Stage, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct, IConstruct } from 'constructs';
import { FleetSignal, fleetQueryParts, MAX_FLEET_ALARMS_PER_REGION, memberFits, memberLength } from './fleet-signals';
import { BlueprintValidationError } from '../../validation/blueprint-error';
import { ErrorCodes } from '../../validation/error-codes';

/** The period of every fleet alarm: 5 minutes, 1 of 1, as the per-function combined alarm. @internal */
export const FLEET_ALARM_PERIOD_SECONDS = 300;

/** One fleet alarm: a query over some members (function or queue names), built at synth from them. */
interface Batch {
  readonly signal: FleetSignal;
  /** Each member's name and the construct that added it (a member whose owner left the tree, rolled back, is dropped). */
  readonly members: Member[];
  used: number;
  readonly alarm: cloudwatch.CfnAlarm;
}

interface Member {
  readonly name: string;
  readonly owner: IConstruct;
}

/** Whether a construct is still in the tree (a construct whose creation failed is removed by its guard). */
function inTree(c: IConstruct): boolean {
  const parent = c.node.scope;
  return parent === undefined || (parent.node.tryFindChild(c.node.id) === c && inTree(parent));
}

/** What the cost report reads of a fleet alarm. @internal */
export interface FleetAlarmInfo {
  readonly signal: FleetSignal;
  /** The members (functions or queues) its query lists: the metrics it analyzes, one each. */
  readonly members: number;
}

const INFO = new WeakMap<cloudwatch.CfnAlarm, Batch>();
const HOSTS = new WeakMap<IConstruct, FleetAlarms[]>();

/**
 * The fleet alarms of a monitoring scope: for each signal (and threshold and alarm topic) one
 * Metrics Insights alarm per batch of members, each batch as long as one query can list
 * (2,048 characters, 500 series). Members join while functions are constructed; the queries are
 * written at synth from the members (Lazy), so no alarm is ever half-made.
 *
 * @internal
 */
export class FleetAlarms extends Construct {
  /**
   * The fleet alarms that serve a function created under `modeScope`: those of the scope itself when
   * it lives in a stack, else (an App or a Stage) those of the function's top-level stack.
   */
  public static forFunction(fn: IConstruct, modeScope: IConstruct): FleetAlarms {
    const inStack = !Stage.isStage(modeScope) && modeScope.node.scopes.some((s) => Stack.isStack(s));
    let host: IConstruct = modeScope;
    if (!inStack) {
      let stack = Stack.of(fn);
      while (stack.nestedStackParent) {
        stack = stack.nestedStackParent;
      }
      host = stack;
    }
    const id = Stack.isStack(host) ? 'BlueprintFleetAlarms' : 'FleetAlarms';
    const existing = host.node.tryFindChild(id);
    return existing instanceof FleetAlarms ? existing : new FleetAlarms(host, id);
  }

  /** The fleet alarm behind a CfnAlarm, if it is one. */
  public static infoOf(alarm: IConstruct): FleetAlarmInfo | undefined {
    const batch = alarm instanceof cloudwatch.CfnAlarm ? INFO.get(alarm) : undefined;
    return batch && { signal: batch.signal, members: batch.members.filter((m) => inTree(m.owner)).length };
  }

  private readonly batches = new Map<string, Batch[]>();
  private readonly topics: sns.ITopic[] = [];

  private constructor(scope: IConstruct, id: string) {
    super(scope as Construct, id);
    const root = this.node.root;
    const hosts = HOSTS.get(root) ?? [];
    HOSTS.set(root, hosts);
    hosts.push(this);
    if (hosts.length === 1) {
      // The app-wide quota is checked once, by the first fleet of the app.
      this.node.addValidation({ validate: () => regionQuotaProblems(this, hosts) });
    }
  }

  /** The fleet alarms created so far. */
  public get alarms(): cloudwatch.CfnAlarm[] {
    return [...this.batches.values()].flat().map((b) => b.alarm);
  }

  /**
   * Adds a member (a function or queue name) to a signal's alarm at a threshold, notifying `topic`.
   * Returns the alarm that watches it.
   */
  public add(signal: FleetSignal, name: string, threshold: number, topic: sns.ITopic, owner: IConstruct): cloudwatch.CfnAlarm {
    let topicIndex = this.topics.indexOf(topic);
    if (topicIndex < 0) {
      topicIndex = this.topics.push(topic) - 1;
    }
    const key = `${signal.id}|${threshold}|${topicIndex}`;
    const batches = this.batches.get(key) ?? [];
    this.batches.set(key, batches);
    const nameLength = Token.isUnresolved(name) ? signal.maxNameLength : name.length;
    let batch = batches[batches.length - 1];
    if (!batch || !memberFits(signal, batch.used, batch.members.length, nameLength)) {
      batch = this.newBatch(signal, threshold, topic, topicIndex, batches.length);
      batches.push(batch);
    }
    batch.members.push({ name, owner });
    batch.used += memberLength(nameLength);
    return batch.alarm;
  }

  private newBatch(signal: FleetSignal, threshold: number, topic: sns.ITopic, topicIndex: number, index: number): Batch {
    const id = `${signal.id}${signal.id === 'Duration' ? `${threshold}ms` : ''}${topicIndex > 0 ? `Topic${topicIndex + 1}` : ''}${index > 0 ? `Part${index + 1}` : ''}`;
    const members: Member[] = [];
    const what = signal.id === 'Duration' ? `the longest invocation of the live alias reached ${threshold} ms (80 % of the timeout)` : signal.describe;
    const alarm = new cloudwatch.CfnAlarm(this, id, {
      alarmDescription: `${this.node.scope!.node.path}: ${what}. One contributor per ${signal.dimensions.join(' and ')}: ` +
        'the alarm state and DescribeAlarmContributors name each one in ALARM (docs/fleet-monitoring.md).',
      metrics: [{
        id: 'q',
        expression: Lazy.string({ produce: () => fleetQuery(signal, members.filter((m) => inTree(m.owner)).map((m) => m.name)) }),
        period: FLEET_ALARM_PERIOD_SECONDS,
        returnData: true,
        label: `${signal.metricName} (${signal.stat}) by ${signal.dimensions.join(', ')}`,
      }],
      threshold,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: 'notBreaching',
      alarmActions: [topic.topicArn],
    });
    const batch: Batch = { signal, members, used: 0, alarm };
    INFO.set(alarm, batch);
    return batch;
  }
}

/** The Metrics Insights query of a signal over its members (names may be tokens: joined by CloudFormation). */
function fleetQuery(signal: FleetSignal, members: string[]): string {
  const { prefix, suffix } = fleetQueryParts(signal);
  const parts: string[] = [`${prefix}'`];
  members.forEach((m, i) => {
    parts.push(m, i === members.length - 1 ? `'${suffix}` : '\', \'');
  });
  return Fn.join('', parts);
}

/** The app's Metrics Insights alarms past CloudWatch's default quota of 200 per account and Region. */
function regionQuotaProblems(first: FleetAlarms, hosts: FleetAlarms[]): string[] {
  const total = hosts.reduce((n, h) => n + h.alarms.length, 0);
  if (total <= MAX_FLEET_ALARMS_PER_REGION) {
    return [];
  }
  return [new BlueprintValidationError(first, [{
    code: ErrorCodes.LBP_FLEET_ALARMS,
    property: 'monitoring',
    value: `${total} Metrics Insights alarms (${hosts.map((h) => `${h.node.path}: ${h.alarms.length}`).join(', ')})`,
    limit: `CloudWatch allows ${MAX_FLEET_ALARMS_PER_REGION} alarms on Metrics Insights queries per account and Region (default quota), shared with every other app there`,
    fix: 'set monitoring: MonitoringMode.PER_FUNCTION on some FunctionGroups or stacks, or give functions shorter names (more fit one query)',
  }]).message];
}
