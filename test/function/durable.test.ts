import * as path from 'path';
import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { FunctionCode, ServerlessFunction, ServerlessFunctionProps } from '../../src';
import { nagFindings } from '../helpers/nag';
import { withNewerRuntime } from '../helpers/newer-runtime';
import { HANDLER_DIR, testStack } from '../helpers/template';

const IMAGE_DIR = path.join(__dirname, '..', 'fixtures', 'image');
const PYTHON_DIR = path.join(__dirname, '..', 'fixtures', 'python', 'orders');

function durableProps(extra: Partial<ServerlessFunctionProps> = {}): ServerlessFunctionProps {
  return {
    code: FunctionCode.fromAsset(HANDLER_DIR),
    runtime: lambda.Runtime.NODEJS_22_X,
    durable: { executionTimeout: Duration.days(7), retention: Duration.days(30) },
    ...extra,
  };
}

function errorOf(props: ServerlessFunctionProps): string {
  const stack = testStack();
  try {
    new ServerlessFunction(stack, 'Fn', props);
  } catch (e) {
    expect(stack.node.findAll().map((c) => c.node.path).filter((p) => p.startsWith('TestStack/Fn'))).toEqual([]);
    return (e as Error).message;
  }
  throw new Error('expected a validation error');
}

describe('durable', () => {
  test('DurableConfig on the function, in seconds and whole days', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', durableProps());
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      DurableConfig: { ExecutionTimeout: 7 * 86400, RetentionPeriodInDays: 30 },
    });
  });

  test('retention unset: Lambda\'s 14 days, written explicitly', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', durableProps({ durable: { executionTimeout: Duration.hours(1) } }));
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      DurableConfig: { ExecutionTimeout: 3600, RetentionPeriodInDays: 14 },
    });
  });

  test('off by default: no DurableConfig, no durable policy', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    const template = Template.fromStack(stack);
    const fn = Object.values<any>(template.findResources('AWS::Lambda::Function'))[0];
    expect(fn.Properties.DurableConfig).toBeUndefined();
    expect(JSON.stringify(template.toJSON())).not.toContain('DurableExecution');
  });

  test('the checkpoint actions on the function\'s versions, in a customer-managed policy; no AWS managed policy', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', durableProps());
    const template = Template.fromStack(stack).toJSON();
    const fnId = stack.getLogicalId(fn.unqualifiedFunction.node.defaultChild as lambda.CfnFunction);
    const policies = Object.entries<any>(template.Resources).filter(([, r]) => r.Type === 'AWS::IAM::ManagedPolicy');
    const durable = policies.filter(([, r]) => JSON.stringify(r.Properties.PolicyDocument).includes('DurableExecution'));
    expect(durable).toHaveLength(1);
    expect(durable[0][1].Properties.PolicyDocument.Statement).toEqual([{
      Sid: 'CheckpointOwnDurableExecutions',
      Effect: 'Allow',
      Action: ['lambda:CheckpointDurableExecution', 'lambda:GetDurableExecutionState'],
      Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [fnId, 'Arn'] }, ':*']] },
    }]);
    // Attached to the function's own role, and to nothing else.
    const roleId = stack.getLogicalId(fn.role!.node.defaultChild as any);
    expect(durable[0][1].Properties.Roles).toEqual([{ Ref: roleId }]);
    // No AWS managed policy anywhere (aws-cdk-lib attaches AWSLambdaBasicDurableExecutionRolePolicy only to roles it creates).
    const text = JSON.stringify(template);
    expect(text).not.toContain('AWSLambdaBasicDurableExecutionRolePolicy');
    expect(text).not.toMatch(/arn:[^"]*:iam::aws:policy/);
    for (const role of Object.values<any>(template.Resources).filter((r) => r.Type === 'AWS::IAM::Role')) {
      for (const arn of role.Properties.ManagedPolicyArns ?? []) {
        expect(JSON.stringify(arn)).not.toContain('iam::aws:policy');
      }
    }
    // The one acknowledgement: IAM5 on exactly this `:*` resource, on the library's policy only.
    expect(durable[0][1].Metadata.cdk_nag.rules_to_suppress).toEqual([{
      id: 'AwsSolutions-IAM5',
      applies_to: [`Resource::<${fnId}.Arn>:*`],
      reason: expect.stringContaining('durable-security.html'),
    }]);
    // The user's policy never holds the durable statement, so its acknowledgement cannot cover anything of theirs.
    expect(JSON.stringify(stack.resolve((fn.policy.node.defaultChild as any)._toCloudFormation()))).not.toContain('DurableExecution');
  });

  test('the live alias is created after the durable policy (triggers invoke it)', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', durableProps());
    const template = Template.fromStack(stack).toJSON();
    const policyId = Object.entries<any>(template.Resources).find(([, r]) =>
      r.Type === 'AWS::IAM::ManagedPolicy' && JSON.stringify(r.Properties.PolicyDocument).includes('DurableExecution'))![0];
    const alias = Object.values<any>(template.Resources).find((r) => r.Type === 'AWS::Lambda::Alias');
    expect(alias.DependsOn).toContain(policyId);
  });

  test('passes the five cdk-nag packs: the one :* acknowledged on the library\'s policy', () => {
    const stack = testStack();
    // The newest runtimes of each family (an older one is AwsSolutions-L1, not a durable matter).
    new ServerlessFunction(stack, 'Node', durableProps({ runtime: lambda.Runtime.NODEJS_24_X }));
    new ServerlessFunction(stack, 'Python', durableProps({ code: FunctionCode.fromAsset(PYTHON_DIR), runtime: lambda.Runtime.PYTHON_3_14 }));
    expect(nagFindings(stack)).toEqual([]);
  });

  test('a newer runtime aws-cdk-lib knows but durable functions do not: the newest durable runtime is acknowledged, an older one reported', () => {
    withNewerRuntime('nodejs26.x', lambda.RuntimeFamily.NODEJS, () => {
      const stack = testStack();
      new ServerlessFunction(stack, 'Newest', durableProps({ runtime: lambda.Runtime.NODEJS_24_X }));
      new ServerlessFunction(stack, 'Older', durableProps({ runtime: lambda.Runtime.NODEJS_22_X }));
      new ServerlessFunction(stack, 'NotDurable', { code: FunctionCode.fromAsset(HANDLER_DIR), runtime: lambda.Runtime.NODEJS_24_X });
      const rules = (name: string) => nagFindings(stack).filter((f) => f.path.startsWith(`TestStack/${name}/`)).map((f) => f.rule).sort();
      expect(rules('Newest')).toEqual([]);
      expect(rules('Older')).toEqual(['AwsSolutions-L1', 'Serverless-LambdaLatestVersion']);
      expect(rules('NotDurable')).toEqual(['AwsSolutions-L1', 'Serverless-LambdaLatestVersion']);
    });
  });

  test('each supported managed runtime: Node.js 22/24, Python 3.13/3.14, Java 17/21/25', () => {
    const { NODEJS_22_X, NODEJS_24_X, PYTHON_3_13, PYTHON_3_14, JAVA_17, JAVA_21, JAVA_25 } = lambda.Runtime;
    for (const runtime of [NODEJS_22_X, NODEJS_24_X, PYTHON_3_13, PYTHON_3_14, JAVA_17, JAVA_21, JAVA_25]) {
      const stack = testStack();
      const code = runtime.family === lambda.RuntimeFamily.PYTHON ? PYTHON_DIR : HANDLER_DIR;
      new ServerlessFunction(stack, 'Fn', durableProps({ code: FunctionCode.fromAsset(code), runtime }));
      Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', { Runtime: runtime.name, DurableConfig: { ExecutionTimeout: 604800 } });
    }
  });

  test('a container image is accepted (it brings its own runtime and SDK)', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', durableProps({ code: FunctionCode.fromImageAsset(IMAGE_DIR), runtime: undefined }));
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', { DurableConfig: { ExecutionTimeout: 604800 } });
  });

  test('refused on runtimes without durable support: Node.js 20, Python 3.12, Java 11 (LBP_DURABLE_RUNTIME)', () => {
    expect(errorOf(durableProps({ runtime: lambda.Runtime.NODEJS_20_X }))).toMatch(/\[LBP_DURABLE_RUNTIME\] TestStack\/Fn: durable is set on nodejs20\.x;.*nodejs22\.x.*Fix: set runtime/);
    expect(errorOf(durableProps({ code: FunctionCode.fromAsset(PYTHON_DIR), runtime: lambda.Runtime.PYTHON_3_12 }))).toContain('[LBP_DURABLE_RUNTIME]');
    expect(errorOf(durableProps({ runtime: lambda.Runtime.JAVA_11 }))).toContain('[LBP_DURABLE_RUNTIME]');
  });

  test('executionTimeout: 1 s and 366 days accepted; 0 s, 366 days + 1 s and fractions refused (LBP_DURABLE_EXECUTION_TIMEOUT)', () => {
    for (const ok of [Duration.seconds(1), Duration.days(366)]) {
      const stack = testStack();
      new ServerlessFunction(stack, 'Fn', durableProps({ durable: { executionTimeout: ok } }));
      Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', { DurableConfig: { ExecutionTimeout: ok.toSeconds() } });
    }
    expect(errorOf(durableProps({ durable: { executionTimeout: Duration.seconds(0) } }))).toMatch(/\[LBP_DURABLE_EXECUTION_TIMEOUT\].*durable\.executionTimeout is 0 s.*31622400/);
    expect(errorOf(durableProps({ durable: { executionTimeout: Duration.seconds(31622401) } }))).toContain('[LBP_DURABLE_EXECUTION_TIMEOUT]');
    expect(errorOf(durableProps({ durable: { executionTimeout: Duration.millis(1500) } }))).toContain('[LBP_DURABLE_EXECUTION_TIMEOUT]');
  });

  test('retention: 1 and 90 days accepted; 0, 91 days and fractions refused (LBP_DURABLE_RETENTION)', () => {
    for (const days of [1, 90]) {
      const stack = testStack();
      new ServerlessFunction(stack, 'Fn', durableProps({ durable: { executionTimeout: Duration.hours(1), retention: Duration.days(days) } }));
      Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', { DurableConfig: { RetentionPeriodInDays: days } });
    }
    const retention = (r: Duration) => durableProps({ durable: { executionTimeout: Duration.hours(1), retention: r } });
    expect(errorOf(retention(Duration.days(0)))).toMatch(/\[LBP_DURABLE_RETENTION\].*durable\.retention is 0 days.*1 to 90/);
    expect(errorOf(retention(Duration.days(91)))).toContain('[LBP_DURABLE_RETENTION]');
    expect(errorOf(retention(Duration.hours(36)))).toContain('[LBP_DURABLE_RETENTION]');
  });

  test('every problem at once, before anything is created', () => {
    const message = errorOf(durableProps({
      runtime: lambda.Runtime.NODEJS_20_X,
      durable: { executionTimeout: Duration.days(400), retention: Duration.days(100) },
    }));
    expect(message).toMatch(/^3 problems in TestStack\/Fn/);
    for (const code of ['LBP_DURABLE_RUNTIME', 'LBP_DURABLE_EXECUTION_TIMEOUT', 'LBP_DURABLE_RETENTION']) {
      expect(message).toContain(code);
    }
  });
});
