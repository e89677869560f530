import { SecretValue, Token, Tokenization } from 'aws-cdk-lib';
import { ErrorCodes } from '../../../validation/error-codes';
import { Validator } from '../../../validation/validator';
import { ServerlessFunctionOptions } from '../../serverless-function-props';

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

const ENV_KEY = /^[a-zA-Z][a-zA-Z0-9_]+$/;

/**
 * The checks of `environment` and `secrets`: names, reserved names, secret values, duplicates, size.
 *
 * @internal
 */
export function validateEnvironment(v: Validator, props: ServerlessFunctionOptions): void {
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
