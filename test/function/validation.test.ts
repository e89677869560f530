import * as fs from 'fs';
import * as os from 'os';
import { Duration, Lazy, Size, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
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
const PYTHON_DIR = `${__dirname}/../fixtures/python/orders`;
const securityGroups = (stack: Stack, n: number) => Array.from({ length: n }, (_, i) =>
  ec2.SecurityGroup.fromSecurityGroupId(stack, `Sg${i}`, `sg-0000000${i}`));
/** An imported VPC with `n` private subnets (no public subnet). */
const vpcWithSubnets = (stack: Stack, n: number) => ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
  vpcId: 'vpc-1',
  availabilityZones: ['us-east-1a'],
  privateSubnetIds: Array.from({ length: n }, (_, i) => `subnet-${i}`),
});

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
  // 0 is Lambda's documented way to stop a function: accepted (with a warning, tested below).
  ['LBP_RESERVED_CONCURRENCY', () => ({ reservedConcurrentExecutions: -1 }), /reservedConcurrentExecutions is -1; it must be a whole number of at least 0/, () => ({ reservedConcurrentExecutions: 0 })],
  ['LBP_RESERVED_CONCURRENCY', () => ({ reservedConcurrentExecutions: 1.5 }), /reservedConcurrentExecutions is 1.5/, () => ({ reservedConcurrentExecutions: 1 })],
  ['LBP_PROVISIONED_ABOVE_RESERVED', () => ({ reservedConcurrentExecutions: 0, provisionedConcurrency: { minCapacity: 1 } }),
    /cannot exceed reservedConcurrentExecutions \(0\)/, () => ({ reservedConcurrentExecutions: 1, provisionedConcurrency: { minCapacity: 1 } })],
  ['LBP_VPC_CONFIG', (s) => ({ vpc: privateVpc(s), securityGroups: securityGroups(s, 6) }), /securityGroups is 6 security groups; a function in a VPC has at most 5/,
    (s) => ({ vpc: privateVpc(s), securityGroups: securityGroups(s, 5) })],
  ['LBP_VPC_CONFIG', (s) => ({ vpc: vpcWithSubnets(s, 17) }), /vpcSubnets is a selection of 17 subnets; Lambda attaches a function to at most 16 subnets/,
    (s) => ({ vpc: vpcWithSubnets(s, 16) })],
  ['LBP_CODE_ASSET_NOT_FOUND', () => ({ code: FunctionCode.fromAsset('/no/such/dir') }), /code is FunctionCode.fromAsset\('\/no\/such\/dir'\); a directory or .zip file must exist/,
    () => ({ code: FunctionCode.fromAsset(HANDLER_DIR) })],
  ['LBP_CODE_ASSET_NOT_FOUND', () => ({ code: FunctionCode.fromImageAsset('/no/such/dir') }), /fromImageAsset\('\/no\/such\/dir'\); the directory holding the Dockerfile must exist/, () => ({ code: image() })],
  ['LBP_CODE_ASSET_NOT_FOUND', () => ({ code: FunctionCode.fromImageAsset(HANDLER_DIR) }), /fixtures\/handler\/Dockerfile'\); the Dockerfile \(options.file\) must exist/,
    () => ({ code: FunctionCode.fromImageAsset(HANDLER_DIR, { file: '../image/Dockerfile' }) })],
  ['LBP_HANDLER_FILE', () => ({ handler: 'index' }), /handler is 'index' on nodejs.*<file>.<export>.*Runtime.MalformedHandlerName/, () => ({ handler: 'index.handler' })],
  ['LBP_HANDLER_FILE', () => ({ handler: 'lib/.handler' }), /handler is 'lib\/.handler' on nodejs/, () => ({ handler: 'index.handlers.main' })],
  ['LBP_HANDLER_FILE', () => ({ handler: 'app.handler' }), /handler is 'app.handler'; its module file \(app.js, app.mjs, app.cjs\) is not in the code directory .*fixtures\/handler.*Runtime.ImportModuleError/,
    () => ({ handler: 'index.handler' })],
  ['LBP_HANDLER_FILE', () => ({ runtime: LatestRuntime.PYTHON, code: FunctionCode.fromAsset(PYTHON_DIR), handler: 'orders.handler' }), /\(orders.py, orders\/__init__.py, orders.pyc\) is not in/,
    () => ({ runtime: LatestRuntime.PYTHON, code: FunctionCode.fromAsset(PYTHON_DIR), handler: 'index.handler' })],
  ['LBP_HANDLER_FILE', () => ({ runtime: LatestRuntime.PYTHON, code: FunctionCode.fromAsset(PYTHON_DIR), handler: 'tests.test_index' }), /\(tests.py, tests\/__init__.py, tests.pyc\) is not in/,
    () => ({ runtime: LatestRuntime.PYTHON, code: FunctionCode.fromAsset(PYTHON_DIR), handler: 'tests/test_index.handler' })],
  ['LBP_HANDLER_FILE', () => ({ runtime: lambda.Runtime.RUBY_3_3, handler: 'function' }), /handler is 'function' on ruby3.3.*<file>.<method>/, () => ({ runtime: lambda.Runtime.RUBY_3_3, handler: 'function.handler' })],
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
  ['LBP_MAX_EVENT_AGE', () => ({ maxEventAge: Duration.millis(60_500) }), /maxEventAge is 60.5 seconds/, () => ({ maxEventAge: Duration.millis(61_000) })],
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
  test('reservedConcurrentExecutions 0 (stop every invocation) is accepted with a warning', () => {
    const stack = build(() => ({ reservedConcurrentExecutions: 0 }));
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', { ReservedConcurrentExecutions: 0 });
    Annotations.fromStack(stack).hasWarning('/TestStack/Fn', Match.stringLikeRegexp('reservedConcurrentExecutions is 0: Lambda throttles every invocation.*reservedConcurrencyZero'));
    Annotations.fromStack(build(() => ({ reservedConcurrentExecutions: 1 }))).hasNoWarning('*', Match.stringLikeRegexp('reservedConcurrencyZero'));
  });

  test('a handler in a layer, a bundled asset or a handler path into /opt is not looked for in the directory', () => {
    const layerArn = 'arn:aws:lambda:us-east-1:123456789012:layer:wrapper:1';
    expect(() => build(() => ({ handler: '/opt/nodejs/node_modules/wrapper/handler.handler' }))).not.toThrow();
    expect(() => build((s) => ({
      handler: 'wrapper.handler',
      layers: [{ layerVersion: lambda.LayerVersion.fromLayerVersionArn(s, 'W', layerArn), compatibleArchitectures: [lambda.Architecture.ARM_64] }],
    }))).not.toThrow();
    expect(() => build(() => ({ code: FunctionCode.fromInline('exports.main = async () => ({});'), handler: 'index.main' }))).not.toThrow();
    expect(() => build(() => ({ runtime: lambda.Runtime.JAVA_21, handler: 'example.Handler' }))).not.toThrow();
  });

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
