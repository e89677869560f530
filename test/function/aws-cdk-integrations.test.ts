import { App, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { LAMBDA_CREATE_NEW_POLICIES_WITH_ADDTOROLEPOLICY } from 'aws-cdk-lib/cx-api';
import { FunctionCode, ServerlessFunction } from '../../src';
import { Finding, nagFindings } from '../helpers/nag';
import { HANDLER_DIR, TEST_ENV, testStack } from '../helpers/template';

/**
 * A ServerlessFunction through aws-cdk-lib's own integrations: callers invoke the `live` alias,
 * permissions name it, grants land in the function's customer-managed policy, and the function (with
 * what the integration added to it) stays clean under the five packs, given the user's decisions.
 */

const LIVE_ALIAS = { Ref: Match.stringLikeRegexp('^FnLiveAlias') };

function setup(): { stack: Stack; fn: ServerlessFunction } {
  const stack = testStack();
  const fn = new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
  return { stack, fn };
}

/** The findings on the function and on every invoke permission, wherever the integration put it. */
function functionFindings(stack: Stack): Finding[] {
  return nagFindings(stack).filter((f) => f.path.startsWith('TestStack/Fn/') || /Permission/.test(f.path));
}

/** Every statement of the function's grants-and-statements policy. */
function policyStatements(stack: Stack, fn: ServerlessFunction): any[] {
  return stack.resolve(fn.policy.document.toJSON()).Statement;
}

/** Grants land in the function's managed policy: no inline policy anywhere on its role. */
function expectNoInlinePolicy(t: Template): void {
  t.resourceCountIs('AWS::IAM::Policy', 0);
  t.hasResourceProperties('AWS::IAM::Role', {
    AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' } })] },
    Policies: Match.absent(),
  });
}

describe('the invoke side is the live alias', () => {
  test('functionArn, functionName and resourceArnsForGrantInvoke are the alias\'s; the role is the grant principal', () => {
    const { stack, fn } = setup();
    expect(stack.resolve(fn.functionArn)).toEqual(stack.resolve(fn.alias.functionArn));
    expect(stack.resolve(fn.functionName)).toEqual(stack.resolve(fn.alias.functionName));
    expect(stack.resolve(fn.resourceArnsForGrantInvoke)).toEqual([stack.resolve(fn.alias.functionArn)]);
    expect(fn.grantPrincipal).toBe(fn.role);
    expect(fn.latestVersion).toBe(fn.unqualifiedFunction.latestVersion);
    expect(fn.architecture).toBe(lambda.Architecture.ARM_64);
    expect(fn.permissionsNode).toBe(fn.node);
  });

  test('metrics carry the alias\'s Resource dimension', () => {
    const { stack, fn } = setup();
    const dims = stack.resolve(fn.metricErrors().dimensions);
    expect(dims).toEqual(stack.resolve(fn.alias.metricErrors().dimensions));
    expect(JSON.stringify(dims.Resource)).toContain(':live');
  });

  test('grantInvoke to a service: one permission, scoped to the alias', () => {
    const { stack, fn } = setup();
    fn.grantInvoke(new iam.ServicePrincipal('events.amazonaws.com'));
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Lambda::Permission', 1);
    t.hasResourceProperties('AWS::Lambda::Permission', { FunctionName: LIVE_ALIAS, Principal: 'events.amazonaws.com' });
    expect(functionFindings(stack)).toEqual([]);
  });

  test('grantInvoke to another function: its managed policy allows the alias only', () => {
    const { stack, fn } = setup();
    const caller = new ServerlessFunction(stack, 'Caller', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    fn.grantInvoke(caller);
    const t = Template.fromStack(stack);
    expectNoInlinePolicy(t);
    expect(policyStatements(stack, caller)).toContainEqual({
      Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: stack.resolve(fn.alias.functionArn),
    });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('addFunctionUrl puts the URL on the alias', () => {
    const { stack, fn } = setup();
    fn.addFunctionUrl();
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Url', { Qualifier: 'live', AuthType: 'AWS_IAM' });
  });
});

describe('grants land in the function\'s customer-managed policy', () => {
  test('DynamoDB, S3, KMS and Secrets Manager grants', () => {
    const { stack, fn } = setup();
    const table = new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
    const bucket = new s3.Bucket(stack, 'Bucket');
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    const secret = new secretsmanager.Secret(stack, 'Secret');
    table.grantReadData(fn);
    bucket.grantRead(fn);
    key.grantDecrypt(fn);
    secret.grantRead(fn);
    const t = Template.fromStack(stack);
    expectNoInlinePolicy(t);

    const actions = policyStatements(stack, fn).flatMap((s) => [s.Action].flat());
    expect(actions).toEqual(expect.arrayContaining([
      'dynamodb:GetItem', 's3:GetObject*', 'kms:Decrypt', 'secretsmanager:GetSecretValue',
    ]));
    // The user's grants carry wildcards (S3 objects, table indexes, s3:GetObject*): cdk-nag reports
    // them on the user's policy, as it would on a plain function; nothing else is reported.
    const findings = functionFindings(stack);
    expect(findings.filter((f) => !f.rule.startsWith('AwsSolutions-IAM5['))).toEqual([]);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.path).toBe('TestStack/Fn/Role/Policy/Resource');
    }
  });

  test('KMS and Secrets Manager grants alone (scoped) leave the function clean', () => {
    const { stack, fn } = setup();
    new kms.Key(stack, 'Key', { enableKeyRotation: true }).grantDecrypt(fn);
    new secretsmanager.Secret(stack, 'Secret').grantRead(fn);
    expectNoInlinePolicy(Template.fromStack(stack));
    expect(functionFindings(stack)).toEqual([]);
  });

  test('addToRolePolicy lands in the managed policy, even with aws-cdk-lib\'s inline-policy feature flag on', () => {
    const app = new App({ context: { [LAMBDA_CREATE_NEW_POLICIES_WITH_ADDTOROLEPOLICY]: true } });
    const stack = new Stack(app, 'TestStack', { env: TEST_ENV });
    const fn = new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:us-east-1:123456789012:orders'] }));
    expectNoInlinePolicy(Template.fromStack(stack));
    expect(policyStatements(stack, fn)).toContainEqual({
      Action: 'sqs:SendMessage', Effect: 'Allow', Resource: 'arn:aws:sqs:us-east-1:123456789012:orders',
    });
  });
});

describe('a user\'s Resource-* statement is reported, never acknowledged by the library', () => {
  const userStar = () => new iam.PolicyStatement({ sid: 'FindInstances', actions: ['ec2:DescribeInstances'], resources: ['*'] });

  test.each([
    ['initialPolicy', (stack: Stack) => new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR), initialPolicy: [userStar()] })],
    ['addToRolePolicy', (stack: Stack) => {
      const fn = new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
      fn.addToRolePolicy(userStar());
      return fn;
    }],
    ['a statement mixing X-Ray with the user\'s action', (stack: Stack) => {
      const fn = new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
      fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['xray:PutTraceSegments', 'ec2:DescribeInstances'], resources: ['*'] }));
      return fn;
    }],
  ])('%s: AwsSolutions-IAM5[Resource::*] on the function\'s policy', (_name, build) => {
    const stack = testStack();
    const fn = build(stack);
    expect(nagFindings(stack)).toEqual([
      { pack: 'AwsSolutions', rule: 'AwsSolutions-IAM5[Resource::*]', path: 'TestStack/Fn/Role/Policy/Resource' },
    ]);
    // The library's own X-Ray statement stays in the stack's acknowledged X-Ray policy.
    expect(stack.resolve(fn.xrayPolicy!.document.toJSON()).Statement).toEqual([
      { Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Effect: 'Allow', Resource: '*' },
    ]);
  });

  test('the same statement acknowledged by the user with the user\'s reason is clean', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR), initialPolicy: [userStar()] });
    Validations.of(fn.policy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]', reason: 'ec2:DescribeInstances has no resource-level permissions.',
    });
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('aws-cdk-lib callers invoke the live alias', () => {
  test('apigateway.LambdaIntegration', () => {
    const { stack, fn } = setup();
    const api = new apigateway.RestApi(stack, 'Api');
    api.root.addMethod('GET', new apigateway.LambdaIntegration(fn));
    const t = Template.fromStack(stack);
    const method = Object.values(t.findResources('AWS::ApiGateway::Method'))[0];
    expect(JSON.stringify(method.Properties.Integration.Uri)).toMatch(/"Ref":"FnLiveAlias[0-9A-F]+"/);
    const permissions = Object.values(t.findResources('AWS::Lambda::Permission'));
    expect(permissions.length).toBeGreaterThan(0);
    for (const p of permissions) {
      expect(p.Properties.FunctionName).toEqual({ Ref: expect.stringMatching(/^FnLiveAlias/) });
    }
    expectNoInlinePolicy(t);
    expect(functionFindings(stack)).toEqual([]);
  });

  test('events_targets.LambdaFunction', () => {
    const { stack, fn } = setup();
    const rule = new events.Rule(stack, 'Rule', { schedule: events.Schedule.rate(Duration.hours(1)) });
    rule.addTarget(new targets.LambdaFunction(fn, { deadLetterQueue: new sqs.Queue(stack, 'RuleDlq'), retryAttempts: 2 }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Events::Rule', { Targets: [Match.objectLike({ Arn: LIVE_ALIAS })] });
    t.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: LIVE_ALIAS, Principal: 'events.amazonaws.com', SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Rule'), 'Arn'] },
    });
    expectNoInlinePolicy(t);
    expect(functionFindings(stack)).toEqual([]);
  });

  test('stepfunctions_tasks.LambdaInvoke', () => {
    const { stack, fn } = setup();
    new sfn.StateMachine(stack, 'Machine', {
      definitionBody: sfn.DefinitionBody.fromChainable(new tasks.LambdaInvoke(stack, 'Invoke', { lambdaFunction: fn })),
    });
    const t = Template.fromStack(stack);
    const machine = Object.values(t.findResources('AWS::StepFunctions::StateMachine'))[0];
    expect(JSON.stringify(machine.Properties.DefinitionString)).toMatch(/"Ref":"FnLiveAlias[0-9A-F]+"/);
    // The state machine's role may invoke the alias (and its versions), not the unqualified function.
    const machinePolicy = JSON.stringify(Object.values(t.findResources('AWS::IAM::Policy'))[0].Properties.PolicyDocument);
    expect(machinePolicy).toMatch(/"Ref":"FnLiveAlias[0-9A-F]+"/);
    expect(machinePolicy).not.toMatch(/FnFunction[0-9A-F]+/);
    expect(functionFindings(stack)).toEqual([]);
  });

  test('cognito.UserPool.addTrigger', () => {
    const { stack, fn } = setup();
    const pool = new cognito.UserPool(stack, 'Users');
    pool.addTrigger(cognito.UserPoolOperation.PRE_SIGN_UP, fn);
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Cognito::UserPool', { LambdaConfig: { PreSignUp: LIVE_ALIAS } });
    t.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: LIVE_ALIAS, Principal: 'cognito-idp.amazonaws.com', SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Users'), 'Arn'] },
    });
    expectNoInlinePolicy(t);
    expect(functionFindings(stack)).toEqual([]);
  });
});

