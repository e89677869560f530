import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Environment } from 'aws-cdk-lib';
import { acknowledgeUserDecisions, REFERENCE_WORKLOADS } from '../../examples/reference-workloads';
import { ControlTowerFinding, controlTowerFindings, integSnapshotTemplates } from '../helpers/control-tower';

/**
 * AWS Control Tower's proactive controls (the 237 cfn-guard rules of @cdklabs/cdk-validator-cfnguard)
 * over every integ snapshot and the example app: no finding on a resource the library creates, except
 * the documented exceptions (src/compliance/private/control-tower-controls.ts: user decisions, counted
 * here as given, and AWS's own limits). Findings on what a test or the example creates itself (its VPC,
 * load balancer, tables, the buckets, queues and topics it hands to a trigger) are the app's, not the
 * library's: they are listed below, by template and logical id, each with what it is.
 */
const NOT_THE_LIBRARYS: { readonly [template: string]: { readonly [logicalId: string]: string } } = {
  'integ.layer-function.ts.snapshot/BlueprintsLayerFunction.template.json': {
    LogKeyE83D0C1B: 'the test\'s own key for the function\'s logs (logEncryptionKey)',
  },
  'integ.plain-functions.ts.snapshot/BlueprintsPlainFunctions.template.json': {
    OrdersLogGroupE26395F1: 'the log group aws-cdk-lib gives the test\'s plain lambda.Function',
    InvoicesLogGroup5410885E: 'the log group aws-cdk-lib gives the test\'s plain lambda.Function',
  },
  'integ.cognito-trigger.ts.snapshot/BlueprintsCognitoTrigger.template.json': {
    SenderKey1322CAC6: 'the test\'s key for the custom email sender',
  },
  'integ.dynamodb-stream-trigger.ts.snapshot/BlueprintsDynamoDbStreamTrigger.template.json': {
    OrdersA9B65338: 'the test\'s table',
  },
  'integ.edge-function.ts.snapshot/BlueprintsEdgeFunction.template.json': {
    Cdn9963B1AD: 'the test\'s CloudFront distribution the edge functions are associated with (its root object, origin failover, logs and certificate are the distribution owner\'s)',
  },
  'integ.firehose-transformation-trigger.ts.snapshot/BlueprintsFirehoseTransformationTrigger.template.json': {
    Lake5F1B88EA: 'the test\'s destination bucket',
    LakeKey09476F72: 'the test\'s key for that bucket',
  },
  'integ.http-triggers.ts.snapshot/BlueprintsHttpTriggers.template.json': {
    VpcPublicSubnet1Subnet5C2D37C4: 'the test\'s VPC',
    VpcPublicSubnet2Subnet691E08A3: 'the test\'s VPC',
    Alb16C2F182: 'the test\'s load balancer',
    AlbHttp7966E42E: 'the test\'s load balancer listener',
  },
  'integ.log-subscription-trigger.ts.snapshot/BlueprintsLogSubscriptionTrigger.template.json': {
    OrdersServiceLogs104D03B1: 'the test\'s log group (one month)',
    OrdersServiceLogsKeyB3A798F5: 'the test\'s key for that log group',
  },
  'integ.s3-trigger.ts.snapshot/BlueprintsS3Trigger.template.json': {
    Uploads4F6EB0FD: 'the test\'s bucket',
  },
  'integ.sqs-trigger.ts.snapshot/BlueprintsSqsTrigger.template.json': {
    OrdersA9B65338: 'the test\'s queue',
  },
};

function onLibraryResources(findings: ControlTowerFinding[]): ControlTowerFinding[] {
  return findings.filter((f) => !f.exception && NOT_THE_LIBRARYS[f.template]?.[f.logicalId] === undefined);
}

test('every resource listed as not the library\'s is in its snapshot', () => {
  const byName = new Map(integSnapshotTemplates().map((t) => [`${path.basename(path.dirname(t))}/${path.basename(t)}`, t]));
  for (const [template, ids] of Object.entries(NOT_THE_LIBRARYS)) {
    const resources = JSON.parse(fs.readFileSync(byName.get(template)!, 'utf8')).Resources;
    for (const id of Object.keys(ids)) {
      expect(`${template} ${id} ${resources[id] ? 'exists' : 'missing'}`).toBe(`${template} ${id} exists`);
    }
  }
});

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
    for (const workload of REFERENCE_WORKLOADS) {
      workload.build(app, env);
    }
    const assembly = app.synth();
    const templates = assembly.stacks.map((s) => s.templateFullPath);
    expect(templates).toHaveLength(REFERENCE_WORKLOADS.length);
    const findings = controlTowerFindings(templates);
    expect(findings.length).toBeGreaterThan(0);
    expect(onLibraryResources(findings).map(describeFinding)).toEqual([]);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});
