import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Duration, RemovalPolicy, Size, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { EdgeFunction, EdgeFunctionProps, FunctionCode, FunctionLayer, FunctionSecret } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

const { VIEWER_REQUEST, VIEWER_RESPONSE, ORIGIN_REQUEST, ORIGIN_RESPONSE } = cloudfront.LambdaEdgeEventType;

function edge(props: Partial<EdgeFunctionProps> = {}, stack: Stack = testStack()): { stack: Stack; fn: EdgeFunction } {
  const fn = new EdgeFunction(stack, 'Edge', { code: FunctionCode.fromAsset(HANDLER_DIR), eventTypes: [VIEWER_REQUEST], ...props });
  return { stack, fn };
}

/** A directory with one incompressible file of `bytes` bytes. */
function randomAsset(bytes: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edge-'));
  fs.writeFileSync(path.join(dir, 'index.js'), Buffer.from(Array.from({ length: bytes }, () => Math.floor(Math.random() * 256))));
  return dir;
}

describe('EdgeFunction defaults (viewer request)', () => {
  const { stack, fn } = edge();
  const t = Template.fromStack(stack);

  test('x86_64, 128 MB, 5 s, newest Node.js, no X-Ray, no DLQ, no environment, JSON logs', () => {
    t.hasResourceProperties('AWS::Lambda::Function', {
      Architectures: ['x86_64'],
      MemorySize: 128,
      Timeout: 5,
      Runtime: Match.stringLikeRegexp('^nodejs'),
      TracingConfig: Match.absent(),
      DeadLetterConfig: Match.absent(),
      Environment: Match.absent(),
      LoggingConfig: Match.objectLike({ LogFormat: 'JSON', LogGroup: stack.resolve(fn.logGroup.logGroupName) }),
    });
    t.resourceCountIs('AWS::SQS::Queue', 0);
  });

  test('a numbered version, no alias; function and version retained (replicas)', () => {
    t.resourceCountIs('AWS::Lambda::Version', 1);
    t.resourceCountIs('AWS::Lambda::Alias', 0);
    t.hasResource('AWS::Lambda::Function', { DeletionPolicy: 'Retain' });
    t.hasResource('AWS::Lambda::Version', { DeletionPolicy: 'Retain' });
  });

  test('the role trusts Lambda and Lambda@Edge; grants in one managed policy, logs in every Region', () => {
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' } }),
          Match.objectLike({ Principal: { Service: 'edgelambda.amazonaws.com' } }),
        ]),
      },
      ManagedPolicyArns: Match.absent(),
    });
    t.resourceCountIs('AWS::IAM::Policy', 0);
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: Match.arrayWith([Match.stringLikeRegexp('^arn:aws:logs:\\*:\\*:log-group:/lambda-edge/.*:\\*$')]),
        })]),
      },
    });
  });

  test('an encrypted log group with retention, retained', () => {
    t.hasResource('AWS::Logs::LogGroup', {
      Properties: { LogGroupName: Match.stringLikeRegexp('^/lambda-edge/'), RetentionInDays: 365, KmsKeyId: Match.anyValue() },
      DeletionPolicy: 'Retain',
    });
  });

  test('a synth-time note: synchronous, errors go to the viewer', () => {
    expect(Annotations.fromStack(stack).findInfo('*', Match.stringLikeRegexp('Lambda@Edge.*502.*cdk-lambda-blueprints:syncInvoker'))).toHaveLength(1);
  });

  test('zero unacknowledged cdk-nag findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('EdgeFunction association with a distribution behaviour', () => {
  test('the version ARN on the default behaviour; origin-request with the body on another behaviour', () => {
    const stack = testStack();
    const viewer = new EdgeFunction(stack, 'Viewer', { code: FunctionCode.fromAsset(HANDLER_DIR), eventTypes: [VIEWER_REQUEST, VIEWER_RESPONSE] });
    const originFn = new EdgeFunction(stack, 'Origin', {
      code: FunctionCode.fromAsset(HANDLER_DIR), eventTypes: [ORIGIN_REQUEST, ORIGIN_RESPONSE], memorySize: 1024,
    });
    const origin = new origins.HttpOrigin('example.com');
    const dist = new cloudfront.Distribution(stack, 'Cdn', {
      defaultBehavior: { origin, edgeLambdas: [viewer.association(VIEWER_REQUEST), viewer.association(VIEWER_RESPONSE)] },
    });
    dist.addBehavior('/api/*', origin, { edgeLambdas: [originFn.association(ORIGIN_REQUEST, { includeBody: true })] });
    const t = Template.fromStack(stack);
    const versionRef = stack.resolve(viewer.version.edgeArn);
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          LambdaFunctionAssociations: [
            { EventType: 'viewer-request', LambdaFunctionARN: versionRef },
            { EventType: 'viewer-response', LambdaFunctionARN: versionRef },
          ],
        }),
        CacheBehaviors: [Match.objectLike({
          LambdaFunctionAssociations: [{ EventType: 'origin-request', IncludeBody: true, LambdaFunctionARN: stack.resolve(originFn.version.edgeArn) }],
        })],
      }),
    });
    t.hasResourceProperties('AWS::Lambda::Function', { MemorySize: 1024, Timeout: 30 });
    expect(viewer.handlesViewerEvents).toBe(true);
    expect(originFn.handlesViewerEvents).toBe(false);
  });

  test('an undeclared event type, or a body on a response event, is refused', () => {
    const { fn } = edge({ eventTypes: [VIEWER_RESPONSE] });
    expect(() => fn.association(ORIGIN_REQUEST)).toThrow(/LBP_EDGE_EVENT_TYPE.*origin-request.*add origin-request to eventTypes/);
    expect(() => fn.association(VIEWER_RESPONSE, { includeBody: true })).toThrow(/LBP_EDGE_EVENT_TYPE.*includeBody/);
    expect(() => fn.association(VIEWER_RESPONSE)).not.toThrow();
  });
});

