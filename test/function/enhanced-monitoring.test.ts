import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import {
  EnhancedMonitoring, FunctionCode, FunctionGroup, HttpApiFunction, IFunctionLayer, LatestRuntime, ServerlessFunction, ServerlessFunctionProps,
} from '../../src';
import { APP_SIGNALS_LAYERS, INSIGHTS_LAYERS } from '../../src/function/private/monitoring-layers';
import { nagFindings } from '../helpers/nag';
import { addNagV2Packs } from '../helpers/nag-v2';
import { HANDLER_DIR, TEST_ENV, testStack } from '../helpers/template';

const IMAGE_DIR = path.join(__dirname, '..', 'fixtures', 'image');

type Props = (stack: Stack) => Partial<ServerlessFunctionProps>;

const node: Props = () => ({ code: FunctionCode.fromAsset(HANDLER_DIR) });
const python: Props = () => ({ code: FunctionCode.fromInline('def handler(event, context):\n    return None\n'), runtime: LatestRuntime.PYTHON });
const java: Props = (s) => ({
  code: FunctionCode.fromBucket(s3.Bucket.fromBucketName(s, 'Artifacts', 'artifacts'), 'orders.jar'),
  runtime: LatestRuntime.JAVA,
  handler: 'com.example.Orders::handleRequest',
});
const ruby: Props = (s) => ({
  code: FunctionCode.fromBucket(s3.Bucket.fromBucketName(s, 'Artifacts', 'artifacts'), 'orders.zip'),
  runtime: lambda.Runtime.RUBY_3_4,
  handler: 'app.handler',
});
const image: Props = () => ({ code: FunctionCode.fromImageAsset(IMAGE_DIR) });

/** `region: 'agnostic'` builds an environment-agnostic stack (its Region an unresolved token). */
function build(props: Props, extra: Partial<ServerlessFunctionProps> = {}, region: string = TEST_ENV.region) {
  const stack = region === 'agnostic' ? new Stack(new App(), 'Agnostic') : testStack('TestStack', { env: { ...TEST_ENV, region } });
  const fn = new ServerlessFunction(stack, 'Fn', { ...(props(stack) as ServerlessFunctionProps), ...extra });
  return { stack, fn, t: Template.fromStack(stack) };
}

