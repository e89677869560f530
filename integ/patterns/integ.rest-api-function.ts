/// REST API -> function -> DynamoDB, with IAM authorization, request validation, throttling, logs and X-Ray.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { FunctionCode, RestApiFunction } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsRestApiFunction');
const table = new dynamodb.TableV2(stack, 'Orders', {
  partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
  pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
  removalPolicy: RemovalPolicy.DESTROY,
});
const backend = new RestApiFunction(stack, 'OrdersApi', {
  code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')),
  functionOptions: { environment: { TABLE_NAME: table.tableName } },
  triggerOptions: { routes: ['GET /orders/{id}', 'POST /orders'], cloudWatchRole: true },
});
table.grantReadWriteData(backend.function);

new IntegTest(app, 'RestApiFunction', { testCases: [stack] });
app.synth();
