import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { FunctionCode, ManagedInstancesOptions, ServerlessFunction, ServerlessFunctionProps } from '../../src';
import { managedInstancesSupportRuntime } from '../../src/function/private/checks/managed-instances';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

const PYTHON_DIR = path.join(__dirname, '..', 'fixtures', 'python', 'orders');

function vpcOf(stack: Stack): ec2.Vpc {
  return new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
}

function props(stack: Stack, capacity: ManagedInstancesOptions = {}, extra: Partial<ServerlessFunctionProps> = {}): ServerlessFunctionProps {
  return { code: FunctionCode.fromAsset(HANDLER_DIR), vpc: vpcOf(stack), capacity, ...extra };
}

function errorOf(make: (stack: Stack) => ServerlessFunctionProps): string {
  const stack = testStack();
  try {
    new ServerlessFunction(stack, 'Fn', make(stack));
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a validation error');
}

describe('capacity (Lambda Managed Instances)', () => {
  test('a capacity provider of its own in the function\'s subnets, with its own security group and a customer-managed operator policy', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', props(stack, { maxConcurrencyPerEnvironment: 20, memoryPerVCpu: 4, minEnvironments: 2, maxEnvironments: 6 }));
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Lambda::CapacityProvider', 1);
    const providerId = Object.keys(t.findResources('AWS::Lambda::CapacityProvider'))[0];
    t.hasResourceProperties('AWS::Lambda::CapacityProvider', {
      VpcConfig: {
        SubnetIds: stack.resolve((stack.node.findChild('Vpc') as ec2.Vpc).isolatedSubnets.map((s) => s.subnetId)),
        SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^FnCapacityProviderSecurityGroup'), 'GroupId'] }],
      },
      InstanceRequirements: { Architectures: ['arm64'] },
    });
    t.hasResourceProperties('AWS::Lambda::Function', {
      CapacityProviderConfig: {
        LambdaManagedInstancesCapacityProviderConfig: {
          CapacityProviderArn: { 'Fn::GetAtt': [providerId, 'Arn'] },
          PerExecutionEnvironmentMaxConcurrency: 20,
          ExecutionEnvironmentMemoryGiBPerVCpu: 4,
        },
      },
    });
    // The scaling limits are on the version the live alias invokes.
    t.hasResourceProperties('AWS::Lambda::Version', { FunctionScalingConfig: { MinExecutionEnvironments: 2, MaxExecutionEnvironments: 6 } });
    // No ingress on the provider's security group.
    const sg = Object.entries<any>(t.findResources('AWS::EC2::SecurityGroup')).find(([id]) => id.startsWith('FnCapacityProviderSecurityGroup'))![1];
    expect(sg.Properties.SecurityGroupIngress).toBeUndefined();
    // The operator role: no AWS managed policy, the documented actions in a customer-managed one.
    const roles = Object.entries<any>(t.findResources('AWS::IAM::Role')).filter(([id]) => id.startsWith('FnCapacityProviderOperatorRole'));
    expect(roles).toHaveLength(1);
    expect(JSON.stringify(roles[0][1].Properties.ManagedPolicyArns ?? [])).not.toContain('arn:aws:iam::aws:policy');
    expect(JSON.stringify(t.toJSON())).not.toContain('AWSLambdaManagedEC2ResourceOperator"');
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Sid: 'LaunchManagedInstances', Condition: { StringEquals: { 'ec2:ManagedResourceOperator': 'scaler.lambda.amazonaws.com' } } }),
          Match.objectLike({ Sid: 'UseAmazonImages', Action: 'ec2:RunInstances', Condition: { StringEquals: { 'ec2:Owner': 'amazon' } } }),
        ]),
      },
    });
    expect(fn.capacityProvider).toBeDefined();
    Annotations.fromStack(stack).hasWarning('/TestStack/Fn', Match.stringLikeRegexp('safe to run[\\s\\S]*concurrently'));
    // The test's own VPC is not the library's: only the function's resources are checked.
    expect(nagFindings(fn)).toEqual([]);
  });

  test('an existing capacity provider: nothing created, no VPC needed; defaults leave Lambda\'s values', () => {
    const stack = testStack();
    const provider = lambda.CapacityProvider.fromCapacityProviderName(stack, 'Shared', 'shared-provider');
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR), runtime: lambda.Runtime.NODEJS_22_X, capacity: { provider } });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Lambda::CapacityProvider', 0);
    t.resourceCountIs('AWS::EC2::SecurityGroup', 0);
    const fn = Object.values<any>(t.findResources('AWS::Lambda::Function'))[0];
    expect(fn.Properties.CapacityProviderConfig.LambdaManagedInstancesCapacityProviderConfig.PerExecutionEnvironmentMaxConcurrency).toBeUndefined();
    const version = Object.values<any>(t.findResources('AWS::Lambda::Version'))[0];
    expect(version.Properties.FunctionScalingConfig).toBeUndefined();
  });

  test('without capacity: no capacity provider config', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    const fn = Object.values<any>(Template.fromStack(stack).findResources('AWS::Lambda::Function'))[0];
    expect(fn.Properties.CapacityProviderConfig).toBeUndefined();
  });

  test.each([
    ['maxConcurrencyPerEnvironment', 0, 1, 1600, 1601],
    ['memoryPerVCpu', 1.9, 2, 8, 8.5],
    ['minEnvironments', -1, 0, 15000, 15001],
    ['maxEnvironments', -1, 0, 15000, 15001],
  ])('capacity.%s: %p and its upper neighbour refused, %p and %p accepted', (name, below, low, high, above) => {
    for (const bad of [below, above]) {
      expect(errorOf((s) => props(s, { [name]: bad }))).toMatch(new RegExp(`LBP_MANAGED_INSTANCES_RANGE[\\s\\S]*capacity\\.${name}`));
    }
    for (const good of [low, high]) {
      const stack = testStack();
      expect(() => new ServerlessFunction(stack, 'Fn', props(stack, { [name]: good }))).not.toThrow();
    }
  });

  test('minEnvironments above maxEnvironments refused; equal accepted', () => {
    expect(errorOf((s) => props(s, { minEnvironments: 4, maxEnvironments: 3 }))).toMatch(/LBP_MANAGED_INSTANCES_RANGE[\s\S]*at most maxEnvironments/);
    const stack = testStack();
    expect(() => new ServerlessFunction(stack, 'Fn', props(stack, { minEnvironments: 3, maxEnvironments: 3 }))).not.toThrow();
  });

  test('refused with provisioned concurrency, SnapStart, tenancy, and without a VPC for a new provider', () => {
    expect(errorOf((s) => props(s, {}, { provisionedConcurrency: { minCapacity: 1 } }))).toMatch(/LBP_MANAGED_INSTANCES_INCOMPATIBLE[\s\S]*with provisionedConcurrency/);
    expect(errorOf((s) => props(s, {}, { snapStart: true, runtime: lambda.Runtime.PYTHON_3_13, code: FunctionCode.fromAsset(PYTHON_DIR) })))
      .toMatch(/LBP_MANAGED_INSTANCES_INCOMPATIBLE[\s\S]*with snapStart/);
    expect(errorOf((s) => props(s, {}, { tenancy: lambda.TenancyConfig.PER_TENANT }))).toMatch(/LBP_MANAGED_INSTANCES_INCOMPATIBLE[\s\S]*with tenancy/);
    expect(errorOf((s) => props(s, {}, { vpc: undefined }))).toMatch(/LBP_MANAGED_INSTANCES_INCOMPATIBLE[\s\S]*without vpc/);
  });

  test('runtimes: Java 21+, Python 3.13+, Node.js 22+, .NET 8+, provided.al2023 accepted; older refused', () => {
    const { JAVA_17, JAVA_21, PYTHON_3_12, PYTHON_3_13, PYTHON_3_14, NODEJS_20_X, NODEJS_22_X, NODEJS_24_X } = lambda.Runtime;
    const { DOTNET_6, DOTNET_8, PROVIDED_AL2, PROVIDED_AL2023, RUBY_3_3 } = lambda.Runtime;
    for (const r of [JAVA_21, PYTHON_3_13, PYTHON_3_14, NODEJS_22_X, NODEJS_24_X, DOTNET_8, PROVIDED_AL2023]) {
      expect([r.name, managedInstancesSupportRuntime(r)]).toEqual([r.name, true]);
    }
    for (const r of [JAVA_17, PYTHON_3_12, NODEJS_20_X, DOTNET_6, PROVIDED_AL2, RUBY_3_3]) {
      expect([r.name, managedInstancesSupportRuntime(r)]).toEqual([r.name, false]);
    }
    expect(errorOf((s) => props(s, {}, { runtime: lambda.Runtime.NODEJS_20_X }))).toMatch(/LBP_MANAGED_INSTANCES_RUNTIME[\s\S]*nodejs20\.x/);
  });

  test('aws-cdk-lib\'s CapacityProvider.addFunction(serverlessFunction) is a coded error naming the capacity option', () => {
    const stack = testStack();
    const vpc = vpcOf(stack);
    const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc });
    const provider = new lambda.CapacityProvider(stack, 'Provider', { subnets: vpc.isolatedSubnets, securityGroups: [sg] });
    const fn = new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    expect(() => provider.addFunction(fn)).toThrow(/LBP_MANAGED_INSTANCES_ADD_FUNCTION[\s\S]*capacity/);
  });

  test('the guard changes no logical id and adds no resource', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    const ids = Object.keys(Template.fromStack(stack).toJSON().Resources);
    expect(ids.filter((id) => id.includes('Guard'))).toEqual([]);
    expect(ids).toContain(Object.keys(Template.fromStack(stack).findResources('AWS::Lambda::Function'))[0]);
  });
});
