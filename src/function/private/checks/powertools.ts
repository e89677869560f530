import { Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { CodeSettings } from './code-and-layers';
import { ENVIRONMENT_BUDGET_BYTES, serializedEnvironmentBytes } from './environment';
import { IdempotencyTable } from '../../../powertools/idempotency-table';
import { PowertoolsLayerKind, powertoolsLayerKind, regionalLayer } from '../../../powertools/powertools-layer';
import { ErrorCodes } from '../../../validation/error-codes';
import { Validator } from '../../../validation/validator';
import { ServerlessFunctionOptions } from '../../serverless-function-props';

/** The variables the `powertools` option sets (the idempotency table's only with a table). @internal */
export const POWERTOOLS_SERVICE_NAME = 'POWERTOOLS_SERVICE_NAME';
/** @internal */
export const POWERTOOLS_METRICS_NAMESPACE = 'POWERTOOLS_METRICS_NAMESPACE';
/** Left to the function's `applicationLogLevel` (Powertools reads `AWS_LAMBDA_LOG_LEVEL` first). @internal */
export const POWERTOOLS_LOG_LEVEL = 'POWERTOOLS_LOG_LEVEL';

/**
 * The checks of the `powertools` option that need neither the code nor the runtime: its values, and the
 * variables it sets against those the function sets itself.
 *
 * @internal
 */
export function validatePowertoolsOptions(v: Validator, props: ServerlessFunctionOptions): void {
  const p = props.powertools;
  if (!p) {
    return;
  }
  for (const [property, value] of [['serviceName', p.serviceName], ['metricsNamespace', p.metricsNamespace]] as const) {
    v.failIf(typeof value === 'string' && !Token.isUnresolved(value) && value.trim().length === 0, {
      code: ErrorCodes.LBP_POWERTOOLS_ENVIRONMENT,
      property: `powertools.${property}`,
      value: JSON.stringify(value),
      limit: 'Powertools takes the service name and metrics namespace from non-empty variables',
      fix: `give a name, or leave powertools.${property} unset for the default`,
    });
  }
  if (p.layerVersion !== undefined && !Token.isUnresolved(p.layerVersion)) {
    v.failIf(!Number.isInteger(p.layerVersion) || p.layerVersion < 1, {
      code: ErrorCodes.LBP_POWERTOOLS_LAYER_VERSION,
      property: 'powertools.layerVersion',
      value: String(p.layerVersion),
      limit: 'a layer version is a whole number from 1',
      fix: 'leave layerVersion unset for the pinned version, or give an earlier published version',
    });
  }
  const explicit = new Set([...Object.keys(props.environment ?? {}), ...Object.keys(props.secrets ?? {})]);
  const owned = [POWERTOOLS_SERVICE_NAME, POWERTOOLS_METRICS_NAMESPACE, ...(p.idempotencyTable ? [IdempotencyTable.TABLE_NAME_VARIABLE] : [])];
  for (const name of owned.filter((n) => explicit.has(n))) {
    v.fail({
      code: ErrorCodes.LBP_POWERTOOLS_ENVIRONMENT,
      property: `environment.${name}`,
      value: 'set together with the powertools option, which sets it',
      limit: 'one value per variable: the powertools option owns this one',
      fix: name === IdempotencyTable.TABLE_NAME_VARIABLE
        ? `remove ${name} from environment (powertools.idempotencyTable names the table)`
        : `remove ${name} from environment and set powertools.${name === POWERTOOLS_SERVICE_NAME ? 'serviceName' : 'metricsNamespace'} instead`,
    });
  }
  v.failIf(explicit.has(POWERTOOLS_LOG_LEVEL), {
    code: ErrorCodes.LBP_POWERTOOLS_ENVIRONMENT,
    property: `environment.${POWERTOOLS_LOG_LEVEL}`,
    value: 'set together with the powertools option',
    limit: 'Powertools\' Logger reads AWS_LAMBDA_LOG_LEVEL, which Lambda sets from the function\'s applicationLogLevel, before POWERTOOLS_LOG_LEVEL: this value would be ignored',
    fix: `remove ${POWERTOOLS_LOG_LEVEL} and set the function's applicationLogLevel`,
  });
  const env = props.environment ?? {};
  const withPowertools = { ...env, [POWERTOOLS_SERVICE_NAME]: p.serviceName ?? '', [POWERTOOLS_METRICS_NAMESPACE]: p.metricsNamespace ?? p.serviceName ?? '' };
  const secretNames = Object.keys(props.secrets ?? {});
  const bytes = serializedEnvironmentBytes(withPowertools, secretNames);
  v.failIf(serializedEnvironmentBytes(env, secretNames) <= ENVIRONMENT_BUDGET_BYTES && bytes > ENVIRONMENT_BUDGET_BYTES, {
    code: ErrorCodes.LBP_ENV_SIZE,
    property: 'powertools',
    value: `${bytes} bytes with the Powertools variables`,
    limit: `Lambda allows at most ${ENVIRONMENT_BUDGET_BYTES} bytes for all variables together`,
    fix: 'shorten the service name or namespace, or move large values out of environment',
  });
}

/**
 * The checks of the `powertools` option that need the code: a layer exists for the runtime, architecture and
 * Region, the layer version is one the library knows, and the layer fits the 5-layer limit.
 *
 * @internal
 */
export function validatePowertoolsCode(v: Validator, props: ServerlessFunctionOptions, s: CodeSettings): void {
  const p = props.powertools;
  if (!p || p.layer === false) {
    return;
  }
  if (s.code.isImage || !s.runtime) {
    v.fail({
      code: ErrorCodes.LBP_POWERTOOLS_RUNTIME,
      property: 'powertools.layer',
      value: 'true on a container-image function',
      limit: 'Lambda refuses layers on container-image functions',
      fix: 'set powertools.layer to false and install Powertools in the image',
    });
    return;
  }
  const kind = powertoolsLayerKind(s.runtime, s.architecture);
  if (typeof kind === 'string') {
    v.fail({
      code: ErrorCodes.LBP_POWERTOOLS_RUNTIME,
      property: 'powertools.layer',
      value: `true on ${s.runtime.name}`,
      limit: kind,
      fix: 'set powertools.layer to false and ship Powertools with the code (Maven, NuGet, pip), or use a runtime with a layer',
    });
    return;
  }
  const pinned = pinnedVersion(v, kind, s.architecture.name);
  if (pinned !== undefined && p.layerVersion !== undefined && !Token.isUnresolved(p.layerVersion) && p.layerVersion > pinned) {
    v.fail({
      code: ErrorCodes.LBP_POWERTOOLS_LAYER_VERSION,
      property: 'powertools.layerVersion',
      value: String(p.layerVersion),
      limit: `the newest version of ${kind.layerName} this library knows here is ${pinned} (a newer one may not exist)`,
      fix: `use a version from 1 to ${pinned}, or leave layerVersion unset`,
    });
  }
}

/** The pinned version for the function's Region (the default where the Region is a token); undefined when refused. */
function pinnedVersion(v: Validator, kind: PowertoolsLayerKind, architecture: string): number | undefined {
  const region = Construct.isConstruct(v.scope) ? Stack.of(v.scope).region : undefined;
  if (region === undefined || Token.isUnresolved(region)) {
    return kind.defaultVersion;
  }
  const regional = regionalLayer(kind, region);
  if (!regional) {
    v.fail({
      code: ErrorCodes.LBP_POWERTOOLS_REGION,
      property: 'powertools.layer',
      value: `${kind.layerName} (${architecture}) in ${region}`,
      limit: `the Powertools docs list no ${kind.layerName} layer in ${region}`,
      fix: 'set powertools.layer to false and ship Powertools with the code, or deploy the stack to a listed Region (docs/powertools.md)',
    });
    return undefined;
  }
  return regional.version;
}
