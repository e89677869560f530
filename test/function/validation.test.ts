import * as fs from 'fs';
import * as os from 'os';
import { Duration, Lazy, Size, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import {
  AsyncDestination, FunctionCode, FunctionLayer, FunctionSecret, IFunctionLayer, LatestRuntime,
  ServerlessFunction, ServerlessFunctionOptions,
} from '../../src';
import { HANDLER_DIR, testStack } from '../helpers/template';

type Configure = (stack: Stack) => ServerlessFunctionOptions & { code?: FunctionCode };

function build(configure: Configure): Stack {
  const stack = testStack();
  const { code, ...options } = configure(stack);
  new ServerlessFunction(stack, 'Fn', { code: code ?? FunctionCode.fromAsset(HANDLER_DIR), ...options });
  return stack;
}

function layer(stack: Stack, id: string, opts: Partial<IFunctionLayer> = {}): IFunctionLayer {
  return {
    layerVersion: lambda.LayerVersion.fromLayerVersionArn(stack, id, `arn:aws:lambda:us-east-1:123456789012:layer:${id}:1`),
    compatibleArchitectures: [lambda.Architecture.ARM_64],
    ...opts,
  };
}

const privateVpc = (stack: Stack) => ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
  vpcId: 'vpc-1', availabilityZones: ['us-east-1a'], privateSubnetIds: ['subnet-a'], publicSubnetIds: ['subnet-p'],
});
const image = () => FunctionCode.fromImageAsset(`${__dirname}/../fixtures/image`);

