import { Duration, Token } from 'aws-cdk-lib';
import { type WebSocketApiTriggerOptions } from './websocket-api-trigger';
import { ErrorCodes } from '../../validation/error-codes';
import { PROP_SHAPES } from '../../validation/prop-shapes.generated';
import { Validator } from '../../validation/validator';
import { checkApiThrottling } from '../private/api-throttling';
import { seconds } from '../private/duration';
import { checkTriggerOptions } from '../private/option-shapes';

/** A WebSocket API waits at most 29 s for an integration; the quota cannot be raised. */
const INTEGRATION_LIMIT_SECONDS = 29;
/** Routes per WebSocket API (default quota). */
const MAX_ROUTES = 300;

/**
 * The checks of {@link WebSocketApiTriggerOptions} (types, throttling, `$connect` auth, route keys and
 * their count, the stage name) and of the function's timeout against the integration's 29 seconds.
 * Creates nothing. Returns the resolved throttling, custom route keys and stage name.
 *
 * @internal
 */
export function validateWebSocketApiTriggerOptions(v: Validator, opts: WebSocketApiTriggerOptions, fn: { readonly timeout: Duration }) {
  checkTriggerOptions(v, opts, PROP_SHAPES.WebSocketApiTriggerOptions);
  const timeout = seconds(fn.timeout);
  v.failIf(timeout !== undefined && timeout > INTEGRATION_LIMIT_SECONDS, {
    code: ErrorCodes.LBP_WEBSOCKET_TIMEOUT,
    property: 'timeout',
    value: `${timeout} seconds`,
    limit: `a WebSocket API waits at most ${INTEGRATION_LIMIT_SECONDS} seconds for its integration (a quota that cannot be raised)`,
    fix: `set the function's timeout to Duration.seconds(${INTEGRATION_LIMIT_SECONDS}) or less, and push late results over @connections`,
  });
  const { rate, burst } = checkApiThrottling(v, opts, { code: ErrorCodes.LBP_WEBSOCKET_THROTTLE, unit: 'messages', quota: 'API Gateway' });
  v.failIf(opts.allowPublicConnect === true && opts.connectAuthorizer !== undefined, {
    code: ErrorCodes.LBP_WEBSOCKET_AUTH,
    property: 'allowPublicConnect',
    value: 'true with a connectAuthorizer',
    limit: '$connect is either public or authorized',
    fix: 'remove allowPublicConnect or connectAuthorizer',
  });
  const custom = opts.routes ?? [];
  const seen = new Set<string>();
  for (const key of custom) {
    const ok = !Token.isUnresolved(key) && /^[^$\s][^\s]{0,127}$/.test(key);
    v.failIf(!ok, {
      code: ErrorCodes.LBP_WEBSOCKET_ROUTE,
      property: 'routes',
      value: `"${key}"`,
      limit: 'a custom route key is 1 to 128 characters without spaces, and must not start with $ ($connect, $disconnect and $default are always added)',
      fix: 'use the value your route selection expression picks, e.g. \'sendMessage\'',
    });
    v.failIf(ok && seen.has(key), {
      code: ErrorCodes.LBP_WEBSOCKET_ROUTE,
      property: 'routes',
      value: `"${key}" (twice)`,
      limit: 'each route key once',
      fix: 'list each route key once',
    });
    seen.add(key);
  }
  v.failIf(custom.length + 3 > MAX_ROUTES, {
    code: ErrorCodes.LBP_WEBSOCKET_ROUTE,
    property: 'routes',
    value: `${custom.length} custom routes`,
    limit: `a WebSocket API has at most ${MAX_ROUTES} routes (the three $ routes included)`,
    fix: 'route by a field of the message in fewer route keys, or use $default',
  });
  const stageName = opts.stageName ?? 'prod';
  v.failIf(!Token.isUnresolved(stageName) && !/^[A-Za-z0-9_-]{1,128}$/.test(stageName), {
    code: ErrorCodes.LBP_WEBSOCKET_ROUTE,
    property: 'stageName',
    value: `"${stageName}"`,
    limit: 'a stage name is 1 to 128 letters, digits, hyphens or underscores',
    fix: 'set stageName to e.g. \'prod\'',
  });
  return { rate, burst, custom, stageName };
}
