/// TopicSubscriber (reference workload 6): KMS-encrypted SNS topic -> function, subscription DLQ.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import { FunctionCode, TopicSubscriber } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsTopicSubscriber');
new TopicSubscriber(stack, 'Events', { code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')) });

new IntegTest(app, 'TopicSubscriber', { testCases: [stack] });
app.synth();
