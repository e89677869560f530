import { App, Aspects, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag-v2';
import { Construct } from 'constructs';
import { FunctionCode, ServerlessFunction } from '../../src';
import { acknowledge } from '../../src/acknowledgements/acknowledge';
import { FailureQueueAcknowledgement, FunctionAcknowledgement } from '../../src/acknowledgements/acknowledgements';
import { toNagV2Rule, writeNagV2Suppressions } from '../../src/acknowledgements/nag-v2-suppressions';
import { nagFindings, USER_DECISIONS } from '../helpers/nag';
import { NagV2Collector, nagV2Packs } from '../helpers/nag-v2';
import { HANDLER_DIR, TEST_ENV } from '../helpers/template';

function stack(): Stack {
  return new Stack(new App(), 'S', { env: TEST_ENV });
}

/** Synthesizes `s` with the five cdk-nag 2.x packs and returns what they report. */
function v2Findings(s: Stack): string[] {
  const collector = new NagV2Collector();
  for (const pack of nagV2Packs(collector)) {
    Aspects.of(s).add(pack);
  }
  Template.fromStack(s);
  return collector.findings.map((f) => `${f.rule} @ ${f.path}`);
}

/** `rules_to_suppress` of a resource, as cdk-nag 2 would read it. */
function rulesOf(resource: CfnResource): Array<{ id: string; reason: string; applies_to?: string[] }> {
  return resource.getMetadata('cdk_nag')?.rules_to_suppress ?? [];
}

describe('toNagV2Rule', () => {
  test('a plain rule id is kept as it is', () => {
    expect(toNagV2Rule('HIPAA.Security-LambdaInsideVPC', 'the reason, long enough')).toEqual({
      reason: 'the reason, long enough', id: 'HIPAA.Security-LambdaInsideVPC',
    });
  });

  test('a finding of a granular rule goes to applies_to (cdk-nag 2 rejects `[` in an id)', () => {
    expect(toNagV2Rule('AwsSolutions-IAM5[Resource::*]', 'the reason, long enough')).toEqual({
      reason: 'the reason, long enough', id: 'AwsSolutions-IAM5', applies_to: ['Resource::*'],
    });
    expect(toNagV2Rule('AwsSolutions-IAM5[Action::s3:Get*]', 'r'.repeat(10)).applies_to).toEqual(['Action::s3:Get*']);
  });

  test('a reason with a character above U+00FF is base64-encoded, as cdk-nag 2 does', () => {
    const rule = toNagV2Rule('AwsSolutions-L1', 'runtime \u2192 newest');
    expect(rule.is_reason_encoded).toBe(true);
    expect(Buffer.from(rule.reason, 'base64').toString()).toBe('runtime \u2192 newest');
  });

  test('the entry is the one cdk-nag 2 NagSuppressions writes for the same suppression', () => {
    const s = stack();
    const mine = new sqs.CfnQueue(s, 'Mine');
    const theirs = new sqs.CfnQueue(s, 'Theirs');
    writeNagV2Suppressions(mine, ['AwsSolutions-IAM5[Resource::*]', 'AwsSolutions-SQS3'], 'the same reason here');
    NagSuppressions.addResourceSuppressions(theirs, [
      { id: 'AwsSolutions-IAM5', reason: 'the same reason here', appliesTo: ['Resource::*'] },
      { id: 'AwsSolutions-SQS3', reason: 'the same reason here' },
    ]);
    expect(JSON.stringify(rulesOf(mine))).toEqual(JSON.stringify(rulesOf(theirs)));
  });
});

describe('writeNagV2Suppressions', () => {
  test('a construct with a resource: on that resource only (not on its other children)', () => {
    const s = stack();
    const queue = new sqs.Queue(s, 'Q');
    queue.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['sqs:SendMessage'], resources: [queue.queueArn], principals: [new iam.ServicePrincipal('sns.amazonaws.com')],
    }));
    writeNagV2Suppressions(queue, ['Serverless-SQSRedrivePolicy'], 'a terminal dead-letter queue');
    expect(rulesOf(queue.node.defaultChild as CfnResource)).toHaveLength(1);
    const policy = queue.node.findAll().find((c) => c instanceof sqs.CfnQueuePolicy) as CfnResource;
    expect(policy).toBeDefined();
    expect(rulesOf(policy)).toEqual([]);
  });

  test('a group of resources: on every L1 resource under it', () => {
    const s = stack();
    const group = new Construct(s, 'Group');
    const a = new sqs.CfnQueue(group, 'A');
    const b = new sqs.CfnQueue(new Construct(group, 'Inner'), 'B');
    const outside = new sqs.CfnQueue(s, 'Outside');
    writeNagV2Suppressions(group, ['Serverless-SQSRedrivePolicy'], 'a terminal dead-letter queue');
    expect(rulesOf(a)).toEqual([{ reason: 'a terminal dead-letter queue', id: 'Serverless-SQSRedrivePolicy' }]);
    expect(rulesOf(b)).toEqual(rulesOf(a));
    expect(rulesOf(outside)).toEqual([]);

    const self = new sqs.CfnQueue(s, 'Self');
    writeNagV2Suppressions(self, ['Serverless-SQSRedrivePolicy'], 'a terminal dead-letter queue');
    expect(rulesOf(self)).toHaveLength(1);
  });

  test('keeps what is there (the user\'s own suppressions) and writes an identical entry once', () => {
    const s = stack();
    const queue = new sqs.CfnQueue(s, 'Q');
    NagSuppressions.addResourceSuppressions(queue, [{ id: 'AwsSolutions-SQS4', reason: 'the user\'s own reason' }]);
    writeNagV2Suppressions(queue, ['Serverless-SQSRedrivePolicy'], 'a terminal dead-letter queue');
    writeNagV2Suppressions(queue, ['Serverless-SQSRedrivePolicy'], 'a terminal dead-letter queue');
    expect(rulesOf(queue).map((r) => r.id)).toEqual(['AwsSolutions-SQS4', 'Serverless-SQSRedrivePolicy']);
  });

  test('no ids, no metadata', () => {
    const s = stack();
    const queue = new sqs.CfnQueue(s, 'Q');
    writeNagV2Suppressions(queue, [], 'nothing to suppress here');
    expect(queue.getMetadata('cdk_nag')).toBeUndefined();
  });
});

