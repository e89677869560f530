import { readFileSync } from 'fs';
import { Duration, Size, RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import {
  AsyncDestination, FunctionCode, FunctionLayer, FunctionSecret, LatestRuntime, ServerlessFunction, ServerlessFunctionProps,
} from '../../src';
import { HANDLER_DIR, testStack } from '../helpers/template';

const code = () => FunctionCode.fromAsset(HANDLER_DIR);

function importedVpc(stack: import('aws-cdk-lib').Stack) {
  return ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-1',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    privateSubnetIds: ['subnet-a', 'subnet-b'],
    publicSubnetIds: ['subnet-pa', 'subnet-pb'],
  });
}

describe('ServerlessFunction defaults', () => {
  const stack = testStack();
  const fn = new ServerlessFunction(stack, 'Fn', { code: code() });
  const template = Template.fromStack(stack);

  test('ARM64, newest Node.js, explicit memory, timeout and ephemeral storage, JSON logs, X-Ray', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Architectures: ['arm64'],
      Runtime: LatestRuntime.NODEJS.name,
      Handler: 'index.handler',
      MemorySize: 1024,
      Timeout: 30,
      EphemeralStorage: { Size: 512 },
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: {
        LogFormat: 'JSON',
        ApplicationLogLevel: 'INFO',
        SystemLogLevel: 'INFO',
        LogGroup: { Ref: Match.stringLikeRegexp('FnLogGroup') },
      },
      DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('FnDeadLetterQueue'), 'Arn'] } },
    });
    expect(fn.architecture).toBe(lambda.Architecture.ARM_64);
    expect(fn.timeoutSeconds).toBe(30);
  });

  test('an owned log group with retention, retained on delete, encrypted with the shared key', () => {
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('BlueprintKey'), 'Arn'] } },
      DeletionPolicy: 'Retain',
    });
  });

  test('the shared key rotates and lets CloudWatch Logs (this region) and alarms use it', () => {
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowCloudWatchLogsToEncryptLogGroups',
            Principal: { Service: 'logs.us-east-1.amazonaws.com' },
            Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': Match.anyValue() } },
          }),
          Match.objectLike({
            Sid: 'AllowCloudWatchAlarmsToPublishToEncryptedTopics',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
          }),
        ]),
      },
    });
  });

  test('a role with no AWS managed policy and no inline policy; a customer-managed policy scoped to its own resources, and one for Resource-* actions only', () => {
    template.resourceCountIs('AWS::IAM::Policy', 0);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' } })] },
      ManagedPolicyArns: Match.absent(),
      Policies: Match.absent(),
    });
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 2);
    const policies = template.findResources('AWS::IAM::ManagedPolicy');
    const [grantsId] = Object.keys(policies).filter((id) => /^FnRolePolicy/.test(id));
    const [starId] = Object.keys(policies).filter((id) => /^BlueprintXRayWritePolicy/.test(id));
    expect(policies[grantsId].Properties).toEqual(expect.objectContaining({
      Roles: [{ Ref: expect.stringMatching(/^FnRole/) }],
      PolicyDocument: expect.objectContaining({
        Statement: [
          { Sid: 'WriteOwnLogGroup', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [expect.stringMatching(/^FnLogGroup/), 'Arn'] } },
          { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [expect.stringMatching(/^FnDeadLetterQueue/), 'Arn'] } },
        ],
      }),
    }));
    // The stack's shared X-Ray policy holds X-Ray only, is attached to the role, and alone carries the
    // IAM5 acknowledgement; without a VPC or a stream there is no per-role Resource-* policy.
    expect(policies[starId].Properties.PolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' },
    ]);
    expect(policies[starId].Properties.Roles).toEqual([{ Ref: expect.stringMatching(/^FnRole/) }]);
    expect(fn.xrayPolicy).toBeDefined();
    expect(fn.resourceStarPolicy).toBeUndefined();
    // no logs:CreateLogGroup: Lambda must never create an unencrypted group itself
    expect(JSON.stringify(policies)).not.toContain('logs:CreateLogGroup');
  });

  test('the function depends on its policies, so permissions exist before it', () => {
    template.hasResource('AWS::Lambda::Function', { DependsOn: Match.arrayWith([Match.stringLikeRegexp('FnRolePolicy')]) });
    template.hasResource('AWS::Lambda::Function', { DependsOn: Match.arrayWith([Match.stringLikeRegexp('BlueprintXRayWritePolicy')]) });
  });

  test('the dead-letter queue keeps 14 days, is SSE-encrypted, TLS-only and alarmed to the encrypted alarm topic', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })] },
    });
    // The function's combined alarm reads the queue's depth (and the age of its oldest message).
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: Match.arrayWith([Match.objectLike({
        Id: 'dlqDepth',
        MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'ApproximateNumberOfMessagesVisible' }), Stat: 'Maximum' }),
      })]),
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ Ref: Match.stringLikeRegexp('BlueprintAlarmTopic') }],
    });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('BlueprintKey'), 'Arn'] } });
    expect(fn.deadLetterQueueAlarm).toBeDefined();
  });

  test('a published version and a `live` alias; no async config, concurrency, VPC or provisioned concurrency', () => {
    template.resourceCountIs('AWS::Lambda::Version', 1);
    template.hasResourceProperties('AWS::Lambda::Alias', { Name: 'live', ProvisionedConcurrencyConfig: Match.absent() });
    template.resourceCountIs('AWS::Lambda::EventInvokeConfig', 0);
    template.resourceCountIs('AWS::ApplicationAutoScaling::ScalableTarget', 0);
    template.resourceCountIs('AWS::EC2::SecurityGroup', 0);
    template.hasResourceProperties('AWS::Lambda::Function', { ReservedConcurrentExecutions: Match.absent(), VpcConfig: Match.absent() });
    expect(fn.eventInvokeConfig).toBeUndefined();
    expect(fn.securityGroups).toEqual([]);
  });

  test('exactly these resources for one default function (plus the stack-shared key and alarm topic)', () => {
    const types = Object.values(template.toJSON().Resources).map((r: any) => r.Type).sort();
    // 1 alarm: errors, throttles, duration vs timeout, async events dropped, delivery failures, DLQ depth and DLQ age
    // in one metric-math expression (docs/scale.md); 9 per function + 4 per stack (key, alarm topic and its
    // policy, the shared X-Ray policy).
    expect(types).toHaveLength(13);
    expect(types).toEqual([
      'AWS::CloudWatch::Alarm', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::KMS::Key', 'AWS::Lambda::Alias',
      'AWS::Lambda::Function', 'AWS::Lambda::Version', 'AWS::Logs::LogGroup', 'AWS::SNS::Topic', 'AWS::SNS::TopicPolicy',
      'AWS::SQS::Queue', 'AWS::SQS::QueuePolicy',
    ]);
  });

  // The before/after numbers of docs/scale.md: a stack of 30 default functions.
  const thirty = (props: Partial<ServerlessFunctionProps> = {}) => {
    const s = testStack();
    for (let i = 0; i < 30; i++) {
      new ServerlessFunction(s, `Fn${i}`, { code: FunctionCode.fromAsset(HANDLER_DIR), ...props });
    }
    return Object.keys(Template.fromStack(s).toJSON().Resources).length;
  };

  test('30 default functions average at most 10 resources each (shared key, topic and X-Ray policy amortised): 274, 9.1 each', () => {
    const count = thirty();
    expect(count).toBe(30 * 9 + 4);
    expect(count / 30).toBeLessThanOrEqual(10);
  });

  test('with one alarm per signal (combined: false, the former default) they are 484, 16.1 each', () => {
    expect(thirty({ alarms: { combined: false } })).toBe(30 * 16 + 4);
  });
});

