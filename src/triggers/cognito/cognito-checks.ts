import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as kms from 'aws-cdk-lib/aws-kms';
import { type CognitoTriggerOptions } from './cognito-trigger';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';
import { seconds } from '../private/duration';
import { checkTriggerArguments, COGNITO_TRIGGER_ARGUMENTS_SHAPE, COGNITO_TRIGGER_SHAPE } from '../private/option-shapes';

/** Cognito waits this long for a synchronous trigger (then retries; three attempts in all). */
const COGNITO_WAIT_SECONDS = 5;

/**
 * The operations Cognito invokes asynchronously, with codes encrypted by the pool's KMS key.
 *
 * @internal
 */
export const SENDERS = ['customEmailSender', 'customSmsSender'];

/**
 * The operation's name, read defensively (a JavaScript or Python caller may pass anything).
 *
 * @internal
 */
export function operationName(operation: cognito.UserPoolOperation): string {
  const name: unknown = (operation as { operationName?: unknown } | null | undefined)?.operationName;
  return typeof name === 'string' ? name : '';
}

/**
 * The checks of a Cognito trigger: the argument and option types, a pool this app defines, one function
 * per pool and operation, the function's timeout against Cognito's wait, the custom senders' KMS key
 * and the Lambda version. Reads the pool's markers; creates nothing.
 *
 * @internal
 */
export function validateCognitoTriggerOptions(
  v: Validator, userPool: cognito.IUserPool, operation: cognito.UserPoolOperation, opts: CognitoTriggerOptions,
  fn: { readonly timeout: Duration },
): void {
  const name = operationName(operation);
  checkTriggerArguments(v, { userPool, operation }, COGNITO_TRIGGER_ARGUMENTS_SHAPE, opts, COGNITO_TRIGGER_SHAPE);
  const isSender = SENDERS.includes(name);
  const pool = userPool instanceof cognito.UserPool ? userPool : undefined;
  const cfnPool = pool?.node.defaultChild as cognito.CfnUserPool | undefined;
  const markerId = `BlueprintTrigger${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  v.failIf(cfnPool === undefined, {
    code: ErrorCodes.LBP_COGNITO_POOL,
    property: 'userPool',
    value: `${userPool.node.path} (imported)`,
    limit: 'a trigger is part of the pool\'s own LambdaConfig, which only the app that defines the pool can set',
    fix: 'add the trigger in the app that defines the pool (a cognito.UserPool), or set its LambdaConfig there to this function\'s live alias ARN',
  });
  v.failIf(pool?.node.tryFindChild(markerId) !== undefined, {
    code: ErrorCodes.LBP_COGNITO_DUPLICATE,
    property: 'operation',
    value: name,
    limit: 'a user pool invokes one function per operation',
    fix: 'add one Trigger.cognito per pool and operation, and branch on event.triggerSource in that function',
  });
  const timeout = seconds(fn.timeout);
  v.failIf(!isSender && timeout !== undefined && timeout > COGNITO_WAIT_SECONDS, {
    code: ErrorCodes.LBP_COGNITO_TIMEOUT,
    property: 'timeout',
    value: `${timeout} seconds`,
    limit: `Cognito waits at most ${COGNITO_WAIT_SECONDS} seconds for a ${name} trigger (cold start included), then retries and fails the user's request after three attempts`,
    fix: `set the function's timeout to Duration.seconds(${COGNITO_WAIT_SECONDS}) or less, and keep slow work out of the sign-in path`,
  });
  v.failIf(isSender && opts.kmsKey === undefined, {
    code: ErrorCodes.LBP_COGNITO_SENDER_KEY,
    property: 'kmsKey',
    value: 'unset',
    limit: `Cognito encrypts the codes it sends to a ${name} trigger with a customer-managed KMS key, and requires one`,
    fix: 'pass kmsKey: a symmetric customer-managed key (new kms.Key(this, \'SenderKey\', { enableKeyRotation: true }))',
  });
  v.failIf(!isSender && opts.kmsKey !== undefined, {
    code: ErrorCodes.LBP_COGNITO_SENDER_KEY,
    property: 'kmsKey',
    value: 'set',
    limit: `only the custom sender operations use a KMS key, not ${name}`,
    fix: 'remove kmsKey',
  });
  const senderKey = pool ? (pool.node.tryFindChild('BlueprintSenderKey') as { readonly key: kms.IKey } | undefined) : undefined;
  v.failIf(isSender && senderKey !== undefined && opts.kmsKey !== undefined && senderKey.key !== opts.kmsKey, {
    code: ErrorCodes.LBP_COGNITO_SENDER_KEY,
    property: 'kmsKey',
    value: opts.kmsKey?.node.path ?? '',
    limit: `the pool has one KMSKeyID for both custom senders, and its other sender uses ${senderKey?.key.node.path}`,
    fix: 'pass the same kmsKey to both custom sender triggers',
  });
  const version = opts.lambdaVersion;
  v.failIf(version !== undefined && version !== cognito.LambdaVersion.V1_0 && name !== 'preTokenGenerationConfig', {
    code: ErrorCodes.LBP_COGNITO_LAMBDA_VERSION,
    property: 'lambdaVersion',
    value: `${version}`,
    limit: `only PRE_TOKEN_GENERATION_CONFIG takes V2_0 or V3_0; ${name} events are V1_0`,
    fix: 'remove lambdaVersion, or use UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG',
  });
}
