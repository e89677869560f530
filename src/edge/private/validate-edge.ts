import { Stack, Token } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { zippedSizeBytes } from './zipped-size';
import { FunctionCodeConfig } from '../../code/function-code';
import { ServerlessFunctionProps } from '../../function/serverless-function-props';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';

/** The limits of one kind of CloudFront event (Lambda@Edge quotas). @internal */
export interface EdgeLimits {
  readonly kind: string;
  readonly maxMemoryMb: number;
  readonly maxTimeoutSeconds: number;
  readonly maxZippedBytes: number;
}

const VIEWER: EdgeLimits = { kind: 'viewer', maxMemoryMb: 128, maxTimeoutSeconds: 5, maxZippedBytes: 1024 * 1024 };
const ORIGIN: EdgeLimits = { kind: 'origin', maxMemoryMb: 10_240, maxTimeoutSeconds: 30, maxZippedBytes: 50 * 1024 * 1024 };

/** The strictest limits over the event types (viewer events are stricter). @internal */
export function edgeLimits(eventTypes: cloudfront.LambdaEdgeEventType[]): EdgeLimits {
  return eventTypes.some((e) => isViewer(e)) ? VIEWER : ORIGIN;
}

/** Whether an event type is a viewer event. @internal */
export function isViewer(e: cloudfront.LambdaEdgeEventType): boolean {
  return e === cloudfront.LambdaEdgeEventType.VIEWER_REQUEST || e === cloudfront.LambdaEdgeEventType.VIEWER_RESPONSE;
}

/** The resolved settings the edge checks look at. @internal */
export interface EdgeSettings {
  readonly eventTypes: cloudfront.LambdaEdgeEventType[];
  readonly architecture: lambda.Architecture;
  readonly memorySize: number;
  readonly timeoutSeconds: number | undefined;
  readonly ephemeralStorageMb: number | undefined;
  readonly runtime: lambda.Runtime | undefined;
  readonly code: FunctionCodeConfig;
}

/**
 * Every Lambda@Edge restriction the library can check at synth. Sources: CloudFront Developer
 * Guide, "Restrictions on Lambda@Edge" and "Quotas on Lambda@Edge".
 *
 * @internal
 */
export function validateEdge(v: Validator, scope: IConstruct, props: ServerlessFunctionProps, s: EdgeSettings): void {
  checkPlacement(v, scope, s);
  checkUnsupportedSettings(v, props);
  checkUnsupportedFeatures(v, props, s);
  checkEventLimits(v, s);
}

/** us-east-1 and x86_64: where and on what CloudFront replicates from. */
function checkPlacement(v: Validator, scope: IConstruct, s: EdgeSettings): void {
  const region = Stack.of(scope).region;
  v.failIf(Token.isUnresolved(region) || region !== 'us-east-1', {
    code: ErrorCodes.LBP_EDGE_REGION,
    property: 'stack region',
    value: Token.isUnresolved(region) ? 'unknown at synth (an environment-agnostic stack)' : region,
    limit: 'a Lambda@Edge function must be created in US East (N. Virginia), us-east-1',
    fix: 'put the EdgeFunction in a stack with env: { region: \'us-east-1\' } (the distribution may stay in any stack; pass crossRegionReferences: true to the stacks that refer to it)',
  });
  v.failIf(s.architecture !== lambda.Architecture.X86_64, {
    code: ErrorCodes.LBP_EDGE_ARCHITECTURE,
    property: 'architecture',
    value: s.architecture.name,
    limit: 'CloudFront rejects Lambda@Edge functions with the arm64 architecture',
    fix: 'leave architecture unset (x86_64)',
  });
}

/** Function settings Lambda@Edge does not support: variables, asynchronous settings, VPC, layers, concurrency. */
function checkUnsupportedSettings(v: Validator, props: ServerlessFunctionProps): void {
  const env = Object.keys(props.environment ?? {}).length + Object.keys(props.secrets ?? {}).length;
  v.failIf(env > 0, {
    code: ErrorCodes.LBP_EDGE_ENVIRONMENT,
    property: props.secrets && Object.keys(props.secrets).length > 0 ? 'secrets' : 'environment',
    value: `${env} variable(s)`,
    limit: 'Lambda@Edge does not support environment variables (secrets are passed as variables too)',
    fix: 'bake configuration into the bundle (e.g. esbuild define), or read it at run time from SSM Parameter Store in us-east-1',
  });
  const asyncSettings = (['deadLetterQueue', 'onFailure', 'onSuccess', 'retryAttempts', 'maxEventAge'] as const)
    .filter((k) => props[k] !== undefined);
  v.failIf(asyncSettings.length > 0, {
    code: ErrorCodes.LBP_EDGE_ASYNC,
    property: asyncSettings.join(', '),
    value: 'set',
    limit: 'CloudFront invokes Lambda@Edge synchronously (errors go back to the viewer as 502/503) and dead-letter queues are not supported',
    fix: `remove ${asyncSettings.join(', ')}; watch the function's errors in CloudWatch in each Region instead`,
  });
  const vpcSettings = (['vpc', 'vpcSubnets', 'securityGroups'] as const).filter((k) => props[k] !== undefined);
  v.failIf(vpcSettings.length > 0, {
    code: ErrorCodes.LBP_EDGE_VPC,
    property: vpcSettings.join(', '),
    value: 'set',
    limit: 'Lambda@Edge cannot access resources inside a VPC',
    fix: 'remove the VPC settings; reach private resources through an origin instead',
  });
  v.failIf((props.layers?.length ?? 0) > 0, {
    code: ErrorCodes.LBP_EDGE_LAYERS,
    property: 'layers',
    value: `${props.layers?.length} layer(s)`,
    limit: 'Lambda@Edge does not support layers',
    fix: 'bundle the dependencies into the function\'s code',
  });
  const concurrency = (['provisionedConcurrency', 'reservedConcurrentExecutions'] as const).filter((k) => props[k] !== undefined);
  v.failIf(concurrency.length > 0, {
    code: ErrorCodes.LBP_EDGE_CONCURRENCY,
    property: concurrency.join(', '),
    value: 'set',
    limit: 'Lambda@Edge does not support provisioned concurrency, and replicas share each Region\'s concurrency',
    fix: `remove ${concurrency.join(', ')}`,
  });
}

