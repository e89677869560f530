/// TableStreamProcessor (reference workload 6): DynamoDB table stream -> function.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { FunctionCode, TableStreamProcessor } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsTableStreamProcessor');
new TableStreamProcessor(stack, 'Orders', {
  code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')),
  partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
});

new IntegTest(app, 'TableStreamProcessor', { testCases: [stack] });
app.synth();
