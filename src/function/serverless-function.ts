import { Duration, Size, SizeRoundingBehavior } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { configureFunctionLogGroup } from './function-log-group';
import { FunctionRole } from './function-role';
import { selectPrivateSubnets } from './function-vpc';
import { ServerlessFunctionProps } from './serverless-function-props';
import { FUNCTION_PROPS_SHAPE, validateFunction } from './validate-function';
import { LatestRuntime } from '../code/latest-runtime';
import { configureProvisionedConcurrencyScaling } from '../concurrency/provisioned-concurrency';
import { FunctionDeployment } from '../deployment/function-deployment';
import { FailureQueue } from '../destinations/failure-queue';
import { defaultAlarmTopic } from '../observability/alarm-topic';
import { deadLetterQueueAgeOptions, FunctionAlarms } from '../observability/function-alarms';
import type { ITrigger, TriggerConfig } from '../triggers/trigger';
import { acknowledge } from '../validation/acknowledge';
import { Acknowledgement } from '../validation/acknowledgements';
import { registerAppChecks } from '../validation/app-checks';
import { ConstructionGuard } from '../validation/construction-guard';
import { checkShape } from '../validation/prop-types';
import { Validator } from '../validation/validator';

/**
 * The name of the alias every trigger targets. A module constant is TypeScript only (jsii does not
 * carry it to Python or Java): use `ServerlessFunction.LIVE_ALIAS_NAME` there.
 */
export const LIVE_ALIAS_NAME = 'live';

/**
 * One production-ready Lambda function: ARM64, the newest runtime, explicit sizing, an owned and
 * encrypted JSON log group, X-Ray, a least-privilege role with one customer-managed policy, a
 * dead-letter queue that keeps failed events 14 days and raises an alarm, a published version and a
 * `live` alias that every trigger targets, optional reserved and provisioned concurrency with
 * auto-scaling, and optional VPC attachment. Clean under the five cdk-nag packs; the few findings a
 * template cannot avoid are acknowledged with a reason (see the README).
 *
 * Every configuration AWS would reject throws at synth, naming the property, the limit and the fix.
 */
export class ServerlessFunction extends Construct {
  /** The name of the alias every trigger targets (`live`), in every language. */
  public static readonly LIVE_ALIAS_NAME: string = LIVE_ALIAS_NAME;

  /** The Lambda function. */
  public readonly function: lambda.Function;

  /** The version published from the current configuration. */
  public readonly version: lambda.IVersion;

  /** The `live` alias: every trigger, provisioned concurrency and deployment targets it. */
  public readonly alias: lambda.Alias;

  /** The execution role. */
  public readonly role: iam.IRole;

  /** The one customer-managed policy holding every permission of the role. */
  public readonly policy: iam.ManagedPolicy;

  /** The function's log group. */
  public readonly logGroup: logs.ILogGroup;

  /** The dead-letter queue of asynchronous invocations. */
  public readonly deadLetterQueue: sqs.IQueue;

  /**
   * The alarm on the dead-letter queue's depth (when the library created the queue).
   */
  public readonly deadLetterQueueAlarm?: cloudwatch.IAlarm;

  /**
   * The alarm on the age of the dead-letter queue's oldest message (when the library created the
   * queue and the alarm is on).
   */
  public readonly deadLetterQueueAgeAlarm?: cloudwatch.IAlarm;

  /** Where the function's alarms notify. */
  public readonly alarmTopic: sns.ITopic;

  /** The invocation timeout. */
  public readonly timeout: Duration;

  /** The instruction set architecture. */
  public readonly architecture: lambda.Architecture;

  /** The runtime (undefined for container images). */
  public readonly runtime?: lambda.Runtime;

  /** The asynchronous-invocation configuration of the alias, when any async setting was given. */
  public readonly eventInvokeConfig?: lambda.EventInvokeConfig;

  /** The provisioned-concurrency auto-scaling of the alias, when enabled. */
  public readonly provisionedConcurrencyScaling?: lambda.IScalableFunctionAttribute;

  /** The security groups of the function's network interfaces (empty outside a VPC). */
  public readonly securityGroups: ec2.ISecurityGroup[];

  /** The network connections of the function (for `allowTo...` rules). */
  public readonly connections: ec2.Connections;

  /** The function's alarms (see the `alarms` option). */
  public readonly alarms: FunctionAlarms;

  /** The CodeDeploy deployment of the `live` alias, when `deployment` was given. */
  public readonly deployment?: FunctionDeployment;

  private readonly triggerConfigs: TriggerConfig[] = [];

