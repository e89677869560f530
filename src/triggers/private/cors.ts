import { Duration, Token } from 'aws-cdk-lib';
import { ErrorCodes as Codes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';

/** The CORS settings both HTTP APIs and function URLs have. @internal */
export interface CorsSettings {
  readonly origins?: string[];
  readonly credentials?: boolean;
  readonly maxAge?: Duration;
}

/**
 * Checks CORS settings before they reach aws-cdk-lib (which throws uncoded errors for some) or AWS:
 * credentials with a `*` origin (API Gateway refuses it; browsers refuse the answer of a function
 * URL), and a preflight cache age outside what the service accepts.
 *
 * @internal
 */
export function checkCors(v: Validator, property: string, cors: CorsSettings | undefined, maxAge: { min: number; max: number; api: string }): void {
  if (!cors) {
    return;
  }
  const wildcard = (cors.origins ?? []).some((o) => !Token.isUnresolved(o) && o === '*');
  v.failIf(wildcard && cors.credentials === true, {
    code: Codes.CORS,
    property: `${property}.allowCredentials`,
    value: 'true with the origin *',
    limit: 'credentialed CORS requests need an explicit origin: API Gateway refuses `*` with credentials and browsers reject the answer',
    fix: 'list the origins (e.g. [\'https://app.example.com\']) or drop allowCredentials',
  });
  const age = cors.maxAge && !cors.maxAge.isUnresolved() ? cors.maxAge.toSeconds({ integral: false }) : undefined;
  v.range(Codes.CORS, `${property}.maxAge`, age, maxAge.min, maxAge.max, {
    unit: 'seconds',
    integer: true,
    source: maxAge.api,
    fix: `set ${property}.maxAge to at most Duration.days(1)`,
  });
}
