import { Annotations, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as authorizers from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as integrations from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';
import { validateWebSocketApiTriggerOptions } from './websocket-api-checks';
import { acknowledge, acknowledgeResourceWildcards } from '../../acknowledgements/acknowledge';
import { EndpointAccessAcknowledgement, ResourceWildcardAcknowledgement } from '../../acknowledgements/acknowledgements';
import { AnnotationIds } from '../../validation/annotation-ids';
import { noteSynchronousInvoker } from '../../validation/sync-note';
import { Validator } from '../../validation/validator';
import { accessLogGroupProps } from '../private/access-log-props';
import { createApiGatewayAccountRole } from '../private/apigw-account-role';
import { targetRole, TriggerBinding } from '../private/binding';
import { requireSourceAccount } from '../private/source-account';
import { triggerScope } from '../private/trigger-scope';
import { ITrigger, ITriggerTarget, TriggerConfig } from '../trigger';

/** The JSON access-log line of every WebSocket event (`$context` variables). */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  connectionId: '$context.connectionId',
  eventType: '$context.eventType',
  routeKey: '$context.routeKey',
  status: '$context.status',
  sourceIp: '$context.identity.sourceIp',
  caller: '$context.identity.caller',
  integrationStatus: '$context.integrationStatus',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
});

/**
 * Options of a WebSocket API trigger.
 */
export interface WebSocketApiTriggerOptions {
  /**
   * Custom route keys (values of the route selection expression, e.g. `sendMessage`), invoked in
   * addition to `$connect`, `$disconnect` and `$default`.
   *
   * @default - none: `$connect`, `$disconnect` and `$default` only
   */
  readonly routes?: string[];

  /**
   * The expression that picks a message's route.
   *
   * @default '$request.body.action'
   */
  readonly routeSelectionExpression?: string;

  /**
   * The authorizer of the `$connect` route (a Lambda request authorizer, for example). Authorization
   * happens once per connection, on `$connect` only.
   *
   * @default - IAM authorization (clients sign the connection request with SigV4)
   */
  readonly connectAuthorizer?: apigwv2.IWebSocketRouteAuthorizer;

  /**
   * Accepts connections without authorization. Only when the function authenticates clients itself;
   * refused together with `connectAuthorizer`.
   *
   * @default false
   */
  readonly allowPublicConnect?: boolean;

  /**
   * Lets the function send to, read and close connections of this stage (`execute-api:ManageConnections`
   * on `@connections`), which a handler needs to push messages to clients.
   *
   * @default true
   */
  readonly manageConnections?: boolean;

  /**
   * The name of the stage.
   *
   * @default 'prod'
   */
  readonly stageName?: string;

  /**
   * The stage's steady-state message rate for every route (per second, above 0, at most 10,000).
   *
   * @default 100
   */
  readonly throttlingRateLimit?: number;

  /**
   * The stage's burst capacity for every route (whole messages, 1 to 5,000).
   *
   * @default 200
   */
  readonly throttlingBurstLimit?: number;

  /**
   * Creates the Region's API Gateway CloudWatch Logs role and sets it in the account settings. See
   * `RestApiTriggerOptions.cloudWatchRole` (the same one-per-account-and-Region setting).
   *
   * @default false
   */
  readonly cloudWatchRole?: boolean;

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
   * The customer-managed KMS key that encrypts the access logs.
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

interface Bound {
  readonly api: apigwv2.WebSocketApi;
  readonly stage: apigwv2.WebSocketStage;
  readonly accessLogGroup: logs.LogGroup;
  readonly routes: apigwv2.WebSocketRoute[];
  readonly cloudWatchRole?: iam.IRole;
}

/**
 * Serves the function's `live` alias over an API Gateway WebSocket API: `$connect` (IAM authorization
 * unless told otherwise), `$disconnect`, `$default` and custom routes, one integration per route (each
 * with its own permission scoped to the API and route), stage throttling and JSON access logs in an
 * encrypted log group. The function timeout is checked against the 29-second integration limit.
 *
 * Every message is a synchronous invocation: nothing is retried or queued, and `$disconnect` is
 * best-effort (keep a TTL on connection records).
 *
 * Create it with `Trigger.webSocketApi(...)`.
 */
export class WebSocketApiTrigger implements ITrigger {
  private readonly options: WebSocketApiTriggerOptions;
  private readonly binding = new TriggerBinding<Bound>('WebSocketApiTrigger');

