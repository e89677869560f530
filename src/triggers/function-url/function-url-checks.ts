import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type FunctionUrlTriggerOptions } from './function-url-trigger';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';
import { checkCors, checkFunctionUrlCorsLists } from '../private/cors';
import { checkTriggerOptions, FUNCTION_URL_TRIGGER_SHAPE } from '../private/option-shapes';

/**
 * The checks of {@link FunctionUrlTriggerOptions} (types, one URL per function, public access stated,
 * CORS), which need no function beyond whether it has a URL already. Creates nothing.
 *
 * @internal
 */
export function validateFunctionUrlTriggerOptions(v: Validator, opts: FunctionUrlTriggerOptions, fn: { readonly hasFunctionUrl: boolean }): void {
  const authType = opts.authType ?? lambda.FunctionUrlAuthType.AWS_IAM;
  checkTriggerOptions(v, opts, FUNCTION_URL_TRIGGER_SHAPE);
  v.failIf(fn.hasFunctionUrl, {
    code: ErrorCodes.LBP_FUNCTION_URL_DUPLICATE,
    property: 'functionUrl',
    value: 'a second URL',
    limit: 'Lambda allows one function URL per alias, and the function already has one',
    fix: 'add Trigger.functionUrl once per function, and use its url for every caller',
  });
  const isPublic = authType === lambda.FunctionUrlAuthType.NONE;
  v.failIf(isPublic && opts.allowPublicAccess !== true, {
    code: ErrorCodes.LBP_FUNCTION_URL_PUBLIC,
    property: 'authType',
    value: 'NONE',
    limit: 'a function URL without authentication lets anyone on the internet invoke the function',
    fix: 'leave authType unset (AWS_IAM) and grant callers with trigger.functionUrl.grantInvokeUrl(...), or, if the URL must be public and the function authenticates callers itself, also set allowPublicAccess: true',
  });
  checkCors(v, 'cors', opts.cors && {
    origins: opts.cors.allowedOrigins, credentials: opts.cors.allowCredentials, maxAge: opts.cors.maxAge,
  }, { min: 0, max: 86_400, api: 'Lambda function URL CORS MaxAge' });
  checkFunctionUrlCorsLists(v, opts.cors as { readonly [list: string]: unknown } | undefined);
}
