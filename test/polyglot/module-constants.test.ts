import { Template } from 'aws-cdk-lib/assertions';
import * as lib from '../../src';
import { HANDLER_DIR, testStack } from '../helpers/template';

/**
 * jsii carries classes, interfaces and enums to Python and Java, but not module-level constants: each
 * exported constant needs a static twin on a class, or Python and Java users cannot read it.
 */
const STATIC_TWINS: { [constant: string]: unknown } = {
  LIVE_ALIAS_NAME: lib.ServerlessFunction.LIVE_ALIAS_NAME,
  UNZIPPED_BUDGET_BYTES: lib.FunctionLayer.UNZIPPED_BUDGET_BYTES,
};

test('every exported module constant has a static twin with the same value', () => {
  const constants = Object.entries(lib)
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value));
  expect(constants.map(([name]) => name).sort()).toEqual(Object.keys(STATIC_TWINS).sort());
  for (const [name, value] of constants) {
    expect(STATIC_TWINS[name]).toBe(value);
  }
});

test('the live alias carries the name ServerlessFunction.LIVE_ALIAS_NAME', () => {
  const stack = testStack();
  new lib.ServerlessFunction(stack, 'Fn', { code: lib.FunctionCode.fromAsset(HANDLER_DIR) });
  Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Alias', { Name: lib.ServerlessFunction.LIVE_ALIAS_NAME });
  expect(lib.ServerlessFunction.LIVE_ALIAS_NAME).toBe('live');
  expect(lib.FunctionLayer.UNZIPPED_BUDGET_BYTES).toBe(250 * 1024 * 1024);
});
