/// WebSocket API trigger: IAM-authorized $connect, $disconnect, $default and a custom route, throttling and access logs.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { FunctionCode, ServerlessFunction, Trigger } from '../../src';

const app = new App();
const stack = new Stack(app, 'BlueprintsWebSocketApiTrigger');
const code = FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler'));

const chat = new ServerlessFunction(stack, 'Chat', { code, timeout: Duration.seconds(29) });
chat.addTrigger(Trigger.webSocketApi({ routes: ['sendMessage'], cloudWatchRole: true }));

new IntegTest(app, 'WebSocketApiTrigger', { testCases: [stack] });
app.synth();
