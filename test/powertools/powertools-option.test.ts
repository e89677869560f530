import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  EnhancedMonitoring, FunctionCode, IdempotencyTable, IFunctionLayer, LatestRuntime, ScheduledJob, ServerlessFunction, ServerlessFunctionProps,
  TriggerSchedule,
} from '../../src';
import { nagFindings } from '../helpers/nag';
import { withNewerRuntime } from '../helpers/newer-runtime';
import { HANDLER_DIR, testStack } from '../helpers/template';

const PYTHON_DIR = `${__dirname}/../fixtures/python/orders`;

function stackIn(region?: string): Stack {
  const app = new App();
  return new Stack(app, 'TestStack', region ? { env: { account: '123456789012', region } } : {});
}

function fn(stack: Stack, props: Partial<ServerlessFunctionProps> = {}): ServerlessFunction {
  return new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR), ...props });
}

function functionProps(stack: Stack): any {
  const fns = Template.fromStack(stack).findResources('AWS::Lambda::Function');
  return Object.values<any>(fns)[0].Properties;
}

function layers(stack: Stack, n: number): IFunctionLayer[] {
  return Array.from({ length: n }, (_, i) => ({
    layerVersion: lambda.LayerVersion.fromLayerVersionArn(stack, `L${i}`, `arn:aws:lambda:us-east-1:123456789012:layer:l${i}:1`),
  }));
}

function expectCode(build: () => unknown, code: string, message?: RegExp): void {
  expect(build).toThrow(new RegExp(`\\[${code}\\]`));
  if (message) {
    expect(build).toThrow(message);
  }
}