function errorOf(props: Props, extra: Partial<ServerlessFunctionProps>, region: string = TEST_ENV.region): string {
  try {
    build(props, extra, region);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a validation error');
}

const layersOf = (t: Template): unknown[] => Object.values(t.findResources('AWS::Lambda::Function'))[0].Properties.Layers ?? [];
const awsManagedPolicies = (t: Template): string[] => JSON.stringify(t.toJSON()).match(/arn:[^"]*:iam::aws:policy\/[A-Za-z]+/g) ?? [];
const monitoringPolicy = (t: Template) => Object.entries(t.findResources('AWS::IAM::ManagedPolicy'))
  .filter(([id]) => id.includes('EnhancedMonitoringPolicy'));

function fourLayers(stack: Stack): IFunctionLayer[] {
  return [1, 2, 3, 4, 5].map((i) => ({
    layerVersion: lambda.LayerVersion.fromLayerVersionArn(stack, `L${i}`, `arn:aws:lambda:us-east-1:123456789012:layer:L${i}:1`),
    compatibleArchitectures: [lambda.Architecture.ARM_64],
  }));
}

describe('enhancedMonitoring: LAMBDA_INSIGHTS', () => {
  test.each([
    ['arm64', lambda.Architecture.ARM_64, 'arn:aws:lambda:us-east-1:580247275435:layer:LambdaInsightsExtension-Arm64:27'],
    ['x86_64', lambda.Architecture.X86_64, 'arn:aws:lambda:us-east-1:580247275435:layer:LambdaInsightsExtension:60'],
  ])('%s: the extension layer of the table, the managed policy\'s permissions in a library-only policy, nag clean', (_arch, architecture, arn) => {
    const { stack, fn, t } = build(node, { enhancedMonitoring: EnhancedMonitoring.LAMBDA_INSIGHTS, architecture });
    expect(layersOf(t)).toEqual([arn]);
    expect(awsManagedPolicies(t)).toEqual([]);
    const policies = monitoringPolicy(t);
    expect(policies).toHaveLength(1);
    const [, policy] = policies[0];
    expect(policy.Properties.PolicyDocument.Statement).toEqual([
      { Sid: 'LambdaInsightsCreateLogGroup', Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: '*' },
      {
        Sid: 'LambdaInsightsWriteLogs',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:us-east-1:123456789012:log-group:/aws/lambda-insights:*']] },
      },
    ]);
    expect(policy.Properties.Roles).toEqual([{ Ref: stack.getLogicalId(fn.role!.node.defaultChild as any) }]);
    expect(fn.enhancedMonitoringPolicy).toBeDefined();
    // The user's policy holds none of it.
    expect(JSON.stringify(stack.resolve((fn.policy.node.defaultChild as any).policyDocument))).not.toMatch(/lambda-insights|CreateLogGroup/);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('the function depends on the policy, so the extension can write from its first invocation', () => {
    const { t } = build(node, { enhancedMonitoring: EnhancedMonitoring.LAMBDA_INSIGHTS });
    const [policyId] = monitoringPolicy(t)[0];
    const fnResource = Object.values(t.findResources('AWS::Lambda::Function'))[0];
    expect(fnResource.DependsOn).toContain(policyId);
  });

  test('in a Region of the table; a Region outside it is a coded error naming the known ones', () => {
    expect(() => build(node, { enhancedMonitoring: EnhancedMonitoring.LAMBDA_INSIGHTS }, 'ap-northeast-1')).not.toThrow();
    expect(errorOf(node, { enhancedMonitoring: EnhancedMonitoring.LAMBDA_INSIGHTS }, 'eu-central-2'))
      .toMatch(/LBP_INSIGHTS_REGION.*LAMBDA_INSIGHTS in eu-central-2 on arm64.*1\.0\.498\.0.*ap-northeast-1, ap-south-1/s);
  });

  test('an unresolved Region is a coded error (an env-agnostic stack)', () => {
    expect(errorOf(node, { enhancedMonitoring: EnhancedMonitoring.LAMBDA_INSIGHTS }, 'agnostic'))
      .toMatch(/LBP_INSIGHTS_REGION.*without a concrete Region.*give the stack an env with a region/s);
  });

  test('a container image is a coded error naming the fix; the same function as a zip passes', () => {
    expect(errorOf(image, { enhancedMonitoring: EnhancedMonitoring.LAMBDA_INSIGHTS }))
      .toMatch(/LBP_INSIGHTS_IMAGE.*container-image.*install the Lambda Insights extension in the image/s);
    expect(() => build(node, { enhancedMonitoring: EnhancedMonitoring.LAMBDA_INSIGHTS })).not.toThrow();
  });
});

describe('enhancedMonitoring: APPLICATION_SIGNALS', () => {
  test.each([
    ['Node.js', node, 'arn:aws:lambda:us-east-1:615299751070:layer:AWSOpenTelemetryDistroJs:9'],
    ['Python', python, 'arn:aws:lambda:us-east-1:615299751070:layer:AWSOpenTelemetryDistroPython:18'],
    ['Java', java, 'arn:aws:lambda:us-east-1:615299751070:layer:AWSOpenTelemetryDistroJava:7'],
  ])('%s: the OpenTelemetry layer of its family, the exec wrapper, active tracing, scoped permissions, nag clean', (_family, props, arn) => {
    const { stack, t, fn } = build(props, { enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS, environment: { STAGE: 'prod' } });
    expect(layersOf(t)).toEqual([arn]);
    t.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { STAGE: 'prod', AWS_LAMBDA_EXEC_WRAPPER: '/opt/otel-instrument' } },
      TracingConfig: { Mode: 'Active' },
    });
    expect(awsManagedPolicies(t)).toEqual([]);
    const [, policy] = monitoringPolicy(t)[0];
    expect(policy.Properties.PolicyDocument.Statement).toEqual([{
      Sid: 'ApplicationSignalsWriteLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:us-east-1:123456789012:log-group:/aws/application-signals/data:*']] },
      Condition: { StringEquals: { 'aws:ResourceAccount': '${aws:PrincipalAccount}' } },
    }]);
    // The managed policy's xray:PutTraceSegments: the stack's X-Ray policy holds it for the traced function.
    expect(fn.xrayPolicy).toBeDefined();
    expect(nagFindings(stack)).toEqual([]);
  });

  test('both architectures take the same layer (AWS publishes one ARN per Region)', () => {
    const arm = layersOf(build(node, { enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS }).t);
    const x86 = layersOf(build(node, { enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS, architecture: lambda.Architecture.X86_64 }).t);
    expect(x86).toEqual(arm);
  });

  test('a runtime family without a layer is a coded error; a supported family passes', () => {
    expect(errorOf(ruby, { enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS }))
      .toMatch(/LBP_APP_SIGNALS_RUNTIME.*ruby3\.4.*Node\.js, Python, Java/s);
    expect(() => build(java, { enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS })).not.toThrow();
  });

  test('a container image is a coded error naming the fix', () => {
    expect(errorOf(image, { enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS }))
      .toMatch(/LBP_APP_SIGNALS_RUNTIME.*container-image.*unzip the AWS Lambda Layer for OpenTelemetry into \/opt/s);
  });

  test('a Region outside the table and an unresolved Region are coded errors; the newest listed Region passes', () => {
    expect(() => build(node, { enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS }, 'mx-central-1')).not.toThrow();
    expect(errorOf(node, { enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS }, 'ap-east-2'))
      .toMatch(/LBP_APP_SIGNALS_REGION.*APPLICATION_SIGNALS in ap-east-2/s);
    expect(errorOf(node, { enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS }, 'agnostic'))
      .toMatch(/LBP_APP_SIGNALS_REGION.*without a concrete Region/s);
  });

  test('the user\'s own AWS_LAMBDA_EXEC_WRAPPER conflicts; other variables do not', () => {
    expect(errorOf(node, { enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS, environment: { AWS_LAMBDA_EXEC_WRAPPER: '/opt/mine' } }))
      .toMatch(/LBP_APP_SIGNALS_EXEC_WRAPPER.*"\/opt\/mine".*remove AWS_LAMBDA_EXEC_WRAPPER/s);
    expect(() => build(node, { enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS, environment: { OTEL_SERVICE_NAME: 'orders' } })).not.toThrow();
    // Without Application Signals the variable is the user's to set.
    expect(() => build(node, { environment: { AWS_LAMBDA_EXEC_WRAPPER: '/opt/mine' } })).not.toThrow();
  });

  test('tracing other than ACTIVE is a coded error; ACTIVE given explicitly passes', () => {
    expect(errorOf(node, { enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS, tracing: lambda.Tracing.PASS_THROUGH }))
      .toMatch(/LBP_APP_SIGNALS_TRACING.*PassThrough/s);
    expect(() => build(node, { enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS, tracing: lambda.Tracing.ACTIVE })).not.toThrow();
  });

  test('the environment\'s 4 KB counts the wrapper variable: one byte over fails, at the limit passes', () => {
    // {"BIG":"<n>","AWS_LAMBDA_EXEC_WRAPPER":"/opt/otel-instrument"} = n + 57 bytes.
    const wrapperBytes = JSON.stringify({ BIG: '', AWS_LAMBDA_EXEC_WRAPPER: '/opt/otel-instrument' }).length;
    expect(errorOf(node, { enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS, environment: { BIG: 'x'.repeat(4097 - wrapperBytes) } }))
      .toMatch(/LBP_ENV_SIZE.*4097 bytes with the AWS_LAMBDA_EXEC_WRAPPER variable/s);
    expect(() => build(node, { enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS, environment: { BIG: 'x'.repeat(4096 - wrapperBytes) } })).not.toThrow();
  });
});

