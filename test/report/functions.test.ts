import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { FunctionCode, ServerlessFunction } from '../../src';
import { FunctionReport } from '../../src/report/private/report-model';
import { reportOf, stackOf } from '../helpers/report';
import { HANDLER_DIR } from '../helpers/template';


const env = { account: '123456789012', region: 'us-east-1' };
const inline = () => ({ runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {};') });

describe('functions of a stack', () => {
  const model = reportOf((app) => {
    const stack = new Stack(app, 'Fns', { env });
    new lambda.Function(stack, 'Plain', inline());
    const bucket = s3.Bucket.fromBucketName(stack, 'Code', 'my-code-bucket');
    const fromBucket = new lambda.Function(stack, 'FromBucket', {
      runtime: lambda.Runtime.PYTHON_3_13,
      handler: 'index.handler',
      code: lambda.Code.fromBucket(bucket, 'code.zip'),
      architecture: lambda.Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(20),
      reservedConcurrentExecutions: 5,
      deadLetterQueue: new sqs.Queue(stack, 'Dlq', { retentionPeriod: Duration.days(7) }),
    });
    const prod = new lambda.Alias(stack, 'Prod', { aliasName: 'prod', version: fromBucket.currentVersion, provisionedConcurrentExecutions: 2 });
    new cloudwatch.Alarm(stack, 'ProdErrors', { metric: prod.metricErrors(), threshold: 1, evaluationPeriods: 1 });
    const image = new lambda.DockerImageFunction(stack, 'Image', { code: lambda.DockerImageCode.fromEcr(ecr.Repository.fromRepositoryName(stack, 'Repo', 'images')) });
    image.configureAsyncInvoke({ onFailure: new destinations.SnsDestination(new sns.Topic(stack, 'Failures')) });
    new cloudwatch.Alarm(stack, 'ImageThrottles', { metric: image.metricThrottles(), threshold: 1, evaluationPeriods: 2, datapointsToAlarm: 1 });
    new lambda.Function(stack, 'Asset', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromAsset(HANDLER_DIR) });
    new ServerlessFunction(stack, 'Blueprint', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    new lambda.Version(stack, 'NamedVersion', {
      lambda: new lambda.Function(stack, 'Named', { ...inline(), functionName: 'named-fn' }), provisionedConcurrentExecutions: 3,
    });
    new cloudwatch.Alarm(stack, 'NamedErrors', {
      metric: new cloudwatch.Metric({ namespace: 'AWS/Lambda', metricName: 'Errors', dimensionsMap: { FunctionName: 'named-fn' } }), threshold: 1, evaluationPeriods: 1,
    });
    new cloudwatch.Alarm(stack, 'NamedQuery', {
      metric: new cloudwatch.MathExpression({ expression: 'SELECT SUM(Errors) FROM SCHEMA("AWS/Lambda", FunctionName) WHERE FunctionName = \'named-fn\'', period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
    });
  });
  const stack = stackOf(model, 'Fns');
  const fn = (name: string): FunctionReport => stack.functions.find((f) => f.name === `Fns/${name}`)!;

  test('every function, sorted by construct path', () => {
    expect(stack.functions.map((f) => f.name)).toEqual(['Fns/Asset', 'Fns/Blueprint', 'Fns/FromBucket', 'Fns/Image', 'Fns/Named', 'Fns/Plain']);
  });

  test('a plain inline function: Lambda\'s defaults, not a blueprint, no alias, no sink', () => {
    expect(fn('Plain')).toEqual({
      id: 'Fns/Plain/Resource',
      logicalId: expect.stringMatching(/^Plain/),
      file: 'Fns.template.json',
      path: 'Fns/Plain/Resource',
      name: 'Fns/Plain',
      blueprint: false,
      codeKind: 'inline',
      runtime: 'nodejs22.x',
      architecture: 'x86_64',
      memoryMb: 128,
      timeoutSeconds: 3,
      alarms: [],
    });
  });

  test('code from a bucket: its settings, reserved and provisioned concurrency, the alias, the dead-letter queue and the alias alarm', () => {
    expect(fn('FromBucket')).toMatchObject({
      codeKind: 'S3 object',
      runtime: 'python3.13',
      architecture: 'arm64',
      memoryMb: 512,
      timeoutSeconds: 20,
      reservedConcurrency: 5,
      provisionedConcurrency: 2,
      alias: 'prod',
      asyncFailureSink: { kind: 'SQS queue', name: 'Fns/Dlq/Resource', retentionSeconds: 7 * 24 * 3600, encrypted: true },
      alarms: ['Fns/ProdErrors/Resource'],
    });
  });

  test('a container image with an on-failure destination (an unencrypted topic) and an alarm on its metric', () => {
    expect(fn('Image')).toMatchObject({
      codeKind: 'container image',
      runtime: 'container image',
      asyncFailureSink: { kind: 'SNS topic', name: 'Fns/Failures/Resource', encrypted: false },
      alarms: ['Fns/ImageThrottles/Resource'],
    });
    expect(stack.alarms.find((a) => a.path === 'Fns/ImageThrottles/Resource')).toEqual({
      logicalId: expect.stringMatching(/^ImageThrottles/),
      path: 'Fns/ImageThrottles/Resource',
      watches: 'AWS/Lambda/Throttles',
      condition: '>= 1 for 1 of 2 x 300 s',
      threshold: 1,
      kind: 'standard',
      notifies: false,
    });
  });

  test('a local asset is a zip asset; a ServerlessFunction is a blueprint known by its construct', () => {
    expect(fn('Asset').codeKind).toBe('zip asset');
    expect(fn('Blueprint')).toMatchObject({
      blueprint: true,
      path: 'Fns/Blueprint/Function/Resource',
      alias: 'live',
      codeKind: 'zip asset',
      asyncFailureSink: { kind: 'SQS queue', encrypted: true },
      alarms: expect.arrayContaining([expect.stringMatching(/^Fns\/Blueprint\/Alarms\//)]),
    });
  });

  test('alarms that name a function by its literal name (a dimension, a Metrics Insights query); provisioned concurrency on a version', () => {
    expect(fn('Named').alarms).toEqual(['Fns/NamedErrors/Resource', 'Fns/NamedQuery/Resource']);
    expect(fn('Named').provisionedConcurrency).toBe(3);
    expect(fn('Named').alias).toBeUndefined();
    expect(stack.alarms.find((a) => a.path === 'Fns/NamedQuery/Resource')).toMatchObject({
      kind: 'Metrics Insights', watches: expect.stringContaining("WHERE FunctionName = 'named-fn'"), condition: '>= 1 for 1 of 1 x 300 s',
    });
  });
});
