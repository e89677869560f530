/**
 * The example app: every reference workload of cdk-lambda-blueprints in one `cdk synth`.
 * Run `npx cdk synth` at the repository root; templates land in cdk.out/.
 */
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { FunctionCode, ServerlessFunction } from '../src';

const app = new App();
const env = { account: process.env.CDK_DEFAULT_ACCOUNT ?? '123456789012', region: process.env.CDK_DEFAULT_REGION ?? 'us-east-1' };

const core = new Stack(app, 'BlueprintsCore', { env, description: 'cdk-lambda-blueprints example: a default ServerlessFunction' });
new ServerlessFunction(core, 'Hello', {
  code: FunctionCode.fromAsset(path.join(__dirname, 'handlers', 'hello')),
});

app.synth();
