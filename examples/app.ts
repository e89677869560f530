/**
 * The example app: every reference workload of cdk-lambda-blueprints in one `cdk synth`.
 * Run `npx cdk synth` at the repository root; templates land in cdk.out/.
 *
 * The same app is written in Python (consumers/python/app.py) and Java
 * (consumers/java/src/main/java/io/github/cdklambdablueprints/consumer/App.java), one function per
 * stack with the same construct ids and the same asset directories, and `npx projen test:consumers`
 * requires the three to synthesize identical templates. Add a workload here, then mirror it there.
 */
import * as path from 'path';
import { App, Duration, Environment, Stack } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { FunctionCode, FunctionLayer, FunctionSecret, LatestRuntime, ServerlessFunction } from '../src';

/** The example's assets (handlers, layers, images), shared by the three languages. */
const EXAMPLES = __dirname;

/** A default ServerlessFunction: what one line of user code deploys. */
function coreStack(app: App, env: Environment): Stack {
  const stack = new Stack(app, 'BlueprintsCore', { env, description: 'cdk-lambda-blueprints example: a default ServerlessFunction' });
  new ServerlessFunction(stack, 'Hello', {
    code: FunctionCode.fromAsset(path.join(EXAMPLES, 'handlers', 'hello')),
  });
  return stack;
}

/**
 * Reference workload 7: a function in a VPC reaching a private database (a layer, secrets by
 * reference, provisioned concurrency that scales on utilisation and on a schedule) and a
 * container-image function.
 */
function platformStack(app: App, env: Environment): Stack {
  const stack = new Stack(app, 'BlueprintsPlatform', { env, description: 'cdk-lambda-blueprints example: VPC, layer, secrets, provisioned concurrency, container image' });

  // An existing VPC, imported without a lookup (no AWS account needed to synthesize).
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-0a1b2c3d4e5f67890',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    privateSubnetIds: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'],
    privateSubnetRouteTableIds: ['rtb-0a1b2c3d4e5f60001', 'rtb-0a1b2c3d4e5f60002'],
  });
  const dbSecret = secretsmanager.Secret.fromSecretCompleteArn(stack, 'DbSecret',
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:orders/db-AbCdEf');
  const apiKey = ssm.StringParameter.fromSecureStringParameterAttributes(stack, 'ApiKey', {
    parameterName: '/orders/api-key',
  });

  const layer = new FunctionLayer(stack, 'SharedLayer', {
    path: path.join(EXAMPLES, 'layers', 'shared'),
    compatibleRuntimes: [LatestRuntime.NODEJS],
    description: 'Shared Node.js modules of the example',
  });

  new ServerlessFunction(stack, 'Orders', {
    code: FunctionCode.fromAsset(path.join(EXAMPLES, 'handlers', 'orders')),
    memorySize: 512,
    timeout: Duration.seconds(10),
    layers: [layer],
    environment: { TABLE_NAME: 'orders' },
    secrets: {
      DB_SECRET_ARN: FunctionSecret.fromSecretsManager(dbSecret),
      API_KEY_PARAMETER: FunctionSecret.fromSsmParameter(apiKey),
    },
    vpc,
    reservedConcurrentExecutions: 50,
    provisionedConcurrency: {
      minCapacity: 2,
      maxCapacity: 10,
      utilizationTarget: 0.6,
      schedules: [{
        name: 'WeekdayMornings',
        schedule: appscaling.Schedule.cron({ minute: '0', hour: '7', weekDay: 'MON-FRI' }),
        minCapacity: 5,
      }],
    },
  });

  new ServerlessFunction(stack, 'Thumbnailer', {
    code: FunctionCode.fromImageAsset(path.join(EXAMPLES, 'images', 'thumbnailer')),
    memorySize: 2048,
    timeout: Duration.minutes(2),
  });
  return stack;
}

const app = new App();
const env: Environment = {
  account: process.env.CDK_DEFAULT_ACCOUNT ?? '123456789012',
  region: process.env.CDK_DEFAULT_REGION ?? 'us-east-1',
};
coreStack(app, env);
platformStack(app, env);
app.synth();
