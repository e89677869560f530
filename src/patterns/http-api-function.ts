import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BlueprintPatternProps } from './blueprint-pattern-props';
import { ServerlessFunction } from '../function/serverless-function';
import { validateHttpApiTriggerOptions } from '../triggers/http-api/http-api-checks';
import { HttpApiTrigger, HttpApiTriggerOptions } from '../triggers/http-api/http-api-trigger';
import { ConstructionGuard } from '../validation/construction-guard';
import { Validator } from '../validation/validator';
import { checkPatternProps, PatternPaths, patternTriggerValidator, validatePatternFunction } from './private/pattern-shape';
import { PROP_SHAPES } from '../validation/prop-shapes.generated';

/**
 * Properties of an {@link HttpApiFunction}.
 */
export interface HttpApiFunctionProps extends BlueprintPatternProps {
  /**
   * The API's settings: routes, IAM or JWT authorization, throttling, access logs, or an existing
   * HTTP API to add the routes to.
   *
   * @default - a new HTTP API, IAM authorization, `ANY /{proxy+}`, 100 requests/s (burst 200), JSON
   * access logs kept one year
   */
  readonly triggerOptions?: HttpApiTriggerOptions;
}

/**
 * A serverless web backend: an API Gateway HTTP API in front of the hardened `ServerlessFunction`
 * (its `live` alias), with authorization on every route, default-route throttling and JSON access
 * logs in an encrypted log group. Grant the function what it serves (e.g. `table.grantReadWriteData(
 * backend.function)`). The function's timeout must not exceed the 30-second HTTP API integration limit.
 *
 * @exampleMetadata fixture=api
 * @example
 * const backend = new HttpApiFunction(this, 'Orders', {
 *   code: FunctionCode.fromAsset('lambda/orders'),
 *   triggerOptions: { routes: ['GET /orders/{id}', 'POST /orders'] },
 * });
 * table.grantReadWriteData(backend.function);
 */
export class HttpApiFunction extends Construct {
  /** The backend function. */
  public readonly function: ServerlessFunction;

  /** The HTTP API trigger. */
  public readonly trigger: HttpApiTrigger;

  /** The HTTP API. */
  public readonly api: apigwv2.IHttpApi;

  /** The API's URL (its `$default` stage), unless an existing API was given. */
  public readonly url?: string;

  /** The access-log group, unless an existing API was given. */
  public readonly accessLogGroup?: logs.ILogGroup;

  constructor(scope: Construct, id: string, props: HttpApiFunctionProps) {
    super(scope, id);
    const guard = ConstructionGuard.forConstructor(this);
    const paths = new PatternPaths('triggerOptions', PROP_SHAPES.HttpApiTriggerOptions);
    try {
      const v = new Validator(this);
      checkPatternProps(v, props, PROP_SHAPES.HttpApiFunctionProps);
      // The function's and the trigger's own checks too: every problem in one round, before anything exists.
      const timeoutSeconds = validatePatternFunction(v, props.code, props.functionOptions);
      validateHttpApiTriggerOptions(patternTriggerValidator(v, 'triggerOptions', PROP_SHAPES.HttpApiTriggerOptions), props.triggerOptions ?? {}, { timeoutSeconds });
      v.throwIfAny();
      paths.building('function');
      this.function = ServerlessFunction._checked(this, 'Function', { ...props.functionOptions, code: props.code });
      paths.building('trigger');
      this.trigger = new HttpApiTrigger(props.triggerOptions);
      this.function.addTrigger(this.trigger);
      this.api = this.trigger.api;
      this.url = this.trigger.url;
      this.accessLogGroup = this.trigger.accessLogGroup;
    } catch (error) {
      throw guard.fail(error, paths.rename);
    }
  }
}
