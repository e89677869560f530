/// Fleet monitoring on a BlueprintStack (all five cdk-nag packs): four default functions and one with a
/// tuned errors threshold, alarmed by one Metrics Insights alarm per signal that names each failing
/// function (MonitoringMode.FLEET; docs/fleet-monitoring.md). The tuned function keeps its errors
/// signal in a combined alarm of its own. (A FunctionGroup's shards are not in this snapshot: the Control
/// Tower validator fails on nested templates; test/observability/fleet-alarms.test.ts covers groups.)
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App } from 'aws-cdk-lib';
import { BlueprintStack, FunctionCode, MonitoringMode, NagPackName, ServerlessFunction } from '../../src';

const code = FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler'));

const app = new App();
const stack = new BlueprintStack(app, 'BlueprintsFleetMonitoring', {
  monitoring: MonitoringMode.FLEET,
  nagPacks: [
    NagPackName.AWS_SOLUTIONS, NagPackName.SERVERLESS, NagPackName.HIPAA_SECURITY, NagPackName.NIST_800_53_R5, NagPackName.PCI_DSS_321,
  ],
  userDecisions: {
    noVpc: 'The fleet calls public AWS endpoints only; it reaches no private network.',
    noReservedConcurrency: 'The internal fleet shares the account concurrency pool on purpose.',
  },
});

for (const id of ['Reports', 'Exports', 'Cleanup', 'Reminders']) {
  new ServerlessFunction(stack, id, { code });
}
new ServerlessFunction(stack, 'Billing', { code, alarms: { errors: { threshold: 5 } } });

new IntegTest(app, 'FleetMonitoring', { testCases: [stack] });
app.synth();
