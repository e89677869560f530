import { Match } from 'aws-cdk-lib/assertions';
import { Stack } from 'aws-cdk-lib';
import { FunctionCode, ServerlessFunction, ServerlessFunctionOptions } from '../../src';
import { HANDLER_DIR } from '../helpers/template';

/** A ServerlessFunction with the test handler. */
export function testFunction(stack: Stack, options: ServerlessFunctionOptions = {}, id = 'Fn'): ServerlessFunction {
  return new ServerlessFunction(stack, id, { code: FunctionCode.fromAsset(HANDLER_DIR), ...options });
}

/** How a template refers to the function's `live` alias by name (ESMs and subscriptions). */
export const LIVE_ALIAS_NAME_REF = { 'Fn::Join': ['', [Match.anyValue(), ':live']] };
