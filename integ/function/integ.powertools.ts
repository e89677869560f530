/// Powertools for AWS Lambda: Node.js and Python functions on arm64 and x86_64 with the official layer pinned at
/// synth, their service name and metrics namespace, and one IdempotencyTable they keep their records in.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { FunctionCode, IdempotencyTable, LatestRuntime, ServerlessFunction } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsPowertools');
const fixtures = path.join(__dirname, '..', '..', 'test', 'fixtures');
const table = new IdempotencyTable(stack, 'Idempotency');

for (const [id, architecture] of [['Arm', lambda.Architecture.ARM_64], ['X86', lambda.Architecture.X86_64]] as const) {
  new ServerlessFunction(stack, `Orders${id}`, {
    code: FunctionCode.fromNodejsEntry(path.join(fixtures, 'powertools', 'orders.js')),
    architecture,
    powertools: { serviceName: 'orders', metricsNamespace: 'Shop', idempotencyTable: table },
  });
  new ServerlessFunction(stack, `Invoices${id}`, {
    code: FunctionCode.fromAsset(path.join(fixtures, 'python', 'orders')),
    runtime: LatestRuntime.PYTHON,
    handler: 'index.handler',
    architecture,
    powertools: { serviceName: 'invoices', metricsNamespace: 'Shop', idempotencyTable: table },
  });
}

new IntegTest(app, 'Powertools', { testCases: [stack] });
app.synth();
