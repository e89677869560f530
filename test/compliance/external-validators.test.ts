import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { Blueprints, FailureQueue, FunctionCode, ServerlessFunction } from '../../src';
import { acknowledge } from '../../src/acknowledgements/acknowledge';
import * as registry from '../../src/acknowledgements/acknowledgements';
import { FailureQueueAcknowledgement, FunctionAcknowledgement } from '../../src/acknowledgements/acknowledgements';
import { skipExternalChecks } from '../../src/acknowledgements/external-validators';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

function importedVpc(scope: Construct): ec2.IVpc {
  return ec2.Vpc.fromVpcAttributes(scope, 'Vpc', {
    vpcId: 'vpc-12345678',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    privateSubnetIds: ['subnet-1', 'subnet-2'],
    privateSubnetRouteTableIds: ['rtb-1', 'rtb-2'],
  });
}

/** The checkov ids and cfn-lint ids a resource's Metadata suppresses. */
function suppressions(metadata: any): { checkov: string[]; cfnLint: string[] } {
  return {
    checkov: (metadata?.checkov?.skip ?? []).map((s: any) => s.id).sort(),
    cfnLint: [...(metadata?.['cfn-lint']?.config?.ignore_checks ?? [])].sort(),
  };
}

function only(template: Template, type: string): any {
  const resources = Object.values(template.findResources(type));
  expect(resources).toHaveLength(1);
  return resources[0];
}

describe('validator skips written by acknowledgements', () => {
  test('a default function: log group and role dependency in cfn-lint; no VPC and no reservation are the user\'s to skip', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    const template = Template.fromStack(stack);

    expect(suppressions(only(template, 'AWS::Lambda::Function').Metadata)).toEqual({
      checkov: ['CKV_AWS_173'],
      cfnLint: ['W3005', 'WS1004'],
    });
    expect(suppressions(only(template, 'AWS::SQS::Queue').Metadata)).toEqual({ checkov: ['CKV_AWS_27'], cfnLint: ['ES6000'] });
    // Nothing about the policies: without a VPC, the one wildcard statement is X-Ray's.
    for (const policy of Object.values(template.findResources('AWS::IAM::ManagedPolicy'))) {
      expect(suppressions(policy.Metadata)).toEqual({ checkov: [], cfnLint: [] });
    }
  });

  test('the user\'s decisions write their checkov skips with the user\'s reason as the comment', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    Blueprints.acknowledgeUserDecisions(stack, {
      noVpc: 'The function calls public AWS APIs only. More text.',
      noReservedConcurrency: 'The account pool is shared.',
    });
    const skip = only(Template.fromStack(stack), 'AWS::Lambda::Function').Metadata.checkov.skip;
    expect(skip).toContainEqual({ id: 'CKV_AWS_117', comment: 'cdk-lambda-blueprints: User decision (noVpc): The function calls public AWS APIs only.' });
    expect(skip).toContainEqual({ id: 'CKV_AWS_115', comment: 'cdk-lambda-blueprints: User decision (noReservedConcurrency): The account pool is shared.' });
  });

  test('every checkov comment of the library fits in 160 characters', () => {
    const every = Object.values(registry).flatMap((group) => Object.values(group)) as Array<{ reason: string; checkov?: readonly string[] }>;
    for (const ack of every) {
      if (!ack.checkov) continue;
      const stack = testStack();
      const queue = new sqs.Queue(stack, 'Queue');
      skipExternalChecks(queue, ack, ack.reason);
      const [{ comment }] = (queue.node.defaultChild as sqs.CfnQueue).getMetadata('checkov').skip;
      expect(comment.length).toBeLessThanOrEqual(160);
      expect(comment.endsWith('.')).toBe(true); // a whole sentence, not cut
    }
  });

  test('a reason longer than 160 characters without a sentence break is cut with an ellipsis', () => {
    const stack = testStack();
    const queue = new sqs.Queue(stack, 'Queue');
    skipExternalChecks(queue, { checkov: ['CKV_X'] }, 'x'.repeat(300));
    const [{ comment }] = (queue.node.defaultChild as sqs.CfnQueue).getMetadata('checkov').skip;
    expect(comment).toHaveLength(160);
    expect(comment.endsWith('...')).toBe(true);
  });

  test('a VPC function with a reservation and environment: only what still applies is skipped', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', {
      code: FunctionCode.fromAsset(HANDLER_DIR),
      vpc: importedVpc(stack),
      reservedConcurrentExecutions: 5,
      environment: { TABLE_NAME: 'orders' },
    });
    const template = Template.fromStack(stack);

    expect(suppressions(only(template, 'AWS::Lambda::Function').Metadata)).toEqual({
      checkov: ['CKV_AWS_173'],
      cfnLint: ['W3005', 'WS1004'],
    });
    const [resourceStar] = Object.values(template.findResources('AWS::IAM::ManagedPolicy'))
      .filter((p) => p.Properties.Description.startsWith('The actions of'));
    expect(suppressions(resourceStar.Metadata)).toEqual({ checkov: ['CKV_AWS_111'], cfnLint: [] });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('a FailureQueue of its own carries its skips', () => {
    const stack = testStack();
    const sink = new FailureQueue(stack, 'Sink', { purpose: 'tests' });
    const metadata = (sink.queue.node.defaultChild as sqs.CfnQueue).getMetadata('cfn-lint');
    expect(metadata).toEqual({ config: { ignore_checks: ['ES6000'] } });
  });

  test('ids are written once, merged with what is already there, and the first reason is kept', () => {
    const stack = testStack();
    const queue = new sqs.Queue(stack, 'Queue');
    const cfn = queue.node.defaultChild as sqs.CfnQueue;
    cfn.addMetadata('cfn-lint', { config: { ignore_checks: ['E1234'], regions: ['us-east-1'] } });
    skipExternalChecks(queue, { checkov: ['CKV_A'], cfnLint: ['W1'] }, 'first');
    skipExternalChecks(queue, { checkov: ['CKV_A', 'CKV_B'], cfnLint: ['W1', 'W2'] }, 'second');

    expect(cfn.getMetadata('checkov')).toEqual({
      skip: [{ id: 'CKV_A', comment: 'cdk-lambda-blueprints: first' }, { id: 'CKV_B', comment: 'cdk-lambda-blueprints: second' }],
    });
    expect(cfn.getMetadata('cfn-lint')).toEqual({ config: { ignore_checks: ['E1234', 'W1', 'W2'], regions: ['us-east-1'] } });
  });

  test('a scope that is not one CloudFormation resource gets no Metadata and no error', () => {
    const stack = testStack();
    const group = new Construct(stack, 'Group');
    new sqs.Queue(group, 'Queue');
    expect(() => acknowledge(group, FailureQueueAcknowledgement.SQS_MANAGED_ENCRYPTION)).not.toThrow();
    expect(only(Template.fromStack(stack), 'AWS::SQS::Queue').Metadata?.checkov).toBeUndefined();
  });

  test('acknowledgements without external ids write no Metadata', () => {
    const stack = testStack();
    const queue = new sqs.Queue(stack, 'Queue');
    acknowledge(queue, FunctionAcknowledgement.ASYNC_FAILURES_IN_DLQ);
    const cfn = queue.node.defaultChild as sqs.CfnQueue;
    expect(cfn.getMetadata('checkov')).toBeUndefined();
    expect(cfn.getMetadata('cfn-lint')).toBeUndefined();
  });
});
