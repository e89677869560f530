import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { BlueprintStack, Blueprints, FunctionCode, NagPackName, ServerlessFunction } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, TEST_ENV } from '../helpers/template';

/** An app whose validation failures are reported without setting the process exit code (jest shares the process). */
function quietApp(): App {
  return new App({ context: { '@aws-cdk/core:failSynthOnValidationErrors': false } });
}

function plugins(app: App): string[] {
  return (app as any)._validationPlugins.map((p: any) => p.name);
}

function plainFunction(scope: Stack, id: string, props: Partial<lambda.FunctionProps> = {}): lambda.Function {
  return new lambda.Function(scope, id, {
    code: lambda.Code.fromAsset(HANDLER_DIR), handler: 'index.handler', runtime: lambda.Runtime.NODEJS_22_X, ...props,
  });
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('Blueprints.applyTo registers the checks', () => {
  test('the general nag packs (AwsSolutions, Serverless) and the budget by default, once per scope', () => {
    const app = quietApp();
    const stack = new Stack(app, 'S', { env: TEST_ENV });
    Blueprints.applyTo(stack);
    Blueprints.applyTo(stack);
    expect(plugins(app)).toEqual(['AwsSolutions', 'Serverless', 'cdk-lambda-blueprints-budget']);
  });

  test('the regulatory packs are opt-in', () => {
    const app = quietApp();
    const stack = new Stack(app, 'S', { env: TEST_ENV });
    Blueprints.applyTo(stack, {
      nagPacks: [NagPackName.AWS_SOLUTIONS, NagPackName.SERVERLESS, NagPackName.HIPAA_SECURITY, NagPackName.NIST_800_53_R5, NagPackName.PCI_DSS_321],
    });
    expect(plugins(app)).toEqual([
      'AwsSolutions', 'Serverless', 'HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321', 'cdk-lambda-blueprints-budget',
    ]);
  });

  test('only the chosen packs, and no budget when turned off', () => {
    const app = quietApp();
    const stack = new Stack(app, 'S', { env: TEST_ENV });
    Blueprints.applyTo(stack, { nagPacks: [NagPackName.AWS_SOLUTIONS, NagPackName.SERVERLESS], resourceBudget: false });
    expect(plugins(app)).toEqual(['AwsSolutions', 'Serverless']);
  });

  test('a pack checks only its scope', () => {
    const app = quietApp();
    const checked = new Stack(app, 'Checked', { env: TEST_ENV });
    const other = new Stack(app, 'Other', { env: TEST_ENV });
    plainFunction(other, 'Plain');
    new ServerlessFunction(checked, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    Blueprints.applyTo(checked, { nagPacks: [NagPackName.AWS_SOLUTIONS], hardenPlainFunctions: false });
    const plugin = (app as any)._validationPlugins[0];
    expect(plugin.validate({ templatePaths: [] }).violations).toEqual([]);
  });

  test('tags every resource', () => {
    const app = quietApp();
    const stack = new Stack(app, 'S', { env: TEST_ENV });
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    Blueprints.applyTo(stack, { nagPacks: [], tags: { team: 'orders' } });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      Tags: Match.arrayWith([{ Key: 'team', Value: 'orders' }]),
    });
  });
});

