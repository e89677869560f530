import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { FunctionCode, FunctionDeployment, ServerlessFunction, ServerlessFunctionProps } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

function fn(props: Partial<ServerlessFunctionProps> = {}) {
  const stack = testStack();
  const f = new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR), ...props });
  return { stack, f, t: Template.fromStack(stack) };
}

const CONFIGS: [string, codedeploy.ILambdaDeploymentConfig, string][] = [
  ['all at once', codedeploy.LambdaDeploymentConfig.ALL_AT_ONCE, 'CodeDeployDefault.LambdaAllAtOnce'],
  ['canary 5 min', codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES, 'CodeDeployDefault.LambdaCanary10Percent5Minutes'],
  ['canary 10 min', codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_10MINUTES, 'CodeDeployDefault.LambdaCanary10Percent10Minutes'],
  ['canary 15 min', codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_15MINUTES, 'CodeDeployDefault.LambdaCanary10Percent15Minutes'],
  ['canary 30 min', codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_30MINUTES, 'CodeDeployDefault.LambdaCanary10Percent30Minutes'],
  ['linear 1 min', codedeploy.LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_1MINUTE, 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute'],
  ['linear 2 min', codedeploy.LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_2MINUTES, 'CodeDeployDefault.LambdaLinear10PercentEvery2Minutes'],
  ['linear 3 min', codedeploy.LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_3MINUTES, 'CodeDeployDefault.LambdaLinear10PercentEvery3Minutes'],
  ['linear 10 min', codedeploy.LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_10MINUTES, 'CodeDeployDefault.LambdaLinear10PercentEvery10Minutes'],
];

describe('deployment configurations', () => {
  test.each(CONFIGS)('%s', (_name, config, expected) => {
    const { t } = fn({ deployment: { config } });
    t.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
      DeploymentConfigName: expected,
      DeploymentStyle: { DeploymentType: 'BLUE_GREEN', DeploymentOption: 'WITH_TRAFFIC_CONTROL' },
    });
  });

  test('defaults to a 10 % canary for 5 minutes', () => {
    const { t } = fn({ deployment: {} });
    t.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', { DeploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes' });
  });

  test('no deployment option, no CodeDeploy', () => {
    const { t, f } = fn();
    expect(f.deployment).toBeUndefined();
    t.resourceCountIs('AWS::CodeDeploy::DeploymentGroup', 0);
    t.hasResource('AWS::Lambda::Alias', { UpdatePolicy: Match.absent() });
  });
});

