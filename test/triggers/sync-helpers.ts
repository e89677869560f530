import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { FunctionCode, ServerlessFunction, ServerlessFunctionOptions } from '../../src';
import { HANDLER_DIR, testStack } from '../helpers/template';

/** A stack with one ServerlessFunction named `Fn`. */
export function functionStack(options: ServerlessFunctionOptions = {}): { stack: Stack; fn: ServerlessFunction } {
  const stack = testStack();
  const fn = new ServerlessFunction(stack, 'Fn', { ...options, code: FunctionCode.fromAsset(HANDLER_DIR) });
  return { stack, fn };
}

/** The logical id of the resource at `path` (construct path below the stack). */
export function logicalId(stack: Stack, path: string): string {
  const child = stack.node.findChild(path.split('/')[0]);
  let node = child;
  for (const part of path.split('/').slice(1)) {
    node = node.node.findChild(part);
  }
  const cfn = (node.node.defaultChild ?? node) as any;
  return stack.resolve(cfn.logicalId);
}

/** The template of a stack. */
export function template(stack: Stack): Template {
  return Template.fromStack(stack);
}