/** [rule, failing configuration, expected message fragment, passing boundary configuration] */
const rules: Array<[string, Configure, RegExp, Configure]> = [
  ['LBP_MEMORY_SIZE', () => ({ memorySize: 127 }), /memorySize is 127 MB; it must be a whole number between 128 and 10240 MB/, () => ({ memorySize: 128 })],
  ['LBP_MEMORY_SIZE', () => ({ memorySize: 10_241 }), /between 128 and 10240 MB/, () => ({ memorySize: 10_240 })],
  ['LBP_MEMORY_SIZE', () => ({ memorySize: 512.5 }), /whole number/, () => ({ memorySize: 512 })],
  ['LBP_TIMEOUT', () => ({ timeout: Duration.millis(500) }), /timeout is 0.5 seconds/, () => ({ timeout: Duration.seconds(1) })],
  ['LBP_TIMEOUT', () => ({ timeout: Duration.seconds(901) }), /Lambda allows at most 15 minutes/, () => ({ timeout: Duration.minutes(15) })],
  ['LBP_TIMEOUT', () => ({ timeout: Duration.millis(1500) }), /timeout is 1.5 seconds; it must be a whole number/, () => ({ timeout: Duration.seconds(2) })],
  ['LBP_EPHEMERAL_STORAGE', () => ({ ephemeralStorageSize: Size.mebibytes(511) }), /ephemeralStorageSize is 511 MB/, () => ({ ephemeralStorageSize: Size.mebibytes(512) })],
  ['LBP_EPHEMERAL_STORAGE', () => ({ ephemeralStorageSize: Size.mebibytes(10_241) }), /between 512 and 10240 MB/, () => ({ ephemeralStorageSize: Size.mebibytes(10_240) })],
  ['LBP_DESCRIPTION', () => ({ description: 'x'.repeat(257) }), /257 characters long/, () => ({ description: 'x'.repeat(256) })],
  ['LBP_FUNCTION_NAME', () => ({ functionName: 'a'.repeat(65) }), /1 to 64 characters/, () => ({ functionName: 'a'.repeat(64) })],
  ['LBP_FUNCTION_NAME', () => ({ functionName: 'my function' }), /'my function'/, () => ({ functionName: 'my-function_1' })],
  ['LBP_ENV_KEY', () => ({ environment: { 'bad-key': 'x' } }), /environment key 'bad-key' is not a valid name.*e\.g\. 'BAD_KEY'/, () => ({ environment: { BAD_KEY: 'x' } })],
  ['LBP_ENV_KEY', () => ({ environment: { A: 'x' } }), /environment key 'A'/, () => ({ environment: { AB: 'x' } })],
  ['LBP_ENV_RESERVED', () => ({ environment: { AWS_REGION: 'eu-west-1' } }), /reserved by Lambda/, () => ({ environment: { APP_REGION: 'eu-west-1' } })],
  // Measured as Lambda does: the JSON of the variables, {"BIG":"..."} = 10 bytes + the value.
  ['LBP_ENV_SIZE', () => ({ environment: { BIG: 'x'.repeat(4087) } }), /environment is 4097 bytes.*at most 4096 bytes/, () => ({ environment: { BIG: 'x'.repeat(4086) } })],
  ['LBP_ENV_SIZE', () => ({ environment: { BIG: 'é'.repeat(2044) } }), /4098 bytes/, () => ({ environment: { BIG: 'é'.repeat(2043) } })],
  ['LBP_ENV_DUPLICATE', (s) => ({ environment: { DB: 'x' }, secrets: { DB: FunctionSecret.fromSecretsManager(new secretsmanager.Secret(s, 'S')) } }),
    /secrets\['DB'\] is also set in environment/, (s) => ({ environment: { DB_HOST: 'x' }, secrets: { DB: FunctionSecret.fromSecretsManager(new secretsmanager.Secret(s, 'S')) } })],
  ['LBP_LAYER_COUNT', (s) => ({ layers: [1, 2, 3, 4, 5, 6].map((i) => layer(s, `L${i}`)) }), /6 layers; Lambda allows at most 5/, (s) => ({ layers: [1, 2, 3, 4, 5].map((i) => layer(s, `L${i}`)) })],
  ['LBP_LAYER_ARCHITECTURE', (s) => ({ layers: [layer(s, 'X86', { compatibleArchitectures: [lambda.Architecture.X86_64] })] }),
    /built for x86_64; the function runs on arm64/, (s) => ({ architecture: lambda.Architecture.X86_64, layers: [layer(s, 'X86', { compatibleArchitectures: [lambda.Architecture.X86_64] })] })],
  ['LBP_LAYER_RUNTIME', (s) => ({ layers: [layer(s, 'Py', { compatibleRuntimes: [LatestRuntime.PYTHON] })] }),
    /compatible with python.*the function runs on nodejs/, (s) => ({ runtime: LatestRuntime.PYTHON, layers: [layer(s, 'Py', { compatibleRuntimes: [LatestRuntime.PYTHON] })] })],
  ['LBP_PACKAGE_SIZE', (s) => ({ layers: [layer(s, 'Big', { unzippedSizeBytes: 262_144_000 })] }), /at most 262.1 MB unzipped/, (s) => ({ layers: [layer(s, 'Big', { unzippedSizeBytes: 262_144_000 - 10_000 })] })],
  ['LBP_IMAGE_SETTING', () => ({ code: image(), handler: 'index.handler' }), /handler is set for a container-image function/, () => ({ code: image() })],
  ['LBP_IMAGE_SETTING', () => ({ code: image(), runtime: LatestRuntime.NODEJS }), /runtime is set for a container-image function/, () => ({ code: image(), memorySize: 2048 })],
  ['LBP_LAYER_ON_IMAGE', (s) => ({ code: image(), layers: [layer(s, 'L')] }), /layers is 1 layer\(s\) on a container-image function/, (s) => ({ code: FunctionCode.fromEcrImage(ecr.Repository.fromRepositoryName(s, 'R', 'r')) })],
  ['LBP_RESERVED_CONCURRENCY', () => ({ reservedConcurrentExecutions: 0 }), /0 throttles every invocation/, () => ({ reservedConcurrentExecutions: 1 })],
  ['LBP_RESERVED_CONCURRENCY', () => ({ reservedConcurrentExecutions: -1 }), /reservedConcurrentExecutions is -1/, () => ({ reservedConcurrentExecutions: 1 })],
  ['LBP_PROVISIONED_CONCURRENCY', () => ({ provisionedConcurrency: { minCapacity: 0 } }), /provisionedConcurrency.minCapacity is 0/, () => ({ provisionedConcurrency: { minCapacity: 1 } })],
  ['LBP_PROVISIONED_ABOVE_RESERVED', () => ({ reservedConcurrentExecutions: 5, provisionedConcurrency: { minCapacity: 6 } }),
    /up to 6 executions; provisioned concurrency cannot exceed reservedConcurrentExecutions \(5\).*raise reservedConcurrentExecutions to at least 6/,
    () => ({ reservedConcurrentExecutions: 6, provisionedConcurrency: { minCapacity: 6 } })],
  ['LBP_PROVISIONED_ABOVE_RESERVED', () => ({ reservedConcurrentExecutions: 10, provisionedConcurrency: { minCapacity: 2, maxCapacity: 11 } }), /up to 11 executions/,
    () => ({ reservedConcurrentExecutions: 11, provisionedConcurrency: { minCapacity: 2, maxCapacity: 11 } })],
  ['LBP_AUTOSCALING_CAPACITY', () => ({ provisionedConcurrency: { minCapacity: 5, maxCapacity: 4 } }), /no lower than minCapacity \(5\)/, () => ({ provisionedConcurrency: { minCapacity: 5, maxCapacity: 5 } })],
  ['LBP_AUTOSCALING_TARGET', () => ({ provisionedConcurrency: { minCapacity: 1, maxCapacity: 5, utilizationTarget: 0.95 } }), /utilizationTarget is 0.95/,
    () => ({ provisionedConcurrency: { minCapacity: 1, maxCapacity: 5, utilizationTarget: 0.9 } })],
  ['LBP_RETRY_ATTEMPTS', () => ({ retryAttempts: 3 }), /retryAttempts is 3; it must be a whole number between 0 and 2/, () => ({ retryAttempts: 2 })],
  ['LBP_MAX_EVENT_AGE', () => ({ maxEventAge: Duration.seconds(59) }), /maxEventAge is 59 seconds/, () => ({ maxEventAge: Duration.seconds(60) })],
  ['LBP_MAX_EVENT_AGE', () => ({ maxEventAge: Duration.seconds(21_601) }), /between 60 and 21600 seconds/, () => ({ maxEventAge: Duration.hours(6) })],
  ['LBP_FIFO_DESTINATION', (s) => ({ deadLetterQueue: new sqs.Queue(s, 'Q', { fifo: true }) }), /deadLetterQueue is FIFO queue/, (s) => ({ deadLetterQueue: new sqs.Queue(s, 'Q') })],
  ['LBP_FIFO_DESTINATION', (s) => ({ onFailure: AsyncDestination.queue(new sqs.Queue(s, 'Q', { fifo: true })) }), /onFailure is FIFO queue/, (s) => ({ onFailure: AsyncDestination.queue(new sqs.Queue(s, 'Q')) })],
  ['LBP_FIFO_DESTINATION', (s) => ({ onSuccess: AsyncDestination.topic(new sns.Topic(s, 'T', { fifo: true })) }), /onSuccess is FIFO topic/, (s) => ({ onSuccess: AsyncDestination.topic(new sns.Topic(s, 'T')) })],
  ['LBP_PUBLIC_SUBNET', (s) => ({ vpc: privateVpc(s), vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } }), /vpcSubnets is a selection with public subnets/,
    (s) => ({ vpc: privateVpc(s), vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } })],
  ['LBP_PUBLIC_SUBNET', (s) => ({ vpc: ec2.Vpc.fromVpcAttributes(s, 'Pub', { vpcId: 'v', availabilityZones: ['us-east-1a'], publicSubnetIds: ['p'] }) }),
    /\(no private subnets\)/, (s) => ({ vpc: privateVpc(s) })],
];

