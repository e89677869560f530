import { Names, RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as authorizers from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as integrations from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { validateHttpApiTriggerOptions } from './http-api-checks';
import { Validator } from '../../validation/validator';
import { accessLogGroupProps } from '../private/access-log-props';
import { TriggerBinding } from '../private/binding';
import { seconds } from '../private/duration';
import { checkTriggerOptions, HTTP_API_TRIGGER_SHAPE } from '../private/option-shapes';
import { requireSourceAccount } from '../private/source-account';
import { triggerScope } from '../private/trigger-scope';
import { ITrigger, ITriggerTarget, TriggerConfig } from '../trigger';

/**
 * The JSON access-log line of every request (HTTP API `$context` variables).
 */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  caller: '$context.identity.caller',
  routeKey: '$context.routeKey',
  protocol: '$context.protocol',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationStatus: '$context.integrationStatus',
  integrationLatency: '$context.integration.latency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
});

/**
 * Options of an HTTP API trigger.
 */
export interface HttpApiTriggerOptions {
  /**
   * The routes that invoke the function: `METHOD /path` keys (`GET /orders/{id}`, `ANY /{proxy+}`)
   * or `$default`.
   *
   * @default ['ANY /{proxy+}']
   */
  readonly routes?: string[];

  /**
   * An existing HTTP API to add the routes to. Its stages, access logs and throttling stay yours;
   * only the routes, integration and permissions are added.
   *
   * @default - a new HTTP API with a `$default` stage, access logs and throttling
   */
  readonly httpApi?: apigwv2.IHttpApi;

  /**
   * The issuer (an `https://` URL) of the JWTs callers present.
   *
   * With `jwtAudience`, it switches the routes from IAM to JWT authorization.
   *
   * @default - IAM authorization (callers sign requests with SigV4)
   */
  readonly jwtIssuer?: string;

  /**
   * The audiences a caller's JWT may carry (at least one). Required with `jwtIssuer`.
   *
   * @default - none
   */
  readonly jwtAudience?: string[];

  /**
   * Another authorizer for every route (a Lambda or Cognito authorizer). `HttpNoneAuthorizer` is
   * refused: every route needs authorization (AwsSolutions-APIG4).
   *
   * @default - IAM, or JWT when `jwtIssuer` is set
   */
  readonly authorizer?: apigwv2.IHttpRouteAuthorizer;

  /**
   * The OAuth scopes a JWT must carry (JWT and Cognito authorizers).
   *
   * @default - none
   */
  readonly authorizationScopes?: string[];

  /**
   * The steady-state request rate of the default route settings (requests per second, above 0).
   *
   * @default 100
   */
  readonly throttlingRateLimit?: number;

  /**
   * The burst capacity of the default route settings (whole requests, at least 1).
   *
   * @default 200
   */
  readonly throttlingBurstLimit?: number;

  /**
   * CORS preflight settings.
   *
   * @default - no CORS
   */
  readonly corsPreflight?: apigwv2.CorsPreflightOptions;

  /**
   * The API's name.
   *
   * @default - the construct id
   */
  readonly apiName?: string;

  /**
   * How long the access-log group keeps logs.
   *
   * @default RetentionDays.ONE_YEAR
   */
  readonly accessLogRetention?: logs.RetentionDays;

  /**
   * The customer-managed KMS key that encrypts the access logs (it must allow
   * `logs.<region>.amazonaws.com` when imported).
   *
   * @default - the stack's shared blueprint key
   */
  readonly accessLogEncryptionKey?: kms.IKey;

  /**
   * What happens to the access-log group when it leaves the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly accessLogRemovalPolicy?: RemovalPolicy;
}

/**
 * Serves the function's `live` alias over an API Gateway HTTP API: IAM (or JWT) authorization on
 * every route, JSON access logs in an encrypted log group with retention, default-route throttling,
 * and Lambda permissions scoped to each route's path. The function timeout is checked against the
 * 30-second integration limit.
 *
 * Create it with `Trigger.httpApi(...)`.
 */
export class HttpApiTrigger implements ITrigger {
  private readonly options: HttpApiTriggerOptions;
  private readonly binding = new TriggerBinding<{ api: apigwv2.IHttpApi; stage?: apigwv2.HttpStage; logGroup?: logs.LogGroup; routes: apigwv2.HttpRoute[] }>('HttpApiTrigger');

