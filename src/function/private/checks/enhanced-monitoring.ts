import { Stack, Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ErrorCodes } from '../../../validation/error-codes';
import { Validator } from '../../../validation/validator';
import { EnhancedMonitoring } from '../../enhanced-monitoring';
import { ServerlessFunctionOptions, ServerlessFunctionProps } from '../../serverless-function-props';
import {
  APP_SIGNALS_FAMILIES, APP_SIGNALS_LAYERS, EXEC_WRAPPER_VARIABLE, INSIGHTS_LAYERS, INSIGHTS_VERSION, OTEL_EXEC_WRAPPER,
} from '../monitoring-layers';
import { CodeSettings } from './code-and-layers';
import { ENVIRONMENT_BUDGET_BYTES, serializedEnvironmentBytes } from './environment';


/**
 * The layer ARN of the function's enhanced monitoring, from the library's tables, or undefined when
 * there is none (no option, or a problem {@link validateEnhancedMonitoring} reports).
 *
 * @internal
 */
export function monitoringLayerArn(
  region: string, monitoring: EnhancedMonitoring | undefined, s: Pick<CodeSettings, 'runtime' | 'architecture'>,
): string | undefined {
  if (Token.isUnresolved(region)) {
    return undefined;
  }
  switch (monitoring) {
    case EnhancedMonitoring.LAMBDA_INSIGHTS: return INSIGHTS_LAYERS[s.architecture.name]?.[region];
    case EnhancedMonitoring.APPLICATION_SIGNALS:
      return s.runtime === undefined ? undefined : APP_SIGNALS_LAYERS[s.runtime.family as lambda.RuntimeFamily]?.[region];
    default: return undefined;
  }
}

/**
 * The checks of `enhancedMonitoring` that need the code: a known Region (the stack's, resolved), a zip
 * function, a supported runtime family (Application Signals). The layer count is checked with the
 * other layers, the rest with the options ({@link validateEnhancedMonitoringOptions}).
 *
 * @internal
 */
export function validateEnhancedMonitoring(v: Validator, props: ServerlessFunctionProps, s: CodeSettings): void {
  const monitoring = props.enhancedMonitoring;
  if (monitoring === EnhancedMonitoring.LAMBDA_INSIGHTS) {
    validateInsights(v, s);
  } else if (monitoring === EnhancedMonitoring.APPLICATION_SIGNALS) {
    validateApplicationSignals(v, s);
  }
}

function validateInsights(v: Validator, s: CodeSettings): void {
  if (s.code.isImage) {
    v.fail({
      code: ErrorCodes.LBP_INSIGHTS_IMAGE,
      property: 'enhancedMonitoring',
      value: 'LAMBDA_INSIGHTS on a container-image function',
      limit: 'Lambda refuses layers on container-image functions, and Lambda Insights is a layer',
      fix: 'install the Lambda Insights extension in the image (see "Using the Lambda Insights extension in a container image" in the CloudWatch user guide) '
        + 'and grant the role its permissions, or deploy the function as a zip',
    });
    return;
  }
  const region = Stack.of(v.scope).region;
  const arch = s.architecture.name;
  const known = INSIGHTS_LAYERS[arch] ?? {};
  if (Token.isUnresolved(region) || known[region] === undefined) {
    v.fail({
      code: ErrorCodes.LBP_INSIGHTS_REGION,
      property: 'enhancedMonitoring',
      value: Token.isUnresolved(region) ? 'LAMBDA_INSIGHTS in a stack without a concrete Region' : `LAMBDA_INSIGHTS in ${region} on ${arch}`,
      limit: `the library pins the Lambda Insights extension ${INSIGHTS_VERSION} from AWS's published ARNs, known for ${arch} in: ${Object.keys(known).sort().join(', ')}`,
      fix: Token.isUnresolved(region)
        ? 'give the stack an env with a region (new Stack(app, id, { env: { region: \'us-east-1\' } }))'
        : 'deploy to one of these Regions or architectures, or add the extension yourself with layers: [FunctionLayer.fromLayerVersionArn(...)] and its permissions',
    });
  }
}