describe('EdgeFunction refuses what Lambda@Edge does not support', () => {
  test('a stack outside us-east-1, or without a Region', () => {
    expect(() => edge({}, testStack('S', { env: { account: '123456789012', region: 'eu-west-1' } }))).toThrow(/LBP_EDGE_REGION.*eu-west-1.*us-east-1/);
    expect(() => edge({}, new Stack(new App(), 'Agnostic'))).toThrow(/LBP_EDGE_REGION.*unknown at synth/);
  });

  test('arm64', () => {
    expect(() => edge({ architecture: lambda.Architecture.ARM_64 })).toThrow(/LBP_EDGE_ARCHITECTURE.*arm64/);
    expect(() => edge({ architecture: lambda.Architecture.X86_64 })).not.toThrow();
  });

  test('environment variables and secrets', () => {
    expect(() => edge({ environment: { A_B: '1' } })).toThrow(/LBP_EDGE_ENVIRONMENT.*environment/);
    const stack = testStack();
    const parameter = ssm.StringParameter.fromStringParameterName(stack, 'P', '/app/token');
    expect(() => edge({ secrets: { TOKEN: FunctionSecret.fromSsmParameter(parameter) } }, stack)).toThrow(/LBP_EDGE_ENVIRONMENT.*secrets/);
    expect(() => edge({ environment: {} })).not.toThrow();
  });

  test('dead-letter queues and asynchronous settings', () => {
    const stack = testStack();
    expect(() => edge({ deadLetterQueue: new sqs.Queue(stack, 'Q') }, stack)).toThrow(/LBP_EDGE_ASYNC.*deadLetterQueue/);
    expect(() => edge({ retryAttempts: 0, maxEventAge: Duration.hours(1) })).toThrow(/LBP_EDGE_ASYNC.*retryAttempts, maxEventAge/);
  });

  test('VPC, layers, provisioned and reserved concurrency', () => {
    const stack = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
    expect(() => edge({ vpc }, stack)).toThrow(/LBP_EDGE_VPC/);
    const layer = FunctionLayer.fromLayerVersionArn(stack, 'L', 'arn:aws:lambda:us-east-1:123456789012:layer:l:1', {
      compatibleArchitectures: [lambda.Architecture.X86_64], compatibleRuntimeFamilies: [lambda.RuntimeFamily.NODEJS],
    } as any);
    expect(() => edge({ layers: [layer] }, stack)).toThrow(/LBP_EDGE_LAYERS/);
    expect(() => edge({ provisionedConcurrency: { minCapacity: 1 } })).toThrow(/LBP_EDGE_CONCURRENCY.*provisionedConcurrency/);
    expect(() => edge({ reservedConcurrentExecutions: 5 })).toThrow(/LBP_EDGE_CONCURRENCY.*reservedConcurrentExecutions/);
  });

  test('container images, other runtimes, X-Ray, alias features, ephemeral storage above 512 MB', () => {
    const stack = testStack();
    const repo = ecr.Repository.fromRepositoryName(stack, 'Repo', 'repo');
    expect(() => edge({ code: FunctionCode.fromEcrImage(repo) }, stack)).toThrow(/LBP_EDGE_IMAGE/);
    expect(() => edge({ runtime: lambda.Runtime.JAVA_21 })).toThrow(/LBP_EDGE_RUNTIME.*java21/);
    expect(() => edge({ code: FunctionCode.fromInline('def handler(event, context):\n    return event\n'), runtime: lambda.Runtime.PYTHON_3_13, handler: 'index.handler' })).not.toThrow();
    expect(() => edge({ tracing: lambda.Tracing.ACTIVE })).toThrow(/LBP_EDGE_TRACING/);
    expect(() => edge({ deployment: {} as any })).toThrow(/LBP_EDGE_ALIAS_FEATURES.*deployment/);
    expect(() => edge({ ephemeralStorageSize: Size.mebibytes(513) })).toThrow(/LBP_EDGE_EPHEMERAL_STORAGE/);
    expect(() => edge({ ephemeralStorageSize: Size.mebibytes(512) })).not.toThrow();
  });

  test('every problem at once, before anything is created', () => {
    const stack = testStack();
    expect(() => edge({ architecture: lambda.Architecture.ARM_64, environment: { A_B: '1' }, timeout: Duration.seconds(6) }, stack))
      .toThrow(/3 problems[\s\S]*LBP_EDGE_ARCHITECTURE[\s\S]*LBP_EDGE_ENVIRONMENT[\s\S]*LBP_EDGE_TIMEOUT/);
    expect(stack.node.tryFindChild('Edge')).toBeUndefined();
  });
});

