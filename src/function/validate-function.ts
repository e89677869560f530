import { SecretValue, SizeRoundingBehavior, Token, Tokenization } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { checkSecurityGroupCount } from './function-vpc';
import { checkHandlerFile } from './private/handler-file';
import { IMAGE_SNAPSTART_CDK_VERSION, installedCdkAcceptsImageSnapStart, installedCdkVersion } from './private/image-snapstart';
import { ServerlessFunctionOptions, ServerlessFunctionProps } from './serverless-function-props';
import { FunctionCodeConfig } from '../code/function-code';
import { peakProvisionedConcurrency } from '../concurrency/peak-provisioned-concurrency';
import { functionRollbackAlarmCount } from '../deployment/private/deployment-config-checks';
import { validateDeploymentOptions } from '../deployment/private/validate-deployment-options';
import { IFunctionLayer, UNZIPPED_BUDGET_BYTES } from '../layers/function-layer';
import { megabytes } from '../layers/megabytes';
import { validateAlarmOptions } from '../observability/private/validate-alarm-options';
import { checkName, NAME_RULES } from '../validation/aws-names';
import { ErrorCodes } from '../validation/error-codes';
import { PROP_SHAPES } from '../validation/prop-shapes.generated';
import { PropShape } from '../validation/prop-types';
import { isConcrete, Validator } from '../validation/validator';

/** Lambda's limit on the environment: 4 KB for all keys and values together. @internal */
export const ENVIRONMENT_BUDGET_BYTES = 4096;

/** Environment variable names Lambda reserves for itself. @internal */
export const RESERVED_ENVIRONMENT_VARIABLES = new Set([
  '_HANDLER', '_X_AMZN_TRACE_ID', 'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME', 'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE', 'AWS_LAMBDA_LOG_GROUP_NAME', 'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR',
]);

/** The retention periods CloudWatch Logs accepts (PutRetentionPolicy), and INFINITE. */
const LOG_RETENTION_DAYS = new Set<number>(Object.values(logs.RetentionDays).filter((x): x is number => typeof x === 'number'));

function nearestRetention(days: number): string {
  const allowed = [...LOG_RETENTION_DAYS].filter((d) => d !== logs.RetentionDays.INFINITE).sort((a, b) => a - b);
  const next = allowed.find((d) => d >= days) ?? allowed[allowed.length - 1];
  return logs.RetentionDays[next as logs.RetentionDays];
}

const ENV_KEY = /^[a-zA-Z][a-zA-Z0-9_]+$/;
const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * The types of `ServerlessFunctionOptions` (checked before anything else, so a wrongly typed value
 * from JavaScript or Python is a coded error, never a `TypeError`). Reused by the patterns under
 * `functionOptions`.
 *
 * @internal
 */
export const FUNCTION_OPTIONS_SHAPE: PropShape = PROP_SHAPES.ServerlessFunctionOptions;

/** The types of `ServerlessFunctionProps`. @internal */
export const FUNCTION_PROPS_SHAPE: PropShape = PROP_SHAPES.ServerlessFunctionProps;

/** The settings the option checks look at (undefined: not set, or an unresolved token). @internal */
export interface FunctionOptionSettings {
  readonly memorySize: number | undefined;
  readonly timeoutSeconds: number | undefined;
  readonly ephemeralStorageMb: number | undefined;
}

/**
 * The option settings as given (a pattern checks its `functionOptions` with them, before its function
 * exists; the defaults the function applies are all valid).
 *
 * @internal
 */
export function givenOptionSettings(options: ServerlessFunctionOptions): FunctionOptionSettings {
  const t = options.timeout;
  const e = options.ephemeralStorageSize;
  return {
    memorySize: options.memorySize,
    timeoutSeconds: t === undefined || t.isUnresolved() ? undefined : t.toSeconds({ integral: false }),
    ephemeralStorageMb: e === undefined || e.isUnresolved() ? undefined : e.toMebibytes({ rounding: SizeRoundingBehavior.NONE }),
  };
}

/** The resolved settings the checks look at. @internal */
export interface ResolvedFunctionSettings extends FunctionOptionSettings {
  readonly memorySize: number;
  readonly runtime: lambda.Runtime | undefined;
  readonly architecture: lambda.Architecture;
  readonly code: FunctionCodeConfig;
  readonly layers: IFunctionLayer[];
}

