import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { type HttpApiTriggerOptions } from './http-api-trigger';
import { parseRoutes } from './http-routes';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';
import { checkApiThrottling } from '../private/api-throttling';
import { checkCors } from '../private/cors';

/** The HTTP API integration limit: API Gateway answers 504 after 30 seconds. */
const INTEGRATION_LIMIT_SECONDS = 30;

/**
 * The checks of {@link HttpApiTriggerOptions}, run by the trigger when it is added and by
 * `HttpApiFunction` before it creates anything (with the timeout its function will have, when known).
 * Returns the values they resolved.
 *
 * @internal
 */
export function validateHttpApiTriggerOptions(v: Validator, opts: HttpApiTriggerOptions, fn: { readonly timeoutSeconds?: number }) {
  const timeout = fn.timeoutSeconds;
  v.failIf(timeout !== undefined && timeout > INTEGRATION_LIMIT_SECONDS, {
    code: ErrorCodes.LBP_HTTP_API_TIMEOUT,
    property: 'timeout',
    value: `${timeout} seconds`,
    limit: `an HTTP API waits at most ${INTEGRATION_LIMIT_SECONDS} seconds for its integration, then answers 504 while the function keeps running (and billing)`,
    fix: `set the function's timeout to Duration.seconds(${INTEGRATION_LIMIT_SECONDS}) or less, or move long work behind a queue (Trigger.sqs) and answer 202`,
  });
  const { rate, burst } = checkApiThrottling(v, opts, { code: ErrorCodes.LBP_HTTP_API_THROTTLE, unit: 'requests', quota: 'HTTP API' });
  const jwt = opts.jwtIssuer !== undefined || opts.jwtAudience !== undefined;
  if (jwt) {
    v.failIf(opts.jwtIssuer === undefined || !/^https:\/\/\S+$/.test(opts.jwtIssuer), {
      code: ErrorCodes.LBP_HTTP_API_JWT,
      property: 'jwtIssuer',
      value: `${opts.jwtIssuer === undefined ? 'unset' : `"${opts.jwtIssuer}"`}`,
      limit: 'a JWT authorizer needs the issuer\'s https:// URL',
      fix: 'set jwtIssuer to e.g. https://cognito-idp.<region>.amazonaws.com/<user-pool-id>',
    });
    v.failIf(!opts.jwtAudience || opts.jwtAudience.length === 0, {
      code: ErrorCodes.LBP_HTTP_API_JWT,
      property: 'jwtAudience',
      value: JSON.stringify(opts.jwtAudience ?? null),
      limit: 'a JWT authorizer needs at least one audience',
      fix: 'set jwtAudience to the app client id(s) or API audience your tokens carry',
    });
  }
  v.failIf(opts.authorizer instanceof apigwv2.HttpNoneAuthorizer, {
    code: ErrorCodes.LBP_HTTP_API_AUTH,
    property: 'authorizer',
    value: 'HttpNoneAuthorizer',
    limit: 'every route needs authorization (AwsSolutions-APIG4)',
    fix: 'leave authorizer unset for IAM, set jwtIssuer and jwtAudience, or pass a Lambda/Cognito authorizer',
  });
  v.failIf((opts.authorizationScopes?.length ?? 0) > 0 && !jwt && opts.authorizer === undefined, {
    code: ErrorCodes.LBP_HTTP_API_AUTH,
    property: 'authorizationScopes',
    value: JSON.stringify(opts.authorizationScopes),
    limit: 'OAuth scopes only apply to JWT (or Cognito) authorizers, not to IAM authorization',
    fix: 'set jwtIssuer and jwtAudience (or a Cognito authorizer), or remove authorizationScopes',
  });
  const parsedRoutes = parseRoutes(v, opts.routes ?? ['ANY /{proxy+}']);
  checkCors(v, 'corsPreflight', opts.corsPreflight && {
    origins: opts.corsPreflight.allowOrigins, credentials: opts.corsPreflight.allowCredentials, maxAge: opts.corsPreflight.maxAge,
  }, { min: -1, max: 86_400, api: 'API Gateway CORS MaxAge' });
  if (opts.httpApi) {
    for (const name of ['apiName', 'corsPreflight', 'throttlingRateLimit', 'throttlingBurstLimit', 'accessLogRetention', 'accessLogEncryptionKey', 'accessLogRemovalPolicy'] as const) {
      v.failIf(opts[name] !== undefined, {
        code: ErrorCodes.LBP_SETTING_IGNORED,
        property: name,
        value: 'set together with httpApi',
        limit: `${name} configures the API (or its stage) the trigger creates, and an existing httpApi was given: it would be ignored`,
        fix: `configure ${name} on your API, or remove httpApi`,
      });
    }
  }
  return { rate, burst, jwt, parsedRoutes };
}
