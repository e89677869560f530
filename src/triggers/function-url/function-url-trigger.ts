import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { validateFunctionUrlTriggerOptions } from './function-url-checks';
import { acknowledge } from '../../acknowledgements/acknowledge';
import { EndpointAccessAcknowledgement } from '../../acknowledgements/acknowledgements';
import { Validator } from '../../validation/validator';
import { TriggerBinding } from '../private/binding';
import { warnIfRuntimeCannotStream } from '../private/streaming';
import { triggerScope } from '../private/trigger-scope';
import { ITrigger, TriggerConfig, ITriggerTarget } from '../trigger';

/**
 * Options of a function URL trigger.
 */
export interface FunctionUrlTriggerOptions {
  /**
   * How callers authenticate. `AWS_IAM` requires SigV4-signed requests from principals you grant
   * (`trigger.url.grantInvokeUrl(...)`). `NONE` makes the URL public and also needs
   * `allowPublicAccess: true`.
   *
   * @default FunctionUrlAuthType.AWS_IAM
   */
  readonly authType?: lambda.FunctionUrlAuthType;

  /**
   * The explicit acknowledgement that a URL with `authType: NONE` is public: anyone on the internet
   * can invoke the function, which must then authenticate callers itself. The resulting
   * HIPAA/NIST/PCI `LambdaFunctionPublicAccessProhibited` findings are acknowledged with that reason.
   *
   * @default false
   */
  readonly allowPublicAccess?: boolean;

  /**
   * CORS settings for browsers calling the URL.
   *
   * @default - no CORS
   */
  readonly cors?: lambda.FunctionUrlCorsOptions;

  /**
   * Whether the response is buffered (up to 6 MB) or streamed (up to 200 MB with `RESPONSE_STREAM`).
   *
   * Past 6 MB a stream runs at 2 MB/s. The function must stream: Node.js managed runtimes do natively,
   * other runtimes through the Lambda Web Adapter or a custom runtime.
   *
   * @default InvokeMode.BUFFERED
   */
  readonly invokeMode?: lambda.InvokeMode;
}

/**
 * Gives the function's `live` alias an HTTPS endpoint of its own (a Lambda function URL), with IAM
 * authentication unless the user explicitly asks for a public URL.
 *
 * Create it with `Trigger.functionUrl(...)`.
 */
export class FunctionUrlTrigger implements ITrigger {
  private readonly options: FunctionUrlTriggerOptions;
  private readonly binding = new TriggerBinding<lambda.FunctionUrl>('FunctionUrlTrigger');

  /**
   * @param options the URL's settings
   */
  constructor(options: FunctionUrlTriggerOptions = {}) {
    this.options = options;
  }

  /** The function URL (available once the trigger was added to a function). */
  public get functionUrl(): lambda.FunctionUrl {
    return this.binding.resources('functionUrl');
  }

  /** The URL's address (available once added). */
  public get url(): string {
    return this.functionUrl.url;
  }

  /** @inheritdoc */
  public bind(target: ITriggerTarget): TriggerConfig {
    this.binding.claim(target);
    const opts = this.options;
    const authType = opts.authType ?? lambda.FunctionUrlAuthType.AWS_IAM;
    const existing = target.node.tryFindChild('FunctionUrl');
    const scope = triggerScope(target, 'FunctionUrl');
    const v = new Validator(scope);
    validateFunctionUrlTriggerOptions(v, opts, { hasFunctionUrl: existing !== undefined });
    const isPublic = authType === lambda.FunctionUrlAuthType.NONE;
    v.throwIfAny();
    if (opts.invokeMode === lambda.InvokeMode.RESPONSE_STREAM) {
      warnIfRuntimeCannotStream(v, target, 'invokeMode', 'function URL');
    }

    this.binding.record(target, new lambda.FunctionUrl(scope, 'Url', {
      function: target.alias,
      authType,
      cors: opts.cors,
      invokeMode: opts.invokeMode,
    }));
    if (isPublic) {
      // aws-cdk-lib adds the two Principal "*" permissions (InvokeFunctionUrl and InvokeFunction via
      // URL) on the alias; only those are acknowledged.
      for (const id of ['invoke-function-url', 'invoke-function']) {
        const permission: IConstruct | undefined = target.alias.node.tryFindChild(id);
        if (permission) {
          acknowledge(permission, EndpointAccessAcknowledgement.PUBLIC_FUNCTION_URL);
        }
      }
    }
    return { description: `Function URL (${authType}) of ${target.node.path}` };
  }
}