describe('enhancedMonitoring and the 5-layer limit', () => {
  test.each([EnhancedMonitoring.LAMBDA_INSIGHTS, EnhancedMonitoring.APPLICATION_SIGNALS])('%s counts: 5 layers of the user fail, 4 pass', (monitoring) => {
    expect(errorOf((s) => ({ ...node(s), layers: fourLayers(s) }), { enhancedMonitoring: monitoring }))
      .toMatch(/LBP_LAYER_COUNT.*6 layers \(5 in layers, 1 of enhancedMonitoring\)/s);
    const { t } = build((s) => ({ ...node(s), layers: fourLayers(s).slice(0, 4) }), { enhancedMonitoring: monitoring });
    expect(layersOf(t)).toHaveLength(5);
  });

  test('without the option, 5 layers of the user still pass', () => {
    expect(() => build((s) => ({ ...node(s), layers: fourLayers(s) }))).not.toThrow();
  });
});

describe('nothing half-made, and off by default', () => {
  test('a refused option leaves nothing under the stack', () => {
    const stack = testStack();
    expect(() => new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromImageAsset(IMAGE_DIR), enhancedMonitoring: EnhancedMonitoring.LAMBDA_INSIGHTS }))
      .toThrow(/LBP_INSIGHTS_IMAGE/);
    expect(stack.node.tryFindChild('Fn')).toBeUndefined();
  });

  test('by default no monitoring layer, policy or variable', () => {
    const { t, fn } = build(node);
    expect(layersOf(t)).toEqual([]);
    expect(monitoringPolicy(t)).toEqual([]);
    expect(fn.enhancedMonitoringPolicy).toBeUndefined();
    expect(JSON.stringify(t.toJSON())).not.toMatch(/AWS_LAMBDA_EXEC_WRAPPER|LambdaInsightsExtension/);
  });

  test('a wrongly typed value (JavaScript, Python) is a coded type error', () => {
    expect(errorOf(node, { enhancedMonitoring: 'insights' as any })).toMatch(/LBP_PROP_TYPE.*enhancedMonitoring/s);
  });
});

