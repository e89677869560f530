import { Token } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { type RestApiTriggerOptions } from './rest-api-trigger';
import { parseRestRoutes } from './rest-routes';
import { AnnotationIds } from '../../validation/annotation-ids';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';
import { checkApiThrottling } from '../private/api-throttling';
import { seconds } from '../private/duration';
import { REST_STREAM_EDGE_IDLE_SECONDS, REST_STREAM_MAX_SECONDS } from '../private/streaming';

/** The default REST integration timeout, and the ceiling without a quota increase. */
const DEFAULT_INTEGRATION_SECONDS = 29;
/** The ceiling after a Service Quotas increase (Regional and private APIs only). */
const RAISED_INTEGRATION_SECONDS = 300;

/**
 * The checks of {@link RestApiTriggerOptions}, run by the trigger when it is added and by
 * `RestApiFunction` before it creates anything (with the timeout its function will have, when known).
 * Returns the values they resolved.
 *
 * @internal
 */
export function validateRestApiTriggerOptions(v: Validator, opts: RestApiTriggerOptions, fn: { readonly timeoutSeconds?: number }) {
  v.failIf(opts.tenantIdHeader !== undefined && !Token.isUnresolved(opts.tenantIdHeader) && !/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(opts.tenantIdHeader), {
    code: ErrorCodes.LBP_TENANCY_INVOKER,
    property: 'tenantIdHeader',
    value: `"${opts.tenantIdHeader}"`,
    limit: 'an HTTP header name is one token: letters, digits and !#$%&\'*+-.^_`|~, no spaces or colons',
    fix: 'name the header your clients send the tenant id in, e.g. "x-tenant-id"',
  });
  const endpointType = opts.endpointType ?? apigw.EndpointType.REGIONAL;
  const raised = opts.integrationTimeoutQuotaRaised === true;
  const streaming = opts.responseTransferMode === apigw.ResponseTransferMode.STREAM;
  const integration = seconds(opts.integrationTimeout) ?? (opts.integrationTimeout ? undefined : DEFAULT_INTEGRATION_SECONDS);
  v.failIf(raised && endpointType === apigw.EndpointType.EDGE && !streaming, {
    code: ErrorCodes.LBP_REST_API_TIMEOUT,
    property: 'integrationTimeoutQuotaRaised',
    value: 'true with EndpointType.EDGE',
    limit: 'integration timeouts above 29 s apply to Regional and private REST APIs only (or to any endpoint type with ResponseTransferMode.STREAM)',
    fix: 'use EndpointType.REGIONAL (the default) or PRIVATE, stream the response (responseTransferMode: ResponseTransferMode.STREAM), or keep the integration timeout at 29 s or less',
  });
  if (integration !== undefined) {
    v.failIf(integration < 0.05 || integration > integrationCeiling(streaming, raised), {
      code: ErrorCodes.LBP_REST_API_TIMEOUT,
      property: 'integrationTimeout',
      value: `${integration} seconds`,
      ...integrationLimit(streaming, raised),
    });
  }
  const timeout = fn.timeoutSeconds;
  v.failIf(timeout !== undefined && integration !== undefined && timeout > integration, {
    code: ErrorCodes.LBP_REST_API_TIMEOUT,
    property: 'timeout',
    value: `${timeout} seconds`,
    limit: `the REST API waits at most ${integration} seconds for its integration, then answers 504 while the function keeps running (and billing)`,
    fix: streaming
      ? `set integrationTimeout to at least the function's timeout (a streamed response may last up to ${REST_STREAM_MAX_SECONDS} s), or set the function's timeout to Duration.seconds(${integration}) or less`
      : `set the function's timeout to Duration.seconds(${integration}) or less, stream the response (responseTransferMode: ResponseTransferMode.STREAM, up to 15 minutes), or move long work behind a queue (Trigger.sqs) and answer 202`,
  });
  const { rate, burst } = checkApiThrottling(v, opts, { code: ErrorCodes.LBP_REST_API_THROTTLE, unit: 'requests', quota: 'API Gateway' });
  const cognitoPools = opts.cognitoUserPools ?? [];
  const isPublic = opts.allowPublicAccess === true;
  v.failIf(isPublic && (opts.authorizer !== undefined || cognitoPools.length > 0), {
    code: ErrorCodes.LBP_REST_API_AUTH,
    property: 'allowPublicAccess',
    value: 'true with an authorizer',
    limit: 'a method is either public or authorized',
    fix: 'remove allowPublicAccess, or remove authorizer and cognitoUserPools',
  });
  v.failIf(opts.authorizer !== undefined && cognitoPools.length > 0, {
    code: ErrorCodes.LBP_REST_API_AUTH,
    property: 'authorizer',
    value: 'an authorizer and cognitoUserPools',
    limit: 'every method has one authorizer',
    fix: 'pass either authorizer or cognitoUserPools',
  });
  v.failIf((opts.authorizationScopes?.length ?? 0) > 0 && cognitoPools.length === 0
    && opts.authorizer?.authorizationType !== apigw.AuthorizationType.COGNITO, {
    code: ErrorCodes.LBP_REST_API_AUTH,
    property: 'authorizationScopes',
    value: JSON.stringify(opts.authorizationScopes),
    limit: 'OAuth scopes only apply to Cognito authorizers',
    fix: 'set cognitoUserPools, or remove authorizationScopes',
  });
  const stageName = opts.stageName ?? 'prod';
  v.failIf(!Token.isUnresolved(stageName) && !/^[A-Za-z0-9_-]{1,128}$/.test(stageName), {
    code: ErrorCodes.LBP_REST_API_STAGE,
    property: 'stageName',
    value: `"${stageName}"`,
    limit: 'a stage name is 1 to 128 letters, digits, hyphens or underscores',
    fix: 'set stageName to e.g. \'prod\'',
  });
  const routes = parseRestRoutes(v, opts.routes ?? ['ANY /{proxy+}']);
  return { endpointType, rate, burst, cognitoPools, isPublic, stageName, routes };
}

