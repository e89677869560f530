/// Reference workload 3: HTTP API -> function -> DynamoDB, with throttling and access logs.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { FunctionCode, HttpApiFunction } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsHttpApiFunction');
const table = new dynamodb.TableV2(stack, 'Orders', {
  partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
  pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
  removalPolicy: RemovalPolicy.DESTROY,
});
const backend = new HttpApiFunction(stack, 'OrdersApi', {
  code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')),
  functionOptions: { environment: { TABLE_NAME: table.tableName } },
  triggerOptions: { routes: ['GET /orders/{id}', 'POST /orders'] },
});
table.grantReadWriteData(backend.function);

new IntegTest(app, 'HttpApiFunction', { testCases: [stack] });
app.synth();