describe('acknowledge() writes for both cdk-nag lines', () => {
  test('the cdk-nag 3 acknowledgement and the cdk-nag 2 suppression carry the same reason', () => {
    const s = stack();
    const queue = new sqs.Queue(s, 'Q');
    acknowledge(queue, FailureQueueAcknowledgement.TERMINAL_DLQ_REDRIVE);
    const acknowledged = queue.node.metadata.find((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)!.data as Record<string, string>;
    const v3 = Object.entries(acknowledged).map(([id, reason]) => ({ id: id.replace(/^annotation::/i, ''), reason }));
    expect(v3).toEqual([{ id: 'Serverless-SQSRedrivePolicy', reason: FailureQueueAcknowledgement.TERMINAL_DLQ_REDRIVE.reason }]);
    expect(rulesOf(queue.node.defaultChild as CfnResource)).toEqual([
      { reason: FailureQueueAcknowledgement.TERMINAL_DLQ_REDRIVE.reason, id: 'Serverless-SQSRedrivePolicy' },
    ]);
  });

  test('a default ServerlessFunction is clean under both lines with the user\'s decisions, and template-only scanners see the reasons', () => {
    const s = stack();
    const fn = new ServerlessFunction(s, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    expect(nagFindings(s)).toEqual([]); // gives the root USER_DECISIONS (Blueprints.acknowledgeUserDecisions)
    expect(v2Findings(s)).toEqual([]);

    // The user's decisions reach cdk-nag 2 as metadata on each function, with the user's reason.
    const functions = Template.fromStack(s).findResources('AWS::Lambda::Function');
    const suppressed = Object.values(functions).flatMap((r: any) => r.Metadata?.cdk_nag?.rules_to_suppress ?? []);
    expect(suppressed).toEqual(expect.arrayContaining([
      { reason: `User decision (noVpc): ${USER_DECISIONS.noVpc}`, id: 'HIPAA.Security-LambdaInsideVPC' },
      { reason: `User decision (noReservedConcurrency): ${USER_DECISIONS.noReservedConcurrency}`, id: 'NIST.800.53.R5-LambdaConcurrency' },
    ]));
    // The library's one Resource-* acknowledgement sits on the library-only X-Ray policy, never on `fn.policy`.
    expect(rulesOf(fn.xrayPolicy!.node.defaultChild as CfnResource)).toContainEqual(
      { reason: FunctionAcknowledgement.RESOURCE_STAR_ONLY_ACTIONS.reason, id: 'AwsSolutions-IAM5', applies_to: ['Resource::*'] },
    );
    expect(rulesOf(fn.policy.node.defaultChild as CfnResource)).toEqual([]);
  });

  test('without the user\'s decisions, cdk-nag 2 reports them like cdk-nag 3 does (the library never decides)', () => {
    const s = stack();
    new ServerlessFunction(s, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    expect(v2Findings(s)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^HIPAA\.Security-LambdaInsideVPC @ S\/Fn\//),
      expect.stringMatching(/^NIST\.800\.53\.R5-LambdaConcurrency @ S\/Fn\//),
    ]));
  });

  test('without the cdk_nag metadata, cdk-nag 2 reports the acknowledged findings (the metadata is what it reads)', () => {
    const s = stack();
    new ServerlessFunction(s, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    for (const c of s.node.findAll()) {
      if (CfnResource.isCfnResource(c)) {
        (c.cfnOptions as any).metadata = { ...c.cfnOptions.metadata, cdk_nag: undefined };
      }
    }
    expect(v2Findings(s)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^HIPAA\.Security-LambdaInsideVPC @ S\/Fn\//),
      expect.stringMatching(/^AwsSolutions-IAM5\[Resource::\*\] @ S\/BlueprintXRayWritePolicy\//),
    ]));
  });
});
