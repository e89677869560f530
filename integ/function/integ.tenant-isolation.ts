/// A multi-tenant function in tenant isolation mode behind an IAM-authorized REST API that passes the
/// caller's x-tenant-id header to Lambda as the tenant id.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsTenantIsolation');

const fn = new ServerlessFunction(stack, 'Workflows', {
  code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')),
  timeout: Duration.seconds(29),
  tenancy: lambda.TenancyConfig.PER_TENANT,
});
fn.addTrigger(Trigger.restApi({ tenantIdHeader: 'x-tenant-id', routes: ['POST /runs'] }));

new IntegTest(app, 'TenantIsolation', { testCases: [stack] });
app.synth();
