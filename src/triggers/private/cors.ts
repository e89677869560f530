import { Duration, Token } from 'aws-cdk-lib';
import { ErrorCodes } from '../../validation/error-codes';
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
    code: ErrorCodes.LBP_CORS,
    property: `${property}.allowCredentials`,
    value: 'true with the origin *',
    limit: 'credentialed CORS requests need an explicit origin: API Gateway refuses `*` with credentials and browsers reject the answer',
    fix: 'list the origins (e.g. [\'https://app.example.com\']) or drop allowCredentials',
  });
  const age = cors.maxAge && !cors.maxAge.isUnresolved() ? cors.maxAge.toSeconds({ integral: false }) : undefined;
  v.range(ErrorCodes.LBP_CORS, `${property}.maxAge`, age, maxAge.min, maxAge.max, {
    unit: 'seconds',
    integer: true,
    source: maxAge.api,
    fix: `set ${property}.maxAge to at most Duration.days(1)`,
  });
}

/** The list limits of a function URL's CORS settings (Lambda API reference, `Cors`). */
const FUNCTION_URL_CORS_LISTS: ReadonlyArray<{ property: string; items: number; length: number; min: number }> = [
  { property: 'allowedOrigins', items: 100, length: 253, min: 1 },
  { property: 'allowedHeaders', items: 100, length: 1024, min: 0 },
  { property: 'allowedMethods', items: 6, length: 6, min: 0 },
  { property: 'exposedHeaders', items: 100, length: 1024, min: 0 },
];

/**
 * Checks the lists of a function URL's CORS settings against the Lambda API's limits: at most 100
 * origins (each 1 to 253 characters), 100 allowed or exposed headers (each up to 1,024 characters)
 * and 6 methods.
 *
 * @internal
 */
export function checkFunctionUrlCorsLists(v: Validator, cors: { readonly [list: string]: unknown } | undefined): void {
  for (const { property, items, length, min } of FUNCTION_URL_CORS_LISTS) {
    const list = cors?.[property];
    if (!Array.isArray(list) || Token.isUnresolved(list)) {
      continue;
    }
    v.failIf(list.length > items, {
      code: ErrorCodes.LBP_CORS,
      property: `cors.${property}`,
      value: `${list.length} entries`,
      limit: `a function URL takes at most ${items} (Lambda API, Cors.${property === 'allowedMethods' ? 'AllowMethods' : property})`,
      fix: property === 'allowedMethods' ? "list each method once, or use ['*'] (lambda.HttpMethod.ALL)" : `list at most ${items}, or use '*'`,
    });
    if (property === 'allowedMethods') {
      // aws-cdk-lib's HttpMethod has OPTIONS, which Lambda refuses (browsers send preflights themselves).
      v.failIf(list.includes('OPTIONS'), {
        code: ErrorCodes.LBP_CORS,
        property: 'cors.allowedMethods',
        value: 'OPTIONS',
        limit: 'a function URL allows GET, PUT, HEAD, POST, PATCH, DELETE or * (AWS::Lambda::Url Cors AllowMethods); the URL answers preflight OPTIONS requests itself',
        fix: 'drop HttpMethod.OPTIONS from allowedMethods',
      });
      continue;
    }
    const bad = list.find((x) => typeof x === 'string' && !Token.isUnresolved(x) && (x.length > length || x.length < min));
    v.failIf(bad !== undefined, {
      code: ErrorCodes.LBP_CORS,
      property: `cors.${property}`,
      value: `'${String(bad).slice(0, 40)}' (${String(bad).length} characters)`,
      limit: `each entry is ${min} to ${length} characters (Lambda API, Cors)`,
      fix: 'shorten the entry',
    });
  }
}