  /**
   * @param options the API's settings
   */
  constructor(options: HttpApiTriggerOptions = {}) {
    this.options = options;
  }

  /** The HTTP API (available once the trigger was added to a function). */
  public get api(): apigwv2.IHttpApi {
    return this.binding.resources('api').api;
  }

  /** The `$default` stage, when the trigger created the API. */
  public get stage(): apigwv2.HttpStage | undefined {
    return this.binding.resources('stage').stage;
  }

  /** The URL of the `$default` stage, when the trigger created the API. */
  public get url(): string | undefined {
    return this.binding.resources('url').stage?.url;
  }

  /** The access-log group, when the trigger created the API. */
  public get accessLogGroup(): logs.ILogGroup | undefined {
    return this.binding.resources('accessLogGroup').logGroup;
  }

  /** The routes that invoke the function. */
  public get routes(): apigwv2.HttpRoute[] {
    return [...this.binding.resources('routes').routes];
  }

  /** @inheritdoc */
  public bind(target: ITriggerTarget): TriggerConfig {
    this.binding.claim(target);
    const opts = this.options;
    const scope = triggerScope(target, 'HttpApi');
    requireSourceAccount(scope);
    const v = new Validator(scope);
    checkTriggerOptions(v, this.options, HTTP_API_TRIGGER_SHAPE);
    const { rate, burst, jwt, parsedRoutes } = validateHttpApiTriggerOptions(v, opts, { timeoutSeconds: seconds(target.timeout) });
    v.throwIfAny();

    // The authorizer and integration constructs live under the API: on an API shared by several
    // functions, their ids must be unique per function.
    const sharedSuffix = opts.httpApi ? Names.uniqueId(scope) : '';
    const authorizer = opts.authorizer
      ?? (jwt
        ? new authorizers.HttpJwtAuthorizer(`JwtAuthorizer${sharedSuffix}`, opts.jwtIssuer!, { jwtAudience: opts.jwtAudience! })
        : new authorizers.HttpIamAuthorizer());

    let api = opts.httpApi;
    let stage: apigwv2.HttpStage | undefined;
    let logGroup: logs.LogGroup | undefined;
    if (!api) {
      const created = new apigwv2.HttpApi(scope, 'Api', {
        apiName: opts.apiName,
        description: `HTTP API of ${target.node.path}`,
        corsPreflight: opts.corsPreflight,
        createDefaultStage: false,
      });
      api = created;
      ({ stage, logGroup } = createStage(scope, created, target, { ...opts, throttlingRateLimit: rate, throttlingBurstLimit: burst }));
    }

    // One integration; each route adds its own Lambda permission, scoped to its path.
    const integration = new integrations.HttpLambdaIntegration(`Integration${sharedSuffix}`, target.alias);
    const routes = parsedRoutes.map((route, i) => new apigwv2.HttpRoute(scope, `Route${i}`, {
      httpApi: api!,
      routeKey: route.routeKey,
      integration,
      authorizer,
      authorizationScopes: opts.authorizationScopes,
    }));

    this.binding.record(target, { api, stage, logGroup, routes });
    return { description: `HTTP API routes ${parsedRoutes.map((r) => r.key).join(', ')}` };
  }

}

function createStage(scope: Construct, api: apigwv2.HttpApi, target: ITriggerTarget, opts: HttpApiTriggerOptions) {
  const logGroup = new logs.LogGroup(scope, 'AccessLogs', accessLogGroupProps(scope, opts));
  const stage = new apigwv2.HttpStage(scope, 'DefaultStage', {
    httpApi: api,
    stageName: '$default',
    autoDeploy: true,
    description: `Default stage of the HTTP API of ${target.node.path}`,
    throttle: { rateLimit: opts.throttlingRateLimit, burstLimit: opts.throttlingBurstLimit },
    accessLogSettings: {
      destination: new apigwv2.LogGroupLogDestination(logGroup),
      format: apigw.AccessLogFormat.custom(ACCESS_LOG_FORMAT),
    },
  });
  return { stage, logGroup };
}