describe('security-group connections', () => {
  test('in a VPC: the function\'s own security group opens egress to the database', () => {
    const stack = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    });
    const fn = new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR), vpc });
    const db = new ec2.SecurityGroup(stack, 'Db', { vpc, allowAllOutbound: false });
    fn.connections.allowTo(db, ec2.Port.tcp(5432), 'orders database');
    expect(fn.isBoundToVpc).toBe(true);
    expect(fn.connections.securityGroups).toEqual(fn.securityGroups);
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Db'), 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FnSecurityGroup'), 'GroupId'] },
      FromPort: 5432,
    });
    // The ENI actions are the library's: in the acknowledged Resource-* policy, not the user's.
    expect(JSON.stringify(stack.resolve(fn.resourceStarPolicy!.document.toJSON()))).toContain('ec2:CreateNetworkInterface');
    expect(JSON.stringify(stack.resolve(fn.policy.document.toJSON()))).not.toContain('ec2:');
    expectNoInlinePolicy(t);
    expect(functionFindings(stack)).toEqual([]);
  });

  test('outside a VPC: not bound, no security group', () => {
    const { fn } = setup();
    expect(fn.isBoundToVpc).toBe(false);
    expect(fn.connections.securityGroups).toEqual([]);
  });
});

describe('aws-cdk-lib event sources are refused; the library\'s triggers are the way', () => {
  test('addEventSource names the Trigger to use', () => {
    const { stack, fn } = setup();
    const queue = new sqs.Queue(stack, 'Queue');
    expect(() => fn.addEventSource(new sources.SqsEventSource(queue)))
      .toThrow(/\[LBP_EVENT_SOURCE_REFUSED\] TestStack\/Fn: addEventSource is SqsEventSource.*Fix: use Trigger\.sqs\(queue, options\)/);
    const table = new dynamodb.Table(stack, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, stream: dynamodb.StreamViewType.NEW_IMAGE,
    });
    expect(() => fn.addEventSource(new sources.DynamoEventSource(table, { startingPosition: lambda.StartingPosition.LATEST })))
      .toThrow(/Trigger\.dynamoDbStream/);
  });

  test('addEventSourceMapping and configureAsyncInvoke are refused', () => {
    const { fn } = setup();
    expect(() => fn.addEventSourceMapping('Raw', { eventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q' }))
      .toThrow(/LBP_EVENT_SOURCE_REFUSED.*addEventSourceMapping/);
    expect(() => fn.configureAsyncInvoke({ retryAttempts: 1 })).toThrow(/LBP_EVENT_SOURCE_REFUSED.*retryAttempts, maxEventAge/);
  });
});