  /**
   * @param options the API's settings
   */
  constructor(options: WebSocketApiTriggerOptions = {}) {
    this.options = options;
  }

  /** The WebSocket API (available once the trigger was added to a function). */
  public get api(): apigwv2.WebSocketApi {
    return this.binding.resources('api').api;
  }

  /** The stage (throttling, access logs). */
  public get stage(): apigwv2.WebSocketStage {
    return this.binding.resources('stage').stage;
  }

  /** The `wss://` URL clients connect to. */
  public get url(): string {
    return this.binding.resources('url').stage.url;
  }

  /** The `https://` URL of the `@connections` management API. */
  public get callbackUrl(): string {
    return this.binding.resources('callbackUrl').stage.callbackUrl;
  }

  /** The access-log group (JSON lines, encrypted). */
  public get accessLogGroup(): logs.ILogGroup {
    return this.binding.resources('accessLogGroup').accessLogGroup;
  }

  /** The routes: `$connect`, `$disconnect`, `$default`, then the custom ones. */
  public get routes(): apigwv2.WebSocketRoute[] {
    return [...this.binding.resources('routes').routes];
  }

  /** The account-level API Gateway CloudWatch Logs role, when `cloudWatchRole` is true. */
  public get cloudWatchRole(): iam.IRole | undefined {
    return this.binding.resources('cloudWatchRole').cloudWatchRole;
  }

  /** @inheritdoc */
  public bind(target: ITriggerTarget): TriggerConfig {
    this.binding.claim(target);
    const opts = this.options;
    const scope = triggerScope(target, 'WebSocketApi');
    requireSourceAccount(scope);
    const v = new Validator(scope);
    const { rate, burst, custom, stageName } = validateWebSocketApiTriggerOptions(v, opts, target);
    v.throwIfAny();

    const api = new apigwv2.WebSocketApi(scope, 'Api', {
      apiName: opts.apiName,
      description: `WebSocket API of ${target.node.path}`,
      routeSelectionExpression: opts.routeSelectionExpression ?? '$request.body.action',
    });

    const routes = this.createRoutes(scope, target, api, custom);

    const { accessLogGroup, stage, cloudWatchRole } = this.createStage(scope, target, api, { rate, burst, stageName });

    if (opts.manageConnections !== false) {
      this.grantManageConnections(target, api, stageName);
    }
    noteSynchronousInvoker(scope, 'WebSocket API', 'the client receives the error, and $disconnect is best-effort');

    this.binding.record(target, { api, stage, accessLogGroup, routes, cloudWatchRole });
    return { description: `WebSocket API routes ${['$connect', '$disconnect', '$default', ...custom].join(', ')}` };
  }

  /** Build: `$connect` (IAM-authorized unless public or your authorizer), `$disconnect`, `$default` and your routes, one integration each. */
  private createRoutes(scope: Construct, target: ITriggerTarget, api: apigwv2.WebSocketApi, custom: string[]): apigwv2.WebSocketRoute[] {
    const opts = this.options;
    // One integration per route: a shared instance only permitted its first route (aws-cdk#38148).
    const integration = (key: string) => new integrations.WebSocketLambdaIntegration(`Integration${routeId(key)}`, target.alias);
    const isPublic = opts.allowPublicConnect === true;
    const routes: apigwv2.WebSocketRoute[] = [];
    for (const key of ['$connect', '$disconnect', '$default', ...custom]) {
      const route = new apigwv2.WebSocketRoute(scope, `Route${routeId(key)}`, {
        webSocketApi: api,
        routeKey: key,
        integration: integration(key),
        authorizer: key === '$connect' && !isPublic ? (opts.connectAuthorizer ?? new authorizers.WebSocketIamAuthorizer()) : undefined,
      });
      routes.push(route);
      if (key !== '$connect') {
        acknowledge(route, EndpointAccessAcknowledgement.WEBSOCKET_ROUTE_AUTH);
      } else if (isPublic) {
        acknowledge(route, EndpointAccessAcknowledgement.WEBSOCKET_PUBLIC_CONNECT);
      }
    }
    return routes;
  }