function validateApplicationSignals(v: Validator, s: CodeSettings): void {
  const family = s.runtime?.family;
  const layers = family === undefined ? undefined : APP_SIGNALS_LAYERS[family];
  if (s.code.isImage || layers === undefined) {
    v.fail({
      code: ErrorCodes.LBP_APP_SIGNALS_RUNTIME,
      property: 'enhancedMonitoring',
      value: s.code.isImage ? 'APPLICATION_SIGNALS on a container-image function' : `APPLICATION_SIGNALS on ${s.runtime?.name}`,
      limit: s.code.isImage
        ? 'Lambda refuses layers on container-image functions, and Application Signals is a layer'
        : `AWS publishes the Lambda Layer for OpenTelemetry for ${APP_SIGNALS_FAMILIES} runtimes`,
      fix: s.code.isImage
        ? `unzip the AWS Lambda Layer for OpenTelemetry into /opt in the Dockerfile and set ${EXEC_WRAPPER_VARIABLE}=${OTEL_EXEC_WRAPPER} (see "Deploy Lambda functions using Amazon ECR container" on the Application Signals Lambda page)`
        : `use a ${APP_SIGNALS_FAMILIES} runtime, or LAMBDA_INSIGHTS, which works with every runtime`,
    });
  } else {
    const region = Stack.of(v.scope).region;
    if (Token.isUnresolved(region) || layers[region] === undefined) {
      v.fail({
        code: ErrorCodes.LBP_APP_SIGNALS_REGION,
        property: 'enhancedMonitoring',
        value: Token.isUnresolved(region) ? 'APPLICATION_SIGNALS in a stack without a concrete Region' : `APPLICATION_SIGNALS in ${region}`,
        limit: `the library pins the Lambda Layer for OpenTelemetry from AWS's published ARNs, known in: ${Object.keys(layers).sort().join(', ')}`,
        fix: Token.isUnresolved(region)
          ? 'give the stack an env with a region (new Stack(app, id, { env: { region: \'us-east-1\' } }))'
          : 'deploy to one of these Regions',
      });
    }
  }
}

/**
 * The checks of `enhancedMonitoring` that need neither the code nor the Region (run with the other
 * option checks, so a pattern's `functionOptions` get them before anything is created): no
 * `AWS_LAMBDA_EXEC_WRAPPER` of the user's, active tracing, and the environment's size with the wrapper
 * added, for Application Signals.
 *
 * @internal
 */
export function validateEnhancedMonitoringOptions(v: Validator, props: ServerlessFunctionOptions): void {
  if (props.enhancedMonitoring !== EnhancedMonitoring.APPLICATION_SIGNALS) {
    return;
  }
  const env = props.environment ?? {};
  v.failIf(EXEC_WRAPPER_VARIABLE in env || EXEC_WRAPPER_VARIABLE in (props.secrets ?? {}), {
    code: ErrorCodes.LBP_APP_SIGNALS_EXEC_WRAPPER,
    property: `environment.${EXEC_WRAPPER_VARIABLE}`,
    value: `set to ${JSON.stringify(env[EXEC_WRAPPER_VARIABLE] ?? 'a secret')} with enhancedMonitoring: APPLICATION_SIGNALS`,
    limit: `Application Signals runs the function through ${OTEL_EXEC_WRAPPER}; Lambda runs one wrapper only`,
    fix: `remove ${EXEC_WRAPPER_VARIABLE} (the library sets it), or leave enhancedMonitoring unset and wire your own wrapper`,
  });
  v.failIf(props.tracing !== undefined && props.tracing !== lambda.Tracing.ACTIVE, {
    code: ErrorCodes.LBP_APP_SIGNALS_TRACING,
    property: 'tracing',
    value: `${props.tracing} with enhancedMonitoring: APPLICATION_SIGNALS`,
    limit: 'Application Signals on Lambda relies on active X-Ray tracing for the function\'s traces',
    fix: 'leave tracing unset (Tracing.ACTIVE), or leave enhancedMonitoring unset',
  });
  const withWrapper = serializedEnvironmentBytes({ ...env, [EXEC_WRAPPER_VARIABLE]: OTEL_EXEC_WRAPPER }, Object.keys(props.secrets ?? {}));
  v.failIf(serializedEnvironmentBytes(env, Object.keys(props.secrets ?? {})) <= ENVIRONMENT_BUDGET_BYTES && withWrapper > ENVIRONMENT_BUDGET_BYTES, {
    code: ErrorCodes.LBP_ENV_SIZE,
    property: 'environment',
    value: `${withWrapper} bytes with the ${EXEC_WRAPPER_VARIABLE} variable Application Signals adds`,
    limit: `Lambda allows at most ${ENVIRONMENT_BUDGET_BYTES} bytes for all variables together`,
    fix: 'move large values to SSM parameters or Secrets Manager (see `secrets`), or into the code',
  });
}