describe('canary wired to alarms', () => {
  const { t, f, stack } = fn({ deployment: { config: codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES } });

  test('the live alias is updated through CodeDeploy', () => {
    t.hasResource('AWS::Lambda::Alias', {
      Properties: { Name: 'live' },
      UpdatePolicy: {
        CodeDeployLambdaAliasUpdate: {
          ApplicationName: { Ref: Match.stringLikeRegexp('DeploymentGroupApplication') },
          DeploymentGroupName: { Ref: Match.stringLikeRegexp('DeploymentGroup') },
        },
      },
    });
  });

  test('rolls back on the errors and duration alarms, and on failure or stop', () => {
    expect(f.deployment!.rollbackAlarms).toEqual([f.alarms.errors, f.alarms.duration]);
    t.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
      AlarmConfiguration: {
        Enabled: true,
        Alarms: [
          { Name: { Ref: Match.stringLikeRegexp('AlarmsErrors') } },
          { Name: { Ref: Match.stringLikeRegexp('AlarmsDuration') } },
        ],
      },
      AutoRollbackConfiguration: {
        Enabled: true,
        Events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST', 'DEPLOYMENT_STOP_ON_ALARM'],
      },
    });
  });

  test('the service role has no AWS managed policy and one scoped customer-managed policy', () => {
    const roles = t.findResources('AWS::IAM::Role', {
      Properties: { AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'codedeploy.amazonaws.com' } })] } },
    });
    expect(Object.keys(roles)).toHaveLength(1);
    expect(Object.values(roles)[0].Properties.ManagedPolicyArns).toBeUndefined();
    t.resourceCountIs('AWS::IAM::Policy', 0);
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Sid: 'ShiftAliasTraffic',
            Action: ['lambda:GetAlias', 'lambda:UpdateAlias', 'lambda:GetProvisionedConcurrencyConfig'],
            Resource: [
              { 'Fn::GetAtt': [Match.stringLikeRegexp('FnFunction'), 'Arn'] },
              { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('FnFunction'), 'Arn'] }, ':live']] },
            ],
          }),
          Match.objectLike({
            Sid: 'ReadRollbackAlarms',
            Action: 'cloudwatch:DescribeAlarms',
            Resource: [
              { 'Fn::GetAtt': [Match.stringLikeRegexp('AlarmsErrors'), 'Arn'] },
              { 'Fn::GetAtt': [Match.stringLikeRegexp('AlarmsDuration'), 'Arn'] },
            ],
          }),
        ],
      },
      Roles: [{ Ref: Match.stringLikeRegexp('DeploymentServiceRole') }],
    });
  });

  test('nag clean under all five packs', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('rollback options', () => {
  test('extra rollback alarms are added', () => {
    const stack = testStack();
    const extra = new cloudwatch.Alarm(stack, 'Business', {
      metric: new cloudwatch.Metric({ namespace: 'Shop', metricName: 'FailedOrders' }), threshold: 1, evaluationPeriods: 1,
    });
    const f = new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR), deployment: { rollbackAlarms: [extra] } });
    expect(f.deployment!.rollbackAlarms).toHaveLength(3);
    Template.fromStack(stack).hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
      AlarmConfiguration: { Alarms: Match.arrayWith([{ Name: { Ref: Match.stringLikeRegexp('Business') } }]) },
    });
  });

  test('rollbackOnAlarms: false keeps rollback on failure only', () => {
    const { t } = fn({ deployment: { rollbackOnAlarms: false } });
    t.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
      AlarmConfiguration: Match.absent(),
      AutoRollbackConfiguration: { Enabled: true, Events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST'] },
    });
  });

  test('rollback on alarms without any alarm warns', () => {
    const { stack } = fn({ alarms: { enabled: false }, deployment: {} });
    Annotations.fromStack(stack).hasWarning('/TestStack/Fn/Deployment', Match.stringLikeRegexp('no alarm to roll back on'));
  });
});

describe('hooks', () => {
  const stack = testStack();
  const hookProps = { code: FunctionCode.fromAsset(HANDLER_DIR) };
  const pre = new ServerlessFunction(stack, 'PreHook', hookProps);
  const post = new ServerlessFunction(stack, 'PostHook', hookProps);
  new ServerlessFunction(stack, 'Fn', {
    code: FunctionCode.fromAsset(HANDLER_DIR),
    deployment: { preTrafficHook: pre, postTrafficHook: post },
  });
  const t = Template.fromStack(stack);

  test('the alias update names both hooks through their live aliases', () => {
    t.hasResource('AWS::Lambda::Alias', {
      UpdatePolicy: {
        CodeDeployLambdaAliasUpdate: Match.objectLike({
          // `<function name>:live`, the name taken from the alias ARN
          BeforeAllowTrafficHook: { 'Fn::Join': ['', [{ 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: Match.stringLikeRegexp('PreHookLiveAlias') }] }] }, ':live']] },
          AfterAllowTrafficHook: { 'Fn::Join': ['', [{ 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: Match.stringLikeRegexp('PostHookLiveAlias') }] }] }, ':live']] },
        }),
      },
    });
  });

  test('CodeDeploy may invoke exactly the hooks\' live aliases (no :* qualifier)', () => {
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Sid: 'InvokeLifecycleHooks',
          Effect: 'Allow',
          Action: 'lambda:InvokeFunction',
          Resource: [
            { Ref: Match.stringLikeRegexp('PreHookLiveAlias') },
            { Ref: Match.stringLikeRegexp('PostHookLiveAlias') },
          ],
        }]),
      },
    });
  });

  test('each hook may report its status to the deployment group', () => {
    const policies = t.findResources('AWS::IAM::ManagedPolicy', {
      Properties: {
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'codedeploy:PutLifecycleEventHookExecutionStatus' })]) },
      },
    });
    expect(Object.keys(policies).sort()).toEqual([
      expect.stringMatching(/^PostHookRolePolicy/),
      expect.stringMatching(/^PreHookRolePolicy/),
    ]);
  });

  test('nag clean', () => {
    expect(nagFindings(stack)).toEqual([]);
  });

  test('a hook without a role in the app warns', () => {
    const s = testStack();
    const imported = lambda.Function.fromFunctionName(s, 'Imported', 'smoke-test');
    new ServerlessFunction(s, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR), deployment: { preTrafficHook: imported } });
    Annotations.fromStack(s).hasWarning('/TestStack/Fn/Deployment', Match.stringLikeRegexp('PutLifecycleEventHookExecutionStatus'));
  });
});

