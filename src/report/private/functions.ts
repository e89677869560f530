import { StackAlarm } from './alarms';
import { sinkEndpoint } from './failure-sink';
import { compare } from './order';
import { EndpointReport, FunctionReport } from './report-model';
import { Json, StackIndex, TemplateResource } from './template-index';
import { numberOr } from './template-values';

/** Lambda's defaults when the template leaves a setting out. */
const DEFAULT_MEMORY_MB = 128;
const DEFAULT_TIMEOUT_SECONDS = 3;
const DEFAULT_ARCHITECTURE = 'x86_64';

/**
 * Every `AWS::Lambda::Function` of the stack's templates, sorted by construct path. A setting written with
 * a token the template leaves unresolved is reported as `unknown` (text) or 0 (numbers).
 *
 * @internal
 */
export function functionsOf(index: StackIndex, alarms: StackAlarm[], assetKeys: Set<string>): FunctionReport[] {
  const aliases = index.ofType('AWS::Lambda::Alias');
  const versions = index.ofType('AWS::Lambda::Version');
  return index.ofType('AWS::Lambda::Function')
    .map((fn) => functionReport(index, fn, { aliases, versions, alarms, assetKeys }))
    .sort((a, b) => compare(a.id, b.id));
}

/** What a function's report is read from besides the function: the stack's aliases, versions, alarms and asset keys. */
interface Around {
  readonly aliases: TemplateResource[];
  readonly versions: TemplateResource[];
  readonly alarms: StackAlarm[];
  readonly assetKeys: Set<string>;
}

function functionReport(index: StackIndex, fn: TemplateResource, { aliases, versions, alarms, assetKeys }: Around): FunctionReport {
  const p = fn.properties;
  const own = aliases.filter((a) => index.resolve(a.file, a.properties.FunctionName) === fn);
  const blueprintRoot = fn.path.endsWith('/Function/Resource') ? fn.path.slice(0, -'/Function/Resource'.length) : undefined;
  const blueprint = blueprintRoot !== undefined && own.some((a) => a.path === `${blueprintRoot}/LiveAlias/Resource`);
  const alias = own.find((a) => a.properties.Name === 'live') ?? own.find((a) => a.properties.ProvisionedConcurrencyConfig) ?? own[0];
  const ownVersions = versions.filter((v) => index.resolve(v.file, v.properties.FunctionName) === fn);
  // Provisioned concurrency is set on the alias callers invoke, or else on a version.
  const provisionedOn = alias?.properties.ProvisionedConcurrencyConfig ? alias : ownVersions.find((v) => v.properties.ProvisionedConcurrencyConfig);
  const provisioned = numberOr(provisionedOn?.properties.ProvisionedConcurrencyConfig?.ProvisionedConcurrentExecutions, undefined);
  const reserved = numberOr(p.ReservedConcurrentExecutions, undefined);
  const sink = failureSinkOf(index, fn);
  const mine = new Set<TemplateResource>([fn, ...own, ...ownVersions]);
  const image = p.PackageType === 'Image' || p.Code?.ImageUri !== undefined;
  return {
    id: fn.path,
    logicalId: fn.logicalId,
    file: fn.file,
    path: fn.path,
    name: blueprint && blueprintRoot !== undefined ? blueprintRoot : fn.path.replace(/\/Resource$/, ''),
    blueprint,
    codeKind: codeKindOf(fn, assetKeys),
    runtime: image ? 'container image' : typeof p.Runtime === 'string' ? p.Runtime : 'unknown',
    architecture: architectureOf(p.Architectures),
    memoryMb: numberOr(p.MemorySize, DEFAULT_MEMORY_MB) ?? 0,
    timeoutSeconds: numberOr(p.Timeout, DEFAULT_TIMEOUT_SECONDS) ?? 0,
    ...(reserved !== undefined ? { reservedConcurrency: reserved } : {}),
    ...(provisioned !== undefined ? { provisionedConcurrency: provisioned } : {}),
    ...(alias && typeof alias.properties.Name === 'string' ? { alias: alias.properties.Name } : {}),
    ...(sink ? { asyncFailureSink: sink } : {}),
    alarms: alarms.filter((a) => a.watched.some((w) => mine.has(w)) || namesFunction(a, p.FunctionName)).map((a) => a.report.path),
  };
}

/** Whether an alarm names the function by the literal name the template gives it (a dimension value or a quoted name in a query). */
function namesFunction(alarm: StackAlarm, name: Json): boolean {
  return typeof name === 'string' && name !== ''
    && alarm.literals.some((l) => l === name || l.startsWith(`${name}:`) || l.includes(`'${name}'`) || l.includes(`"${name}"`));
}

/** How the code is shipped; a zip in S3 is an asset when its metadata says so or the asset manifest publishes its key. */
function codeKindOf(fn: TemplateResource, assetKeys: Set<string>): string {
  const p = fn.properties;
  const code = p.Code ?? {};
  if (p.PackageType === 'Image' || code.ImageUri !== undefined) {
    return 'container image';
  }
  if (code.ZipFile !== undefined) {
    return 'inline';
  }
  if (code.S3Bucket !== undefined) {
    const asset = typeof fn.metadata['aws:asset:path'] === 'string' || (typeof code.S3Key === 'string' && assetKeys.has(code.S3Key));
    return asset ? 'zip asset' : 'S3 object';
  }
  return 'unknown';
}

function architectureOf(architectures: Json): string {
  if (architectures === undefined) {
    return DEFAULT_ARCHITECTURE;
  }
  const first = Array.isArray(architectures) ? architectures[0] : undefined;
  return typeof first === 'string' ? first : 'unknown';
}

/** The on-failure destination of its asynchronous invocations, else its dead-letter queue or topic. */
function failureSinkOf(index: StackIndex, fn: TemplateResource): EndpointReport | undefined {
  const configs = index.ofType('AWS::Lambda::EventInvokeConfig')
    .filter((c) => index.resolve(c.file, c.properties.FunctionName) === fn)
    .sort((a, b) => compare(a.path, b.path));
  for (const config of configs) {
    const destination = config.properties.DestinationConfig?.OnFailure?.Destination;
    if (destination !== undefined) {
      return sinkEndpoint(index, config.file, destination);
    }
  }
  const dlq = fn.properties.DeadLetterConfig?.TargetArn;
  return dlq !== undefined ? sinkEndpoint(index, fn.file, dlq) : undefined;
}