/** What else Lambda@Edge does not support: images, other runtimes, tracing, alias features, more storage. */
function checkUnsupportedFeatures(v: Validator, props: ServerlessFunctionProps, s: EdgeSettings): void {
  v.failIf(s.code.isImage, {
    code: ErrorCodes.LBP_EDGE_IMAGE,
    property: 'code',
    value: 'a container image',
    limit: 'Lambda@Edge does not support functions defined as container images',
    fix: 'use FunctionCode.fromAsset, fromInline or fromNodejsEntry',
  });
  const family = s.runtime?.family;
  v.failIf(s.runtime !== undefined && family !== lambda.RuntimeFamily.NODEJS && family !== lambda.RuntimeFamily.PYTHON, {
    code: ErrorCodes.LBP_EDGE_RUNTIME,
    property: 'runtime',
    value: s.runtime?.name ?? '',
    limit: 'Lambda@Edge supports Node.js and Python runtimes only',
    fix: 'use a Node.js or Python runtime (the default is the newest Node.js)',
  });
  v.failIf(props.tracing === lambda.Tracing.ACTIVE, {
    code: ErrorCodes.LBP_EDGE_TRACING,
    property: 'tracing',
    value: 'ACTIVE',
    limit: 'Lambda@Edge does not support X-Ray active tracing',
    fix: 'leave tracing unset',
  });
  const aliasFeatures = (['deployment', 'alarms', 'alarmTopic'] as const).filter((k) => props[k] !== undefined);
  v.failIf(aliasFeatures.length > 0, {
    code: ErrorCodes.LBP_EDGE_ALIAS_FEATURES,
    property: aliasFeatures.join(', '),
    value: 'set',
    limit: 'CloudFront invokes a numbered version, not an alias, so alias traffic shifting does not apply; and replicas report their metrics in the Region where they run, not in us-east-1',
    fix: `remove ${aliasFeatures.join(', ')}; roll out with a new version on the cache behaviour, and alarm per Region on the replicas' metrics`,
  });
  v.range(ErrorCodes.LBP_EDGE_EPHEMERAL_STORAGE, 'ephemeralStorageSize', s.ephemeralStorageMb, 512, 512, {
    unit: 'MB', source: 'Lambda@Edge does not support more than 512 MB', fix: 'leave ephemeralStorageSize unset (512 MB)',
  });
}

/** The event types, and the memory, timeout and package quotas of the strictest of them. */
function checkEventLimits(v: Validator, s: EdgeSettings): void {
  const events = s.eventTypes;
  v.failIf(events.length === 0 || new Set(events).size !== events.length, {
    code: ErrorCodes.LBP_EDGE_EVENT_TYPE,
    property: 'eventTypes',
    value: JSON.stringify(events),
    limit: 'list each CloudFront event the function will handle once (at least one)',
    fix: 'e.g. eventTypes: [LambdaEdgeEventType.ORIGIN_REQUEST]',
  });
  const limits = edgeLimits(events);
  v.range(ErrorCodes.LBP_EDGE_MEMORY, 'memorySize', s.memorySize, 128, limits.maxMemoryMb, {
    unit: 'MB',
    integer: true,
    source: `Lambda@Edge quota for ${limits.kind} events`,
    fix: limits.kind === 'viewer' ? 'use 128 MB, or move the work to an origin event (up to 10,240 MB)' : undefined,
  });
  if (s.timeoutSeconds !== undefined) {
    v.failIf(s.timeoutSeconds > limits.maxTimeoutSeconds, {
      code: ErrorCodes.LBP_EDGE_TIMEOUT,
      property: 'timeout',
      value: `${s.timeoutSeconds} seconds`,
      limit: `Lambda@Edge allows at most ${limits.maxTimeoutSeconds} seconds for ${limits.kind} events`,
      fix: `set timeout to Duration.seconds(${limits.maxTimeoutSeconds}) or less${limits.kind === 'viewer' ? ', or handle origin events only (30 s)' : ''}`,
    });
  }
  const codeObject = s.code.code;
  const assetPath = codeObject instanceof lambda.AssetCode && s.code.unzippedSizeBytes !== undefined ? codeObject.path : undefined;
  const zipped = assetPath ? zippedSizeBytes(assetPath) : undefined;
  if (zipped !== undefined) {
    v.failIf(zipped > limits.maxZippedBytes, {
      code: ErrorCodes.LBP_EDGE_PACKAGE_SIZE,
      property: 'code',
      value: `about ${(zipped / 1024 / 1024).toFixed(2)} MB zipped`,
      limit: `a Lambda@Edge package for ${limits.kind} events is at most ${limits.maxZippedBytes / 1024 / 1024} MB compressed`,
      fix: 'bundle and minify the handler (FunctionCode.fromNodejsEntry), drop unused dependencies, or handle origin events only (50 MB)',
    });
  }
}