/** The integration timeout ceiling: 15 minutes when streamed, else 29 s (300 s after the quota increase). */
function integrationCeiling(streaming: boolean, raised: boolean): number {
  if (streaming) {
    return REST_STREAM_MAX_SECONDS;
  }
  return raised ? RAISED_INTEGRATION_SECONDS : DEFAULT_INTEGRATION_SECONDS;
}

/** The limit and fix of an integration timeout out of range, for the transfer mode. */
function integrationLimit(streaming: boolean, raised: boolean): { limit: string; fix: string } {
  if (streaming) {
    return {
      limit: `a streamed (ResponseTransferMode.STREAM) REST API integration timeout is 50 ms to ${REST_STREAM_MAX_SECONDS} s (15 minutes)`,
      fix: `set integrationTimeout between 50 ms and ${REST_STREAM_MAX_SECONDS} s`,
    };
  }
  return raised ? {
    limit: `a REST API integration timeout is 50 ms to ${RAISED_INTEGRATION_SECONDS} s (after the quota increase)`,
    fix: `set integrationTimeout between 50 ms and ${RAISED_INTEGRATION_SECONDS} s, or stream the response (responseTransferMode: ResponseTransferMode.STREAM, up to ${REST_STREAM_MAX_SECONDS} s)`,
  } : {
    limit: `a REST API integration timeout is 50 ms to ${DEFAULT_INTEGRATION_SECONDS} s (above 29 s only after a Service Quotas increase, Regional and private APIs only, or with ResponseTransferMode.STREAM)`,
    fix: `set integrationTimeout between 50 ms and ${DEFAULT_INTEGRATION_SECONDS} s, request the quota increase and set integrationTimeoutQuotaRaised: true, or stream the response (responseTransferMode: ResponseTransferMode.STREAM)`,
  };
}

/**
 * Warns when a streamed response on an edge-optimized API may idle longer than its 30 s idle timeout
 * (the function may run longer). Called by the trigger only, so a pattern that checks the same options
 * first does not warn twice.
 *
 * @internal
 */
export function warnAboutStreamIdleTimeout(v: Validator, opts: RestApiTriggerOptions, fn: { readonly timeoutSeconds?: number }): void {
  const timeout = fn.timeoutSeconds;
  const endpointType = opts.endpointType ?? apigw.EndpointType.REGIONAL;
  const streaming = opts.responseTransferMode === apigw.ResponseTransferMode.STREAM;
  if (streaming && endpointType === apigw.EndpointType.EDGE && timeout !== undefined && timeout > REST_STREAM_EDGE_IDLE_SECONDS) {
    v.warn(AnnotationIds.STREAMING_EDGE_IDLE_TIMEOUT, 'endpointType', (p) =>
      `${p} is EDGE with a streamed response and a function timeout of ${timeout} s: an edge-optimized API closes a stream after `
      + `${REST_STREAM_EDGE_IDLE_SECONDS} s without a byte (Regional and private APIs: 5 minutes). Send a byte at least every `
      + `${REST_STREAM_EDGE_IDLE_SECONDS} s (e.g. a server-sent-events comment), or use EndpointType.REGIONAL.`);
  }
}
