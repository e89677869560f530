import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ITriggerTarget } from '../../function/trigger-contract';
import { AnnotationIds } from '../../validation/annotation-ids';
import { Validator } from '../../validation/validator';

/**
 * The longest a streamed REST API response may last (the integration timeout ceiling in `STREAM` mode):
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode.html
 *
 * @internal
 */
export const REST_STREAM_MAX_SECONDS = 900;

/**
 * The idle timeout of a streamed response on an edge-optimized REST API (Regional and private: 5 minutes).
 *
 * @internal
 */
export const REST_STREAM_EDGE_IDLE_SECONDS = 30;

/**
 * Warns when the function's runtime cannot stream natively: Lambda streams responses on Node.js managed
 * runtimes (`awslambda.streamifyResponse`); other languages need a custom runtime that speaks the streaming
 * Runtime API, or the Lambda Web Adapter
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-response-streaming.html).
 *
 * @internal
 */
export function warnIfRuntimeCannotStream(v: Validator, target: ITriggerTarget, property: string, front: string): void {
  const fn = target.alias.version.lambda;
  const runtime = fn instanceof lambda.Function ? fn.runtime : undefined;
  if (runtime === undefined || runtime.family === lambda.RuntimeFamily.NODEJS) {
    return;
  }
  const what = runtime.name === lambda.Runtime.FROM_IMAGE.name
    ? 'a container image (whether its runtime streams is unknown to the library)'
    : `the runtime ${runtime.name}, which cannot stream natively`;
  v.warn(AnnotationIds.STREAMING_RUNTIME, property, (p) =>
    `${p} streams the ${front} response on ${what}: Lambda streams responses `
    + 'on Node.js managed runtimes only (awslambda.streamifyResponse). In another language, package the Lambda Web Adapter '
    + '(AWS_LWA_INVOKE_MODE=response_stream) or a custom runtime that streams through the Runtime API; otherwise the response is '
    + 'buffered. Acknowledge this warning once the function streams.');
}
