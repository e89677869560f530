import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';

const METHODS = ['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** One parsed route key. @internal */
export interface ParsedRoute {
  readonly key: string;
  readonly routeKey: apigwv2.HttpRouteKey;
}

/**
 * Parses route keys (`METHOD /path` or `$default`) and records a problem for each malformed one.
 *
 * @internal
 */
export function parseRoutes(v: Validator, routes: string[]): ParsedRoute[] {
  const parsed: ParsedRoute[] = [];
  v.failIf(routes.length === 0, {
    code: ErrorCodes.LBP_HTTP_API_ROUTE,
    property: 'routes',
    value: '[]',
    limit: 'at least one route is needed',
    fix: 'leave routes unset for ANY /{proxy+}, or list route keys such as \'GET /orders\'',
  });
  const seen = new Set<string>();
  for (const key of routes) {
    if (seen.has(key)) {
      v.fail({
        code: ErrorCodes.LBP_HTTP_API_ROUTE_DUPLICATE,
        property: 'routes',
        value: `"${key}" listed twice`,
        limit: 'an HTTP API takes each route key (METHOD /path) once (ConflictException)',
        fix: 'list each route key once',
      });
      continue;
    }
    seen.add(key);
    if (key === '$default') {
      parsed.push({ key, routeKey: apigwv2.HttpRouteKey.DEFAULT });
      continue;
    }
    const m = /^(\S+) (\/\S*)$/.exec(key);
    const method = m?.[1];
    const path = m?.[2];
    const ok = m !== null && METHODS.includes(method!) && /^\/([A-Za-z0-9._~\-{}+]+(\/[A-Za-z0-9._~\-{}+]+)*)?$/.test(path!)
      && (!path!.includes('+}') || /\{[A-Za-z0-9_]+\+\}$/.test(path!));
    if (!ok) {
      v.fail({
        code: ErrorCodes.LBP_HTTP_API_ROUTE,
        property: 'routes',
        value: `"${key}"`,
        limit: `a route key is "METHOD /path" with METHOD one of ${METHODS.join(', ')} (a greedy {name+} only at the end), or $default`,
        fix: 'write e.g. \'GET /orders/{id}\', \'ANY /{proxy+}\' or \'$default\'',
      });
      continue;
    }
    parsed.push({ key, routeKey: apigwv2.HttpRouteKey.with(path!, method as apigwv2.HttpMethod) });
  }
  return parsed;
}
