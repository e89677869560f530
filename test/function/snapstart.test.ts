import * as path from 'path';
import { Size } from 'aws-cdk-lib';
import { Annotations, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { FunctionCode, ServerlessFunction, ServerlessFunctionProps } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

/** The example Java handler (consumers/java/handler), built by Maven and committed: jest needs no Maven. */
const JAR = path.join(__dirname, '..', '..', 'examples', 'handlers', 'java-orders', 'orders-handler.jar');
const IMAGE_DIR = path.join(__dirname, '..', 'fixtures', 'image');
const PYTHON_DIR = path.join(__dirname, '..', 'fixtures', 'python', 'orders');

function javaFunction(extra: Partial<ServerlessFunctionProps> = {}): ServerlessFunctionProps {
  return {
    code: FunctionCode.fromAsset(JAR),
    runtime: lambda.Runtime.JAVA_21,
    handler: 'example.OrdersHandler::handleRequest',
    snapStart: true,
    ...extra,
  };
}

function errorOf(props: ServerlessFunctionProps): string {
  const stack = testStack();
  try {
    new ServerlessFunction(stack, 'Fn', props);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a validation error');
}

describe('snapStart', () => {
  test('a Java 21 function from a jar: SnapStart on published versions, and the live alias on the published version', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Orders', javaFunction());
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'java21',
      Handler: 'example.OrdersHandler::handleRequest',
      Architectures: ['arm64'],
      SnapStart: { ApplyOn: 'PublishedVersions' },
    });
    const versions = template.findResources('AWS::Lambda::Version');
    expect(Object.keys(versions)).toHaveLength(1);
    template.hasResourceProperties('AWS::Lambda::Alias', {
      Name: 'live',
      FunctionVersion: { 'Fn::GetAtt': [Object.keys(versions)[0], 'Version'] },
    });
    // The jar is uploaded as it is (a file asset), and its size counts against the 250 MB budget.
    expect(fn.alias.aliasName).toBe('live');
    // aws-cdk-lib's "publish a version" warning is acknowledged: the library always publishes one.
    Annotations.fromStack(stack).hasNoWarning('*', '*');
  });

  test('each supported family: Java 11+, Python 3.12+, .NET 8+', () => {
    const { JAVA_11, JAVA_17, PYTHON_3_12, PYTHON_3_13, DOTNET_8 } = lambda.Runtime;
    const runtimes = [JAVA_11, JAVA_17, PYTHON_3_12, PYTHON_3_13, DOTNET_8];
    for (const runtime of runtimes) {
      const stack = testStack();
      new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(runtime.family === lambda.RuntimeFamily.PYTHON ? PYTHON_DIR : HANDLER_DIR), runtime, snapStart: true });
      Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
        Runtime: runtime.name, SnapStart: { ApplyOn: 'PublishedVersions' },
      });
    }
  });

  test('off by default', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(JAR), runtime: lambda.Runtime.JAVA_21 });
    const fn = Object.values<any>(Template.fromStack(stack).findResources('AWS::Lambda::Function'))[0];
    expect(fn.Properties.SnapStart).toBeUndefined();
  });

  test('passes the five cdk-nag packs (x86_64 too)', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Arm', javaFunction({ runtime: lambda.Runtime.JAVA_25 }));
    new ServerlessFunction(stack, 'X86', javaFunction({ runtime: lambda.Runtime.JAVA_25, architecture: lambda.Architecture.X86_64 }));
    expect(nagFindings(stack)).toEqual([]);
  });

  test('refused on runtimes without SnapStart: Node.js, Python 3.11, Java 8 (LBP_SNAPSTART_RUNTIME)', () => {
    expect(errorOf({ code: FunctionCode.fromAsset(HANDLER_DIR), snapStart: true })).toMatch(/\[LBP_SNAPSTART_RUNTIME\] TestStack\/Fn: snapStart is true on nodejs/);
    expect(errorOf({ code: FunctionCode.fromAsset(HANDLER_DIR), runtime: lambda.Runtime.PYTHON_3_11, snapStart: true })).toContain('[LBP_SNAPSTART_RUNTIME]');
    expect(errorOf(javaFunction({ runtime: lambda.Runtime.JAVA_8_CORRETTO }))).toContain('Java 11+, Python 3.12+ and .NET 8+');
  });

  test('on a container image, decided by the installed aws-cdk-lib: 2.257 refuses it, so LBP_SNAPSTART_IMAGE names the version needed', () => {
    // The installed lambda.Function decides (scripts/newest-cdk.sh checks the newest aws-cdk-lib, which accepts it).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const installed = require('aws-cdk-lib/package.json').version as string;
    let cdkAccepts = true;
    try {
      new lambda.Function(testStack('Probe'), 'F', {
        code: lambda.Code.fromAssetImage(IMAGE_DIR),
        handler: lambda.Handler.FROM_IMAGE,
        runtime: lambda.Runtime.FROM_IMAGE,
        snapStart: lambda.SnapStartConf.ON_PUBLISHED_VERSIONS,
      });
    } catch {
      cdkAccepts = false;
    }
    expect(cdkAccepts).toBe(false); // aws-cdk-lib 2.257.0, the development version
    expect(errorOf({ code: FunctionCode.fromImageAsset(IMAGE_DIR), snapStart: true })).toMatch(
      new RegExp(`\\[LBP_SNAPSTART_IMAGE\\] TestStack/Fn: snapStart is true on a container-image function with aws-cdk-lib ${installed.replace(/\./g, '\\.')};.*aws-cdk-lib 2\\.267\\.0 or newer accepts it.*Fix: upgrade aws-cdk-lib to 2\\.267\\.0 or newer`));
  });

  test('the aws-cdk-lib check leaves nothing in the app', () => {
    const stack = testStack();
    expect(() => new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromImageAsset(IMAGE_DIR), snapStart: true })).toThrow(/LBP_SNAPSTART_IMAGE/);
    expect(stack.node.root.node.findAll().map((c) => c.node.path).filter((p) => p.includes('Probe'))).toEqual([]);
  });

  test('refused with provisioned concurrency (LBP_SNAPSTART_PROVISIONED_CONCURRENCY)', () => {
    expect(errorOf(javaFunction({ provisionedConcurrency: { minCapacity: 1 } }))).toContain('[LBP_SNAPSTART_PROVISIONED_CONCURRENCY]');
  });

  test('ephemeral storage: 512 MB accepted, 513 MB refused (LBP_SNAPSTART_EPHEMERAL_STORAGE)', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', javaFunction({ ephemeralStorageSize: Size.mebibytes(512) }));
    expect(errorOf(javaFunction({ ephemeralStorageSize: Size.mebibytes(513) }))).toMatch(/\[LBP_SNAPSTART_EPHEMERAL_STORAGE\].*513 MB.*at most 512 MB/);
  });

  test('every problem at once, before anything is created', () => {
    const message = errorOf({
      code: FunctionCode.fromAsset(HANDLER_DIR),
      snapStart: true,
      provisionedConcurrency: { minCapacity: 1 },
      ephemeralStorageSize: Size.gibibytes(1),
    });
    expect(message).toMatch(/^3 problems in TestStack\/Fn/);
    for (const code of ['LBP_SNAPSTART_RUNTIME', 'LBP_SNAPSTART_PROVISIONED_CONCURRENCY', 'LBP_SNAPSTART_EPHEMERAL_STORAGE']) {
      expect(message).toContain(code);
    }
  });
});
