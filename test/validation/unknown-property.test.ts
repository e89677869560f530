import { App } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { BlueprintStack, FunctionCode, QueueProcessor, ServerlessFunction } from '../../src';
import { AnnotationIds } from '../../src/validation/annotation-ids';
import { integApps, loadIntegApp, synthesizedExampleApp } from '../helpers/integ-apps';
import { HANDLER_DIR, testStack } from '../helpers/template';

/**
 * A JavaScript or Python caller's property the props interface does not have (a typo) is a coded
 * warning naming the path and the closest property, never silently dropped; and the library's own
 * calls never pass one.
 */

const code = FunctionCode.fromAsset(HANDLER_DIR);

function unknownPropertyWarnings(root: IConstruct): string[] {
  return root.node.findAll().flatMap((c) => c.node.metadata
    .filter((m) => m.type === 'aws:cdk:warning' && String(m.data).includes(AnnotationIds.UNKNOWN_PROPERTY))
    .map((m) => `${c.node.path}: ${String(m.data)}`));
}

afterEach(() => {
  process.exitCode = undefined;
});

test('the library\'s own calls pass no unknown property: every integ app and the example app', () => {
  const found: string[] = unknownPropertyWarnings(synthesizedExampleApp());
  for (const file of integApps()) {
    found.push(...unknownPropertyWarnings(loadIntegApp(file)));
  }
  expect(found).toEqual([]);
}, 600_000);

test('a BlueprintStack hands only its BlueprintsOptions to Blueprints.applyTo (its StackProps are no unknown options)', () => {
  const app = new App();
  const stack = new BlueprintStack(app, 'S', { env: { account: '123456789012', region: 'us-east-1' }, stackName: 'S', description: 'd', dashboard: false });
  new ServerlessFunction(stack, 'Fn', { code });
  expect(unknownPropertyWarnings(app)).toEqual([]);
});

describe('ServerlessFunction', () => {
  test('a top-level unknown property, with the closest known one', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', { code, memorySzie: 512 } as any);
    expect(unknownPropertyWarnings(stack)).toEqual([
      expect.stringMatching(/^TestStack\/Fn: memorySzie is not a property of ServerlessFunctionProps; did you mean memorySize\? It is ignored\. Remove it or rename it to memorySize\. \[ack: cdk-lambda-blueprints:unknownProperty\]$/),
    ]);
  });

  test('a nested unknown property, named by its path', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', { code, alarms: { errors: { threshhold: 2 } } } as any);
    expect(unknownPropertyWarnings(stack)).toEqual([
      expect.stringContaining('alarms.errors.threshhold is not a property of AlarmOptions; did you mean threshold?'),
    ]);
  });

  test('a key that every object inherits (constructor, toString) is still unknown when given as a property', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', { code, ['constructor']: 'x', ['toString']: 'y' } as any);
    expect(unknownPropertyWarnings(stack)).toEqual([
      expect.stringContaining('constructor is not a property of ServerlessFunctionProps'),
      expect.stringContaining('toString is not a property of ServerlessFunctionProps'),
    ]);
  });

  test('a property far from every known one gets no guess', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', { code, colour: 'blue' } as any);
    expect(unknownPropertyWarnings(stack)).toEqual([
      expect.stringContaining('colour is not a property of ServerlessFunctionProps. It is ignored. Remove it.'),
    ]);
  });

  test('known properties, and unknown ones left undefined, warn nothing', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', { code, memorySize: 512, notAProperty: undefined } as any);
    expect(unknownPropertyWarnings(stack)).toEqual([]);
  });
});

describe('a pattern', () => {
  test('a top-level unknown property', () => {
    const stack = testStack();
    new QueueProcessor(stack, 'P', { code, maxReceiveCont: 3 } as any);
    expect(unknownPropertyWarnings(stack)).toEqual([
      expect.stringContaining('TestStack/P: maxReceiveCont is not a property of QueueProcessorProps; did you mean maxReceiveCount?'),
    ]);
  });

  test('a nested unknown property is named once, by the pattern, with the path the user wrote', () => {
    const stack = testStack();
    new QueueProcessor(stack, 'P', { code, functionOptions: { memorySzie: 512 }, triggerOptions: { batchSzie: 5 } } as any);
    expect(unknownPropertyWarnings(stack)).toEqual([
      expect.stringContaining('TestStack/P: functionOptions.memorySzie is not a property of ServerlessFunctionOptions; did you mean memorySize?'),
      expect.stringContaining('TestStack/P: triggerOptions.batchSzie is not a property of SqsTriggerOptions; did you mean batchSize?'),
    ]);
  });
});