describe('in a pattern\'s functionOptions', () => {
  test('Application Signals for the pattern\'s function: layer, wrapper, policy, nag clean', () => {
    const stack = testStack();
    const api = new HttpApiFunction(stack, 'Orders', {
      code: FunctionCode.fromAsset(HANDLER_DIR),
      functionOptions: { enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS },
      triggerOptions: { routes: ['GET /orders'] },
    });
    const t = Template.fromStack(stack);
    expect(layersOf(t)).toEqual(['arn:aws:lambda:us-east-1:615299751070:layer:AWSOpenTelemetryDistroJs:9']);
    expect(api.function.enhancedMonitoringPolicy).toBeDefined();
    expect(nagFindings(stack)).toEqual([]);
  });

  test('a conflicting wrapper is reported with the pattern\'s other option problems, before anything is created', () => {
    const stack = testStack();
    expect(() => new HttpApiFunction(stack, 'Orders', {
      code: FunctionCode.fromAsset(HANDLER_DIR),
      functionOptions: { enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS, environment: { AWS_LAMBDA_EXEC_WRAPPER: '/opt/mine' }, memorySize: 64 },
      triggerOptions: { routes: ['GET /orders'] },
    })).toThrow(/LBP_MEMORY_SIZE.*LBP_APP_SIGNALS_EXEC_WRAPPER.*functionOptions\.environment\.AWS_LAMBDA_EXEC_WRAPPER/s);
    expect(stack.node.tryFindChild('Orders')).toBeUndefined();
  });
});

describe('in a FunctionGroup', () => {
  test('a shard (nested stack) takes the Region of its parent: the layer of that Region', () => {
    const stack = testStack();
    const group = new FunctionGroup(stack, 'Fleet', { shards: 2 });
    const fn = group.addFunction('orders', { code: FunctionCode.fromAsset(HANDLER_DIR), enhancedMonitoring: EnhancedMonitoring.LAMBDA_INSIGHTS });
    const shard = Template.fromStack(Stack.of(fn));
    expect(layersOf(shard)).toEqual(['arn:aws:lambda:us-east-1:580247275435:layer:LambdaInsightsExtension-Arm64:27']);
    expect(monitoringPolicy(shard)).toHaveLength(1);
  });
});

describe('cdk-nag 2.x line', () => {
  test('Insights (both architectures) and Application Signals (Node.js, Python): no unsuppressed finding', () => {
    const app = new App();
    const collector = addNagV2Packs(app);
    const stack = new Stack(app, 'Monitoring', { env: TEST_ENV });
    new ServerlessFunction(stack, 'InsightsArm', { code: FunctionCode.fromAsset(HANDLER_DIR), enhancedMonitoring: EnhancedMonitoring.LAMBDA_INSIGHTS });
    new ServerlessFunction(stack, 'InsightsX86', {
      code: FunctionCode.fromAsset(HANDLER_DIR), enhancedMonitoring: EnhancedMonitoring.LAMBDA_INSIGHTS, architecture: lambda.Architecture.X86_64,
    });
    new ServerlessFunction(stack, 'SignalsNode', { code: FunctionCode.fromAsset(HANDLER_DIR), enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS });
    new ServerlessFunction(stack, 'SignalsPython', { ...(python(stack) as ServerlessFunctionProps), enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS });
    app.synth();
    const decided = ['LambdaInsideVPC', 'LambdaConcurrency'];
    expect(collector.findings.filter((f) => !decided.some((d) => f.rule.includes(d)))).toEqual([]);
    expect(Object.keys(INSIGHTS_LAYERS).sort()).toEqual(['arm64', 'x86_64']);
    expect(Object.keys(APP_SIGNALS_LAYERS).length).toBe(3);
  });
});

