/**
 * The example app: every reference workload of cdk-lambda-blueprints in one `cdk synth`.
 * Run `npx cdk synth` at the repository root; templates land in cdk.out/.
 *
 * The stacks are defined in reference-workloads.ts. The same app is written in Python (consumers/python/app.py) and Java
 * (consumers/java/src/main/java/io/github/cdklambdablueprints/consumer/App.java), one function per
 * stack with the same construct ids and the same asset directories, and `npx projen test:consumers`
 * requires the three to synthesize identical templates. Add a workload here, then mirror it there.
 */
import { App, Environment } from 'aws-cdk-lib';
import { Blueprints } from '../src';
import { acknowledgeUserDecisions, REFERENCE_WORKLOADS } from './reference-workloads';

const app = new App();
acknowledgeUserDecisions(app); //   what only this app's owners can decide, with their reasons
const env: Environment = {
  account: process.env.CDK_DEFAULT_ACCOUNT ?? '123456789012',
  region: process.env.CDK_DEFAULT_REGION ?? 'us-east-1',
};
// Every reference workload, one stack each (REFERENCE_WORKLOADS in reference-workloads.ts says what each shows).
for (const workload of REFERENCE_WORKLOADS) {
  workload.build(app, env);
}
// Each stack's idle cost (<stack>.cost.json in cdk.out/ and one info line for the app, docs/scale.md) and the app's
// blueprint report (cdk.out/blueprints.html and blueprints.json, docs/blueprint-report.md). Only reports: nothing
// here changes a template, so the Python and Java apps still produce the same templates (and the same report).
Blueprints.applyTo(app, { nagPacks: [], dashboard: false, hardenPlainFunctions: false, resourceBudget: false });
app.synth();
