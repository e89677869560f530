import { Duration, Names, RemovalPolicy, Size, SizeRoundingBehavior, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';
import { edgeLimits, isViewer, validateEdge } from './private/validate-edge';
import { acknowledge, acknowledgeResourceWildcards } from '../acknowledgements/acknowledge';
import { EdgeAcknowledgement, FunctionAcknowledgement, ResourceWildcardAcknowledgement } from '../acknowledgements/acknowledgements';
import { FunctionCodeConfig } from '../code/function-code';
import { LatestRuntime } from '../code/latest-runtime';
import { allowLogsToUseKey, blueprintKey } from '../encryption/blueprint-key';
import { FunctionRole } from '../function/function-role';
import { ServerlessFunctionProps } from '../function/serverless-function-props';
import { DEFAULT_HANDLER, validateFunction } from '../function/validate-function';
import { BlueprintValidationError, Problem } from '../validation/blueprint-error';
import { ConstructionGuard } from '../validation/construction-guard';
import { ErrorCodes } from '../validation/error-codes';
import { PROP_SHAPES } from '../validation/prop-shapes.generated';
import { checkShape, PropShape } from '../validation/prop-types';
import { noteSynchronousInvoker } from '../validation/sync-note';
import { Validator } from '../validation/validator';

/**
 * Properties of an {@link EdgeFunction}: the `ServerlessFunction` properties, of which Lambda@Edge
 * refuses several (each refused at synth with an `LBP_EDGE_*` code), plus the CloudFront events the
 * function will handle, which set its limits.
 *
 * Defaults differ from `ServerlessFunction` where Lambda@Edge requires it: x86_64, 128 MB, a timeout of
 * 5 s (viewer events) or 30 s (origin events only), no X-Ray, no dead-letter queue, no alias.
 */
export interface EdgeFunctionProps extends ServerlessFunctionProps {
  /**
   * The CloudFront events the function will be associated with. Viewer events allow 128 MB, 5 s and
   * a 1 MB package; origin events up to 10,240 MB, 30 s and 50 MB.
   */
  readonly eventTypes: cloudfront.LambdaEdgeEventType[];

  /**
   * What happens to the function when it leaves the stack. CloudFront's replicas of a function are
   * deleted hours after its last association is removed, and until then Lambda refuses to delete it
   * ("unable to delete ... because it is a replicated function"), so a stack deletion would fail.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Options of an association between an {@link EdgeFunction} and a cache behaviour.
 */
export interface EdgeAssociationOptions {
  /**
   * Exposes the request body to the function (viewer-request and origin-request events only).
   *
   * @default false
   */
  readonly includeBody?: boolean;
}

/** The settings of an EdgeFunction, with their defaults, once checked. */
interface EdgeFunctionSettings {
  readonly eventTypes: cloudfront.LambdaEdgeEventType[];
  readonly architecture: lambda.Architecture;
  readonly timeout: Duration;
  readonly memorySize: number;
  readonly ephemeralStorageSize: Size;
  readonly codeConfig: FunctionCodeConfig;
  readonly runtime?: lambda.Runtime;
}

/** The types of `EdgeFunctionProps`. */
const EDGE_FUNCTION_PROPS_SHAPE: PropShape = PROP_SHAPES.EdgeFunctionProps;

/**
 * A Lambda@Edge function with the library's defaults where Lambda@Edge allows them: an owned,
 * KMS-encrypted JSON log group with retention, a role whose grants land in one customer-managed policy
 * (trusted by `lambda.amazonaws.com` and `edgelambda.amazonaws.com`), the newest Node.js runtime, and
 * a published numbered version for CloudFront. Everything Lambda@Edge does not support is refused at
 * synth with a coded error: a Region other than us-east-1, arm64, environment variables and secrets,
 * dead-letter queues and async settings, VPC, layers, provisioned and reserved concurrency, container
 * images, X-Ray, alias deployments, more than 512 MB of ephemeral storage, and memory, timeout and
 * zipped package size above the quota of the declared event types.
 *
 * Associate it with a cache behaviour through `association(eventType)`.
 *
 * @exampleMetadata fixture=api
 * @example
 * const rewrite = new EdgeFunction(this, 'Rewrite', {
 *   code: FunctionCode.fromAsset('edge/rewrite'),
 *   eventTypes: [cloudfront.LambdaEdgeEventType.VIEWER_REQUEST],
 * });
 * new cloudfront.Distribution(this, 'Cdn', {
 *   defaultBehavior: { origin, edgeLambdas: [rewrite.association(cloudfront.LambdaEdgeEventType.VIEWER_REQUEST)] },
 * });
 */
export class EdgeFunction extends Construct {
  /** The Lambda function (CloudFront invokes its numbered `version`, never this). */
  public readonly unqualifiedFunction: lambda.Function;

  /** The published numbered version CloudFront replicates and invokes. */
  public readonly version: lambda.IVersion;

  /** The execution role (trusted by Lambda and Lambda@Edge). */
  public readonly role: iam.IRole;

  /** The customer-managed policy that holds every grant of the role. */
  public readonly policy: iam.ManagedPolicy;

  /** The function's log group in us-east-1 (replicas log to a group of the same name in the Region where they run). */
  public readonly logGroup: logs.ILogGroup;

  /** The CloudFront events the function was checked for. */
  public readonly eventTypes: cloudfront.LambdaEdgeEventType[];

  /** The function timeout. */
  public readonly timeout: Duration;

  /** The memory size in MB. */
  public readonly memorySize: number;

  /** The runtime (undefined only for inline code of an unknown family). */
  public readonly runtime?: lambda.Runtime;

  constructor(scope: Construct, id: string, props: EdgeFunctionProps) {
    super(scope, id);
    const guard = ConstructionGuard.forConstructor(this);
    try {
      // ---- types first (JavaScript and Python callers), then every other check
      const settings = this.validate(props);
      this.eventTypes = settings.eventTypes;
      this.timeout = settings.timeout;
      this.memorySize = settings.memorySize;
      this.runtime = settings.runtime;

      // ---- role: one managed policy, trusted by Lambda and by Lambda@Edge's replication
      const role = this.createRole(props);
      this.role = role;
      this.policy = role.policy;

      // ---- log group: named, so replicas write to a group of the same name in their Region
      this.logGroup = this.createLogGroup(props, role);

      // ---- the function and its numbered version
      this.unqualifiedFunction = this.createFunction(props, settings, role);
      this.version = this.unqualifiedFunction.currentVersion;

      // ---- what Lambda@Edge does not support, acknowledged with the reason
      this.acknowledgeUnsupported();
    } catch (error) {
      throw guard.fail(error);
    }
  }

  /** Checks the types, then every rule of a function and of Lambda@Edge, and returns the settings with their defaults. */
  private validate(props: EdgeFunctionProps): EdgeFunctionSettings {
    const types = new Validator(this);
    if (!checkShape(types, '', props, EDGE_FUNCTION_PROPS_SHAPE)) {
      types.throwIfAny();
    }
    const eventTypes = [...props.eventTypes];
    const limits = edgeLimits(eventTypes);
    const architecture = props.architecture ?? lambda.Architecture.X86_64;
    const timeout = props.timeout ?? Duration.seconds(limits.maxTimeoutSeconds);
    const memorySize = props.memorySize ?? 128;
    const ephemeralStorageSize = props.ephemeralStorageSize ?? Size.mebibytes(512);
    const codeConfig = props.code.bind(this, architecture);
    const runtime = codeConfig.isImage ? undefined : (props.runtime ?? LatestRuntime.of(codeConfig.runtimeFamily ?? lambda.RuntimeFamily.NODEJS));

    const v = new Validator(this);
    const timeoutSeconds = timeout.isUnresolved() ? undefined : timeout.toSeconds({ integral: false });
    const ephemeralStorageMb = ephemeralStorageSize.isUnresolved()
      ? undefined
      : ephemeralStorageSize.toMebibytes({ rounding: SizeRoundingBehavior.NONE });
    validateFunction(v, { ...props, layers: undefined, provisionedConcurrency: undefined }, {
      memorySize,
      timeoutSeconds,
      ephemeralStorageMb,
      runtime,
      architecture,
      code: codeConfig,
      layers: [],
    });
    validateEdge(v, this, props, {
      eventTypes,
      architecture,
      memorySize,
      timeoutSeconds,
      ephemeralStorageMb,
      runtime,
      code: codeConfig,
    });
    v.throwIfAny();
    return { eventTypes, architecture, timeout, memorySize, ephemeralStorageSize, codeConfig, runtime };
  }

  /** The role: one managed policy, trusted by Lambda and by Lambda@Edge's replication. */
  private createRole(props: EdgeFunctionProps): FunctionRole {
    const role = new FunctionRole(this, 'Role', `the Lambda@Edge function ${this.node.path}`);
    role.assumeRolePolicy?.addStatements(new iam.PolicyStatement({
      actions: ['sts:AssumeRole'],
      principals: [new iam.ServicePrincipal('edgelambda.amazonaws.com')],
    }));
    for (const statement of props.initialPolicy ?? []) {
      role.addToPrincipalPolicy(statement);
    }
    return role;
  }

  /** The log group, named so that replicas write to a group of the same name in their Region, and the role's right to it. */
  private createLogGroup(props: EdgeFunctionProps, role: FunctionRole): logs.ILogGroup {
    const stack = Stack.of(this);
    const logGroupName = `/lambda-edge/${Names.uniqueResourceName(this, { maxLength: 200, separator: '-' })}`;
    const encryptionKey = props.logEncryptionKey ?? blueprintKey(this);
    allowLogsToUseKey(encryptionKey);
    const logGroup = new logs.LogGroup(this, 'LogGroup', {
      logGroupName,
      retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
      encryptionKey,
    });
    // Replicas run in every Region; without CreateLogGroup there, they would log nowhere. The partition
    // is a literal (us-east-1 is checked above), so the finding id can name the resource.
    const partition = RegionInfo.get(stack.region).partition ?? 'aws';
    const everyRegion = `arn:${partition}:logs:*:*:log-group:${logGroupName}:*`;
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      sid: 'WriteOwnLogGroupInEveryRegion',
      actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [logGroup.logGroupArn, everyRegion],
    }));
    acknowledgeResourceWildcards(role.policy, ResourceWildcardAcknowledgement.EDGE_LOG_GROUP_IN_EVERY_REGION, [everyRegion]);
    return logGroup;
  }

  /** The function, retained with its numbered versions. */
  private createFunction(props: EdgeFunctionProps, settings: EdgeFunctionSettings, role: FunctionRole): lambda.Function {
    const fn = new lambda.Function(this, 'Function', {
      code: settings.codeConfig.code,
      handler: props.handler ?? settings.codeConfig.handler ?? DEFAULT_HANDLER,
      runtime: settings.runtime!,
      architecture: settings.architecture,
      memorySize: settings.memorySize,
      timeout: settings.timeout,
      ephemeralStorageSize: settings.ephemeralStorageSize,
      description: props.description,
      functionName: props.functionName,
      role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: props.applicationLogLevel ?? lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: props.systemLogLevel ?? lambda.SystemLogLevel.INFO,
      currentVersionOptions: { removalPolicy: RemovalPolicy.RETAIN },
    });
    fn.node.addDependency(role.policy);
    fn.applyRemovalPolicy(props.removalPolicy ?? RemovalPolicy.RETAIN);
    return fn;
  }

  /** What Lambda@Edge does not support, acknowledged on the function with the reason, and the synchronous-invoker note. */
  private acknowledgeUnsupported(): void {
    acknowledge(this.unqualifiedFunction, EdgeAcknowledgement.NO_DLQ);
    acknowledge(this.unqualifiedFunction, EdgeAcknowledgement.NO_TRACING);
    acknowledge(this.unqualifiedFunction, EdgeAcknowledgement.NO_VPC);
    acknowledge(this.unqualifiedFunction, EdgeAcknowledgement.NO_CONCURRENCY);
    acknowledge(this.unqualifiedFunction, FunctionAcknowledgement.OWN_LOG_GROUP);
    acknowledge(this.unqualifiedFunction, FunctionAcknowledgement.ROLE_DEPENDENCY);
    noteSynchronousInvoker(this.unqualifiedFunction, 'CloudFront distribution (Lambda@Edge)', 'the viewer receives a 502 or 503');
  }

  /**
   * The association of this function's version with a cache behaviour, for `edgeLambdas` of a
   * `cloudfront.Distribution` behaviour. The event type must be one of `eventTypes`.
   *
   * @param eventType the CloudFront event
   * @param options whether to include the body
   */
  public association(eventType: cloudfront.LambdaEdgeEventType, options: EdgeAssociationOptions = {}): cloudfront.EdgeLambda {
    const problems: Problem[] = [];
    if (!this.eventTypes.includes(eventType)) {
      problems.push({
        code: ErrorCodes.LBP_EDGE_EVENT_TYPE,
        property: 'eventType',
        value: eventType,
        limit: `the function was checked for ${this.eventTypes.join(', ')} only (each event type has its own memory, timeout and size limits)`,
        fix: `add ${eventType} to eventTypes`,
      });
    }
    const bodyAllowed = eventType === cloudfront.LambdaEdgeEventType.VIEWER_REQUEST || eventType === cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST;
    if (options.includeBody === true && !bodyAllowed) {
      problems.push({
        code: ErrorCodes.LBP_EDGE_EVENT_TYPE,
        property: 'includeBody',
        value: `true for ${eventType}`,
        limit: 'only viewer-request and origin-request events can include the request body',
        fix: 'remove includeBody',
      });
    }
    if (problems.length > 0) {
      // Not Validator.throwIfAny: that removes its (still empty) scope, and this function already exists.
      throw new BlueprintValidationError(this, problems);
    }
    return { functionVersion: this.version, eventType, includeBody: options.includeBody };
  }

  /** Whether the function handles a viewer event (the stricter limits). */
  public get handlesViewerEvents(): boolean {
    return this.eventTypes.some((e) => isViewer(e));
  }
}