/**
 * Every synth-time check of a ServerlessFunction's own props. Records problems on `v`; the caller
 * throws once. Unresolved tokens are skipped.
 *
 * @internal
 */
export function validateFunction(v: Validator, props: ServerlessFunctionProps, s: ResolvedFunctionSettings): void {
  validateFunctionOptions(v, props, s);
  validateCode(v, props, s);
  validateLayers(v, s);
  validateSnapStartCode(v, props, s);
}

/**
 * The checks of a ServerlessFunction's options that need neither its code nor its runtime: run by the
 * function itself (from {@link validateFunction}) and by the patterns on their `functionOptions`,
 * before anything is created. Records problems on `v`; the caller throws once.
 *
 * @internal
 */
export function validateFunctionOptions(v: Validator, props: ServerlessFunctionOptions, s: FunctionOptionSettings): void {
  v.range(ErrorCodes.LBP_MEMORY_SIZE, 'memorySize', s.memorySize, 128, 10_240, {
    unit: 'MB', integer: true, source: 'Lambda quota',
  });
  v.range(ErrorCodes.LBP_TIMEOUT, 'timeout', s.timeoutSeconds, 1, 900, {
    unit: 'seconds',
    integer: true,
    source: 'Lambda allows at most 15 minutes',
    fix: 'set timeout between Duration.seconds(1) and Duration.minutes(15); move longer work to Step Functions or ECS',
  });
  v.range(ErrorCodes.LBP_EPHEMERAL_STORAGE, 'ephemeralStorageSize', s.ephemeralStorageMb, 512, 10_240, {
    unit: 'MB', integer: true, source: 'Lambda quota',
  });

  if (isConcrete(props.description) && props.description.length > 256) {
    v.fail({
      code: ErrorCodes.LBP_DESCRIPTION,
      property: 'description',
      value: `${props.description.length} characters long`,
      limit: 'Lambda allows at most 256 characters',
      fix: 'shorten the description',
    });
  }
  if (isConcrete(props.functionName) && !FUNCTION_NAME.test(props.functionName)) {
    v.fail({
      code: ErrorCodes.LBP_FUNCTION_NAME,
      property: 'functionName',
      value: `'${props.functionName}'`,
      limit: 'a function name has 1 to 64 characters, each a letter, digit, hyphen or underscore',
      fix: 'rename the function, or leave functionName unset to let CloudFormation generate one',
    });
  }

  checkName(v, ErrorCodes.LBP_HANDLER, 'handler', props.handler, NAME_RULES.handler);
  const retention = props.logRetention;
  if (isConcrete(retention) && !LOG_RETENTION_DAYS.has(retention)) {
    v.fail({
      code: ErrorCodes.LBP_LOG_RETENTION,
      property: 'logRetention',
      value: `${retention} days`,
      limit: `CloudWatch Logs keeps logs for one of ${[...LOG_RETENTION_DAYS].filter((d) => d !== logs.RetentionDays.INFINITE).join(', ')} days, or forever`,
      fix: `use a logs.RetentionDays value, e.g. RetentionDays.${nearestRetention(retention)}`,
    });
  }
  validateEnvironment(v, props);
  for (const [property, value] of [['vpcSubnets', props.vpcSubnets], ['securityGroups', props.securityGroups]] as const) {
    v.failIf(value !== undefined && props.vpc === undefined, {
      code: ErrorCodes.LBP_VPC_REQUIRED,
      property,
      value: 'set without vpc',
      limit: `${property} only applies to a function attached to a VPC: without vpc it would be silently ignored`,
      fix: `pass vpc as well, or remove ${property}`,
    });
  }
  checkSecurityGroupCount(v, props.securityGroups);
  validateConcurrency(v, props);
  validateAsync(v, props);
  validateSnapStartOptions(v, props, s);
  validateAlarmOptions(v, 'alarms', props.alarms, props.provisionedConcurrency !== undefined);
  if (props.deployment) {
    validateDeploymentOptions(v, 'deployment', props.deployment, {
      scope: v.scope,
      // The duration alarm needs a concrete timeout (the default one is).
      functionAlarmCount: functionRollbackAlarmCount(props.alarms, props.timeout === undefined || !props.timeout.isUnresolved()),
    });
  }
}

/** The handler when neither the props nor the code name one. @internal */
export const DEFAULT_HANDLER = 'index.handler';

