import * as fs from 'fs';
import * as path from 'path';
import { GENERATED_FILE, generatePropShapes } from '../../projenrc/prop-shapes';
import * as library from '../../src';
import { FUNCTION_OPTIONS_SHAPE, FUNCTION_PROPS_SHAPE } from '../../src/function/validate-function';
import { SQS_TRIGGER_SHAPE } from '../../src/triggers/private/option-shapes';
import { PROP_SHAPE_NAMES, PROP_SHAPES } from '../../src/validation/prop-shapes.generated';

const ROOT = path.join(__dirname, '..', '..');

test('the committed prop shapes are those the current .jsii gives (else: compile, then run npx projen prop-shapes)', async () => {
  if (!fs.existsSync(path.join(ROOT, '.jsii'))) {
    throw new Error('no .jsii: compile first (npx projen compile)');
  }
  const generated = await generatePropShapes(ROOT, library);
  const committed = fs.readFileSync(GENERATED_FILE, 'utf8');
  if (generated !== committed) {
    throw new Error(`${path.relative(ROOT, GENERATED_FILE)} is stale: run npx projen prop-shapes (after npx projen compile)`);
  }
}, 180_000);

test('the checked tables are the generated ones, and each knows its struct name', () => {
  expect(FUNCTION_OPTIONS_SHAPE).toBe(PROP_SHAPES.ServerlessFunctionOptions);
  expect(FUNCTION_PROPS_SHAPE).toBe(PROP_SHAPES.ServerlessFunctionProps);
  expect(SQS_TRIGGER_SHAPE).toBe(PROP_SHAPES.SqsTriggerOptions);
  expect(PROP_SHAPE_NAMES.get(PROP_SHAPES.QueueProcessorProps)).toBe('QueueProcessorProps');
});

test('the mapping from jsii types: required keys, Duration, Size, enums, numeric enums, maps, lists, nested structs, constructs', () => {
  const fn = PROP_SHAPES.ServerlessFunctionProps;
  expect(fn['code!']).toBe('object');
  expect(fn.timeout).toBe('duration');
  expect(fn.ephemeralStorageSize).toBe('size');
  expect(fn.tracing).toEqual({ oneOf: ['Active', 'PassThrough', 'Disabled'] });
  expect(fn.logRetention).toBe('number'); // logs.RetentionDays is a number at run time
  expect(fn.environment).toBe('stringMap');
  expect(fn.securityGroups).toEqual({ arrayOf: 'construct' });
  expect(fn.alarms).toEqual({ shape: PROP_SHAPES.FunctionAlarmsOptions });
  expect(fn.vpc).toBe('construct');
  expect(fn.runtime).toBe('object'); // a class, not a construct
  // LambdaDeploymentConfig.ALL_AT_ONCE is typed a construct but is not one (reading its node throws).
  expect(PROP_SHAPES.DeploymentOptions.config).toBe('object');
  // The one struct of aws-cdk-lib the library checks field by field.
  expect(PROP_SHAPES.FunctionUrlTriggerOptions.cors).toEqual({ shape: PROP_SHAPES.FunctionUrlCorsOptions });
});
