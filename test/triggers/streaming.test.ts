import * as path from 'path';
import { Duration } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { functionStack, template } from './fixtures';
import { FunctionCode, RestApiFunction, ServerlessFunction, Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

const STREAM = apigw.ResponseTransferMode.STREAM;
const PYTHON_DIR = path.join(__dirname, '..', 'fixtures', 'python', 'orders');
/** A Python 3.13 function (a runtime that cannot stream natively). */
const pythonStack = (timeout = Duration.seconds(29)) => {
  const stack = testStack();
  const fn = new ServerlessFunction(stack, 'Fn', {
    code: FunctionCode.fromAsset(PYTHON_DIR), runtime: lambda.Runtime.PYTHON_3_13, handler: 'index.handler', timeout,
  });
  return { stack, fn };
};
const warnings = (stack: import('aws-cdk-lib').Stack, id: string) =>
  Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp(id)).map((m) => String(m.entry.data));

describe('Trigger.restApi with a streamed response', () => {
  test('STREAM on the Lambda proxy integration, a 15-minute integration timeout, clean under the packs', () => {
    const { stack, fn } = functionStack({ timeout: Duration.minutes(15) });
    fn.addTrigger(Trigger.restApi({ responseTransferMode: STREAM, integrationTimeout: Duration.minutes(15) }));
    template(stack).hasResourceProperties('AWS::ApiGateway::Method', {
      Integration: Match.objectLike({ Type: 'AWS_PROXY', ResponseTransferMode: 'STREAM', TimeoutInMillis: 900000 }),
    });
    expect(warnings(stack, 'streamingRuntime')).toEqual([]);
    expect(warnings(stack, 'streamingEdgeIdleTimeout')).toEqual([]);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('buffered by default: no transfer mode written', () => {
    const { stack, fn } = functionStack({ timeout: Duration.seconds(29) });
    fn.addTrigger(Trigger.restApi());
    const methods = Object.values(template(stack).findResources('AWS::ApiGateway::Method'));
    expect(methods.map((m) => m.Properties.Integration.ResponseTransferMode)).toEqual([undefined]);
  });
});

describe('REST integration timeout limits by transfer mode', () => {
  const add = (options: object, fnTimeout: Duration) => () => {
    const { fn } = functionStack({ timeout: fnTimeout });
    fn.addTrigger(Trigger.restApi(options));
  };

  test('buffered: 29 s without the quota increase, both sides', () => {
    expect(add({ integrationTimeout: Duration.seconds(29) }, Duration.seconds(29))).not.toThrow();
    expect(add({ integrationTimeout: Duration.seconds(30) }, Duration.seconds(29)))
      .toThrow(/LBP_REST_API_TIMEOUT.*integrationTimeout is 30 seconds.*50 ms to 29 s.*ResponseTransferMode.STREAM/);
  });

  test('buffered with the quota increase: 300 s, both sides', () => {
    expect(add({ integrationTimeout: Duration.seconds(300), integrationTimeoutQuotaRaised: true }, Duration.seconds(300))).not.toThrow();
    expect(add({ integrationTimeout: Duration.seconds(301), integrationTimeoutQuotaRaised: true }, Duration.seconds(29)))
      .toThrow(/LBP_REST_API_TIMEOUT.*50 ms to 300 s/);
  });

  test('streamed: 900 s without any quota increase, both sides', () => {
    expect(add({ responseTransferMode: STREAM, integrationTimeout: Duration.seconds(900) }, Duration.seconds(900))).not.toThrow();
    expect(add({ responseTransferMode: STREAM, integrationTimeout: Duration.seconds(901) }, Duration.seconds(29)))
      .toThrow(/LBP_REST_API_TIMEOUT.*integrationTimeout is 901 seconds.*50 ms to 900 s \(15 minutes\)/);
    expect(add({ responseTransferMode: STREAM, integrationTimeout: Duration.millis(49) }, Duration.seconds(1))).toThrow(/LBP_REST_API_TIMEOUT/);
  });

  test('streamed: the function timeout still must not exceed the integration timeout, both sides', () => {
    expect(add({ responseTransferMode: STREAM }, Duration.seconds(30)))
      .toThrow(/LBP_REST_API_TIMEOUT.*timeout is 30 seconds.*at most 29 seconds.*set integrationTimeout to at least the function's timeout/);
    expect(add({ responseTransferMode: STREAM }, Duration.seconds(29))).not.toThrow();
    expect(add({ responseTransferMode: STREAM, integrationTimeout: Duration.seconds(600) }, Duration.seconds(601))).toThrow(/at most 600 seconds/);
    expect(add({ responseTransferMode: STREAM, integrationTimeout: Duration.seconds(600) }, Duration.seconds(600))).not.toThrow();
  });

  test('edge-optimized: above 29 s only when streamed', () => {
    const edge = apigw.EndpointType.EDGE;
    expect(add({ endpointType: edge, integrationTimeoutQuotaRaised: true, integrationTimeout: Duration.seconds(60) }, Duration.seconds(29)))
      .toThrow(/LBP_REST_API_TIMEOUT.*EDGE/);
    expect(add({ endpointType: edge, responseTransferMode: STREAM, integrationTimeout: Duration.seconds(60) }, Duration.seconds(29))).not.toThrow();
  });
});

describe('the edge-optimized idle timeout of a stream (30 s)', () => {
  const warned = (endpointType: apigw.EndpointType, timeout: Duration) => {
    const { stack, fn } = functionStack({ timeout });
    fn.addTrigger(Trigger.restApi({ endpointType, responseTransferMode: STREAM, integrationTimeout: Duration.seconds(120) }));
    return warnings(stack, 'streamingEdgeIdleTimeout');
  };

  test('warned above 30 s on an edge-optimized API, not at 30 s', () => {
    expect(warned(apigw.EndpointType.EDGE, Duration.seconds(31))).toEqual([expect.stringMatching(/endpointType is EDGE.*31 s.*30 s without a byte.*EndpointType.REGIONAL/)]);
    expect(warned(apigw.EndpointType.EDGE, Duration.seconds(30))).toEqual([]);
  });

  test('RestApiFunction: a streamed edge API with a 60 s function is warned once, on the trigger', () => {
    const stack = testStack();
    new RestApiFunction(stack, 'Api', {
      code: FunctionCode.fromAsset(HANDLER_DIR),
      triggerOptions: { endpointType: apigw.EndpointType.EDGE, responseTransferMode: STREAM, integrationTimeout: Duration.seconds(60) },
    });
    const found = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('streamingEdgeIdleTimeout'));
    expect(found.map((m) => m.id)).toEqual(['/TestStack/Api/Function/RestApi']);
    expect(String(found[0].entry.data)).toMatch(/function timeout of 60 s/);
  });

  test('not warned on a Regional API (idle timeout 5 minutes)', () => {
    expect(warned(apigw.EndpointType.REGIONAL, Duration.seconds(120))).toEqual([]);
  });
});

describe('runtimes that cannot stream natively', () => {
  test('a Python function behind a streamed REST API is warned; a Node.js one is not', () => {
    const py = pythonStack();
    py.fn.addTrigger(Trigger.restApi({ responseTransferMode: STREAM }));
    expect(warnings(py.stack, 'streamingRuntime')).toEqual([expect.stringMatching(/responseTransferMode streams the REST API response on the runtime python3.13, which cannot stream natively.*Lambda Web Adapter/)]);
    const node = functionStack({ runtime: lambda.Runtime.NODEJS_22_X, timeout: Duration.seconds(29) });
    node.fn.addTrigger(Trigger.restApi({ responseTransferMode: STREAM }));
    expect(warnings(node.stack, 'streamingRuntime')).toEqual([]);
  });

  test('a buffered REST API on Python is not warned', () => {
    const { stack, fn } = pythonStack();
    fn.addTrigger(Trigger.restApi());
    expect(warnings(stack, 'streamingRuntime')).toEqual([]);
  });

  test('a streaming function URL on Python is warned; buffered or on Node.js it is not', () => {
    const py = pythonStack();
    py.fn.addTrigger(Trigger.functionUrl({ invokeMode: lambda.InvokeMode.RESPONSE_STREAM }));
    expect(warnings(py.stack, 'streamingRuntime')).toEqual([expect.stringMatching(/invokeMode streams the function URL response.*python3.13/)]);
    const buffered = pythonStack();
    buffered.fn.addTrigger(Trigger.functionUrl({ invokeMode: lambda.InvokeMode.BUFFERED }));
    expect(warnings(buffered.stack, 'streamingRuntime')).toEqual([]);
    const node = functionStack();
    node.fn.addTrigger(Trigger.functionUrl({ invokeMode: lambda.InvokeMode.RESPONSE_STREAM }));
    expect(warnings(node.stack, 'streamingRuntime')).toEqual([]);
    expect(nagFindings(node.stack)).toEqual([]);
  });

  test('a container image behind a streaming function URL is warned (the library cannot see its runtime)', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromImageAsset(path.join(__dirname, '..', 'fixtures', 'image')) });
    fn.addTrigger(Trigger.functionUrl({ invokeMode: lambda.InvokeMode.RESPONSE_STREAM }));
    expect(warnings(stack, 'streamingRuntime')).toEqual([expect.stringMatching(/invokeMode streams the function URL response on a container image/)]);
  });
});