const SNAPSTART_PAGE = 'see https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html';

/** Where Lambda refuses SnapStart for the code or runtime (https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html). */
function validateSnapStartCode(v: Validator, props: ServerlessFunctionProps, s: ResolvedFunctionSettings): void {
  if (props.snapStart !== true) {
    return;
  }
  if (s.code.isImage) {
    // AWS supports SnapStart on container images since July 2026; aws-cdk-lib lets it through from 2.267.
    v.failIf(!installedCdkAcceptsImageSnapStart(), {
      code: ErrorCodes.LBP_SNAPSTART_IMAGE,
      property: 'snapStart',
      value: `true on a container-image function with aws-cdk-lib ${installedCdkVersion()}`,
      limit: `Lambda supports SnapStart on container images, but this aws-cdk-lib refuses it; aws-cdk-lib ${IMAGE_SNAPSTART_CDK_VERSION} or newer accepts it (${SNAPSTART_PAGE})`,
      fix: `upgrade aws-cdk-lib to ${IMAGE_SNAPSTART_CDK_VERSION} or newer, deploy the code as a zip (FunctionCode.fromAsset / fromPythonProject) on a supported runtime, or remove snapStart`,
    });
  } else if (s.runtime && !s.runtime.supportsSnapStart) {
    v.fail({
      code: ErrorCodes.LBP_SNAPSTART_RUNTIME,
      property: 'snapStart',
      value: `true on ${s.runtime.name}`,
      limit: `SnapStart supports the Java 11+, Python 3.12+ and .NET 8+ managed runtimes only (${SNAPSTART_PAGE})`,
      fix: 'set runtime to one of them (e.g. Runtime.JAVA_21 or LatestRuntime.PYTHON), or remove snapStart (provisioned concurrency also removes cold starts)',
    });
  }
}

/** Where Lambda refuses SnapStart together with other settings. */
function validateSnapStartOptions(v: Validator, props: ServerlessFunctionOptions, s: FunctionOptionSettings): void {
  if (props.snapStart !== true) {
    return;
  }
  if (props.provisionedConcurrency) {
    v.fail({
      code: ErrorCodes.LBP_SNAPSTART_PROVISIONED_CONCURRENCY,
      property: 'snapStart',
      value: 'true with provisionedConcurrency',
      limit: `Lambda does not support SnapStart together with provisioned concurrency (${SNAPSTART_PAGE})`,
      fix: 'choose one: remove provisionedConcurrency, or remove snapStart',
    });
  }
  if (s.ephemeralStorageMb !== undefined && s.ephemeralStorageMb > 512) {
    v.fail({
      code: ErrorCodes.LBP_SNAPSTART_EPHEMERAL_STORAGE,
      property: 'snapStart',
      value: `true with ephemeralStorageSize ${s.ephemeralStorageMb} MB`,
      limit: `SnapStart supports at most 512 MB of ephemeral storage (${SNAPSTART_PAGE})`,
      fix: 'set ephemeralStorageSize to Size.mebibytes(512) (the default), or remove snapStart',
    });
  }
}

