import { IResolvable, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { DeploymentOptions } from './deployment-options';
import { FunctionAlarmsOptions } from '../observability/alarm-options';
import { ErrorCodes } from '../validation/error-codes';
import { Validator } from '../validation/validator';

/**
 * CodeDeploy's alarm configuration holds at most 10 alarms (AlarmConfiguration.alarms: "A maximum of 10
 * alarms can be added", https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_AlarmConfiguration.html;
 * CreateDeploymentGroup fails with AlarmsLimitExceededException, "The maximum number of alarms for a
 * deployment group (10) was exceeded"). Each alarm name may be listed only once
 * (AWS::CodeDeploy::DeploymentGroup Alarm.Name).
 */
const MAX_ALARMS = 10;

/**
 * A Lambda deployment runs at most 50 hours: "48 hours for the maximum time between the first and last
 * traffic shift plus one hour for each of two possible lifecycle hooks" (CodeDeploy quotas, "AWS Lambda
 * deployment run in hours", https://docs.aws.amazon.com/codedeploy/latest/userguide/limits.html).
 */
const MAX_SHIFT_MINUTES = 48 * 60;

const QUOTAS = 'CodeDeploy quotas, https://docs.aws.amazon.com/codedeploy/latest/userguide/limits.html';
const TRAFFIC_ROUTING = 'CodeDeploy TimeBasedCanary / TimeBasedLinear: whole minutes and a whole percentage of traffic';

/** The predefined Lambda configurations (https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html). */
const PREDEFINED = /^CodeDeployDefault\.Lambda(AllAtOnce|Canary(\d+)Percent(\d+)Minutes?|Linear(\d+)PercentEvery(\d+)Minutes?)$/;

/** What the checks know about the function being deployed. @internal */
export interface DeploymentContext {
  /** The construct the deployment belongs to (its stack's account and Region are the deployment's). */
  readonly scope: IConstruct;
  /** How many of the function's own alarms join the rollback alarms. */
  readonly functionAlarmCount: number;
}

/** The traffic shifting a configuration describes, as far as it is known at synth. */
interface Shifting {
  readonly kind: 'TimeBasedCanary' | 'TimeBasedLinear' | 'AllAtOnce';
  readonly percentage?: number;
  readonly interval?: number;
  /** Where the values come from, for the message. */
  readonly source: string;
}

/**
 * The checks of a deployment's configuration values, alarms and environments: what CodeDeploy or
 * CloudFormation would refuse at deploy time. Unresolved tokens are skipped.
 *
 * @internal
 */
export function validateDeploymentConfig(v: Validator, prefix: string, options: DeploymentOptions, context: DeploymentContext): void {
  const config = options.config;
  if (config !== undefined) {
    const platform = computePlatform(config);
    if (platform !== undefined && platform !== 'Lambda') {
      v.fail({
        code: ErrorCodes.LBP_DEPLOYMENT_CONFIG_PLATFORM,
        property: `${prefix}.config`,
        value: `${describeConfig(config)} (a ${platform} configuration)`,
        limit: 'a Lambda deployment group takes only a configuration of the Lambda compute platform',
        fix: 'use a LambdaDeploymentConfig (e.g. LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES or new LambdaDeploymentConfig(...))',
      });
    } else {
      const shifting = readShifting(config);
      if (shifting) {
        validateShifting(v, `${prefix}.config`, shifting);
      }
    }
  }
  validateAlarms(v, prefix, options, context);
  validateEnvironments(v, prefix, options, context.scope);
}

/** How many of a function's own alarms a deployment rolls back on (errors and duration, unless off). @internal */
export function functionRollbackAlarmCount(alarms: FunctionAlarmsOptions | undefined, timeoutKnown: boolean): number {
  if (alarms?.enabled === false) {
    return 0;
  }
  return (alarms?.errors?.enabled === false ? 0 : 1) + (alarms?.duration?.enabled === false || !timeoutKnown ? 0 : 1);
}

function describeConfig(config: codedeploy.ILambdaDeploymentConfig): string {
  const name = config.deploymentConfigName;
  return typeof name === 'string' && !Token.isUnresolved(name) ? `'${name}'` : safely(() => config.node.path) ?? 'a deployment configuration';
}

/**
 * Reads a member that aws-cdk-lib's detached objects (the predefined configurations) refuse to give
 * (their `node` and `env` throw): undefined for them.
 */
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function cfnConfigOf(config: codedeploy.ILambdaDeploymentConfig): codedeploy.CfnDeploymentConfig | undefined {
  const children = safely(() => (config as IConstruct).node?.children) ?? [];
  return children.find((c): c is codedeploy.CfnDeploymentConfig => c instanceof codedeploy.CfnDeploymentConfig);
}

function computePlatform(config: codedeploy.ILambdaDeploymentConfig): string | undefined {
  const cfn = cfnConfigOf(config);
  if (cfn) {
    // CloudFormation's default compute platform is Server (EC2/on-premises).
    const platform = cfn.computePlatform ?? 'Server';
    return typeof platform === 'string' && !Token.isUnresolved(platform) ? platform : undefined;
  }
  const name = config.deploymentConfigName;
  if (typeof name !== 'string' || Token.isUnresolved(name) || !name.startsWith('CodeDeployDefault.') || PREDEFINED.test(name)) {
    return undefined;
  }
  // The other predefined configurations belong to ECS ("CodeDeployDefault.ECS...") or EC2/on-premises.
  return name.startsWith('CodeDeployDefault.ECS') ? 'ECS' : 'Server';
}

function concrete(value: number | IResolvable | undefined): number | undefined {
  return typeof value === 'number' && !Token.isUnresolved(value) ? value : undefined;
}

function readShifting(config: codedeploy.ILambdaDeploymentConfig): Shifting | undefined {
  const cfn = cfnConfigOf(config);
  if (cfn) {
    const routing = cfn.trafficRoutingConfig;
    if (routing === undefined || Token.isUnresolved(routing)) {
      return undefined;
    }
    const r = routing as codedeploy.CfnDeploymentConfig.TrafficRoutingConfigProperty;
    const source = `the custom configuration ${config.node.path}`;
    if (r.type === 'TimeBasedCanary' && r.timeBasedCanary && !Token.isUnresolved(r.timeBasedCanary)) {
      const c = r.timeBasedCanary as codedeploy.CfnDeploymentConfig.TimeBasedCanaryProperty;
      return { kind: 'TimeBasedCanary', percentage: concrete(c.canaryPercentage), interval: concrete(c.canaryInterval), source };
    }
    if (r.type === 'TimeBasedLinear' && r.timeBasedLinear && !Token.isUnresolved(r.timeBasedLinear)) {
      const l = r.timeBasedLinear as codedeploy.CfnDeploymentConfig.TimeBasedLinearProperty;
      return { kind: 'TimeBasedLinear', percentage: concrete(l.linearPercentage), interval: concrete(l.linearInterval), source };
    }
    return undefined;
  }
  const name = config.deploymentConfigName;
  const m = typeof name === 'string' && !Token.isUnresolved(name) ? PREDEFINED.exec(name) : null;
  if (!m) {
    return undefined;
  }
  if (m[2] !== undefined) {
    return { kind: 'TimeBasedCanary', percentage: Number(m[2]), interval: Number(m[3]), source: `'${name}'` };
  }
  if (m[4] !== undefined) {
    return { kind: 'TimeBasedLinear', percentage: Number(m[4]), interval: Number(m[5]), source: `'${name}'` };
  }
  return { kind: 'AllAtOnce', source: `'${name}'` };
}

function validateShifting(v: Validator, property: string, s: Shifting): void {
  if (s.kind === 'AllAtOnce') {
    return;
  }
  const { percentage, interval } = s;
  const canary = s.kind === 'TimeBasedCanary';
  // A percentage of traffic, as a whole number (CloudFormation: Integer): nothing outside 1..100 shifts traffic.
  const badPercentage = percentage !== undefined && (!Number.isInteger(percentage) || percentage < 1 || percentage > 100);
  v.failIf(badPercentage, {
    code: ErrorCodes.LBP_DEPLOYMENT_PERCENTAGE,
    property: `${property} (${canary ? 'canaryPercentage' : 'linearPercentage'})`,
    value: `${percentage} % in ${s.source}`,
    limit: `it must be a whole percentage of traffic from 1 to 100 (${TRAFFIC_ROUTING})`,
    fix: `pass percentage: ${Math.min(100, Math.max(1, Math.round(percentage ?? 10)))} to TrafficRouting.${canary ? 'timeBasedCanary' : 'timeBasedLinear'}`,
  });
  // Minutes, as a whole number (aws-cdk-lib converts the Duration with toMinutes); 0 would be no wait at all.
  const badInterval = interval !== undefined && (!Number.isInteger(interval) || interval < 1);
  v.failIf(badInterval, {
    code: ErrorCodes.LBP_DEPLOYMENT_INTERVAL,
    property: `${property} (${canary ? 'canaryInterval' : 'linearInterval'})`,
    value: `${interval} minutes in ${s.source}`,
    limit: `the wait between traffic shifts is a whole number of minutes, at least 1 (${TRAFFIC_ROUTING}; a shift without a wait is LambdaDeploymentConfig.ALL_AT_ONCE)`,
    fix: 'pass interval: Duration.minutes(n) with n >= 1, or use LambdaDeploymentConfig.ALL_AT_ONCE',
  });
  if (badPercentage || badInterval || percentage === undefined || interval === undefined) {
    return;
  }
  // A canary waits once; a linear configuration waits between each of its ceil(100 / p) shifts.
  const waits = canary ? 1 : Math.ceil(100 / percentage) - 1;
  const minutes = waits * interval;
  v.failIf(minutes > MAX_SHIFT_MINUTES, {
    code: ErrorCodes.LBP_DEPLOYMENT_DURATION,
    property,
    value: `${minutes} minutes from the first to the last traffic shift (${canary
      ? `a ${percentage} % canary for ${interval} minutes`
      : `${Math.ceil(100 / percentage)} shifts of ${percentage} %, ${interval} minutes apart`}) in ${s.source}`,
    limit: `CodeDeploy allows at most 48 hours (${MAX_SHIFT_MINUTES} minutes) between the first and the last traffic shift of a Lambda deployment (${QUOTAS})`,
    fix: canary
      ? `shorten the interval to at most Duration.minutes(${MAX_SHIFT_MINUTES})`
      : `shorten the interval to at most Duration.minutes(${Math.floor(MAX_SHIFT_MINUTES / waits)}), or shift a larger percentage each time`,
  });
}

function alarmKey(alarm: cloudwatch.IAlarm): string | undefined {
  const name = alarm.alarmName;
  return typeof name === 'string' && !Token.isUnresolved(name) ? name : undefined;
}

function validateAlarms(v: Validator, prefix: string, options: DeploymentOptions, context: DeploymentContext): void {
  if (options.rollbackOnAlarms === false) {
    return;
  }
  const extra = options.rollbackAlarms ?? [];
  const total = context.functionAlarmCount + extra.length;
  v.failIf(total > MAX_ALARMS, {
    code: ErrorCodes.LBP_DEPLOYMENT_ALARMS,
    property: `${prefix}.rollbackAlarms`,
    value: `${extra.length} alarms, ${total} with the function's own ${context.functionAlarmCount} (errors and duration)`,
    limit: `a CodeDeploy deployment group's alarm configuration holds at most ${MAX_ALARMS} alarms (AlarmConfiguration, https://docs.aws.amazon.com/codedeploy/latest/APIReference/API_AlarmConfiguration.html)`,
    fix: `pass at most ${Math.max(0, MAX_ALARMS - context.functionAlarmCount)} rollbackAlarms: combine several into one cloudwatch.CompositeAlarm`,
  });
  const seen = new Set<unknown>();
  extra.forEach((alarm, i) => {
    const key = alarmKey(alarm) ?? alarm;
    v.failIf(seen.has(key), {
      code: ErrorCodes.LBP_DEPLOYMENT_ALARMS,
      property: `${prefix}.rollbackAlarms[${i}]`,
      value: `${alarm.node?.path ?? alarmKey(alarm)} (listed twice)`,
      limit: 'each alarm name can be used only once in a deployment group\'s list of alarms (AWS::CodeDeploy::DeploymentGroup Alarm)',
      fix: 'list each alarm once',
    });
    seen.add(key);
  });
}

/** The account and Region of a resource, when both are known at synth. */
function envOf(resource: IConstruct & { env?: { account: string; region: string } }): { account?: string; region?: string } {
  const env = resource.env;
  const known = (x: string | undefined) => (x !== undefined && !Token.isUnresolved(x) ? x : undefined);
  return { account: known(env?.account), region: known(env?.region) };
}

function validateEnvironments(v: Validator, prefix: string, options: DeploymentOptions, scope: IConstruct): void {
  const stack = Stack.of(scope);
  const known = (x: string) => (Token.isUnresolved(x) ? undefined : x);
  const here = { account: known(stack.account), region: known(stack.region) };
  const parts: [string, IConstruct | undefined][] = [
    ['config', options.config as (codedeploy.ILambdaDeploymentConfig & IConstruct) | undefined],
    ['application', options.application],
    ['preTrafficHook', options.preTrafficHook as lambda.IFunction | undefined],
    ['postTrafficHook', options.postTrafficHook as lambda.IFunction | undefined],
  ];
  for (const [name, part] of parts) {
    // Predefined configurations are detached (no node, no environment): they exist in every Region.
    if (part === undefined || safely(() => (part as { env?: unknown }).env) === undefined) {
      continue;
    }
    const there = envOf(part as IConstruct & { env?: { account: string; region: string } });
    const otherRegion = here.region !== undefined && there.region !== undefined && here.region !== there.region;
    const otherAccount = here.account !== undefined && there.account !== undefined && here.account !== there.account;
    v.failIf(otherRegion || otherAccount, {
      code: ErrorCodes.LBP_DEPLOYMENT_ENV,
      property: `${prefix}.${name}`,
      value: `${part.node.path} in ${there.account ?? '?'}/${there.region ?? '?'}`,
      limit: `CodeDeploy deploys the function in ${here.account ?? '?'}/${here.region ?? '?'} with configurations, applications and hook functions of its own account and Region`,
      fix: `create the ${name} in the function's stack (or one with the same account and Region)`,
    });
  }
}
