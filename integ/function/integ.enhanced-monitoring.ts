/// Lambda Insights on arm64 and x86_64, Application Signals on Node.js and Python: each the AWS layer
/// pinned for its architecture and Region, the permissions of the AWS managed policy as library-only
/// customer-managed statements (no AWS managed policy), nag clean.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { EnhancedMonitoring, FunctionCode, LatestRuntime, ServerlessFunction } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
// The layer tables are per Region: the stack names its Region (an env-agnostic stack is refused).
const stack = new Stack(app, 'BlueprintsEnhancedMonitoring', { env: { region: 'us-east-1' } });
const handler = path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler');

new ServerlessFunction(stack, 'InsightsArm', {
  code: FunctionCode.fromAsset(handler),
  enhancedMonitoring: EnhancedMonitoring.LAMBDA_INSIGHTS,
});
new ServerlessFunction(stack, 'InsightsX86', {
  code: FunctionCode.fromAsset(handler),
  architecture: lambda.Architecture.X86_64,
  enhancedMonitoring: EnhancedMonitoring.LAMBDA_INSIGHTS,
});
new ServerlessFunction(stack, 'SignalsNode', {
  code: FunctionCode.fromAsset(handler),
  enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS,
  environment: { OTEL_SERVICE_NAME: 'orders-api' },
});
new ServerlessFunction(stack, 'SignalsPython', {
  code: FunctionCode.fromInline('def handler(event, context):\n    return {"ok": True}\n'),
  runtime: LatestRuntime.PYTHON,
  enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS,
});

new IntegTest(app, 'EnhancedMonitoring', { testCases: [stack] });
app.synth();