function validateEnvironment(v: Validator, props: ServerlessFunctionOptions): void {
  const env = props.environment ?? {};
  const secretNames = Object.keys(props.secrets ?? {});
  for (const [name, secret] of Object.entries(props.secrets ?? {})) {
    v.failIf(secret._typeProblem !== undefined || typeof secret.bind !== 'function', {
      code: ErrorCodes.LBP_PROP_TYPE,
      property: `secrets['${name}']`,
      value: secret._typeProblem ?? `${typeof secret} where a FunctionSecret is expected`,
      limit: 'a secret is passed by reference, made by a FunctionSecret factory from a secret or parameter',
      fix: `pass e.g. FunctionSecret.fromSecretsManager(secret) as secrets['${name}']`,
    });
  }
  for (const key of [...Object.keys(env), ...secretNames]) {
    if (Token.isUnresolved(key)) {
      continue;
    }
    if (!ENV_KEY.test(key)) {
      v.fail({
        code: ErrorCodes.LBP_ENV_KEY,
        property: `environment key '${key}'`,
        value: 'not a valid name',
        limit: 'Lambda requires names matching [a-zA-Z][a-zA-Z0-9_]+ (a letter, then at least one letter, digit or underscore)',
        fix: `rename it, e.g. '${suggestKey(key)}'`,
      });
    } else if (RESERVED_ENVIRONMENT_VARIABLES.has(key)) {
      v.fail({
        code: ErrorCodes.LBP_ENV_RESERVED,
        property: `environment key '${key}'`,
        value: 'reserved by Lambda',
        limit: 'Lambda sets this variable itself and rejects functions that define it',
        fix: 'use another name; the runtime already provides this value',
      });
    }
  }
  for (const [key, value] of Object.entries(env)) {
    if (typeof value === 'string' && holdsSecretValue(value)) {
      v.fail({
        code: ErrorCodes.LBP_ENV_SECRET_VALUE,
        property: `environment.${key}`,
        value: 'a secret\'s value (a {{resolve:secretsmanager:...}} / {{resolve:ssm-secure:...}} reference or a SecretValue)',
        limit: 'secrets are passed by reference, never as values: a plain variable shows the secret to anyone who can read the function\'s configuration',
        fix: `pass it through secrets: { ${key}: FunctionSecret.fromSecretsManager(secret) } and read the value at run time`,
      });
    }
  }
  for (const key of secretNames) {
    if (key in env) {
      v.fail({
        code: ErrorCodes.LBP_ENV_DUPLICATE,
        property: `secrets['${key}']`,
        value: 'also set in environment',
        limit: 'one variable cannot hold both a plain value and a secret reference',
        fix: `remove '${key}' from environment or from secrets`,
      });
    }
  }
  const bytes = serializedEnvironmentBytes(env, secretNames);
  if (bytes > ENVIRONMENT_BUDGET_BYTES) {
    v.fail({
      code: ErrorCodes.LBP_ENV_SIZE,
      property: 'environment',
      value: `${bytes} bytes as Lambda measures it (the JSON of the variables, not counting the values of unresolved tokens)`,
      limit: `Lambda allows at most ${ENVIRONMENT_BUDGET_BYTES} bytes for all variables together`,
      fix: 'move large values to SSM parameters or Secrets Manager (see `secrets`), or into the code',
    });
  }
}

/**
 * The size Lambda checks against 4 KB: the JSON of the Variables map (`{"KEY":"value",...}`, UTF-8),
 * as its error message shows ("String measured: {...}"). Unresolved values and the secrets' values
 * (names or ARNs, known only at deploy time) count as empty strings.
 *
 * @internal
 */
export function serializedEnvironmentBytes(env: { [key: string]: string }, secretNames: string[] = []): number {
  const measured: { [key: string]: string } = {};
  for (const [key, value] of Object.entries(env)) {
    if (!Token.isUnresolved(key)) {
      measured[key] = typeof value === 'string' && !Token.isUnresolved(value) ? value : '';
    }
  }
  for (const key of secretNames) {
    measured[key] ??= '';
  }
  return Object.keys(measured).length === 0 ? 0 : Buffer.byteLength(JSON.stringify(measured), 'utf8');
}

