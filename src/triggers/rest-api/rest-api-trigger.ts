import { Annotations, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { validateRestApiTriggerOptions, warnAboutStreamIdleTimeout } from './rest-api-checks';
import { acknowledge } from '../../acknowledgements/acknowledge';
import { EndpointAccessAcknowledgement } from '../../acknowledgements/acknowledgements';
import { markTenantIsolationCapable } from '../../function/tenant-isolation-triggers';
import { AnnotationIds } from '../../validation/annotation-ids';
import { noteSynchronousInvoker } from '../../validation/sync-note';
import { Validator } from '../../validation/validator';
import { accessLogGroupProps } from '../private/access-log-props';
import { createApiGatewayAccountRole } from '../private/apigw-account-role';
import { TriggerBinding } from '../private/binding';
import { seconds } from '../private/duration';
import { checkTriggerOptions, REST_API_TRIGGER_SHAPE } from '../private/option-shapes';
import { requireSourceAccount } from '../private/source-account';
import { warnIfRuntimeCannotStream } from '../private/streaming';
import { triggerScope } from '../private/trigger-scope';
import { ITrigger, ITriggerTarget, TriggerConfig } from '../trigger';

/**
 * Options of a REST API trigger.
 */
export interface RestApiTriggerOptions {
  /**
   * The request header whose value API Gateway passes to Lambda as the tenant id, for a function in tenant isolation mode.
   *
   * Every method requires the header (the request validator answers 400 without it) and maps it to
   * `X-Amz-Tenant-Id` (https://docs.aws.amazon.com/lambda/latest/dg/tenant-isolation-invoke.html).
   * Required on a function with `tenancy`.
   *
   * @default - no tenant id
   */
  readonly tenantIdHeader?: string;

  /**
   * The routes that invoke the function: `METHOD /path` (`GET /orders/{id}`, `ANY /{proxy+}`, `GET /`).
   *
   * @default ['ANY /{proxy+}']
   */
  readonly routes?: string[];

  /**
   * Cognito user pools whose ID or access tokens callers present. Switches every method from IAM to a
   * Cognito authorizer (which also satisfies AwsSolutions-COG4).
   *
   * @default - IAM authorization (callers sign requests with SigV4)
   */
  readonly cognitoUserPools?: cognito.IUserPool[];

  /**
   * Another authorizer for every method (a Lambda token or request authorizer, or your own Cognito
   * authorizer).
   *
   * @default - IAM, or Cognito when `cognitoUserPools` is set
   */
  readonly authorizer?: apigw.IAuthorizer;

  /**
   * The OAuth scopes an access token must carry (Cognito authorizers only).
   *
   * @default - none
   */
  readonly authorizationScopes?: string[];

  /**
   * Serves every method without authorization. Only for APIs that must be public and authenticate
   * callers in the function; refused together with an authorizer.
   *
   * @default false
   */
  readonly allowPublicAccess?: boolean;

  /**
   * How long API Gateway waits for the function before answering 504 (50 ms to 29 s, up to 300 s
   * with `integrationTimeoutQuotaRaised`, or up to 15 minutes with `ResponseTransferMode.STREAM`). The
   * function timeout must not exceed it.
   *
   * @default Duration.seconds(29)
   */
  readonly integrationTimeout?: Duration;

  /**
   * Declares that the account's "Maximum integration timeout in milliseconds" quota was raised above
   * 29 s (Regional and private APIs only), so `integrationTimeout` may go up to 300 s.
   *
   * @default false
   */
  readonly integrationTimeoutQuotaRaised?: boolean;

  /**
   * How API Gateway returns the function's response: buffered (up to 10 MB, 29 s) or streamed as the
   * function writes it (`STREAM`, up to 15 minutes).
   *
   * Streaming raises the `integrationTimeout` ceiling to 15 minutes; past 10 MB a stream runs at
   * 2 MB/s. The function must stream: Node.js managed runtimes do natively, other runtimes through the
   * Lambda Web Adapter or a custom runtime.
   *
   * @default ResponseTransferMode.BUFFERED
   */
  readonly responseTransferMode?: apigw.ResponseTransferMode;

  /**
   * The endpoint type. Regional by default: a Regional WAF web ACL can protect it, and it can take a
   * raised integration timeout.
   *
   * @default EndpointType.REGIONAL
   */
  readonly endpointType?: apigw.EndpointType;

  /**
   * The stage's steady-state request rate for every method (requests per second, above 0, at most
   * 10,000).
   *
   * @default 100
   */
  readonly throttlingRateLimit?: number;

  /**
   * The stage's burst capacity for every method (whole requests, 1 to 5,000).
   *
   * @default 200
   */
  readonly throttlingBurstLimit?: number;

  /**
   * The name of the stage.
   *
   * @default 'prod'
   */
  readonly stageName?: string;

  /**
   * The ARN of a REGIONAL AWS WAF web ACL to associate with the stage.
   *
   * @default - no web ACL: AwsSolutions-APIG3 and the NIST/PCI WAF rules report the stage until you give the `noWebAcl` user decision
   */
  readonly webAclArn?: string;

  /**
   * Creates the Region's API Gateway CloudWatch Logs role and sets it in the account settings
   * (`AWS::ApiGateway::Account`). The setting is one per account and Region: every stack that sets it
   * overwrites the others, and removing the stack does not restore the previous role. Set it in one
   * stack per account and Region, or set the role once outside CDK. Without it, access and execution
   * logging fail to deploy in an account that has never had the role.
   *
   * @default false
   */
  readonly cloudWatchRole?: boolean;

  /**
   * The execution-log level of every method (errors only by default, `INFO` logs more, `OFF` fails
   * the APIGWExecutionLoggingEnabled rules).
   *
   * @default MethodLoggingLevel.ERROR
   */
  readonly executionLogLevel?: apigw.MethodLoggingLevel;

  /**
   * CORS preflight settings (the `OPTIONS` methods they add carry no authorization, as browsers send
   * preflights without credentials).
   *
   * @default - no CORS
   */
  readonly corsPreflight?: apigw.CorsOptions;

  /**
   * The API's name.
   *
   * @default - the construct id
   */
  readonly apiName?: string;

  /**
   * How long the access and execution log groups keep logs.
   *
   * @default RetentionDays.ONE_YEAR
   */
  readonly accessLogRetention?: logs.RetentionDays;

  /**
   * The customer-managed KMS key that encrypts the access and execution logs (it must allow
   * `logs.<region>.amazonaws.com` when imported).
   *
   * @default - the stack's shared blueprint key
   */
  readonly accessLogEncryptionKey?: kms.IKey;

  /**
   * What happens to the log groups when they leave the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly accessLogRemovalPolicy?: RemovalPolicy;
}

interface Bound {
  readonly api: apigw.RestApi;
  readonly stage: apigw.Stage;
  readonly accessLogGroup: logs.LogGroup;
  readonly executionLogGroup: logs.LogGroup;
  readonly methods: apigw.Method[];
  readonly requestValidator: apigw.RequestValidator;
  readonly authorizer?: apigw.IAuthorizer;
  readonly webAclAssociation?: wafv2.CfnWebACLAssociation;
  readonly cloudWatchRole?: iam.IRole;
}

/**
 * Serves the function's `live` alias over an API Gateway REST API: IAM or Cognito authorization on
 * every method (public only with `allowPublicAccess`), a request validator on every method, stage
 * throttling, JSON access logs and error execution logs in encrypted log groups, X-Ray on the stage,
 * an optional WAF web ACL, and Lambda permissions scoped to each method's path. The function timeout
 * is checked against the integration timeout (29 s by default; up to 15 minutes when the response is
 * streamed with `responseTransferMode: ResponseTransferMode.STREAM`).
 *
 * The invocation is synchronous: errors return to the caller (5xx), nothing is retried or queued.
 *
 * Create it with `Trigger.restApi(...)`.
 */
export class RestApiTrigger implements ITrigger {
  private readonly options: RestApiTriggerOptions;
  private readonly binding = new TriggerBinding<Bound>('RestApiTrigger');

  /**
   * @param options the API's settings
   */
  constructor(options: RestApiTriggerOptions = {}) {
    this.options = options;
    if (options.tenantIdHeader !== undefined) {
      markTenantIsolationCapable(this);
    }
  }

  /** The REST API (available once the trigger was added to a function). */
  public get api(): apigw.RestApi {
    return this.binding.resources('api').api;
  }

  /** The stage (throttling, logs, X-Ray). */
  public get stage(): apigw.Stage {
    return this.binding.resources('stage').stage;
  }

  /** The URL of the stage. */
  public get url(): string {
    return this.binding.resources('url').api.url;
  }

  /** The access-log group (JSON lines, encrypted). */
  public get accessLogGroup(): logs.ILogGroup {
    return this.binding.resources('accessLogGroup').accessLogGroup;
  }

  /** The execution-log group API Gateway writes to (`API-Gateway-Execution-Logs_<api id>/<stage>`), owned so it has retention and encryption. */
  public get executionLogGroup(): logs.ILogGroup {
    return this.binding.resources('executionLogGroup').executionLogGroup;
  }

  /** The methods that invoke the function, in route order. */
  public get methods(): apigw.Method[] {
    return [...this.binding.resources('methods').methods];
  }

  /** The request validator on every method (body and parameters). */
  public get requestValidator(): apigw.RequestValidator {
    return this.binding.resources('requestValidator').requestValidator;
  }

  /** The authorizer of every method, unless IAM or public. */
  public get authorizer(): apigw.IAuthorizer | undefined {
    return this.binding.resources('authorizer').authorizer;
  }

  /** The WAF web ACL association, when `webAclArn` was given. */
  public get webAclAssociation(): wafv2.CfnWebACLAssociation | undefined {
    return this.binding.resources('webAclAssociation').webAclAssociation;
  }

  /** The account-level API Gateway CloudWatch Logs role, when `cloudWatchRole` is true. */
  public get cloudWatchRole(): iam.IRole | undefined {
    return this.binding.resources('cloudWatchRole').cloudWatchRole;
  }

  /** @inheritdoc */
  public bind(target: ITriggerTarget): TriggerConfig {
    this.binding.claim(target);
    const opts = this.options;
    const scope = triggerScope(target, 'RestApi');
    requireSourceAccount(scope);
    const v = new Validator(scope);
    checkTriggerOptions(v, opts, REST_API_TRIGGER_SHAPE);
    const settings = validateRestApiTriggerOptions(v, opts, { timeoutSeconds: seconds(target.timeout) });
    if (opts.responseTransferMode === apigw.ResponseTransferMode.STREAM) {
      warnIfRuntimeCannotStream(v, target, 'responseTransferMode', 'REST API');
      warnAboutStreamIdleTimeout(v, opts, { timeoutSeconds: seconds(target.timeout) });
    }
    v.throwIfAny();
    const { isPublic, routes } = settings;

    const { accessLogGroup, api, stage, executionLogGroup, cloudWatchRole } = this.createApi(scope, target, settings);
    const { requestValidator, authorizer, authorizationType, methods } = this.createMethods(scope, target, api, settings);
    const webAclAssociation = this.associateWebAcl(scope, stage);
    this.report(scope, stage, methods, { isPublic, authorizationType, authorizer });

    this.binding.record(target, {
      api, stage, accessLogGroup, executionLogGroup, methods, requestValidator, authorizer, webAclAssociation, cloudWatchRole,
    });
    return { description: `REST API routes ${routes.map((r) => r.key).join(', ')}` };
  }

  /** Build: the access log group, the API with its stage, the execution log group, and the account's CloudWatch role when asked for. */
  private createApi(scope: Construct, target: ITriggerTarget, settings: RestApiSettings) {
    const opts = this.options;
    const { endpointType, rate, burst, stageName } = settings;
    // ---- logs: access logs (JSON) and the execution-log group API Gateway would create unencrypted
    const logProps = accessLogGroupProps(scope, opts);
    const accessLogGroup = new logs.LogGroup(scope, 'AccessLogs', logProps);

    // ---- the API and its stage
    const api = new apigw.RestApi(scope, 'Api', {
      restApiName: opts.apiName,
      description: `REST API of ${target.node.path}`,
      endpointTypes: [endpointType],
      // The account-level role is created below, only on request (see cloudWatchRole).
      cloudWatchRole: false,
      defaultCorsPreflightOptions: opts.corsPreflight,
      deployOptions: {
        stageName,
        description: `Stage of the REST API of ${target.node.path}`,
        tracingEnabled: true,
        loggingLevel: opts.executionLogLevel ?? apigw.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        metricsEnabled: true,
        throttlingRateLimit: rate,
        throttlingBurstLimit: burst,
        accessLogDestination: new apigw.LogGroupLogDestination(accessLogGroup),
        accessLogFormat: apigw.AccessLogFormat.jsonWithStandardFields(),
      },
    });
    const stage = api.deploymentStage;
    const executionLogGroup = new logs.LogGroup(scope, 'ExecutionLogs', {
      ...logProps,
      logGroupName: `API-Gateway-Execution-Logs_${api.restApiId}/${stageName}`,
    });
    // The group must exist before the stage logs its first line, or API Gateway creates it unencrypted.
    stage.node.addDependency(executionLogGroup);

    let cloudWatchRole: iam.IRole | undefined;
    if (opts.cloudWatchRole === true) {
      const account = createApiGatewayAccountRole(scope);
      cloudWatchRole = account.role;
      stage.node.addDependency(account.account);
    }
    return { accessLogGroup, api, stage, executionLogGroup, cloudWatchRole };
  }

  /** Build: the request validator, the authorizer, and one method per route on one integration. */
  private createMethods(scope: Construct, target: ITriggerTarget, api: apigw.RestApi, settings: RestApiSettings) {
    const opts = this.options;
    const { cognitoPools, isPublic, routes } = settings;
    const requestValidator = api.addRequestValidator('RequestValidator', {
      validateRequestBody: true,
      validateRequestParameters: true,
    });

    let authorizer: apigw.IAuthorizer | undefined = opts.authorizer;
    if (!authorizer && cognitoPools.length > 0) {
      authorizer = new apigw.CognitoUserPoolsAuthorizer(scope, 'Authorizer', { cognitoUserPools: cognitoPools });
    }
    const authorizationType = isPublic
      ? apigw.AuthorizationType.NONE
      : authorizer ? undefined : apigw.AuthorizationType.IAM;

    // One integration; each method adds its own Lambda permission, scoped to its path and stage.
    const tenantHeader = opts.tenantIdHeader === undefined ? undefined : `method.request.header.${opts.tenantIdHeader}`;
    const lambdaIntegration = new apigw.LambdaIntegration(target.alias, {
      timeout: opts.integrationTimeout,
      responseTransferMode: opts.responseTransferMode,
      requestParameters: tenantHeader === undefined ? undefined : { 'integration.request.header.X-Amz-Tenant-Id': tenantHeader },
      // Console test invocations would add a second permission per method to the alias policy (20 KB).
      allowTestInvoke: false,
    });
    const methods = routes.map((route) => {
      const resource = route.path === '/' ? api.root : api.root.resourceForPath(route.path);
      return resource.addMethod(route.method, lambdaIntegration, {
        authorizationType,
        authorizer,
        authorizationScopes: opts.authorizationScopes,
        requestValidator,
        requestParameters: tenantHeader === undefined ? undefined : { [tenantHeader]: true },
      });
    });
    return { requestValidator, authorizer, authorizationType, methods };
  }

  /** Build: the web ACL association, when a web ACL is given. */
  private associateWebAcl(scope: Construct, stage: apigw.Stage): wafv2.CfnWebACLAssociation | undefined {
    const opts = this.options;
    let webAclAssociation: wafv2.CfnWebACLAssociation | undefined;
    if (opts.webAclArn !== undefined) {
      webAclAssociation = new wafv2.CfnWebACLAssociation(scope, 'WebAcl', {
        resourceArn: stage.stageArn,
        webAclArn: opts.webAclArn,
      });
    }
    return webAclAssociation;
  }

  /** Report: what a template cannot avoid, acknowledged with the reason; the synchronous-invoker and account-role notes. */
  private report(scope: Construct, stage: apigw.Stage, methods: apigw.Method[], auth: {
    isPublic: boolean; authorizationType?: apigw.AuthorizationType; authorizer?: apigw.IAuthorizer;
  }): void {
    const opts = this.options;
    const { isPublic, authorizationType, authorizer } = auth;
    // ---- what a template cannot avoid, acknowledged with the reason (docs/triggers-sync.md).
    // A web ACL and a response cache are the user's decisions (UserDecisions noWebAcl / noApiCache).
    acknowledge(stage, EndpointAccessAcknowledgement.REST_API_NO_CLIENT_CERTIFICATE);
    for (const method of methods) {
      if (isPublic) {
        acknowledge(method, EndpointAccessAcknowledgement.REST_API_PUBLIC);
      } else if (authorizationType === apigw.AuthorizationType.IAM || authorizer?.authorizationType !== apigw.AuthorizationType.COGNITO) {
        acknowledge(method, EndpointAccessAcknowledgement.REST_API_NOT_COGNITO);
      }
    }
    noteSynchronousInvoker(scope, 'REST API', 'the caller receives the error (5xx) and must retry');
    if (opts.cloudWatchRole !== true) {
      noteAccountRole(scope);
    }
  }

}

/** What the REST API checks resolved. */
type RestApiSettings = ReturnType<typeof validateRestApiTriggerOptions>;

function noteAccountRole(scope: Construct): void {
  Annotations.of(scope).addInfoV2(AnnotationIds.API_GATEWAY_ACCOUNT_ROLE, 'API Gateway access and execution logs need the '
    + 'account-level CloudWatch Logs role of this Region (AWS::ApiGateway::Account). This trigger does not set it '
    + '(cloudWatchRole: false): set it once per account and Region, e.g. with cloudWatchRole: true in one stack.');
}
