import { App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag-v2';
import { IConstruct } from 'constructs';
import { BlueprintStack, FailureQueue, NagPackName } from '../../src';
import { Finding, nagFindings, USER_DECISIONS } from '../helpers/nag';
import { addNagV2Packs } from '../helpers/nag-v2';
import { buildStepFunctionsRecipe as build } from '../helpers/step-functions-recipe';

// The Step Functions recipe of docs/step-functions.md, run as it is written: its TypeScript block is
// transpiled, `cdk-lambda-blueprints` resolves to this checkout, `this` is a BlueprintStack without
// account or Region, and the handler directory is the test fixture. Both cdk-nag lines' five packs must
// find nothing (the regulatory ones with the decisions every regulated app gives: test/helpers/nag.ts).

const ALL_PACKS = [
  NagPackName.AWS_SOLUTIONS, NagPackName.SERVERLESS, NagPackName.HIPAA_SECURITY, NagPackName.NIST_800_53_R5, NagPackName.PCI_DSS_321,
];

/** The recipe's own acknowledgements, written the way a cdk-nag 2 app writes them (NagSuppressions). */
function asNagV2Suppressions(scope: IConstruct): void {
  for (const c of scope.node.findAll()) {
    for (const entry of c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)) {
      for (const [qualified, reason] of Object.entries(entry.data as Record<string, string>)) {
        // aws-cdk-lib stores an id without '::' as 'annotation::<id>'.
        const id = qualified.replace(/^annotation::/i, '');
        const match = /^([^[]+)\[(.+)\]$/.exec(id);
        const ruleId = match ? match[1] : id;
        NagSuppressions.addResourceSuppressions(c, [{ id: ruleId, reason, ...(match ? { appliesTo: [match[2]] } : {}) }], true);
      }
    }
  }
}

afterEach(() => {
  process.exitCode = undefined;
});

test('the recipe passes the five cdk-nag 3 packs in a BlueprintStack without env, and synthesizes', () => {
  const app = new App();
  const stack = new BlueprintStack(app, 'Pipeline', { nagPacks: ALL_PACKS, userDecisions: USER_DECISIONS });
  build(stack);
  expect(nagFindings(stack)).toEqual([]);
  app.synth();
  expect(process.exitCode ?? 0).toBe(0);
});

test('the recipe passes the five cdk-nag 2 packs', () => {
  const app = new App();
  const stack = new BlueprintStack(app, 'Pipeline', { nagPacks: [], userDecisions: USER_DECISIONS });
  build(stack);
  const pipeline = stack.node.findChild('Pipeline');
  asNagV2Suppressions(pipeline);
  const collector = addNagV2Packs(app);
  app.synth();
  expect(collector.findings).toEqual([]);
});

describe('a FailureQueue the user creates', () => {
  test('is a dead-letter queue for both lines (AwsSolutions-SQS3), with the reason on the queue', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const failures = new FailureQueue(stack, 'Failures', { purpose: 'the user\'s own failure path' });
    const resource = failures.queue.node.defaultChild as CfnResource;
    const v2 = resource.getMetadata('cdk_nag').rules_to_suppress.map((r: any) => r.id);
    expect(v2).toEqual(expect.arrayContaining(['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy']));
    const collector = addNagV2Packs(app);
    expect(nagFindings(stack, {}).filter(onQueue)).toEqual([]);
    app.synth();
    expect(collector.findings.filter(onQueue)).toEqual([]);
  });

  test('covers nothing the user adds: a plain queue beside it is still reported', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new FailureQueue(stack, 'Failures', { purpose: 'the user\'s own failure path' });
    new sqs.Queue(stack, 'Plain', { enforceSSL: true });
    const collector = addNagV2Packs(app);
    expect(nagFindings(stack, {}).filter((f) => f.rule === 'AwsSolutions-SQS3').map((f) => f.path)).toEqual(['S/Plain/Resource']);
    app.synth();
    expect(collector.findings.filter((f) => f.rule === 'AwsSolutions-SQS3').map((f) => f.path)).toEqual(['S/Plain/Resource']);
  });
});

function onQueue(f: Finding): boolean {
  return f.path.startsWith('S/Failures/');
}