/** Whether a variable's value is (or embeds) a secret's value rather than a reference to it. */
function holdsSecretValue(value: string): boolean {
  if (/\{\{resolve:(secretsmanager|ssm-secure):/.test(value)) {
    return true;
  }
  if (!Token.isUnresolved(value)) {
    return false;
  }
  const fragments = Tokenization.reverseString(value);
  return fragments.tokens.some((t) => t instanceof SecretValue || /\{\{resolve:(secretsmanager|ssm-secure):/.test(String((t as { value?: unknown }).value ?? '')));
}

function suggestKey(key: string): string {
  const cleaned = key.replace(/[^a-zA-Z0-9_]/g, '_').replace(/^[^a-zA-Z]+/, '');
  return cleaned.length >= 2 ? cleaned.toUpperCase() : 'MY_SETTING';
}

function validateCode(v: Validator, props: ServerlessFunctionProps, s: ResolvedFunctionSettings): void {
  if (s.code.isImage) {
    const imageOnly = (property: string, value: unknown) => v.failIf(value !== undefined, {
      code: ErrorCodes.LBP_IMAGE_SETTING,
      property,
      value: 'set for a container-image function',
      limit: 'a container image brings its own handler and runtime, and Lambda refuses layers on it',
      fix: `remove ${property}; put it in the image (CMD / base image / COPY) instead`,
    });
    imageOnly('handler', props.handler);
    imageOnly('runtime', props.runtime);
    v.failIf((props.layers?.length ?? 0) > 0, {
      code: ErrorCodes.LBP_LAYER_ON_IMAGE,
      property: 'layers',
      value: `${props.layers?.length} layer(s) on a container-image function`,
      limit: 'Lambda refuses layers on container-image functions',
      fix: 'remove layers and COPY their content into the image in the Dockerfile',
    });
    return;
  }
  if (s.code.runtimeFamily !== undefined && s.runtime && s.runtime.family !== s.code.runtimeFamily) {
    v.fail({
      code: ErrorCodes.LBP_IMAGE_SETTING,
      property: 'runtime',
      value: s.runtime.name,
      limit: `this code needs a ${lambda.RuntimeFamily[s.code.runtimeFamily]} runtime`,
      fix: 'leave runtime unset (the newest runtime of the right family is used) or pick one of that family',
    });
  }
  checkHandlerFile(v, props.handler ?? s.code.handler ?? DEFAULT_HANDLER, s.runtime, s.code.assetDirectory, s.layers.length > 0);
  const layerBytes = s.layers.reduce((sum, l) => sum + (l.unzippedSizeBytes ?? 0), 0);
  const total = (s.code.unzippedSizeBytes ?? 0) + layerBytes;
  if (total > UNZIPPED_BUDGET_BYTES) {
    v.fail({
      code: ErrorCodes.LBP_PACKAGE_SIZE,
      property: 'code and layers',
      value: `${megabytes(total)} unzipped (code ${megabytes(s.code.unzippedSizeBytes ?? 0)}, layers ${megabytes(layerBytes)})`,
      limit: `a function and all its layers may hold at most ${megabytes(UNZIPPED_BUDGET_BYTES)} unzipped (Lambda quota)`,
      fix: 'bundle and tree-shake the code, drop what the runtime provides (e.g. the AWS SDK), or use FunctionCode.fromImageAsset (up to 10 GB)',
    });
  }
}

function validateLayers(v: Validator, s: ResolvedFunctionSettings): void {
  if (s.layers.length > 5) {
    v.fail({
      code: ErrorCodes.LBP_LAYER_COUNT,
      property: 'layers',
      value: `${s.layers.length} layers`,
      limit: 'Lambda allows at most 5 layers per function',
      fix: 'merge layers, or bundle the dependencies into the function code',
    });
  }
  s.layers.forEach((layer, i) => {
    const name = `layers[${i}] (${layer.layerVersion.node.path})`;
    const archs = layer.compatibleArchitectures;
    if (archs && archs.length > 0 && !archs.some((a) => a.name === s.architecture.name)) {
      v.fail({
        code: ErrorCodes.LBP_LAYER_ARCHITECTURE,
        property: name,
        value: `built for ${archs.map((a) => a.name).join(', ')}`,
        limit: `the function runs on ${s.architecture.name}`,
        fix: `rebuild the layer for ${s.architecture.name} (and list it in compatibleArchitectures), or change the function's architecture`,
      });
    }
    const runtimes = layer.compatibleRuntimes;
    if (s.runtime && runtimes && runtimes.length > 0 && !runtimes.some((r) => r.runtimeEquals(s.runtime!))) {
      v.fail({
        code: ErrorCodes.LBP_LAYER_RUNTIME,
        property: name,
        value: `compatible with ${runtimes.map((r) => r.name).join(', ')}`,
        limit: `the function runs on ${s.runtime.name}`,
        fix: `add ${s.runtime.name} to the layer's compatibleRuntimes (after testing it), or use a compatible runtime`,
      });
    }
  });
}

function validateConcurrency(v: Validator, props: ServerlessFunctionOptions): void {
  const reserved = props.reservedConcurrentExecutions;
  // 0 is valid: Lambda's documented way to stop every invocation (the function warns about it).
  if (isConcrete(reserved) && (reserved < 0 || !Number.isInteger(reserved))) {
    v.fail({
      code: ErrorCodes.LBP_RESERVED_CONCURRENCY,
      property: 'reservedConcurrentExecutions',
      value: `${reserved}`,
      limit: 'it must be a whole number of at least 0 (0 throttles every invocation)',
      fix: 'reserve a whole number of executions (0 to stop the function), or leave it unset for no reservation',
    });
  }
  const pc = props.provisionedConcurrency;
  if (!pc) {
    return;
  }
  v.range(ErrorCodes.LBP_PROVISIONED_CONCURRENCY, 'provisionedConcurrency.minCapacity', pc.minCapacity, 1, Number.MAX_SAFE_INTEGER, {
    integer: true, fix: 'provision at least 1 execution, or leave provisionedConcurrency unset',
  });
  const max = pc.maxCapacity;
  if (isConcrete(max) && isConcrete(pc.minCapacity) && (max < pc.minCapacity || !Number.isInteger(max))) {
    v.fail({
      code: ErrorCodes.LBP_AUTOSCALING_CAPACITY,
      property: 'provisionedConcurrency.maxCapacity',
      value: `${max}`,
      limit: `it must be a whole number no lower than minCapacity (${pc.minCapacity})`,
      fix: 'raise maxCapacity, or leave it unset for a fixed amount',
    });
  }
  v.range(ErrorCodes.LBP_AUTOSCALING_TARGET, 'provisionedConcurrency.utilizationTarget', pc.utilizationTarget, 0.1, 0.9, {
    source: 'Application Auto Scaling range for LambdaProvisionedConcurrencyUtilization',
  });
  for (const s of pc.schedules ?? []) {
    if (isConcrete(s.minCapacity) && isConcrete(s.maxCapacity) && s.minCapacity > s.maxCapacity) {
      v.fail({
        code: ErrorCodes.LBP_AUTOSCALING_CAPACITY,
        property: `provisionedConcurrency.schedules['${s.name}']`,
        value: `minCapacity ${s.minCapacity} > maxCapacity ${s.maxCapacity}`,
        limit: 'a scheduled minimum cannot exceed its maximum',
        fix: 'swap or correct the two values',
      });
    }
  }
  if (isConcrete(reserved) && reserved >= 0 && [pc.minCapacity, max].every((x) => x === undefined || isConcrete(x))) {
    const peak = peakProvisionedConcurrency(pc);
    if (peak > reserved) {
      v.fail({
        code: ErrorCodes.LBP_PROVISIONED_ABOVE_RESERVED,
        property: 'provisionedConcurrency',
        value: `up to ${peak} executions`,
        limit: `provisioned concurrency cannot exceed reservedConcurrentExecutions (${reserved})`,
        fix: `raise reservedConcurrentExecutions to at least ${peak}, or lower the provisioned capacity`,
      });
    }
  }
}

function validateAsync(v: Validator, props: ServerlessFunctionOptions): void {
  v.range(ErrorCodes.LBP_RETRY_ATTEMPTS, 'retryAttempts', props.retryAttempts, 0, 2, {
    integer: true, source: 'Lambda asynchronous invocation',
  });
  const age = props.maxEventAge;
  if (age && !age.isUnresolved()) {
    v.range(ErrorCodes.LBP_MAX_EVENT_AGE, 'maxEventAge', age.toSeconds(), 60, 21_600, {
      unit: 'seconds',
      source: 'Lambda keeps asynchronous events from 1 minute to 6 hours',
      fix: 'set maxEventAge between Duration.minutes(1) and Duration.hours(6)',
    });
  }
  const dlq = props.deadLetterQueue;
  if (dlq && dlq.fifo) {
    v.fail({
      code: ErrorCodes.LBP_FIFO_DESTINATION,
      property: 'deadLetterQueue',
      value: `FIFO queue ${dlq.node.path}`,
      limit: 'Lambda sends asynchronous failures only to standard queues',
      fix: 'use a standard queue, or leave deadLetterQueue unset',
    });
  }
  for (const [property, dest] of [['onFailure', props.onFailure], ['onSuccess', props.onSuccess]] as const) {
    if (dest && (dest._typeProblem !== undefined || typeof dest.isFifo !== 'boolean')) {
      v.fail({
        code: ErrorCodes.LBP_PROP_TYPE,
        property,
        value: dest._typeProblem ?? `${typeof dest} where an AsyncDestination is expected`,
        limit: 'a destination is made by an AsyncDestination factory from a queue, topic, event bus or function',
        fix: `pass e.g. AsyncDestination.queue(queue) as ${property}`,
      });
    } else if (dest && dest.isFifo) {
      v.fail({
        code: ErrorCodes.LBP_FIFO_DESTINATION,
        property,
        value: `FIFO ${dest.description}`,
        limit: 'Lambda destinations must be standard queues or topics',
        fix: 'use a standard queue or topic',
      });
    }
  }
}
