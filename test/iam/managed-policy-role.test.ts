import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ManagedPolicyRole, ManagedPolicyRoleProps } from '../../src/iam/managed-policy-role';

const STATEMENT = new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:eu-west-1:123456789012:q'] });

function roleWithStatement(s: Stack, id: string, props: Omit<ManagedPolicyRoleProps, 'policyDescription'>): ManagedPolicyRole {
  const r = new ManagedPolicyRole(s, id, { ...props, policyDescription: 'p' });
  r.addToPrincipalPolicy(STATEMENT);
  return r;
}

function stack(): Stack {
  return new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'eu-west-1' } });
}

test('every statement lands in the one customer-managed policy, none inline', () => {
  const s = stack();
  const role = new ManagedPolicyRole(s, 'Role', { service: 'iot.amazonaws.com', description: 'd', policyDescription: 'p' });
  const result = role.addToPrincipalPolicy(STATEMENT);
  expect(result).toEqual({ statementAdded: true, policyDependable: role.policy });
  const t = Template.fromStack(s);
  t.resourceCountIs('AWS::IAM::Policy', 0);
  t.resourceCountIs('AWS::IAM::ManagedPolicy', 1);
  t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
    Description: 'p',
    PolicyDocument: { Statement: [Match.objectLike({ Action: 'sqs:SendMessage' })] },
  });
  t.hasResourceProperties('AWS::IAM::Role', { Description: 'd', ManagedPolicyArns: Match.absent() });
});

test('sourceAccount limits the trust policy with aws:SourceAccount; without it there is no condition', () => {
  const s = stack();
  roleWithStatement(s, 'Scoped', { service: 'scheduler.amazonaws.com', sourceAccount: s.account, description: 'a' });
  roleWithStatement(s, 'Plain', { service: 'lambda.amazonaws.com', description: 'b' });
  const t = Template.fromStack(s);
  t.hasResourceProperties('AWS::IAM::Role', {
    Description: 'a',
    AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'scheduler.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } }] },
  });
  t.hasResourceProperties('AWS::IAM::Role', {
    Description: 'b',
    AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }] },
  });
});

test('refuseAwsManagedPolicies drops AWS managed policies and keeps customer-managed ones', () => {
  const s = stack();
  const refusing = roleWithStatement(s, 'Refusing', { service: 'codedeploy.amazonaws.com', description: 'r', refuseAwsManagedPolicies: true });
  const accepting = roleWithStatement(s, 'Accepting', { service: 'lambda.amazonaws.com', description: 'a' });
  const aws = iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSCodeDeployRoleForLambdaLimited');
  const own = iam.ManagedPolicy.fromManagedPolicyArn(s, 'Own', 'arn:aws:iam::123456789012:policy/own');
  refusing.addManagedPolicy(aws);
  refusing.addManagedPolicy(own);
  accepting.addManagedPolicy(aws);
  const t = Template.fromStack(s);
  t.hasResourceProperties('AWS::IAM::Role', { Description: 'r', ManagedPolicyArns: ['arn:aws:iam::123456789012:policy/own'] });
  t.hasResourceProperties('AWS::IAM::Role', {
    Description: 'a',
    ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited']] }],
  });
});
