import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ErrorCodes } from '../../../validation/error-codes';
import { Validator } from '../../../validation/validator';
import { ServerlessFunctionOptions } from '../../serverless-function-props';

const RECURSION_PAGE = 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-recursion.html';

/**
 * `recursiveLoop: ALLOW` comes with a reason, and a reason only with ALLOW (a reason on a terminated loop
 * would say something untrue).
 *
 * @internal
 */
export function validateRecursiveLoop(v: Validator, props: ServerlessFunctionOptions): void {
  const allow = props.recursiveLoop === lambda.RecursiveLoop.ALLOW;
  const reason = props.recursiveLoopAllowedReason;
  if (allow) {
    v.failIf(reason === undefined || reason.trim() === '', {
      code: ErrorCodes.LBP_RECURSIVE_LOOP_REASON,
      property: 'recursiveLoop',
      value: 'ALLOW without recursiveLoopAllowedReason',
      limit: `allowing a recursive loop turns off Lambda's loop detection for this function, which otherwise stops a runaway loop (${RECURSION_PAGE}); the library asks why`,
      fix: 'set recursiveLoopAllowedReason to why the loop is intended and bounded, or remove recursiveLoop (TERMINATE)',
    });
  } else {
    v.failIf(reason !== undefined, {
      code: ErrorCodes.LBP_RECURSIVE_LOOP_REASON,
      property: 'recursiveLoopAllowedReason',
      value: `set while recursiveLoop is ${props.recursiveLoop ?? 'TERMINATE (the default)'}`,
      limit: 'a reason is only meaningful with recursiveLoop ALLOW',
      fix: 'set recursiveLoop: RecursiveLoop.ALLOW, or remove recursiveLoopAllowedReason',
    });
  }
}
