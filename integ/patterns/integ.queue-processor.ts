/// QueueProcessor (reference workload 5): SQS queue -> function with partial batch failures and a redrive DLQ.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import { FunctionCode, QueueProcessor } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsQueueProcessor');
new QueueProcessor(stack, 'Orders', { code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')) });

new IntegTest(app, 'QueueProcessor', { testCases: [stack] });
app.synth();