  constructor(scope: Construct, id: string, props: ServerlessFunctionProps) {
    super(scope, id);
    const guard = ConstructionGuard.forConstructor(this);
    try {
      // ---- types first (JavaScript and Python callers), then defaults, then every other check
      registerAppChecks(this);
      const v = new Validator(this);
      if (!checkShape(v, '', props, FUNCTION_PROPS_SHAPE)) {
        v.throwIfAny();
      }
      this.architecture = props.architecture ?? lambda.Architecture.ARM_64;
      this.timeout = props.timeout ?? Duration.seconds(30);
      const memorySize = props.memorySize ?? 1024;
      const ephemeralStorageSize = props.ephemeralStorageSize ?? Size.mebibytes(512);
      const codeConfig = props.code.bind(this, this.architecture);
      const layers = props.layers ?? [];
      this.runtime = codeConfig.isImage ? undefined : (props.runtime ?? latestOfFamily(codeConfig.runtimeFamily));

      validateFunction(v, props, {
        memorySize,
        timeoutSeconds: this.timeout.isUnresolved() ? undefined : this.timeout.toSeconds({ integral: false }),
        ephemeralStorageMb: ephemeralStorageSize.isUnresolved()
          ? undefined
          : ephemeralStorageSize.toMebibytes({ rounding: SizeRoundingBehavior.NONE }),
        runtime: codeConfig.isImage ? undefined : this.runtime,
        architecture: this.architecture,
        code: codeConfig,
        layers,
      });
      const subnets = props.vpc ? selectPrivateSubnets(v, props.vpc, props.vpcSubnets) : undefined;
      v.throwIfAny();

      // ---- role, log group, failure sink
      const role = new FunctionRole(this, 'Role', `the function ${this.node.path}`);
      this.role = role;
      this.policy = role.policy;
      for (const statement of props.initialPolicy ?? []) {
        role.addToPrincipalPolicy(statement);
      }
      this.alarmTopic = props.alarmTopic ?? defaultAlarmTopic(this);
      this.logGroup = configureFunctionLogGroup(this, role, props);

      if (props.deadLetterQueue) {
        this.deadLetterQueue = props.deadLetterQueue;
      } else {
        const sink = new FailureQueue(this, 'DeadLetterQueue', {
          purpose: `asynchronous invocations of ${this.node.path}`,
          alarmTopic: this.alarmTopic,
          ageAlarm: deadLetterQueueAgeOptions(props.alarms),
        });
        this.deadLetterQueue = sink.queue;
        this.deadLetterQueueAlarm = sink.depthAlarm;
        this.deadLetterQueueAgeAlarm = sink.ageAlarm;
      }

      // ---- network
      this.securityGroups = [];
      if (props.vpc) {
        this.securityGroups = props.securityGroups ?? [
          new ec2.SecurityGroup(this, 'SecurityGroup', {
            vpc: props.vpc,
            description: `Network interfaces of ${this.node.path} (no ingress)`,
            allowAllOutbound: true,
          }),
        ];
        // aws-cdk-lib only adds these (as an AWS managed policy) to roles it creates itself.
        role.addToPrincipalPolicy(new iam.PolicyStatement({
          sid: 'ManageVpcNetworkInterfaces',
          actions: [
            'ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets',
            'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses',
          ],
          resources: ['*'],
        }));
      }
      this.connections = new ec2.Connections({ securityGroups: this.securityGroups });

      // ---- the function
      const environment: { [key: string]: string } = { ...props.environment };
      // Bound in name order: a Java Map.of or HashMap iterates in an order that changes between runs,
      // and the grants' statement order would follow it into the template.
      const secrets = Object.entries(props.secrets ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [name, secret] of secrets) {
        environment[name] = secret.bind(role);
      }
      const tracing = props.tracing ?? lambda.Tracing.ACTIVE;
      this.function = new lambda.Function(this, 'Function', {
        code: codeConfig.code,
        handler: codeConfig.isImage ? lambda.Handler.FROM_IMAGE : (props.handler ?? codeConfig.handler ?? 'index.handler'),
        runtime: this.runtime ?? lambda.Runtime.FROM_IMAGE,
        architecture: this.architecture,
        memorySize,
        timeout: this.timeout,
        ephemeralStorageSize,
        description: props.description,
        functionName: props.functionName,
        environment: Object.keys(environment).length > 0 ? environment : undefined,
        layers: layers.length > 0 ? layers.map((l) => l.layerVersion) : undefined,
        role,
        logGroup: this.logGroup,
        loggingFormat: lambda.LoggingFormat.JSON,
        applicationLogLevelV2: props.applicationLogLevel ?? lambda.ApplicationLogLevel.INFO,
        systemLogLevelV2: props.systemLogLevel ?? lambda.SystemLogLevel.INFO,
        tracing,
        deadLetterQueue: this.deadLetterQueue,
        reservedConcurrentExecutions: props.reservedConcurrentExecutions,
        vpc: props.vpc,
        vpcSubnets: subnets,
        securityGroups: props.vpc ? this.securityGroups : undefined,
      });
      // Statements added straight to the policy (not through a grant) must exist before the function.
      this.function.node.addDependency(role.policy);

      // ---- version, alias, provisioned concurrency
      this.version = this.function.currentVersion;
      this.alias = new lambda.Alias(this, 'LiveAlias', {
        aliasName: LIVE_ALIAS_NAME,
        version: this.version,
        provisionedConcurrentExecutions: props.provisionedConcurrency?.minCapacity,
      });
      if (props.provisionedConcurrency) {
        this.provisionedConcurrencyScaling = configureProvisionedConcurrencyScaling(this.alias, props.provisionedConcurrency);
      }

      // ---- alarms and safe deployment (docs/observability.md)
      this.alarms = new FunctionAlarms(this, 'Alarms', {
        function: this.function,
        alias: this.alias,
        timeout: this.timeout,
        alarmTopic: this.alarmTopic,
        provisionedConcurrency: props.provisionedConcurrency !== undefined,
        options: props.alarms,
      });
      if (props.deployment) {
        this.deployment = new FunctionDeployment(this, 'Deployment', {
          ...props.deployment, function: this.function, alias: this.alias, functionAlarms: this.alarms.rollbackAlarms,
        });
      }

      // ---- asynchronous invocation (on the alias, which the async triggers invoke)
      if ([props.retryAttempts, props.maxEventAge, props.onFailure, props.onSuccess].some((x) => x !== undefined)) {
        this.eventInvokeConfig = new lambda.EventInvokeConfig(this, 'AsyncInvokeConfig', {
          function: this.function,
          qualifier: LIVE_ALIAS_NAME,
          retryAttempts: props.retryAttempts,
          maxEventAge: props.maxEventAge,
          onFailure: props.onFailure?.destination,
          onSuccess: props.onSuccess?.destination,
        });
        this.eventInvokeConfig.node.addDependency(this.alias);
        if (!props.onFailure) {
          acknowledge(this.eventInvokeConfig, Acknowledgement.ASYNC_FAILURES_IN_DLQ);
        }
      }

      // ---- what only the user can choose, acknowledged with the reason (see the README)
      if (tracing === lambda.Tracing.ACTIVE || props.vpc) {
        acknowledge(role.policy, Acknowledgement.XRAY_AND_ENI_WILDCARD);
      }
      if (props.vpc) {
        acknowledge(role.policy, Acknowledgement.VPC_NETWORK_INTERFACES);
      }
      // Always: variables may also be added after construction (e.g. by bundling or by the user).
      acknowledge(this.function, Acknowledgement.PLAIN_ENVIRONMENT);
      acknowledge(this.function, Acknowledgement.OWN_LOG_GROUP);
      acknowledge(this.function, Acknowledgement.ROLE_DEPENDENCY);
      if (!props.vpc) {
        acknowledge(this.function, Acknowledgement.NO_VPC);
      }
      if (props.reservedConcurrentExecutions === undefined) {
        acknowledge(this.function, Acknowledgement.NO_RESERVED_CONCURRENCY);
      }
    } catch (error) {
      throw guard.fail(error);
    }
  }

  /**
   * Adds an event source (see the `Trigger` factories). It targets the `live` alias and brings its
   * own failure handling.
   *
   * @param trigger the trigger
   */
  public addTrigger(trigger: ITrigger): void {
    // All or nothing: a trigger that fails leaves nothing under this function (nor the stack).
    const guard = ConstructionGuard.forMethod(this, [this]);
    try {
      const config = trigger.bind(this);
      this.alarms.watchTrigger(config);
      this.triggerConfigs.push(config);
    } catch (error) {
      throw guard.fail(error);
    }
  }

  /** What the added triggers reported, in the order they were added. */
  public get triggers(): TriggerConfig[] {
    return [...this.triggerConfigs];
  }

  /** The timeout in seconds, or undefined when it is an unresolved token. */
  public get timeoutSeconds(): number | undefined {
    return this.timeout.isUnresolved() ? undefined : this.timeout.toSeconds({ integral: false });
  }
}

function latestOfFamily(family: lambda.RuntimeFamily | undefined): lambda.Runtime {
  return family === undefined ? LatestRuntime.NODEJS : LatestRuntime.of(family);
}