describe('BlueprintStack', () => {
  test('a default stack is clean under the default packs without any user decision', () => {
    const app = new App();
    const stack = new BlueprintStack(app, 'Clean', { env: TEST_ENV });
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    app.synth();
    expect(process.exitCode ?? 0).toBe(0);
    expect(plugins(app)).toHaveLength(3);
  });

  test('a stack with all five packs and the user\'s decisions synthesizes clean, and lists the decisions at synth', () => {
    const app = new App();
    const stack = new BlueprintStack(app, 'Regulated', {
      env: TEST_ENV,
      nagPacks: [NagPackName.AWS_SOLUTIONS, NagPackName.SERVERLESS, NagPackName.HIPAA_SECURITY, NagPackName.NIST_800_53_R5, NagPackName.PCI_DSS_321],
      userDecisions: { noVpc: 'Calls public AWS endpoints only.', noReservedConcurrency: 'Shares the account pool on purpose.' },
    });
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    app.synth();
    expect(process.exitCode ?? 0).toBe(0);
    expect(plugins(app)).toHaveLength(6);
    Annotations.fromStack(stack).hasInfo('/Regulated', Match.stringLikeRegexp(
      'Acknowledged for .*noVpc \\(HIPAA.Security-LambdaInsideVPC.*"Calls public AWS endpoints only."'));
  });

  test('with the regulatory packs and no user decision, the function outside a VPC fails synth', () => {
    const app = new App();
    const stack = new BlueprintStack(app, 'Undecided', { env: TEST_ENV, nagPacks: [NagPackName.HIPAA_SECURITY] });
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    app.synth();
    expect(process.exitCode).toBe(1);
  });

  test('a user decision without a readable reason is refused', () => {
    const stack = new Stack(quietApp(), 'S', { env: TEST_ENV });
    expect(() => Blueprints.acknowledgeUserDecisions(stack, { noVpc: ' ' })).toThrow(/LBP_USER_DECISION_REASON.*userDecisions.noVpc/);
    expect(() => Blueprints.acknowledgeUserDecisions(stack, { noVpc: 'short one' })).toThrow(/LBP_USER_DECISION_REASON/);
    expect(() => Blueprints.acknowledgeUserDecisions(stack, { noVpc: 'ten chars!' })).not.toThrow();
  });

  test('a finding fails synth', () => {
    const app = new App();
    const stack = new BlueprintStack(app, 'Dirty', { env: TEST_ENV, hardenPlainFunctions: false });
    plainFunction(stack, 'Plain');
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    app.synth();
    spy.mockRestore();
    expect(process.exitCode).toBe(1);
  });

  test('gets a dashboard of its functions', () => {
    const app = quietApp();
    const stack = new BlueprintStack(app, 'WithDashboard', { env: TEST_ENV, nagPacks: [] });
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    Template.fromStack(stack).resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  test('no dashboard when turned off, or without functions', () => {
    const app = quietApp();
    const off = new BlueprintStack(app, 'Off', { env: TEST_ENV, nagPacks: [], dashboard: false });
    new ServerlessFunction(off, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    const empty = new BlueprintStack(app, 'Empty', { env: TEST_ENV, nagPacks: [] });
    Template.fromStack(off).resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    Template.fromStack(empty).resourceCountIs('AWS::CloudWatch::Dashboard', 0);
  });
});

describe('applyTo an App', () => {
  test('every stack with functions gets its own dashboard; the budget covers every stack', () => {
    const app = quietApp();
    const a = new Stack(app, 'A', { env: TEST_ENV });
    const b = new Stack(app, 'B', { env: TEST_ENV });
    const empty = new Stack(app, 'Empty', { env: TEST_ENV });
    new ServerlessFunction(a, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    new ServerlessFunction(b, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    Blueprints.applyTo(app, { nagPacks: [] });
    app.synth();
    for (const s of [a, b]) {
      Template.fromStack(s).resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    }
    Template.fromStack(empty).resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    const budget = (app as any)._validationPlugins.find((p: any) => p.name === 'cdk-lambda-blueprints-budget');
    expect(budget.measure().map((m: any) => m.stackName).sort()).toEqual(['A', 'B', 'Empty']);
  });
});

describe('hardening plain lambda.Functions', () => {
  const app = quietApp();
  const stack = new Stack(app, 'Plain', { env: TEST_ENV });
  const a = plainFunction(stack, 'A');
  plainFunction(stack, 'B', { tracing: lambda.Tracing.PASS_THROUGH });
  const ours = new ServerlessFunction(stack, 'Ours', { code: FunctionCode.fromAsset(HANDLER_DIR) });
  Blueprints.applyTo(stack, { nagPacks: [] });
  const t = Template.fromStack(stack);

  test('X-Ray active tracing where unset, kept where set', () => {
    t.hasResourceProperties('AWS::Lambda::Function', { Role: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AServiceRole'), 'Arn'] }, TracingConfig: { Mode: 'Active' } });
    t.hasResourceProperties('AWS::Lambda::Function', { Role: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BServiceRole'), 'Arn'] }, TracingConfig: { Mode: 'PassThrough' } });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^AServiceRole') }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'] })]) },
    });
  });

  test('a 14-day, encrypted, alarmed dead-letter queue the role may write to, before the function exists', () => {
    const aId = stack.getLogicalId(a.node.defaultChild as lambda.CfnFunction);
    const fnResource = t.toJSON().Resources[aId];
    expect(fnResource.Properties.DeadLetterConfig.TargetArn['Fn::GetAtt'][0]).toMatch(/^ABlueprintDeadLetterQueue/);
    expect(fnResource.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^ABlueprintHardeningPolicy/)]));
    t.hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^AServiceRole') }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'sqs:SendMessage' })]) },
    });
    // no inline policy for A (B's comes from its own PassThrough tracing)
    expect(Object.keys(t.findResources('AWS::IAM::Policy')).filter((id) => id.startsWith('AServiceRole'))).toEqual([]);
  });

  test('the functions of a ServerlessFunction are left alone', () => {
    expect(ours.unqualifiedFunction.node.tryFindChild('BlueprintDeadLetterQueue')).toBeUndefined();
    t.resourceCountIs('AWS::SQS::Queue', 3);
  });

  test('what cannot be applied safely is a warning', () => {
    Annotations.fromStack(stack).hasWarning('/Plain/A', Match.stringLikeRegexp('logs to a log group Lambda creates'));
    Annotations.fromStack(stack).hasNoWarning('/Plain/Ours/Function', Match.anyValue());
  });

  test('an imported role: nothing changed, a warning says why', () => {
    const s = new Stack(quietApp(), 'Imported', { env: TEST_ENV });
    const f = plainFunction(s, 'Fn', { role: iam.Role.fromRoleArn(s, 'Role', 'arn:aws:iam::123456789012:role/existing') });
    Blueprints.applyTo(s, { nagPacks: [] });
    Template.fromStack(s).hasResourceProperties('AWS::Lambda::Function', { TracingConfig: Match.absent(), DeadLetterConfig: Match.absent() });
    Annotations.fromStack(s).hasWarning('/Imported/Fn', Match.stringLikeRegexp('its role is imported'));
    expect(f.node.tryFindChild('BlueprintDeadLetterQueue')).toBeUndefined();
  });

  test('hardening removes the DLQ and tracing findings of a plain function and adds none', () => {
    const rules = nagFindings(stack, {}).filter((f) => f.path.startsWith('Plain/A/')).map((f) => f.rule).sort();
    // What only the function's owner can fix: AWS managed policy on its role, runtime, sizing, VPC, reservation.
    expect(rules).toEqual([
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'AwsSolutions-L1',
      'HIPAA.Security-LambdaConcurrency', 'HIPAA.Security-LambdaInsideVPC',
      'NIST.800.53.R5-LambdaConcurrency', 'NIST.800.53.R5-LambdaInsideVPC',
      'PCI.DSS.321-LambdaInsideVPC',
      'Serverless-LambdaDefaultMemorySize', 'Serverless-LambdaDefaultTimeout', 'Serverless-LambdaLatestVersion',
    ]);
  });
});