describe.each(rules)('%s', (code, failing, message, passing) => {
  test(`rejects ${message.source.slice(0, 60)}`, () => {
    expect(() => build(failing)).toThrow(new RegExp(`\\[${code}\\] TestStack/Fn: `));
    expect(() => build(failing)).toThrow(message);
  });

  test('accepts the boundary', () => {
    const stack = build(passing);
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::Function', 1);
  });
});

describe('validation behaviour', () => {
  test('every problem is reported at once, before anything is created', () => {
    const stack = testStack();
    let error: any;
    try {
      new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR), memorySize: 64, timeout: Duration.minutes(20), retryAttempts: 5 });
    } catch (e) {
      error = e;
    }
    expect(error.name).toBe('BlueprintValidationError');
    expect(error.code).toBe('LBP_MEMORY_SIZE');
    expect(error.constructPath).toBe('TestStack/Fn');
    expect(error.problems.map((p: any) => p.code)).toEqual(['LBP_MEMORY_SIZE', 'LBP_TIMEOUT', 'LBP_RETRY_ATTEMPTS']);
    expect(error.message).toMatch(/^3 problems in TestStack\/Fn:/);
    expect(error.message).toMatch(/Fix: set memorySize to a value from 128 to 10240 MB/);
    // nothing half-made: the failed construct is gone from the tree, and the id can be reused
    expect(stack.node.tryFindChild('Fn')).toBeUndefined();
    expect(stack.node.findAll().filter((c) => c !== stack)).toEqual([]);
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::Function', 1);
  });

  test('unresolved tokens are skipped, never guessed', () => {
    const stack = testStack();
    const lazyNumber = Lazy.number({ produce: () => 64 });
    new ServerlessFunction(stack, 'Fn', {
      code: FunctionCode.fromAsset(HANDLER_DIR),
      memorySize: lazyNumber,
      reservedConcurrentExecutions: Lazy.number({ produce: () => 0 }),
      functionName: Lazy.string({ produce: () => 'not valid!' }),
      environment: { TOKEN_VALUE: Lazy.string({ produce: () => 'x'.repeat(5000) }) },
      provisionedConcurrency: { minCapacity: 2 },
    });
    expect(Template.fromStack(stack).toJSON().Resources).toBeDefined();
  });

  test('a layer larger than 250 MB on its own is refused when it is created', () => {
    // A sparse file makes a large layer without using disk.
    const dir = fs.mkdtempSync(`${os.tmpdir()}/big-layer-`);
    const fd = fs.openSync(`${dir}/blob.bin`, 'w');
    fs.ftruncateSync(fd, 262_144_001);
    fs.closeSync(fd);
    const stack = testStack();
    expect(() => new FunctionLayer(stack, 'Big', { path: dir })).toThrow(/\[LBP_LAYER_SIZE\] TestStack\/Big: path is .*\(262.1 MB unzipped\)/);
    fs.rmSync(dir, { recursive: true });
  });

  test('a layer must name an architecture', () => {
    expect(() => new FunctionLayer(testStack(), 'L', { path: HANDLER_DIR, compatibleArchitectures: [] })).toThrow(/\[LBP_LAYER_ARCHITECTURE\]/);
  });
});

describe('the execution role policy size (checked at synth)', () => {
  const grantTables = (count: number) => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    for (let i = 0; i < count; i++) {
      fn.addToRolePolicy(new iam.PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
        resources: [`arn:aws:dynamodb:us-east-1:123456789012:table/orders-table-number-${i}`],
      }));
    }
    return stack;
  };

  test('a policy over 6144 characters fails synth with LBP_POLICY_SIZE', () => {
    expect(() => Template.fromStack(grantTables(60))).toThrow(/\[LBP_POLICY_SIZE\] TestStack\/Fn\/Role\/Policy: .*at most 6144/);
  });

  test('a policy under the limit synthesizes', () => {
    expect(() => Template.fromStack(grantTables(20))).not.toThrow();
  });
});