describe('powertools on a Node.js function', () => {
  test('sets the service name and namespace, never POWERTOOLS_LOG_LEVEL, and adds the pinned TypeScript layer', () => {
    const stack = testStack();
    const f = fn(stack, { powertools: { serviceName: 'orders', metricsNamespace: 'Shop' } });
    const p = functionProps(stack);
    expect(p.Environment.Variables).toEqual({ POWERTOOLS_SERVICE_NAME: 'orders', POWERTOOLS_METRICS_NAMESPACE: 'Shop' });
    expect(p.LoggingConfig.ApplicationLogLevel).toBe('INFO');
    expect(p.Layers).toEqual(['arn:aws:lambda:us-east-1:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:48']);
    expect(f.powertoolsLayer?.layerVersionArn).toBe('arn:aws:lambda:us-east-1:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:48');
  });

  test('the same layer on both architectures', () => {
    for (const architecture of [lambda.Architecture.ARM_64, lambda.Architecture.X86_64]) {
      const stack = testStack();
      fn(stack, { architecture, powertools: {} });
      expect(functionProps(stack).Layers).toEqual(['arn:aws:lambda:us-east-1:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:48']);
    }
  });

  test('defaults: the service name is the functionName, else the construct id; the namespace is the service name', () => {
    const named = testStack();
    fn(named, { functionName: 'orders-api', powertools: {} });
    expect(functionProps(named).Environment.Variables).toEqual({ POWERTOOLS_SERVICE_NAME: 'orders-api', POWERTOOLS_METRICS_NAMESPACE: 'orders-api' });
    const unnamed = testStack();
    fn(unnamed, { powertools: {} });
    expect(functionProps(unnamed).Environment.Variables).toEqual({ POWERTOOLS_SERVICE_NAME: 'Fn', POWERTOOLS_METRICS_NAMESPACE: 'Fn' });
  });

  test('the log level is the function\'s applicationLogLevel (AWS_LAMBDA_LOG_LEVEL, which Powertools reads first)', () => {
    const stack = testStack();
    fn(stack, { applicationLogLevel: lambda.ApplicationLogLevel.WARN, powertools: {} });
    const p = functionProps(stack);
    expect(p.LoggingConfig.ApplicationLogLevel).toBe('WARN');
    expect(Object.keys(p.Environment.Variables)).not.toContain('POWERTOOLS_LOG_LEVEL');
  });

  test('the Region\'s own version where the page pins another (me-central-1: 45), GovCloud and China accounts', () => {
    const cases: Array<[string, string]> = [
      ['me-central-1', 'arn:aws:lambda:me-central-1:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:45'],
      ['me-south-1', 'arn:aws:lambda:me-south-1:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:46'],
      ['us-gov-west-1', 'arn:aws-us-gov:lambda:us-gov-west-1:165093116878:layer:AWSLambdaPowertoolsTypeScriptV2:48'],
      ['us-gov-east-1', 'arn:aws-us-gov:lambda:us-gov-east-1:165087284144:layer:AWSLambdaPowertoolsTypeScriptV2:48'],
      ['cn-north-1', 'arn:aws-cn:lambda:cn-north-1:498634801083:layer:AWSLambdaPowertoolsTypeScriptV2:48'],
    ];
    for (const [region, arn] of cases) {
      const stack = stackIn(region);
      fn(stack, { powertools: {} });
      expect(functionProps(stack).Layers).toEqual([arn]);
    }
  });

  test('an environment-agnostic stack gets the commercial ARN with AWS::Region', () => {
    const stack = stackIn();
    fn(stack, { powertools: {} });
    expect(functionProps(stack).Layers).toEqual([{
      'Fn::Join': ['', ['arn:aws:lambda:', { Ref: 'AWS::Region' }, ':094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:48']],
    }]);
  });

  test('layerVersion overrides the pinned version, from 1 to the pinned one', () => {
    for (const layerVersion of [1, 48]) {
      const stack = testStack();
      fn(stack, { powertools: { layerVersion } });
      expect(functionProps(stack).Layers).toEqual([`arn:aws:lambda:us-east-1:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:${layerVersion}`]);
    }
    const paused = stackIn('me-central-1');
    fn(paused, { powertools: { layerVersion: 45 } });
    expect(functionProps(paused).Layers).toEqual(['arn:aws:lambda:me-central-1:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:45']);
  });

  test('layer: false sets the environment only', () => {
    const stack = testStack();
    const f = fn(stack, { powertools: { layer: false, serviceName: 'orders' } });
    expect(functionProps(stack).Layers).toBeUndefined();
    expect(f.powertoolsLayer).toBeUndefined();
    expect(functionProps(stack).Environment.Variables.POWERTOOLS_SERVICE_NAME).toBe('orders');
  });

  test('off by default: no variable, no layer', () => {
    const stack = testStack();
    const f = fn(stack);
    expect(functionProps(stack).Layers).toBeUndefined();
    expect(functionProps(stack).Environment).toBeUndefined();
    expect(f.powertoolsLayer).toBeUndefined();
  });

  test('the Powertools layer comes first, your layers after it', () => {
    const stack = testStack();
    fn(stack, { powertools: {}, layers: layers(stack, 4) });
    const l = functionProps(stack).Layers;
    expect(l).toHaveLength(5);
    expect(l[0]).toContain('AWSLambdaPowertoolsTypeScriptV2');
  });
});

describe('powertools on a Python function', () => {
  test.each([
    [lambda.Runtime.PYTHON_3_13, lambda.Architecture.X86_64, 'AWSLambdaPowertoolsPythonV3-python313-x86_64:27'],
    [lambda.Runtime.PYTHON_3_12, lambda.Architecture.ARM_64, 'AWSLambdaPowertoolsPythonV3-python312-arm64:27'],
    [lambda.Runtime.PYTHON_3_14, lambda.Architecture.ARM_64, 'AWSLambdaPowertoolsPythonV3-python314-arm64:27'],
  ])('%s on %s gets %s', (runtime, architecture, layer) => {
    const stack = testStack();
    fn(stack, { code: FunctionCode.fromAsset(PYTHON_DIR), handler: 'index.handler', runtime, architecture, powertools: {} });
    expect(functionProps(stack).Layers).toEqual([`arn:aws:lambda:us-east-1:017000801446:layer:${layer}`]);
  });

  test('x86_64 in ca-west-1 (listed), arm64 there refused (the arm64 table lists no ca-west-1)', () => {
    const x86 = stackIn('ca-west-1');
    fn(x86, {
      code: FunctionCode.fromAsset(PYTHON_DIR), runtime: lambda.Runtime.PYTHON_3_13, architecture: lambda.Architecture.X86_64, powertools: {},
    });
    expect(functionProps(x86).Layers).toEqual(['arn:aws:lambda:ca-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python313-x86_64:27']);
    expectCode(() => fn(stackIn('ca-west-1'), {
      code: FunctionCode.fromAsset(PYTHON_DIR), runtime: lambda.Runtime.PYTHON_3_13, architecture: lambda.Architecture.ARM_64, powertools: {},
    }), 'LBP_POWERTOOLS_REGION', /python313-arm64/);
  });
});