  /** Build: the access log group, the throttled stage, and the account's CloudWatch role when asked for (else a note). */
  private createStage(
    scope: Construct, target: ITriggerTarget, api: apigwv2.WebSocketApi, settings: { rate?: number; burst?: number; stageName: string },
  ) {
    const opts = this.options;
    const { rate, burst, stageName } = settings;
    const accessLogGroup = new logs.LogGroup(scope, 'AccessLogs', accessLogGroupProps(scope, opts));
    const stage = new apigwv2.WebSocketStage(scope, 'Stage', {
      webSocketApi: api,
      stageName,
      autoDeploy: true,
      description: `Stage of the WebSocket API of ${target.node.path}`,
      throttle: { rateLimit: rate, burstLimit: burst },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogGroup),
        format: apigw.AccessLogFormat.custom(ACCESS_LOG_FORMAT),
      },
    });

    let cloudWatchRole: iam.IRole | undefined;
    if (opts.cloudWatchRole === true) {
      const account = createApiGatewayAccountRole(scope);
      cloudWatchRole = account.role;
      stage.node.addDependency(account.account);
    } else {
      Annotations.of(scope).addInfoV2(AnnotationIds.API_GATEWAY_ACCOUNT_ROLE, 'API Gateway access logs need the '
        + 'account-level CloudWatch Logs role of this Region (AWS::ApiGateway::Account). This trigger does not set it '
        + '(cloudWatchRole: false): set it once per account and Region, e.g. with cloudWatchRole: true in one stack.');
    }
    return { accessLogGroup, stage, cloudWatchRole };
  }

  /**
   * `execute-api:ManageConnections` on this stage's `@connections/*` (POST to send, GET to read,
   * DELETE to close); connection ids are only known at run time, hence the one wildcard.
   */
  private grantManageConnections(target: ITriggerTarget, api: apigwv2.WebSocketApi, stageName: string): void {
    const stack = Stack.of(api);
    // A literal partition where the Region is known (the template and the finding id name it as it is).
    const partition = Token.isUnresolved(stack.region) ? stack.partition : (RegionInfo.get(stack.region).partition ?? stack.partition);
    const resource = `arn:${partition}:execute-api:${stack.region}:${stack.account}:${api.apiId}/${stageName}/*/@connections/*`;
    // A library-only policy: its one statement carries the acknowledgement, and the user's own grants
    // (in the function's `policy`) never fall under it.
    const policy = new iam.ManagedPolicy(api, 'ManageConnectionsPolicy', {
      description: `execute-api:ManageConnections of ${target.node.path} on the stage ${stageName} of ${api.node.path}`,
      roles: [targetRole(target, 'WebSocket API trigger')],
      statements: [new iam.PolicyStatement({
        actions: ['execute-api:ManageConnections'],
        resources: [resource],
      })],
    });
    // Without an account and Region the id holds '<AWS::Partition>', '<AWS::Region>', '<AWS::AccountId>'.
    acknowledgeResourceWildcards(policy, ResourceWildcardAcknowledgement.WEBSOCKET_CONNECTIONS, [resource]);
  }

}

/** A construct-id-safe form of a route key (`$connect` -> `Connect`). */
function routeId(key: string): string {
  const clean = key.replace(/[^A-Za-z0-9]/g, '');
  return clean.charAt(0).toUpperCase() + clean.slice(1);
}