describe('BlueprintStack and Blueprints.applyTo check their input before anything exists', () => {
  test('stackName and description at the CloudFormation limits, and nothing half-made', () => {
    const app = new App();
    new BlueprintStack(app, 'Ok', { stackName: `A${'b'.repeat(127)}`, description: 'x'.repeat(512) });
    new BlueprintStack(app, 'Ok2', { description: 'é'.repeat(512) });
    expect(() => new BlueprintStack(app, 'Bad', { stackName: `A${'b'.repeat(128)}` }))
      .toThrow(/\[LBP_STACK_PROPS\] Bad: stackName is 'Ab+'; a CloudFormation stack name has 1 to 128 characters/);
    expect(() => new BlueprintStack(app, 'Bad', { stackName: '1orders api' })).toThrow(/stackName is '1orders api'.*e\.g\. 'orders-api'/);
    expect(() => new BlueprintStack(app, 'Bad', { description: 'x'.repeat(513) })).toThrow(/\[LBP_STACK_PROPS\] Bad: description is 513 characters \(513 bytes\); CloudFormation takes at most 1024 bytes, and aws-cdk-lib at most 512 characters/);
    expect(() => new BlueprintStack(app, 'Bad', { nagPacks: ['X' as NagPackName] })).toThrow(/\[LBP_PROP_TYPE\] Bad: nagPacks\[0\] is 'X'.*one of AWS_SOLUTIONS/);
    // An error aws-cdk-lib raises after the stack joined the app (a region token it refuses) removes it too.
    expect(() => new BlueprintStack(app, 'Bad', { env: { region: 5 as any } })).toThrow(/\[LBP_(AWS_CDK|PROP_TYPE)\] Bad/);
    expect(app.node.tryFindChild('Bad')).toBeUndefined();
    new BlueprintStack(app, 'Bad', { stackName: 'Orders' });
    expect(app.node.tryFindChild('Bad')).toBeDefined();
  });

  test('applyTo and acknowledgeUserDecisions: a construct and typed options; the scope stays in the tree', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    expect(() => Blueprints.applyTo(null as any)).toThrow(/\[LBP_PROP_TYPE\] Blueprints.applyTo: scope is null; Blueprints.applyTo applies to a construct/);
    expect(() => Blueprints.applyTo(stack, { nagPacks: 5 as any })).toThrow(/\[LBP_PROP_TYPE\] S: options.nagPacks is 5 \(a number\)/);
    expect(() => Blueprints.applyTo(stack, { tags: { team: 5 as any } })).toThrow(/options.tags.team is 5/);
    expect(() => Blueprints.acknowledgeUserDecisions(stack, { noVpc: 5 as any })).toThrow(/\[LBP_PROP_TYPE\] S: userDecisions.noVpc is 5 \(a number\); it must be a string/);
    expect(() => Blueprints.acknowledgeUserDecisions(stack, undefined as any)).toThrow(/userDecisions is null/);
    expect(() => Blueprints.acknowledgeUserDecisions(stack, { noVpc: 'short' })).toThrow(/LBP_USER_DECISION_REASON/);
    expect(app.node.tryFindChild('S')).toBe(stack);
    Blueprints.applyTo(stack, { nagPacks: [NagPackName.SERVERLESS], tags: { team: 'orders' } });
  });
});
