import { Annotations, Duration, Size, SizeRoundingBehavior, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { LAMBDA_CREATE_NEW_POLICIES_WITH_ADDTOROLEPOLICY } from 'aws-cdk-lib/cx-api';
import { Construct, Node } from 'constructs';
import { configureFunctionLogGroup } from './function-log-group';
import { FunctionRole } from './function-role';
import { selectPrivateSubnets } from './function-vpc';
import { ServerlessFunctionProps } from './serverless-function-props';
import type { ITrigger, ITriggerTarget, TriggerConfig } from './trigger-contract';
import { DEFAULT_HANDLER, FUNCTION_PROPS_SHAPE, ResolvedFunctionSettings, validateCodeContents, validateFunction } from './validate-function';
import { acknowledge } from '../acknowledgements/acknowledge';
import { FunctionAcknowledgement } from '../acknowledgements/acknowledgements';
import { provideModulesFromLayer } from '../code/bundling/layer-provided-modules';
import { CodeCheck, FunctionCodeConfig } from '../code/function-code';
import { LatestRuntime } from '../code/latest-runtime';
import { configureProvisionedConcurrencyScaling } from '../concurrency/provisioned-concurrency-scaling';
import { FunctionDeployment } from '../deployment/function-deployment';
import { FailureQueue } from '../destinations/failure-queue';
import { isNewestDurableRuntime } from './private/checks/durable';
import { createDurableExecutionPolicy, durableConfigOf } from './private/durable-policy';
import { DeadLetterQueueWatch, deadLetterQueueWatch } from '../observability/dead-letter-queue-alarms';
import { defaultAlarmTopic } from '../observability/default-alarm-topic';
import { FunctionAlarms } from '../observability/function-alarms';
import { IdempotencyTable } from '../powertools/idempotency-table';
import { isNewestPowertoolsPython, POWERTOOLS_LAYER_MODULES, powertoolsLayerArn, powertoolsLayerKind } from '../powertools/powertools-layer';
import { CapacityProviderGuard } from './private/add-function-guard';
import { registerAppChecks } from './private/app-checks';
import { markAsyncTarget } from './private/async-paths';
import { configureCodeSigning } from './private/code-signing-config';
import { configureEnhancedMonitoring, EnhancedMonitoringConfig } from './private/enhanced-monitoring-config';
import { configureManagedInstances } from './private/managed-instances';
import { refuseInvokerUnderTenancy } from './private/tenancy-invokers';
import { isTenantIsolationCapable } from './tenant-isolation-triggers';
import { fleetFor } from '../observability/fleet/fleet-for';
import { AnnotationIds } from '../validation/annotation-ids';
import { BlueprintValidationError } from '../validation/blueprint-error';
import { ConstructionGuard } from '../validation/construction-guard';
import { ErrorCodes } from '../validation/error-codes';
import { checkShape } from '../validation/prop-types';
import { Validator } from '../validation/validator';
import { POWERTOOLS_METRICS_NAMESPACE, POWERTOOLS_SERVICE_NAME } from './private/checks/powertools';

/**
 * The name of the alias every trigger targets. A module constant is TypeScript only (jsii does not
 * carry it to Python or Java): use `ServerlessFunction.LIVE_ALIAS_NAME` there.
 */
export const LIVE_ALIAS_NAME = 'live';

/**
 * One production-ready Lambda function: ARM64, the newest runtime, explicit sizing, an owned and
 * encrypted JSON log group, X-Ray, a least-privilege role with customer-managed policies only, a
 * dead-letter queue that keeps failed events 14 days and raises an alarm, a published version and a
 * `live` alias that every trigger targets, optional reserved and provisioned concurrency with
 * auto-scaling, and optional VPC attachment. Clean under the five cdk-nag packs; the few findings a
 * template cannot avoid are acknowledged with a reason (see the README).
 *
 * It is an aws-cdk-lib `lambda.IFunction` (so `IGrantable` and `IConnectable` too): pass it wherever
 * aws-cdk-lib takes a function or a grantee (`table.grantReadData(fn)`,
 * `new apigateway.LambdaIntegration(fn)`, `new targets.LambdaFunction(fn)`, `LambdaInvoke`,
 * `userPool.addTrigger(...)`). An asynchronous path wired that way (an EventBridge target, an SNS
 * subscription, an S3 notification, a Scheduler schedule, an IoT rule) needs its own sink for what the
 * service cannot deliver: without one, synth warns (`cdk-lambda-blueprints:asyncPathWithoutSink`).
 * What each member means:
 *
 * - The `live` alias (what callers invoke): `functionArn`, `functionName`, `resourceArnsForGrantInvoke`,
 *   `addPermission`, `grantInvoke`, `grantInvokeUrl`, `grantInvokeCompositePrincipal`, `metric*` and
 *   `addFunctionUrl`. Every caller thus goes through `live` (and through CodeDeploy's traffic shifting).
 * - The execution role: `grantPrincipal`, `role`, `addToRolePolicy`. Grants land in the role's
 *   customer-managed `policy`, never in an inline policy, and no acknowledgement covers them.
 * - The underlying function (`unqualifiedFunction`): `latestVersion`, `grantInvokeLatestVersion`,
 *   `grantInvokeVersion`, `architecture`, `tenancyConfig`.
 * - The function's security groups: `connections` (empty outside a VPC), `isBoundToVpc`.
 *
 * `addEventSource`, `addEventSourceMapping` and `configureAsyncInvoke` are refused at synth: use the
 * `Trigger` factories (which bring failure handling and quota checks) with `addTrigger`, and the
 * asynchronous-invocation props of the function.
 *
 * Every configuration AWS would reject throws at synth, naming the property, the limit and the fix.
 */
export class ServerlessFunction extends lambda.FunctionBase implements ITriggerTarget {
  /** The name of the alias every trigger targets (`live`), in every language. */
  public static readonly LIVE_ALIAS_NAME: string = LIVE_ALIAS_NAME;

  /**
   * A function whose options (types included) its owner already checked, as a pattern checks its
   * `functionOptions`: only the checks that need the code run here.
   *
   * @internal
   */
  public static _checked(scope: Construct, id: string, props: ServerlessFunctionProps): ServerlessFunction {
    CHECKED_OPTIONS.add(props);
    return new ServerlessFunction(scope, id, props);
  }

  /**
   * The underlying `lambda.Function` (its `$LATEST`). Invoke through the function itself or its
   * `alias`, never through this: callers of the unqualified function bypass `live`.
   */
  public readonly unqualifiedFunction: lambda.Function;

  /** The ARN callers invoke: the `live` alias's. */
  public readonly functionArn: string;

  /** The name callers invoke: the `live` alias's (`<function name>:live`). */
  public readonly functionName: string;

  /** The principal that grants go to: the execution role. */
  public readonly grantPrincipal: iam.IPrincipal;

  /** The construct node under which invoke permissions are created. */
  public readonly permissionsNode: Node;

  /** The version published from the current configuration. */
  public readonly version: lambda.IVersion;

  /** The `live` alias: every trigger, provisioned concurrency and deployment targets it. */
  public readonly alias: lambda.Alias;

  /**
   * The execution role. Always set on a ServerlessFunction (optional in the type only because
   * `lambda.IFunction` declares it so); grants can simply name the function itself.
   */
  public readonly role?: iam.IRole;

  /**
   * The customer-managed policy that receives every grant and statement of the role (`initialPolicy`,
   * `addToRolePolicy`, `table.grantReadData(fn)`, the triggers' grants). Nothing on it is acknowledged.
   */
  public readonly policy: iam.ManagedPolicy;

  /** The function's log group. */
  public readonly logGroup: logs.ILogGroup;

  /** The dead-letter queue of asynchronous invocations. */
  public readonly deadLetterQueue: sqs.IQueue;

  /**
   * The alarm on the dead-letter queue's depth (when the library created the queue): the function's
   * combined alarm (`alarms.combined`) unless `alarms.combined` or `alarms.enabled` is false. Undefined
   * when a fleet alarm of the function's scope watches the queue (`MonitoringMode.FLEET`).
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

  /** The function's alarms (see the `alarms` option). */
  public readonly alarms: FunctionAlarms;

  /** The capacity provider the function runs on (Lambda Managed Instances), when `capacity` was given. */
  public readonly capacityProvider?: lambda.ICapacityProvider;

  /** The CodeDeploy deployment of the `live` alias, when `deployment` was given. */
  public readonly deployment?: FunctionDeployment;

  /** The code signing configuration, when `codeSigning` was given (created from its signing profiles, or the one given). */
  public readonly codeSigningConfig?: lambda.ICodeSigningConfig;

  /**
   * The library-only policy with the permissions of `enhancedMonitoring` (those of the AWS managed
   * policy it replaces), when the option is set.
   */
  public readonly enhancedMonitoringPolicy?: iam.ManagedPolicy;
  /** The official Powertools layer, when `powertools` adds it. */
  public readonly powertoolsLayer?: lambda.ILayerVersion;

  protected readonly canCreatePermissions = true;

  private readonly triggerConfigs: TriggerConfig[] = [];
  private readonly functionRole: FunctionRole;
  private readonly allConnections: ec2.Connections;

  constructor(scope: Construct, id: string, props: ServerlessFunctionProps) {
    super(scope, id);
    // aws-cdk-lib's deprecated flag would put the inner function's own statements (X-Ray, dead-letter
    // queue) into new inline policies; this library keeps every statement in managed policies.
    this.node.setContext(LAMBDA_CREATE_NEW_POLICIES_WITH_ADDTOROLEPOLICY, false);

    const guard = ConstructionGuard.forConstructor(this);
    try {
      // ---- types first (JavaScript and Python callers), then defaults, then every other check (the
      // code's cheap ones too) in one round, before anything is built or installed
      registerAppChecks(this);
      markAsyncTarget(this);
      const s = this.checkProps(props, CHECKED_OPTIONS.delete(props));
      // aws-cdk-lib's CapacityProvider.addFunction writes on the default child: make that a coded error.
      this.node.defaultChild = new CapacityProviderGuard(this, 'CapacityProviderGuard');
      this.architecture = s.architecture;
      this.timeout = s.timeout;
      this.runtime = s.runtime;
      const code = this.buildCode(props, s);
      this.warnAboutSettings(props);

      // ---- role, log group, failure sink
      const role = this.functionRole = this.createRole(props);
      this.role = role;
      this.grantPrincipal = role;
      this.policy = role.policy;
      this.alarmTopic = props.alarmTopic ?? defaultAlarmTopic(this);
      this.logGroup = configureFunctionLogGroup(this, role, props);
      const dlq = this.configureDeadLetterQueue(props);
      this.deadLetterQueue = dlq.queue;
      this.deadLetterQueueAgeAlarm = dlq.ageAlarm;

      // ---- network
      this.securityGroups = this.configureVpc(props, role);
      this.allConnections = new ec2.Connections({ securityGroups: this.securityGroups });
      if (props.vpc) {
        this._connections = this.allConnections;
      }

      // ---- the function
      this.codeSigningConfig = configureCodeSigning(this, props, code);
      const monitoring = configureEnhancedMonitoring(this, role, props.enhancedMonitoring, s);
      this.enhancedMonitoringPolicy = monitoring?.policy;
      this.powertoolsLayer = this.createPowertoolsLayer(props);
      this.unqualifiedFunction = this.createFunction(props, s, code, role, monitoring);
      this.configureSnapStart(props);

      // ---- version, alias, provisioned concurrency
      this.version = this.unqualifiedFunction.currentVersion;
      this.capacityProvider = this.configureCapacity(props, s);
      this.alias = this.createAlias(props);
      this.configureDurable(props, role);
      this.functionArn = this.alias.functionArn;
      this.functionName = this.alias.functionName;
      this.permissionsNode = this.node;
      if (props.provisionedConcurrency) {
        this.provisionedConcurrencyScaling = configureProvisionedConcurrencyScaling(this.alias, props.provisionedConcurrency);
      }

      // ---- alarms and safe deployment (docs/observability.md)
      this.alarms = this.createAlarms(props, dlq.watch);
      // In MonitoringMode.FLEET the scope's fleet alarm watches the depth (no alarm of the function's own).
      const depthInFleet = this.alarms.fleetSignals.includes('DeadLetterQueueDepth');
      this.deadLetterQueueAlarm = dlq.watch.byFunctionAlarms ? (depthInFleet ? undefined : this.alarms.combined) : dlq.depthAlarm;
      if (props.deployment) {
        this.deployment = FunctionDeployment._checked(this, 'Deployment', {
          ...props.deployment, function: this.unqualifiedFunction, alias: this.alias, functionAlarms: this.alarms.rollbackAlarms,
        });
      }

      // ---- asynchronous invocation (on the alias, which the async triggers invoke)
      this.eventInvokeConfig = this.createEventInvokeConfig(props);

      // ---- findings a template cannot avoid (see the README)
      this.acknowledgeFindings(props);
    } catch (error) {
      throw guard.fail(error);
    }
  }

  /** A durable function's checkpoint permissions: triggers invoke the alias, which exists only once the role may checkpoint. */
  private configureDurable(props: ServerlessFunctionProps, role: FunctionRole): void {
    if (props.durable) {
      this.alias.node.addDependency(createDurableExecutionPolicy(this, this.unqualifiedFunction, role));
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
    refuseInvokerUnderTenancy(this, this.tenancyConfig, trigger.constructor?.name ?? 'this trigger', isTenantIsolationCapable(trigger));
    const guard = ConstructionGuard.forMethod(this, [this]);
    try {
      const config = trigger.bind(this);
      if (config.readsStream === true) {
        this.alarms._addIteratorAgeAlarm();
      }
      for (const mapping of config.eventSourceMappings ?? []) {
        this.alarms._addEventSourceMappingAlarm(mapping);
      }
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

  /**
   * The role's customer-managed policy for the VPC network-interface actions and `dynamodb:ListStreams`.
   *
   * IAM only allows these on `Resource: *`. The library alone writes this policy, and it carries the
   * `AwsSolutions-IAM5[Resource::*]` acknowledgement. Undefined while there is no such statement.
   */
  public get resourceStarPolicy(): iam.ManagedPolicy | undefined {
    return this.functionRole.libraryPolicy;
  }

  /**
   * The stack's shared X-Ray policy, attached to this function's role when tracing is active.
   *
   * One policy per stack holds the X-Ray trace-write statement (IAM only allows it on `Resource: *`)
   * for every traced function there; the library alone writes it, and it carries the
   * `AwsSolutions-IAM5[Resource::*]` acknowledgement. Undefined without active tracing.
   */
  public get xrayPolicy(): iam.ManagedPolicy | undefined {
    return this.functionRole.xrayPolicy;
  }

  /** The ARNs `grantInvoke` allows: the `live` alias's. */
  public get resourceArnsForGrantInvoke(): string[] {
    return [this.functionArn];
  }

  /** The tenancy configuration of the underlying function. */
  public get tenancyConfig(): lambda.TenancyConfig | undefined {
    return this.unqualifiedFunction.tenancyConfig;
  }

  /**
   * The network connections of the function's security groups (for `allowTo...` rules). Outside a
   * VPC it has no security group, and rules on it have no effect.
   */
  public get connections(): ec2.Connections {
    return this.allConnections;
  }

  /** The `$LATEST` version of the underlying function. */
  public get latestVersion(): lambda.IVersion {
    return this.unqualifiedFunction.latestVersion;
  }

  /**
   * Adds a statement to the role's customer-managed policy (never an inline policy). Nothing
   * acknowledges it: cdk-nag reports a `Resource: *` you add like anywhere else.
   *
   * @param statement the statement
   */
  public addToRolePolicy(statement: iam.PolicyStatement): void {
    this.functionRole.addToPrincipalPolicy(statement);
  }

  /**
   * A metric of the `live` alias (dimensions FunctionName and Resource, as `lambda.Alias` reports).
   *
   * @param metricName the Lambda metric name
   * @param props options of the metric
   */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.alias.metric(metricName, props);
  }

  /**
   * Grants invoking a version of the underlying function (not through `live`).
   *
   * @param grantee who may invoke
   * @param version the version
   */
  public grantInvokeVersion(grantee: iam.IGrantable, version: lambda.IVersion): iam.Grant {
    return this.unqualifiedFunction.grantInvokeVersion(grantee, version);
  }

  /**
   * Grants invoking the `$LATEST` version of the underlying function (not through `live`).
   *
   * @param grantee who may invoke
   */
  public grantInvokeLatestVersion(grantee: iam.IGrantable): iam.Grant {
    return this.unqualifiedFunction.grantInvokeLatestVersion(grantee);
  }

  /**
   * Adds a function URL to the `live` alias. `Trigger.functionUrl` does the same with the library's
   * checks and acknowledgements: prefer it.
   *
   * @param options the URL's settings
   */
  public addFunctionUrl(options?: lambda.FunctionUrlOptions): lambda.FunctionUrl {
    refuseInvokerUnderTenancy(this, this.tenancyConfig, 'a function URL', false);
    return this.alias.addFunctionUrl(options);
  }

  /**
   * Refused: an aws-cdk-lib event source brings none of the failure handling and quota checks of the
   * matching `Trigger`. Throws an error naming the `Trigger` factory to use with `addTrigger`.
   *
   * @param source the event source
   */
  public addEventSource(source: lambda.IEventSource): void {
    const name = source.constructor?.name ?? 'an event source';
    throw new BlueprintValidationError(this, [{
      code: ErrorCodes.LBP_EVENT_SOURCE_REFUSED,
      property: 'addEventSource',
      value: name,
      limit: 'aws-cdk-lib event sources bring none of the failure handling (on-failure destinations, redrive, bounded retries) and quota checks of the library\'s triggers',
      fix: `use ${triggerFor(name)} with fn.addTrigger(...)`,
    }]);
  }

  /**
   * Refused: a raw event source mapping brings none of the failure handling and quota checks of the
   * library's triggers. Throws an error naming the `Trigger` factories to use with `addTrigger`.
   *
   * @param id the mapping's id
   * @param _options the mapping's settings
   */
  public addEventSourceMapping(id: string, _options: lambda.EventSourceMappingOptions): lambda.EventSourceMapping {
    throw new BlueprintValidationError(this, [{
      code: ErrorCodes.LBP_EVENT_SOURCE_REFUSED,
      property: 'addEventSourceMapping',
      value: `"${id}"`,
      limit: 'a raw event source mapping brings none of the failure handling (on-failure destinations, redrive, bounded retries) and quota checks of the library\'s triggers',
      fix: 'use Trigger.sqs, Trigger.kinesis or Trigger.dynamoDbStream with fn.addTrigger(...); for another source, map it to fn.alias and give it a failure destination yourself',
    }]);
  }

  /**
   * Refused: the asynchronous invocation of a ServerlessFunction is configured by its props.
   *
   * @param _options the settings
   */
  public configureAsyncInvoke(_options: lambda.EventInvokeConfigOptions): void {
    throw new BlueprintValidationError(this, [{
      code: ErrorCodes.LBP_EVENT_SOURCE_REFUSED,
      property: 'configureAsyncInvoke',
      value: 'called',
      limit: 'the function already configures asynchronous invocation of its live alias from its props (one EventInvokeConfig per alias)',
      fix: 'set retryAttempts, maxEventAge, onFailure and onSuccess on the ServerlessFunction instead',
    }]);
  }

  /**
   * Permissions are created on the `live` alias, so aws-cdk-lib's warning about unqualified
   * permissions does not apply.
   *
   * @param _scope the scope of the permission
   * @param _action the permitted action
   */
  public considerWarningOnInvokeFunctionPermissions(_scope: Construct, _action: string): void {
    // Nothing to warn about: every permission names the live alias.
  }

  /**
   * Checks the props in one round: their types (thrown at once), then, with the defaults applied,
   * every option and the code's cheap checks (paths, handler, runtime family). Nothing is built yet.
   */
  private checkProps(props: ServerlessFunctionProps, optionsChecked: boolean): CheckedSettings {
    const v = new Validator(this);
    if (!optionsChecked && !checkShape(v, '', props, FUNCTION_PROPS_SHAPE)) {
      v.throwIfAny();
    }
    const architecture = props.architecture ?? lambda.Architecture.ARM_64;
    const timeout = props.timeout ?? Duration.seconds(30);
    const ephemeralStorageSize = props.ephemeralStorageSize ?? Size.mebibytes(512);
    const code = this.checkCode(v, props, architecture);
    const runtime = code.isImage ? undefined : (props.runtime ?? latestOfFamily(code.runtimeFamily));
    const settings: ResolvedFunctionSettings = {
      memorySize: props.memorySize ?? 1024,
      timeoutSeconds: timeout.isUnresolved() ? undefined : timeout.toSeconds({ integral: false }),
      ephemeralStorageMb: ephemeralStorageSize.isUnresolved()
        ? undefined
        : ephemeralStorageSize.toMebibytes({ rounding: SizeRoundingBehavior.NONE }),
      runtime,
      architecture,
      code,
      layers: props.layers ?? [],
    };
    validateFunction(v, props, settings, { optionsChecked });
    const subnets = props.vpc ? selectPrivateSubnets(v, props.vpc, props.vpcSubnets) : undefined;
    v.throwIfAny();
    return { ...settings, code, timeout, ephemeralStorageSize, subnets };
  }

  /** The code's cheap checks into `v`; a code this library did not make is bound here (its own round). */
  private checkCode(v: Validator, props: ServerlessFunctionProps, architecture: lambda.Architecture): CodeCheck {
    const checked = typeof props.code._check === 'function' ? props.code._check(v, architecture, props.runtime) : undefined;
    if (checked) {
      return checked;
    }
    const bound = props.code.bind(this, architecture, props.runtime);
    return { ...bound, contentsKnown: true, build: () => bound };
  }

  /**
   * Builds the checked code (a Python project installs here); the files and size of a code staged by
   * its build are checked right after it.
   */
  private buildCode(props: ServerlessFunctionProps, s: CheckedSettings): FunctionCodeConfig {
    const config = s.code.build(this);
    if (!s.code.contentsKnown) {
      const v = new Validator(this);
      validateCodeContents(v, props, { ...s, code: config });
      v.throwIfAny();
    }
    return config;
  }

  private warnAboutSettings(props: ServerlessFunctionProps): void {
    if (props.reservedConcurrentExecutions === 0) {
      Annotations.of(this).addWarningV2(AnnotationIds.RESERVED_CONCURRENCY_ZERO,
        'reservedConcurrentExecutions is 0: Lambda throttles every invocation of this function (its throttles alarm fires on each attempt). '
        + 'Set a positive reservation, or leave it unset, when the function should run again.');
    }
    if (props.recursiveLoop === lambda.RecursiveLoop.ALLOW) {
      Annotations.of(this).addInfoV2(AnnotationIds.RECURSIVE_LOOP_ALLOWED,
        `recursiveLoop is ALLOW: Lambda will not stop this function in a recursive loop. Reason given: ${props.recursiveLoopAllowedReason}`);
    }
  }

  private createRole(props: ServerlessFunctionProps): FunctionRole {
    const role = new FunctionRole(this, 'Role', `the function ${this.node.path}`);
    for (const statement of props.initialPolicy ?? []) {
      role.addToPrincipalPolicy(statement);
    }
    return role;
  }

  /** The user's dead-letter queue, or a FailureQueue whose alarms are those the function's alarms leave to it. */
  private configureDeadLetterQueue(props: ServerlessFunctionProps): {
    queue: sqs.IQueue; depthAlarm?: cloudwatch.IAlarm; ageAlarm?: cloudwatch.IAlarm; watch: DeadLetterQueueWatch;
  } {
    const watch = deadLetterQueueWatch(props.alarms, props.deadLetterQueue !== undefined);
    if (props.deadLetterQueue) {
      return { queue: props.deadLetterQueue, watch };
    }
    const sink = FailureQueue._checked(this, 'DeadLetterQueue', {
      purpose: `asynchronous invocations of ${this.node.path}`,
      alarmTopic: this.alarmTopic,
      ageAlarm: watch.queueAgeAlarm,
    }, { depthWatchedByOwner: watch.byFunctionAlarms, namedAsDeadLetterQueue: true });
    return { queue: sink.queue, depthAlarm: sink.depthAlarm, ageAlarm: sink.ageAlarm, watch };
  }

  /** The security groups of a function in a VPC (a new one unless given), and the role's ENI statement. */
  private configureVpc(props: ServerlessFunctionProps, role: FunctionRole): ec2.ISecurityGroup[] {
    if (!props.vpc) {
      return [];
    }
    const securityGroups = props.securityGroups ?? [
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
    return securityGroups;
  }

  private createFunction(
    props: ServerlessFunctionProps, s: CheckedSettings, code: FunctionCodeConfig, role: FunctionRole, monitoring?: EnhancedMonitoringConfig,
  ): lambda.Function {
    const fn = new lambda.Function(this, 'Function', {
      code: code.code,
      handler: code.isImage ? lambda.Handler.FROM_IMAGE : (props.handler ?? code.handler ?? DEFAULT_HANDLER),
      runtime: this.runtime ?? lambda.Runtime.FROM_IMAGE,
      architecture: this.architecture,
      memorySize: s.memorySize,
      timeout: this.timeout,
      ephemeralStorageSize: s.ephemeralStorageSize,
      description: props.description,
      functionName: props.functionName,
      environment: this.environmentOf(props, role, monitoring?.environment),
      layers: this.layersOf(s, monitoring),
      role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: props.applicationLogLevel ?? lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: props.systemLogLevel ?? lambda.SystemLogLevel.INFO,
      tracing: props.tracing ?? lambda.Tracing.ACTIVE,
      deadLetterQueue: this.deadLetterQueue,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      vpc: props.vpc,
      vpcSubnets: s.subnets,
      securityGroups: props.vpc ? this.securityGroups : undefined,
      snapStart: props.snapStart ? lambda.SnapStartConf.ON_PUBLISHED_VERSIONS : undefined,
      codeSigningConfig: this.codeSigningConfig,
      tenancyConfig: props.tenancy,
      durableConfig: durableConfigOf(props.durable),
      recursiveLoop: props.recursiveLoop ?? lambda.RecursiveLoop.TERMINATE,
    });
    // Statements added straight to the policy (not through a grant) must exist before the function.
    fn.node.addDependency(role);
    if (this.powertoolsLayer && this.runtime?.family === lambda.RuntimeFamily.NODEJS) {
      // The layer provides them: a bundled entry requires them at run time (no effect on other code).
      provideModulesFromLayer(fn, POWERTOOLS_LAYER_MODULES);
    }
    if (role.xrayPolicy) {
      // The shared X-Ray policy lives at the stack's root, outside the role.
      fn.node.addDependency(role.xrayPolicy);
    }
    if (monitoring) {
      // The extension writes from the first invocation on.
      fn.node.addDependency(monitoring.policy);
    }
    return fn;
  }

  /** Lambda Managed Instances (`capacity`): the capacity provider the function runs on, if any. */
  private configureCapacity(props: ServerlessFunctionProps, s: CheckedSettings): lambda.ICapacityProvider | undefined {
    if (!props.capacity) {
      return undefined;
    }
    return configureManagedInstances(this, {
      options: props.capacity,
      fn: this.unqualifiedFunction,
      version: this.version,
      vpc: props.vpc,
      subnets: s.subnets,
      architecture: this.architecture,
    });
  }

  /**
   * The official Powertools layer for the checked runtime, architecture and Region (docs/powertools.md), and a
   * bundled Node.js entry leaves the modules it provides out of the bundle.
   */
  private createPowertoolsLayer(props: ServerlessFunctionProps): lambda.ILayerVersion | undefined {
    const p = props.powertools;
    if (!p || p.layer === false || !this.runtime) {
      return undefined;
    }
    const kind = powertoolsLayerKind(this.runtime, this.architecture);
    if (typeof kind === 'string') {
      throw new Error(`unreachable: ${kind} (checked before)`);
    }
    const arn = powertoolsLayerArn(kind, Stack.of(this).region, p.layerVersion);
    return lambda.LayerVersion.fromLayerVersionArn(this, 'PowertoolsLayer', arn);
  }

  /**
   * The function's layers: the Powertools layer first (a layer of yours may then override its files), then yours,
   * then the one of `enhancedMonitoring`.
   */
  private layersOf(s: CheckedSettings, monitoring?: EnhancedMonitoringConfig): lambda.ILayerVersion[] | undefined {
    const layers = [
      ...(this.powertoolsLayer ? [this.powertoolsLayer] : []),
      ...s.layers.map((l) => l.layerVersion),
      ...(monitoring ? [monitoring.layer] : []),
    ];
    return layers.length > 0 ? layers : undefined;
  }

  /** The plain variables, those of `powertools` and `enhancedMonitoring`, and the secrets' references, bound to the role. */
  private environmentOf(
    props: ServerlessFunctionProps, role: FunctionRole, added: { readonly [key: string]: string } = {},
  ): { [key: string]: string } | undefined {
    const environment: { [key: string]: string } = { ...props.environment, ...this.powertoolsEnvironment(props, role), ...added };
    // Bound in name order: a Java Map.of or HashMap iterates in an order that changes between runs,
    // and the grants' statement order would follow it into the template.
    const secrets = Object.entries(props.secrets ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, secret] of secrets) {
      environment[name] = secret.bind(role);
    }
    return Object.keys(environment).length > 0 ? environment : undefined;
  }

  /** The variables of the `powertools` option (log level excepted), and the idempotency table's grant. */
  private powertoolsEnvironment(props: ServerlessFunctionProps, role: FunctionRole): { [key: string]: string } {
    const p = props.powertools;
    if (!p) {
      return {};
    }
    const serviceName = p.serviceName ?? props.functionName ?? this.node.id;
    const environment: { [key: string]: string } = {
      [POWERTOOLS_SERVICE_NAME]: serviceName,
      [POWERTOOLS_METRICS_NAMESPACE]: p.metricsNamespace ?? serviceName,
    };
    if (p.idempotencyTable) {
      p.idempotencyTable.grantIdempotency(role);
      environment[IdempotencyTable.TABLE_NAME_VARIABLE] = p.idempotencyTable.tableName;
    }
    return environment;
  }

  private configureSnapStart(props: ServerlessFunctionProps): void {
    if (props.snapStart) {
      Annotations.of(this.unqualifiedFunction).acknowledgeWarning('@aws-cdk/aws-lambda:snapStartRequirePublish',
        'the library always publishes a version, and the live alias (every trigger) invokes it');
    }
  }

  private createAlias(props: ServerlessFunctionProps): lambda.Alias {
    return new lambda.Alias(this, 'LiveAlias', {
      aliasName: LIVE_ALIAS_NAME,
      version: this.version,
      provisionedConcurrentExecutions: props.provisionedConcurrency?.minCapacity,
    });
  }

  private createAlarms(props: ServerlessFunctionProps, watch: DeadLetterQueueWatch): FunctionAlarms {
    return FunctionAlarms._checked(this, 'Alarms', {
      function: this.unqualifiedFunction,
      alias: this.alias,
      timeout: this.timeout,
      alarmTopic: this.alarmTopic,
      provisionedConcurrency: props.provisionedConcurrency !== undefined,
      options: props.alarms,
      deadLetterQueue: watch.byFunctionAlarms ? this.deadLetterQueue : undefined,
      separateRollbackAlarms: props.deployment !== undefined,
    }, fleetFor(this));
  }

  private createEventInvokeConfig(props: ServerlessFunctionProps): lambda.EventInvokeConfig | undefined {
    if ([props.retryAttempts, props.maxEventAge, props.onFailure, props.onSuccess].every((x) => x === undefined)) {
      return undefined;
    }
    const config = new lambda.EventInvokeConfig(this, 'AsyncInvokeConfig', {
      function: this.unqualifiedFunction,
      qualifier: LIVE_ALIAS_NAME,
      retryAttempts: props.retryAttempts,
      maxEventAge: props.maxEventAge,
      onFailure: props.onFailure?.destination,
      onSuccess: props.onSuccess?.destination,
    });
    config.node.addDependency(this.alias);
    if (!props.onFailure) {
      acknowledge(config, FunctionAcknowledgement.ASYNC_FAILURES_IN_DLQ);
    }
    return config;
  }

  /**
   * The findings a template cannot avoid (see the README). The `Resource: *` actions X-Ray and VPC
   * functions need are acknowledged on the role's own policy for them (see FunctionRole). What only
   * the user can decide (no VPC, no reserved concurrency) is not acknowledged here: see
   * `Blueprints.acknowledgeUserDecisions`.
   */
  private acknowledgeFindings(props: ServerlessFunctionProps): void {
    // Always: variables may also be added after construction (e.g. by bundling or by the user).
    acknowledge(this.unqualifiedFunction, FunctionAcknowledgement.PLAIN_ENVIRONMENT);
    acknowledge(this.unqualifiedFunction, FunctionAcknowledgement.OWN_LOG_GROUP);
    acknowledge(this.unqualifiedFunction, FunctionAcknowledgement.ROLE_DEPENDENCY);
    // cdk-nag's latest-runtime rules, where an option runs on no newer runtime than this one.
    const runtime = this.runtime;
    if (runtime && !LatestRuntime.isLatest(runtime)) {
      if (props.durable && isNewestDurableRuntime(runtime)) {
        acknowledge(this.unqualifiedFunction, FunctionAcknowledgement.DURABLE_NEWEST_SUPPORTED_RUNTIME);
      } else if (this.powertoolsLayer && isNewestPowertoolsPython(runtime)) {
        acknowledge(this.unqualifiedFunction, FunctionAcknowledgement.POWERTOOLS_NEWEST_SUPPORTED_RUNTIME);
      }
    }
  }
}

/** The props of functions whose owner checked their options, until the constructor reads them. */
const CHECKED_OPTIONS = new WeakSet<ServerlessFunctionProps>();

/** The checked settings the build steps use. */
interface CheckedSettings extends ResolvedFunctionSettings {
  readonly code: CodeCheck;
  readonly timeout: Duration;
  readonly ephemeralStorageSize: Size;
  readonly subnets?: ec2.SubnetSelection;
}

/** The Trigger factory matching an aws-cdk-lib event source class. */
function triggerFor(eventSourceClass: string): string {
  const known: { [name: string]: string } = {
    SqsEventSource: 'Trigger.sqs(queue, options)',
    KinesisEventSource: 'Trigger.kinesis(stream, options)',
    DynamoEventSource: 'Trigger.dynamoDbStream(table, options)',
    S3EventSource: 'Trigger.s3(bucket, options)',
    S3EventSourceV2: 'Trigger.s3(bucket, options)',
    SnsEventSource: 'Trigger.sns(topic, options)',
    ApiEventSource: 'Trigger.httpApi(options)',
  };
  return known[eventSourceClass]
    ?? 'the matching Trigger factory (Trigger.sqs, kinesis, dynamoDbStream, s3, sns, schedule, eventRule, httpApi, functionUrl, alb); for another source, bind it to fn.alias and give it a failure destination yourself';
}

function latestOfFamily(family: lambda.RuntimeFamily | undefined): lambda.Runtime {
  return family === undefined ? LatestRuntime.NODEJS : LatestRuntime.of(family);
}