describe('powertools checks (LBP_POWERTOOLS_*)', () => {
  test('no layer for Java, .NET or Ruby: refused unless layer is false', () => {
    for (const runtime of [lambda.Runtime.JAVA_21, lambda.Runtime.DOTNET_8, lambda.Runtime.RUBY_3_3]) {
      expectCode(() => fn(testStack(), { runtime, handler: 'a.b', powertools: {} }), 'LBP_POWERTOOLS_RUNTIME', /Node\.js \(TypeScript\) and Python only/);
      const stack = testStack();
      fn(stack, { runtime, handler: 'a.b', powertools: { layer: false, serviceName: 'billing' } });
      expect(functionProps(stack).Environment.Variables.POWERTOOLS_SERVICE_NAME).toBe('billing');
      expect(functionProps(stack).Layers).toBeUndefined();
    }
  });

  test('a Python version the pages list no layer for is refused', () => {
    const python38 = lambda.Runtime.ALL.find((r) => r.name === 'python3.8') ?? new lambda.Runtime('python3.8', lambda.RuntimeFamily.PYTHON);
    expectCode(() => fn(testStack(), { code: FunctionCode.fromAsset(PYTHON_DIR), runtime: python38, powertools: {} }),
      'LBP_POWERTOOLS_RUNTIME', /Python 3\.9, 3\.10, 3\.11, 3\.12, 3\.13, 3\.14 only, not python3\.8/);
  });

  test('a container image takes no layer: refused unless layer is false', () => {
    const image = () => FunctionCode.fromImageAsset(`${__dirname}/../fixtures/image`);
    expectCode(() => fn(testStack(), { code: image(), powertools: {} }), 'LBP_POWERTOOLS_RUNTIME', /container-image/);
    const stack = testStack();
    fn(stack, { code: image(), powertools: { layer: false } });
    expect(functionProps(stack).Environment.Variables.POWERTOOLS_SERVICE_NAME).toBe('Fn');
  });

  test('a Region the page lists no layer in is refused (when the Region is known)', () => {
    expectCode(() => fn(stackIn('ap-east-2'), { powertools: {} }), 'LBP_POWERTOOLS_REGION', /AWSLambdaPowertoolsTypeScriptV2 \(arm64\) in ap-east-2/);
    const stack = stackIn('ap-east-2');
    fn(stack, { powertools: { layer: false } });
    expect(functionProps(stack).Layers).toBeUndefined();
  });

  test('layerVersion: a whole number from 1 to the pinned version of the Region', () => {
    for (const layerVersion of [0, -1, 1.5]) {
      expectCode(() => fn(testStack(), { powertools: { layerVersion } }), 'LBP_POWERTOOLS_LAYER_VERSION', /whole number from 1/);
    }
    expectCode(() => fn(testStack(), { powertools: { layerVersion: 49 } }), 'LBP_POWERTOOLS_LAYER_VERSION', /newest version of AWSLambdaPowertoolsTypeScriptV2 this library knows here is 48/);
    expectCode(() => fn(stackIn('me-central-1'), { powertools: { layerVersion: 46 } }), 'LBP_POWERTOOLS_LAYER_VERSION', /is 45/);
    expectCode(() => fn(testStack(), {
      code: FunctionCode.fromAsset(PYTHON_DIR), runtime: lambda.Runtime.PYTHON_3_13, powertools: { layerVersion: 28 },
    }), 'LBP_POWERTOOLS_LAYER_VERSION', /is 27/);
  });

  test('a newer Python aws-cdk-lib knows but the layer does not: python3.14 with the layer is acknowledged, python3.13 reported', () => {
    withNewerRuntime('python3.15', lambda.RuntimeFamily.PYTHON, () => {
      const stack = testStack();
      const python = (runtime: lambda.Runtime, powertools?: object): Partial<ServerlessFunctionProps> => ({
        code: FunctionCode.fromAsset(PYTHON_DIR), runtime, ...(powertools ? { powertools } : {}),
      });
      new ServerlessFunction(stack, 'Newest', python(lambda.Runtime.PYTHON_3_14, {}) as ServerlessFunctionProps);
      new ServerlessFunction(stack, 'Older', python(lambda.Runtime.PYTHON_3_13, {}) as ServerlessFunctionProps);
      new ServerlessFunction(stack, 'NoLayer', python(lambda.Runtime.PYTHON_3_14, { layer: false }) as ServerlessFunctionProps);
      const rules = (name: string) => nagFindings(stack).filter((f) => f.path.startsWith(`TestStack/${name}/`)).map((f) => f.rule).sort();
      expect(rules('Newest')).toEqual([]);
      expect(rules('Older')).toEqual(['AwsSolutions-L1', 'Serverless-LambdaLatestVersion']);
      expect(rules('NoLayer')).toEqual(['AwsSolutions-L1', 'Serverless-LambdaLatestVersion']);
    });
  });

  test('the Powertools layer counts in the 5-layer limit', () => {
    const four = testStack();
    fn(four, { powertools: {}, layers: layers(four, 4) });
    expect(functionProps(four).Layers).toHaveLength(5);
    const five = testStack();
    const fiveLayers = layers(five, 5);
    expectCode(() => fn(five, { powertools: {}, layers: fiveLayers }), 'LBP_LAYER_COUNT', /6 layers \(5 in layers, 1 of powertools\)/);
    const fiveWithout = testStack();
    fn(fiveWithout, { powertools: { layer: false }, layers: layers(fiveWithout, 5) });
    expect(functionProps(fiveWithout).Layers).toHaveLength(5);
    // With enhancedMonitoring too: both library layers count.
    const three = testStack();
    fn(three, { powertools: {}, enhancedMonitoring: EnhancedMonitoring.LAMBDA_INSIGHTS, layers: layers(three, 3) });
    expect(functionProps(three).Layers).toHaveLength(5);
    const four2 = testStack();
    const fourLayers = layers(four2, 4);
    expectCode(() => fn(four2, { powertools: {}, enhancedMonitoring: EnhancedMonitoring.LAMBDA_INSIGHTS, layers: fourLayers }),
      'LBP_LAYER_COUNT', /6 layers \(4 in layers, 1 of powertools, 1 of enhancedMonitoring\)/);
  });

  test('conflicting explicit POWERTOOLS_* variables are refused; without powertools they are yours', () => {
    for (const name of ['POWERTOOLS_SERVICE_NAME', 'POWERTOOLS_METRICS_NAMESPACE', 'POWERTOOLS_LOG_LEVEL']) {
      expectCode(() => fn(testStack(), { environment: { [name]: 'x' }, powertools: {} }), 'LBP_POWERTOOLS_ENVIRONMENT', new RegExp(`environment\\.${name}`));
      const stack = testStack();
      fn(stack, { environment: { [name]: 'x' } });
      expect(functionProps(stack).Environment.Variables[name]).toBe('x');
    }
    // Other Powertools variables (e.g. POWERTOOLS_LOGGER_LOG_EVENT) are the user's to set.
    const stack = testStack();
    fn(stack, { environment: { POWERTOOLS_LOGGER_LOG_EVENT: 'true' }, powertools: {} });
    expect(functionProps(stack).Environment.Variables.POWERTOOLS_LOGGER_LOG_EVENT).toBe('true');
  });

  test('IDEMPOTENCY_TABLE_NAME is refused beside an idempotency table, and free without one', () => {
    const stack = testStack();
    const table = new IdempotencyTable(stack, 'Idem');
    expectCode(() => fn(stack, { environment: { IDEMPOTENCY_TABLE_NAME: 't' }, powertools: { idempotencyTable: table } }),
      'LBP_POWERTOOLS_ENVIRONMENT', /powertools\.idempotencyTable names the table/);
    const free = testStack();
    fn(free, { environment: { IDEMPOTENCY_TABLE_NAME: 't' }, powertools: {} });
    expect(functionProps(free).Environment.Variables.IDEMPOTENCY_TABLE_NAME).toBe('t');
  });

  test('an empty service name or namespace is refused', () => {
    expectCode(() => fn(testStack(), { powertools: { serviceName: ' ' } }), 'LBP_POWERTOOLS_ENVIRONMENT', /powertools\.serviceName/);
    expectCode(() => fn(testStack(), { powertools: { metricsNamespace: '' } }), 'LBP_POWERTOOLS_ENVIRONMENT', /powertools\.metricsNamespace/);
  });

  test('the Powertools variables count in the 4 KB environment budget', () => {
    const filler = (n: number) => ({ FILLER: 'x'.repeat(n) });
    // {"FILLER":"<n>"} is n + 13 bytes; the two Powertools variables with "svc" add 69.
    const fits = testStack();
    fn(fits, { environment: filler(4096 - 13 - 69), powertools: { serviceName: 'svc' } });
    expectCode(() => fn(testStack(), { environment: filler(4096 - 13 - 68), powertools: { serviceName: 'svc' } }), 'LBP_ENV_SIZE', /with the Powertools variables/);
  });

  test('a refused function leaves nothing behind', () => {
    const stack = testStack();
    expect(() => fn(stack, { powertools: { layerVersion: 99 } })).toThrow(/LBP_POWERTOOLS_LAYER_VERSION/);
    expect(stack.node.tryFindChild('Fn')).toBeUndefined();
  });
});

