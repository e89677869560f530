/// Blueprints.applyTo on a team's own stack of plain lambda.Functions: tracing and a dead-letter
/// queue are added where safe; the budget and a dashboard apply. Only the tag and hardening parts
/// are applied here (no nag packs), since plain functions keep findings only their owners can fix.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Blueprints } from '../../src';

const app = new App();
const stack = new Stack(app, 'BlueprintsPlainFunctions');
for (const name of ['Orders', 'Invoices']) {
  new lambda.Function(stack, name, {
    code: lambda.Code.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')),
    handler: 'index.handler',
    runtime: lambda.Runtime.NODEJS_22_X,
  });
}
Blueprints.applyTo(stack, { nagPacks: [], tags: { team: 'billing' } });

new IntegTest(app, 'PlainFunctions', { testCases: [stack] });
app.synth();
