import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Environment, Stack } from 'aws-cdk-lib';
import {
  acknowledgeUserDecisions, coreStack, deviceEventsStack, imagePipelineStack, nightlyJobStack, platformStack, pythonJavaStack,
  queueWorkerStack, streamAnalyticsStack, subscribersStack, webBackendStack,
} from '../../examples/reference-workloads';
import { ControlTowerFinding, controlTowerFindings, integSnapshotTemplates } from '../helpers/control-tower';

/**
 * AWS Control Tower's proactive controls (the 237 cfn-guard rules of @cdklabs/cdk-validator-cfnguard)
 * over every integ snapshot and the example app: no finding on a resource the library creates, except
 * the documented exceptions (src/compliance/private/control-tower-controls.ts: user decisions, counted
 * here as given, and AWS's own limits). Findings on what a test or the example creates itself (its VPC,
 * load balancer, tables, the buckets, queues and topics it hands to a trigger) are the app's, not the
 * library's: they are listed below, by template and logical id, each with what it is.
 */
const NOT_THE_LIBRARYS: { readonly [template: string]: { readonly [logicalIdPrefix: string]: string } } = {
};

function onLibraryResources(findings: ControlTowerFinding[]): ControlTowerFinding[] {
  return findings.filter((f) => !f.exception && !Object.keys(NOT_THE_LIBRARYS[f.template] ?? {}).some((p) => f.logicalId.startsWith(p)));
}

const describeFinding = (f: ControlTowerFinding) => `${f.control} ${f.template} ${f.logicalId} (${f.type})`;

test('every integ snapshot: no Control Tower finding on a library resource outside the documented exceptions', () => {
  const templates = integSnapshotTemplates();
  expect(templates.length).toBeGreaterThanOrEqual(30);
  const findings = controlTowerFindings(templates);
  // The rules did run: the test stacks' own resources and the documented exceptions are found.
  expect(findings.length).toBeGreaterThan(0);
  expect(onLibraryResources(findings).map(describeFinding)).toEqual([]);
});

test('the example app: no Control Tower finding on a library resource outside the documented exceptions', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'control-tower-example-'));
  try {
    const app = new App({ outdir });
    acknowledgeUserDecisions(app);
    const env: Environment = { account: '123456789012', region: 'us-east-1' };
    const builders: Array<(a: App, e: Environment) => Stack> = [
      coreStack, imagePipelineStack, streamAnalyticsStack, webBackendStack, nightlyJobStack, queueWorkerStack,
      subscribersStack, platformStack, deviceEventsStack, pythonJavaStack,
    ];
    for (const build of builders) {
      build(app, env);
    }
    const assembly = app.synth();
    const templates = assembly.stacks.map((s) => s.templateFullPath);
    expect(templates).toHaveLength(builders.length);
    const findings = controlTowerFindings(templates);
    expect(findings.length).toBeGreaterThan(0);
    expect(onLibraryResources(findings).map(describeFinding)).toEqual([]);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});