describe('powertools with an idempotency table', () => {
  test('grants the four item actions and the key, and names the table in IDEMPOTENCY_TABLE_NAME', () => {
    const stack = testStack();
    const table = new IdempotencyTable(stack, 'Idem');
    fn(stack, { powertools: { idempotencyTable: table } });
    const t = Template.fromStack(stack);
    const tableId = stack.getLogicalId(table.table.node.defaultChild as any);
    expect(functionProps(stack).Environment.Variables.IDEMPOTENCY_TABLE_NAME).toEqual({ Ref: tableId });
    const statements = Object.values<any>(t.findResources('AWS::IAM::ManagedPolicy'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((s) => JSON.stringify(s.Resource).includes('Idem'));
    expect(statements.map((s) => [...s.Action].sort()).sort()).toEqual([
      ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
    ]);
  });

  test('clean under the five cdk-nag packs', () => {
    const stack = testStack();
    const table = new IdempotencyTable(stack, 'Idem');
    fn(stack, { powertools: { serviceName: 'orders', idempotencyTable: table } });
    new ServerlessFunction(stack, 'Py', {
      code: FunctionCode.fromAsset(PYTHON_DIR),
      runtime: LatestRuntime.PYTHON,
      architecture: lambda.Architecture.X86_64,
      powertools: { idempotencyTable: table },
    });
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('powertools in a pattern\'s functionOptions', () => {
  test('wires the pattern\'s function, and its checks name functionOptions.*', () => {
    const stack = testStack();
    const job = new ScheduledJob(stack, 'Job', {
      code: FunctionCode.fromAsset(HANDLER_DIR),
      schedule: TriggerSchedule.rate(Duration.hours(1)),
      functionOptions: { powertools: { serviceName: 'cleanup' } },
    });
    expect(job.function.powertoolsLayer).toBeDefined();
    expect(functionProps(stack).Environment.Variables.POWERTOOLS_SERVICE_NAME).toBe('cleanup');
    expectCode(() => new ScheduledJob(testStack(), 'Job', {
      code: FunctionCode.fromAsset(HANDLER_DIR),
      schedule: TriggerSchedule.rate(Duration.hours(1)),
      functionOptions: { environment: { POWERTOOLS_LOG_LEVEL: 'DEBUG' }, powertools: {} },
    }), 'LBP_POWERTOOLS_ENVIRONMENT', /functionOptions\.environment\.POWERTOOLS_LOG_LEVEL/);
  });
});
