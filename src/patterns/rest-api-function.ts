import { Duration } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { Construct } from 'constructs';
import { BlueprintPatternProps } from './blueprint-pattern-props';
import { ServerlessFunction } from '../function/serverless-function';
import { checkPatternProps, PatternPaths, patternTriggerValidator, validatePatternFunction } from './private/pattern-shape';
import { validateRestApiTriggerOptions } from '../triggers/rest-api/rest-api-checks';
import { RestApiTrigger, RestApiTriggerOptions } from '../triggers/rest-api/rest-api-trigger';
import { ConstructionGuard } from '../validation/construction-guard';
import { PROP_SHAPES } from '../validation/prop-shapes.generated';
import { Validator } from '../validation/validator';

/**
 * Properties of a {@link RestApiFunction}.
 */
export interface RestApiFunctionProps extends BlueprintPatternProps {
  /**
   * The API's settings: routes, IAM or Cognito authorization, integration timeout, throttling, logs,
   * WAF web ACL, the account-level CloudWatch role.
   *
   * @default - a Regional REST API, IAM authorization, `ANY /{proxy+}`, 100 requests/s (burst 200),
   * JSON access logs and error execution logs kept one year, X-Ray, no web ACL, no account-level role
   */
  readonly triggerOptions?: RestApiTriggerOptions;
}

/**
 * A serverless REST backend: an API Gateway REST API in front of the hardened `ServerlessFunction`
 * (its `live` alias), with IAM or Cognito authorization and a request validator on every method,
 * stage throttling, X-Ray, and JSON access logs in an encrypted log group. The function timeout
 * defaults to the integration timeout (29 s) instead of 30 s.
 *
 * API Gateway logging needs the Region's account-level CloudWatch Logs role: set
 * `triggerOptions.cloudWatchRole: true` in one stack per account and Region (see docs/triggers-sync.md).
 *
 * @exampleMetadata fixture=api
 * @example
 * const backend = new RestApiFunction(this, 'Orders', {
 *   code: FunctionCode.fromAsset('lambda/orders'),
 *   triggerOptions: { routes: ['GET /orders/{id}', 'POST /orders'] },
 * });
 * table.grantReadWriteData(backend.function);
 */
export class RestApiFunction extends Construct {
  /** The backend function. */
  public readonly function: ServerlessFunction;

  /** The REST API trigger (stage, log groups, methods, authorizer, web ACL association). */
  public readonly trigger: RestApiTrigger;

  /** The REST API. */
  public readonly api: apigw.RestApi;

  /** The URL of the API's stage. */
  public readonly url: string;

  constructor(scope: Construct, id: string, props: RestApiFunctionProps) {
    super(scope, id);
    const guard = ConstructionGuard.forConstructor(this);
    const paths = new PatternPaths('triggerOptions', PROP_SHAPES.RestApiTriggerOptions);
    try {
      const v = new Validator(this);
      checkPatternProps(v, props, PROP_SHAPES.RestApiFunctionProps);
      // Lambda counts whole seconds: the default function timeout is the integration timeout, rounded down.
      const integration = props.triggerOptions?.integrationTimeout;
      const timeout = props.functionOptions?.timeout
        ?? (integration && !integration.isUnresolved() ? Duration.seconds(Math.max(1, Math.floor(integration.toMilliseconds() / 1000))) : integration)
        ?? Duration.seconds(29);
      // The function's and the trigger's own checks too: every problem in one round, before anything exists.
      const timeoutSeconds = validatePatternFunction(v, props.code, { ...props.functionOptions, timeout });
      validateRestApiTriggerOptions(patternTriggerValidator(v, 'triggerOptions', PROP_SHAPES.RestApiTriggerOptions), props.triggerOptions ?? {}, { timeoutSeconds });
      v.throwIfAny();
      paths.building('function');
      this.function = ServerlessFunction._checked(this, 'Function', { ...props.functionOptions, timeout, code: props.code });
      paths.building('trigger');
      this.trigger = new RestApiTrigger(props.triggerOptions);
      this.function.addTrigger(this.trigger);
      this.api = this.trigger.api;
      this.url = this.trigger.url;
    } catch (error) {
      throw guard.fail(error, paths.rename);
    }
  }
}
