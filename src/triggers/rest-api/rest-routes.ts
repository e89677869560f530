import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';

const METHODS = ['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** One parsed REST API route. @internal */
export interface RestRoute {
  readonly key: string;
  readonly method: string;
  readonly path: string;
}

/**
 * Parses REST API routes (`METHOD /path`, a greedy `{name+}` only as the last segment) and records a
 * problem for each malformed or duplicate one.
 *
 * @internal
 */
export function parseRestRoutes(v: Validator, routes: string[]): RestRoute[] {
  const parsed: RestRoute[] = [];
  v.failIf(routes.length === 0, {
    code: ErrorCodes.LBP_REST_API_ROUTE,
    property: 'routes',
    value: '[]',
    limit: 'at least one route is needed',
    fix: 'leave routes unset for ANY /{proxy+}, or list routes such as \'GET /orders/{id}\'',
  });
  const seen = new Set<string>();
  for (const key of routes) {
    const m = /^(\S+) (\/\S*)$/.exec(key);
    const method = m?.[1];
    const path = m?.[2];
    const ok = m !== null && METHODS.includes(method!)
      && /^((\/([A-Za-z0-9._~-]+|\{[A-Za-z0-9_]+\}))*(\/\{[A-Za-z0-9_]+\+\})?|\/)$/.test(path!);
    if (!ok) {
      v.fail({
        code: ErrorCodes.LBP_REST_API_ROUTE,
        property: 'routes',
        value: `"${key}"`,
        limit: `a route is "METHOD /path" with METHOD one of ${METHODS.join(', ')}, path segments of letters, digits, ._~- or {name}, and a greedy {name+} only as the last segment`,
        fix: 'write e.g. \'GET /orders/{id}\', \'POST /orders\' or \'ANY /{proxy+}\'',
      });
      continue;
    }
    const normalised = `${method} ${path}`;
    if (seen.has(normalised)) {
      v.fail({
        code: ErrorCodes.LBP_REST_API_ROUTE,
        property: 'routes',
        value: `"${key}" (twice)`,
        limit: 'a REST API resource has at most one method per HTTP verb',
        fix: 'list each route once',
      });
      continue;
    }
    seen.add(normalised);
    parsed.push({ key, method: method!, path: path! });
  }
  return parsed;
}
