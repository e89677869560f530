/// Trigger.dynamoDbStream: the table's stream with bounded retries and a FailureQueue on failure.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsDynamoDbStreamTrigger');
const table = new dynamodb.Table(stack, 'Orders', {
  partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
  billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
  stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
});
const fn = new ServerlessFunction(stack, 'Projector', { code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')) });
fn.addTrigger(Trigger.dynamoDbStream(table));

new IntegTest(app, 'DynamoDbStreamTrigger', { testCases: [stack] });
app.synth();