describe('hook validation', () => {
  test('the function cannot be its own hook', () => {
    const stack = testStack();
    const f = new ServerlessFunction(stack, 'Target', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    const hook = new ServerlessFunction(stack, 'Hook', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    for (const self of [f, f.alias, f.unqualifiedFunction]) {
      expect(() => new FunctionDeployment(stack, `Self${self.node.id}`, { function: f.unqualifiedFunction, alias: f.alias, preTrafficHook: self }))
        .toThrow(/LBP_DEPLOYMENT_HOOK_SELF/);
    }
    expect(() => new FunctionDeployment(stack, 'Other', { function: f.unqualifiedFunction, alias: f.alias, preTrafficHook: hook }))
      .not.toThrow();
  });

  test('one function cannot be both hooks', () => {
    const stack = testStack();
    const hook = new ServerlessFunction(stack, 'Hook', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    const post = new ServerlessFunction(stack, 'Post', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    expect(() => new ServerlessFunction(stack, 'Fn', {
      code: FunctionCode.fromAsset(HANDLER_DIR),
      deployment: { preTrafficHook: hook, postTrafficHook: hook },
    })).toThrow(/LBP_DEPLOYMENT_SAME_HOOK/);
    expect(() => new ServerlessFunction(stack, 'Fn2', {
      code: FunctionCode.fromAsset(HANDLER_DIR),
      deployment: { preTrafficHook: hook, postTrafficHook: post },
    })).not.toThrow();
  });
});

describe('provisioned concurrency and auto-scaling through a deployment', () => {
  const { t, stack } = fn({
    provisionedConcurrency: { minCapacity: 2, maxCapacity: 10, utilizationTarget: 0.7 },
    deployment: { config: codedeploy.LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_1MINUTE },
  });

  test('the alias keeps its provisioned concurrency and is deployed by CodeDeploy', () => {
    t.hasResource('AWS::Lambda::Alias', {
      Properties: { ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 } },
      UpdatePolicy: { CodeDeployLambdaAliasUpdate: Match.anyValue() },
    });
  });

  test('the scaling target is registered after the alias exists and tracks utilisation', () => {
    const aliasId = Object.keys(t.findResources('AWS::Lambda::Alias'))[0];
    const targets = t.findResources('AWS::ApplicationAutoScaling::ScalableTarget', {
      Properties: { MinCapacity: 2, MaxCapacity: 10, ScalableDimension: 'lambda:function:ProvisionedConcurrency' },
    });
    expect(Object.keys(targets)).toHaveLength(1);
    // The resource id is built from the alias's Ref, so CloudFormation creates it after the alias.
    expect(JSON.stringify(Object.values(targets)[0].Properties.ResourceId)).toContain(`{"Ref":"${aliasId}"}`);
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        TargetValue: 0.7,
        PredefinedMetricSpecification: { PredefinedMetricType: 'LambdaProvisionedConcurrencyUtilization' },
      }),
    });
  });

  test('nag clean', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});
