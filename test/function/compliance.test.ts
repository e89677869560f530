import * as path from 'path';
import { Duration, Stack } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import {
  AsyncDestination, FunctionCode, FunctionLayer, FunctionSecret, LatestRuntime, ServerlessFunction, ServerlessFunctionProps,
} from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

const IMAGE_DIR = path.join(__dirname, '..', 'fixtures', 'image');

function privateVpc(stack: Stack): ec2.IVpc {
  return ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-1', availabilityZones: ['us-east-1a', 'us-east-1b'], privateSubnetIds: ['subnet-a', 'subnet-b'],
  });
}

/** The forms the issue names: default, VPC, provisioned concurrency, container image, layers, KMS; and all at once. */
const forms: Array<[string, (stack: Stack) => ServerlessFunctionProps]> = [
  ['default', () => ({ code: FunctionCode.fromAsset(HANDLER_DIR) })],
  ['inline code', () => ({ code: FunctionCode.fromInline('exports.handler = async () => 1;') })],
  ['in a VPC with reserved concurrency', (s) => ({ code: FunctionCode.fromAsset(HANDLER_DIR), vpc: privateVpc(s), reservedConcurrentExecutions: 50 })],
  ['provisioned concurrency with auto-scaling', () => ({
    code: FunctionCode.fromAsset(HANDLER_DIR),
    reservedConcurrentExecutions: 100,
    provisionedConcurrency: {
      minCapacity: 5,
      maxCapacity: 50,
      schedules: [{ name: 'Peak', schedule: appscaling.Schedule.cron({ hour: '8', minute: '0' }), minCapacity: 20 }],
    },
  })],
  ['container image asset', () => ({ code: FunctionCode.fromImageAsset(IMAGE_DIR) })],
  ['container image from ECR', (s) => ({ code: FunctionCode.fromEcrImage(ecr.Repository.fromRepositoryName(s, 'Repo', 'app')) })],
  ['with layers', (s) => ({
    code: FunctionCode.fromAsset(HANDLER_DIR),
    layers: [
      new FunctionLayer(s, 'Layer', { path: HANDLER_DIR, compatibleRuntimes: [LatestRuntime.NODEJS] }),
      FunctionLayer.fromLayerVersionArn(s, 'Shared', 'arn:aws:lambda:us-east-1:123456789012:layer:shared:3', { compatibleArchitectures: [lambda.Architecture.ARM_64] }),
    ],
  })],
  ['with a customer-managed log key', (s) => ({ code: FunctionCode.fromAsset(HANDLER_DIR), logEncryptionKey: new kms.Key(s, 'LogKey', { enableKeyRotation: true }) })],
  ['fully configured', (s) => ({
    code: FunctionCode.fromAsset(HANDLER_DIR),
    vpc: privateVpc(s),
    reservedConcurrentExecutions: 20,
    provisionedConcurrency: { minCapacity: 2, maxCapacity: 10 },
    layers: [new FunctionLayer(s, 'Layer', { path: HANDLER_DIR })],
    logEncryptionKey: new kms.Key(s, 'LogKey', { enableKeyRotation: true }),
    secrets: {
      DB_SECRET_ARN: FunctionSecret.fromSecretsManager(
        secretsmanager.Secret.fromSecretCompleteArn(s, 'Db', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf'),
      ),
    },
    retryAttempts: 1,
    maxEventAge: Duration.hours(1),
    onFailure: AsyncDestination.queue(new sqs.Queue(s, 'Failures', {
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      deadLetterQueue: { queue: new sqs.Queue(s, 'FailuresDlq', { enforceSSL: true }), maxReceiveCount: 3 },
    })),
  })],
];

describe('all five cdk-nag packs', () => {
  test.each(forms)('%s: zero unacknowledged findings', (_name, props) => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', props(stack));
    const findings = nagFindings(stack).filter((f) => !f.path.includes('FailuresDlq'));
    expect(findings).toEqual([]);
  });

  test('without the library\'s acknowledgements, exactly the documented unavoidable findings remain', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    // Strip every acknowledgement the library made, then look at what it was hiding.
    for (const c of stack.node.findAll()) {
      (c.node as any)._metadata = c.node.metadata.filter((m) => m.type !== 'aws:cdk:acknowledged-rules');
    }
    const rules = [...new Set(nagFindings(stack, {}).map((f) => f.rule))].sort();
    expect(rules).toEqual([
      'AwsSolutions-IAM5[Resource::*]',
      'HIPAA.Security-LambdaConcurrency',
      'HIPAA.Security-LambdaInsideVPC',
      'NIST.800.53.R5-LambdaConcurrency',
      'NIST.800.53.R5-LambdaInsideVPC',
      'PCI.DSS.321-LambdaInsideVPC',
      'Serverless-SQSRedrivePolicy',
    ]);
  });

  test('the library never acknowledges a decision only the user can make: without the user\'s, exactly those are reported', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    const acked = stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').map((m) => JSON.stringify(m.data)));
    expect(acked.join()).not.toMatch(/LambdaInsideVPC|LambdaConcurrency/);
    const rules = [...new Set(nagFindings(stack, {}).map((f) => f.rule))].sort();
    expect(rules).toEqual([
      'HIPAA.Security-LambdaConcurrency',
      'HIPAA.Security-LambdaInsideVPC',
      'NIST.800.53.R5-LambdaConcurrency',
      'NIST.800.53.R5-LambdaInsideVPC',
      'PCI.DSS.321-LambdaInsideVPC',
    ]);
  });

  test('with a VPC and reserved concurrency, the function is clean without any user decision', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR), vpc: privateVpc(stack), reservedConcurrentExecutions: 5 });
    expect(nagFindings(stack, {})).toEqual([]);
  });
});