describe('EdgeFunction limits per event type', () => {
  test('memory: 128 MB for viewer events; up to 10,240 MB for origin events', () => {
    expect(() => edge({ memorySize: 129 })).toThrow(/LBP_EDGE_MEMORY.*129 MB.*between 128 and 128/);
    expect(() => edge({ memorySize: 128 })).not.toThrow();
    expect(() => edge({ memorySize: 10_241, eventTypes: [ORIGIN_REQUEST] })).toThrow(/LBP_EDGE_MEMORY/);
    expect(() => edge({ memorySize: 10_240, eventTypes: [ORIGIN_REQUEST] })).not.toThrow();
  });

  test('timeout: 5 s for viewer events, 30 s for origin events (a viewer event in the list makes it 5 s)', () => {
    expect(() => edge({ timeout: Duration.seconds(6) })).toThrow(/LBP_EDGE_TIMEOUT.*6 seconds.*at most 5 seconds for viewer events/);
    expect(() => edge({ timeout: Duration.seconds(5) })).not.toThrow();
    expect(() => edge({ timeout: Duration.seconds(31), eventTypes: [ORIGIN_RESPONSE] })).toThrow(/LBP_EDGE_TIMEOUT.*30 seconds for origin/);
    expect(() => edge({ timeout: Duration.seconds(30), eventTypes: [ORIGIN_RESPONSE] })).not.toThrow();
    expect(() => edge({ timeout: Duration.seconds(6), eventTypes: [ORIGIN_REQUEST, VIEWER_RESPONSE] })).toThrow(/LBP_EDGE_TIMEOUT/);
  });

  test('zipped package: 1 MB for viewer events, 50 MB for origin events', () => {
    const big = randomAsset(1100 * 1024);
    expect(() => edge({ code: FunctionCode.fromAsset(big) })).toThrow(/LBP_EDGE_PACKAGE_SIZE.*1\.0\d MB zipped.*at most 1 MB/);
    expect(() => edge({ code: FunctionCode.fromAsset(big), eventTypes: [ORIGIN_REQUEST] })).not.toThrow();
    const small = randomAsset(1000 * 1024);
    expect(() => edge({ code: FunctionCode.fromAsset(small) })).not.toThrow();
  });

  test('event types: at least one, each once', () => {
    expect(() => edge({ eventTypes: [] })).toThrow(/LBP_EDGE_EVENT_TYPE/);
    expect(() => edge({ eventTypes: [VIEWER_REQUEST, VIEWER_REQUEST] })).toThrow(/LBP_EDGE_EVENT_TYPE/);
  });

  test('a removal policy of the user\'s choice', () => {
    const { stack } = edge({ removalPolicy: RemovalPolicy.DESTROY });
    Template.fromStack(stack).hasResource('AWS::Lambda::Function', { DeletionPolicy: 'Delete' });
  });
});
