/// WebSocket API trigger: IAM-authorized $connect, $disconnect, $default and a custom route, throttling and access logs.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
// A known Region gives a literal partition in the @connections ARN, so its one wildcard can be acknowledged
// (cdk-nag 3 ids cannot hold <AWS::Partition>; see docs/triggers-sync.md).
const stack = new Stack(app, 'BlueprintsWebSocketApiTrigger', { env: { account: '123456789012', region: 'us-east-1' } });
const code = FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler'));

const chat = new ServerlessFunction(stack, 'Chat', { code, timeout: Duration.seconds(29) });
chat.addTrigger(Trigger.webSocketApi({ routes: ['sendMessage'], cloudWatchRole: true }));

new IntegTest(app, 'WebSocketApiTrigger', { testCases: [stack] });
app.synth();
