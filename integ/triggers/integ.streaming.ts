/// Response streaming: a REST API with ResponseTransferMode.STREAM (15-minute integration timeout) and a function URL with RESPONSE_STREAM.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsStreaming');
const code = FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler'));

// A streamed REST API: the function may run 5 minutes, beyond the buffered 29 s, with no quota increase.
const restFn = new ServerlessFunction(stack, 'RestStreamBackend', { code, timeout: Duration.minutes(5) });
restFn.addTrigger(Trigger.restApi({
  routes: ['GET /stream'],
  responseTransferMode: apigw.ResponseTransferMode.STREAM,
  integrationTimeout: Duration.minutes(5),
}));

// A streaming function URL (IAM auth).
const urlFn = new ServerlessFunction(stack, 'UrlStreamBackend', { code, timeout: Duration.minutes(1) });
urlFn.addTrigger(Trigger.functionUrl({ invokeMode: lambda.InvokeMode.RESPONSE_STREAM }));

new IntegTest(app, 'Streaming', { testCases: [stack] });
app.synth();
