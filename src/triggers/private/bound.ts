import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { BlueprintValidationError } from '../../validation/blueprint-error';
import { ErrorCodes } from '../../validation/error-codes';
import { placeNamed } from '../../validation/place';
import { checkType } from '../../validation/prop-types';
import { Validator } from '../../validation/validator';

/**
 * The resources a trigger created, or a clear error when it was not added to a function yet (the
 * trigger's resource properties are readable once `ServerlessFunction.addTrigger` bound it).
 *
 * @internal
 */
export function requireBound<T>(bound: T | undefined, trigger: string, property: string): T {
  if (bound === undefined) {
    throw new Error(
      `[${ErrorCodes.LBP_TRIGGER_NOT_ADDED}] ${trigger}.${property} is read before the trigger was added to a function; ` +
      'its resources exist once it is bound. Fix: call fn.addTrigger(trigger) first (a pattern\'s `trigger` is always bound).',
    );
  }
  return bound;
}

/**
 * Refuses binding one trigger object to a second function: its resource properties describe one
 * binding. Create one trigger per function.
 *
 * @internal
 */
export function refuseSecondBind(alreadyBound: boolean, target: IConstruct, trigger: string): void {
  if (alreadyBound) {
    throw new BlueprintValidationError(target, [{
      code: ErrorCodes.LBP_TRIGGER_REUSED,
      property: 'addTrigger',
      value: `a ${trigger} that was already added to a function`,
      limit: 'a trigger can be added to one function only (its properties expose the resources of that binding)',
      fix: `create one ${trigger} per function (call the Trigger factory again)`,
    }]);
  }
}

/**
 * The execution role of a trigger's target (a ServerlessFunction always has one; `role` is optional only
 * because it is in `lambda.IFunction`).
 *
 * @internal
 */
export function targetRole(target: { readonly role?: iam.IRole } & IConstruct, trigger: string): iam.IRole {
  if (!target.role) {
    throw new BlueprintValidationError(target, [{
      code: ErrorCodes.LBP_TRIGGER_TARGET_ROLE,
      property: 'role',
      value: 'undefined',
      limit: `a ${trigger} grants its target's execution role, so the target needs one`,
      fix: 'add the trigger to a ServerlessFunction (which always has a role)',
    }]);
  }
  return target.role;
}

/**
 * Refuses a trigger factory's required argument (the queue of `Trigger.sqs(queue)`, the SQL of
 * `Trigger.iotRule(sql)`, ...) when it is missing or of the wrong type, as JavaScript and Python callers
 * can pass it, named at the function before anything is created (the trigger's own scope is named
 * after its source).
 *
 * @internal
 */
export function requireTriggerArgument(target: IConstruct, argument: string, value: unknown, expected: 'construct' | 'string'): void {
  // Named at the function, which stays as it is (a Validator on it would remove it).
  const v = new Validator(placeNamed(target.node.path));
  checkType(v, argument, value, expected, true);
  v.throwIfAny();
}