describe('ServerlessFunction configuration', () => {
  test('two functions share one key and one alarm topic per stack', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'A', { code: code() });
    new ServerlessFunction(stack, 'B', { code: code() });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::KMS::Key', 1);
    t.resourceCountIs('AWS::SNS::Topic', 1);
    t.resourceCountIs('AWS::Lambda::Function', 2);
  });

  test('explicit sizing, architecture, runtime, handler, description and name are passed through', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', {
      code: FunctionCode.fromInline('def main(event, context):\n    return {}\n'),
      memorySize: 2048,
      timeout: Duration.minutes(2),
      ephemeralStorageSize: Size.gibibytes(2),
      architecture: lambda.Architecture.X86_64,
      runtime: LatestRuntime.PYTHON,
      handler: 'app.main',
      description: 'orders',
      functionName: 'orders-fn',
      applicationLogLevel: lambda.ApplicationLogLevel.WARN,
      systemLogLevel: lambda.SystemLogLevel.DEBUG,
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 2048,
      Timeout: 120,
      EphemeralStorage: { Size: 2048 },
      Architectures: ['x86_64'],
      Runtime: LatestRuntime.PYTHON.name,
      Handler: 'app.main',
      Description: 'orders',
      FunctionName: 'orders-fn',
      LoggingConfig: Match.objectLike({ ApplicationLogLevel: 'WARN', SystemLogLevel: 'DEBUG' }),
    });
  });

  test('log retention, removal policy and a user key (which gets the CloudWatch Logs statement)', () => {
    const stack = testStack();
    const key = new kms.Key(stack, 'UserKey', { enableKeyRotation: true });
    new ServerlessFunction(stack, 'Fn', {
      code: code(), logRetention: logs.RetentionDays.TWO_YEARS, logRemovalPolicy: RemovalPolicy.DESTROY, logEncryptionKey: key,
    });
    const t = Template.fromStack(stack);
    t.hasResource('AWS::Logs::LogGroup', {
      Properties: { RetentionInDays: 731, KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('UserKey'), 'Arn'] } },
      DeletionPolicy: 'Delete',
    });
    t.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'AllowCloudWatchLogsToEncryptLogGroups' })]) },
    });
  });

  test('environment is passed through; secrets are passed by reference and granted read access', () => {
    const stack = testStack();
    const secret = new secretsmanager.Secret(stack, 'DbPassword');
    const param = ssm.StringParameter.fromStringParameterName(stack, 'ApiUrl', '/app/api-url');
    new ServerlessFunction(stack, 'Fn', {
      code: code(),
      environment: { STAGE: 'prod' },
      secrets: { DB_SECRET_ARN: FunctionSecret.fromSecretsManager(secret), API_URL_PARAMETER: FunctionSecret.fromSsmParameter(param) },
    });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { STAGE: 'prod', DB_SECRET_ARN: { Ref: Match.stringLikeRegexp('DbPassword') }, API_URL_PARAMETER: '/app/api-url' } },
    });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        // Secrets are bound in name order (API_URL_PARAMETER before DB_SECRET_ARN), whatever the map's order.
        Statement: Match.arrayWith([
          Match.objectLike({ Action: Match.arrayWith(['ssm:GetParameter']), Resource: Match.objectLike({ 'Fn::Join': Match.anyValue() }) }),
          Match.objectLike({ Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: { Ref: Match.stringLikeRegexp('DbPassword') } }),
        ]),
      },
    });
  });

  test('initialPolicy statements land in the one managed policy', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', {
      code: code(),
      initialPolicy: [new iam.PolicyStatement({ actions: ['dynamodb:GetItem'], resources: ['arn:aws:dynamodb:us-east-1:123456789012:table/t'] })],
    });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::IAM::Policy', 0);
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'dynamodb:GetItem' })]) },
    });
  });

  test('grants made after construction land in the managed policy too', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', { code: code() });
    new sqs.Queue(stack, 'Q').grantConsumeMessages(fn);
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::IAM::Policy', 0);
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['sqs:ReceiveMessage']) })]) },
    });
  });

  test('a user dead-letter queue replaces the created one', () => {
    const stack = testStack();
    const dlq = new sqs.Queue(stack, 'MyDlq');
    const fn = new ServerlessFunction(stack, 'Fn', { code: code(), deadLetterQueue: dlq });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::SQS::Queue', 1);
    t.hasResourceProperties('AWS::Lambda::Function', { DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('MyDlq'), 'Arn'] } } });
    expect(fn.deadLetterQueue).toBe(dlq);
    expect(fn.deadLetterQueueAlarm).toBeUndefined();
  });

  test('a user alarm topic receives the dead-letter alarm', () => {
    const stack = testStack();
    const topic = new sns.Topic(stack, 'OnCall');
    new ServerlessFunction(stack, 'Fn', { code: code(), alarmTopic: topic });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: Match.stringLikeRegexp('OnCall') }] });
    t.resourceCountIs('AWS::SNS::Topic', 1);
  });

  test('async settings create an invoke config on the live alias with retries, age and destinations', () => {
    const stack = testStack();
    const failures = new sqs.Queue(stack, 'Failures');
    const successes = new sns.Topic(stack, 'Successes');
    new ServerlessFunction(stack, 'Fn', {
      code: code(),
      retryAttempts: 0,
      maxEventAge: Duration.minutes(1),
      onFailure: AsyncDestination.queue(failures),
      onSuccess: AsyncDestination.topic(successes),
    });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      Qualifier: 'live',
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 60,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('Failures'), 'Arn'] } },
        OnSuccess: { Destination: { Ref: Match.stringLikeRegexp('Successes') } },
      },
    });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: Match.arrayWith(['sqs:SendMessage']), Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('Failures'), 'Arn'] } }),
          Match.objectLike({ Action: 'sns:Publish', Resource: { Ref: Match.stringLikeRegexp('Successes') } }),
        ]),
      },
    });
  });

  test('event bus and function destinations are accepted', () => {
    const stack = testStack();
    const other = new ServerlessFunction(stack, 'Other', { code: code() });
    const bus = new events.EventBus(stack, 'Bus');
    new ServerlessFunction(stack, 'Fn', {
      code: code(), onFailure: AsyncDestination.lambdaFunction(other.alias), onSuccess: AsyncDestination.eventBus(bus),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      DestinationConfig: {
        OnFailure: { Destination: { Ref: Match.stringLikeRegexp('OtherLiveAlias') } },
        OnSuccess: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('Bus'), 'Arn'] } },
      },
    });
  });

  test('reserved concurrency, and provisioned concurrency on the alias with utilisation and scheduled scaling', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', {
      code: code(),
      reservedConcurrentExecutions: 20,
      provisionedConcurrency: {
        minCapacity: 2,
        maxCapacity: 10,
        utilizationTarget: 0.6,
        schedules: [{ name: 'BusinessHours', schedule: appscaling.Schedule.cron({ hour: '8', minute: '0', weekDay: 'MON-FRI' }), minCapacity: 5 }],
      },
    });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::Function', { ReservedConcurrentExecutions: 20 });
    t.hasResourceProperties('AWS::Lambda::Alias', { Name: 'live', ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 } });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: 2,
      MaxCapacity: 10,
      ScalableDimension: 'lambda:function:ProvisionedConcurrency',
      ScheduledActions: [Match.objectLike({ ScheduledActionName: 'BusinessHours', ScalableTargetAction: { MinCapacity: 5 } })],
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: {
        PredefinedMetricSpecification: { PredefinedMetricType: 'LambdaProvisionedConcurrencyUtilization' }, TargetValue: 0.6,
      },
    });
    expect(fn.provisionedConcurrencyScaling).toBeDefined();
  });

  test('fixed provisioned concurrency adds no auto-scaling', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', { code: code(), provisionedConcurrency: { minCapacity: 3 } });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::Alias', { ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 3 } });
    t.resourceCountIs('AWS::ApplicationAutoScaling::ScalableTarget', 0);
    expect(fn.provisionedConcurrencyScaling).toBeUndefined();
  });

  test('in a VPC: private subnets, its own security group with no ingress, ENI permissions', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', { code: code(), vpc: importedVpc(stack) });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::Function', {
      VpcConfig: { SubnetIds: ['subnet-a', 'subnet-b'], SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('FnSecurityGroup'), 'GroupId'] }] },
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', { SecurityGroupIngress: Match.absent() });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'ManageVpcNetworkInterfaces', Resource: '*' })]) },
    });
    expect(fn.securityGroups).toHaveLength(1);
  });

  test('in a VPC with the user\'s security groups and an isolated-only VPC', () => {
    const stack = testStack();
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Isolated', { vpcId: 'vpc-2', availabilityZones: ['us-east-1a'], isolatedSubnetIds: ['subnet-i'] });
    const sg = ec2.SecurityGroup.fromSecurityGroupId(stack, 'Sg', 'sg-123');
    new ServerlessFunction(stack, 'Fn', { code: code(), vpc, securityGroups: [sg] });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::Function', { VpcConfig: { SubnetIds: ['subnet-i'], SecurityGroupIds: ['sg-123'] } });
    t.resourceCountIs('AWS::EC2::SecurityGroup', 0);
  });

  test('a layer is attached', () => {
    const stack = testStack();
    const layer = new FunctionLayer(stack, 'Layer', { path: HANDLER_DIR, compatibleRuntimes: [LatestRuntime.NODEJS] });
    new ServerlessFunction(stack, 'Fn', { code: code(), layers: [layer] });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::Function', { Layers: [{ Ref: Match.stringLikeRegexp('Layer') }] });
    t.hasResourceProperties('AWS::Lambda::LayerVersion', { CompatibleArchitectures: ['arm64'], CompatibleRuntimes: [LatestRuntime.NODEJS.name] });
  });

  test('inline code', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromInline('exports.handler = async () => ({ ok: true });') });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      Code: { ZipFile: 'exports.handler = async () => ({ ok: true });' }, Handler: 'index.handler',
    });
  });

  test('a container image from a Dockerfile is built for ARM64 and has no handler or runtime', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromImageAsset(`${__dirname}/../fixtures/image`) });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::Function', {
      PackageType: 'Image',
      Runtime: Match.absent(),
      Handler: Match.absent(),
      Architectures: ['arm64'],
      Code: { ImageUri: Match.anyValue() },
    });
    expect(fn.runtime).toBeUndefined();
    const asm = (stack.node.root as import('aws-cdk-lib').App).synth();
    const assets = readFileSync(`${asm.directory}/${stack.artifactId}.assets.json`, 'utf8');
    expect(JSON.parse(assets).dockerImages).toEqual({
      [Object.keys(JSON.parse(assets).dockerImages)[0]]: expect.objectContaining({
        source: expect.objectContaining({ platform: 'linux/arm64' }),
      }),
    });
  });

  test('a container image from ECR', () => {
    const stack = testStack();
    const repo = ecr.Repository.fromRepositoryName(stack, 'Repo', 'my-repo');
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromEcrImage(repo, { tagOrDigest: 'v1' }) });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      PackageType: 'Image', Code: { ImageUri: Match.objectLike({ 'Fn::Join': Match.anyValue() }) },
    });
  });
});
