import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { BlueprintValidationError } from '../../validation/blueprint-error';
import { ErrorCodes } from '../../validation/error-codes';
import { placeNamed } from '../../validation/place';
import { checkType } from '../../validation/prop-types';
import { Validator } from '../../validation/validator';

/**
 * The bound-once rule of every trigger, in one place: a trigger object is added to one function only
 * (its properties expose the resources of that binding), and what it created is readable once it was
 * added. Each trigger keeps one `TriggerBinding`; its `bind` reads claim -> check -> build -> report:
 *
 * - `claim(target)` first, which refuses a second function with `LBP_TRIGGER_REUSED`;
 * - `record(target, resources)` once the resources exist;
 * - `resources(property)` in every getter, which refuses a read before `addTrigger` with
 *   `LBP_TRIGGER_NOT_ADDED`.
 *
 * Both are real `BlueprintValidationError`s naming the trigger, the function paths and the fix.
 *
 * @internal
 */
export class TriggerBinding<T extends object> {
  private bound?: { readonly target: IConstruct; readonly resources: T };

  /** @param trigger the trigger's class name, e.g. `SqsTrigger` */
  constructor(private readonly trigger: string) {}

  /** Whether the trigger was added to a function. */
  public get isBound(): boolean {
    return this.bound !== undefined;
  }

  /** Refuses a second function (the first thing `bind` does). */
  public claim(target: IConstruct): void {
    if (this.bound) {
      throw new BlueprintValidationError(target, [{
        code: ErrorCodes.LBP_TRIGGER_REUSED,
        property: 'addTrigger',
        value: `a ${this.trigger} that was already added to ${this.bound.target.node.path}`,
        limit: 'a trigger can be added to one function only (its properties expose the resources of that binding)',
        fix: `create one ${this.trigger} per function (call the Trigger factory again)`,
      }]);
    }
  }

  /** Records what `bind` created for `target` (the last thing `bind` does before reporting). */
  public record(target: IConstruct, resources: T): void {
    this.bound = { target, resources };
  }

  /** What `bind` created, or `LBP_TRIGGER_NOT_ADDED` when the trigger was not added yet. */
  public resources(property: string): T {
    if (!this.bound) {
      throw new BlueprintValidationError(placeNamed(this.trigger), [{
        code: ErrorCodes.LBP_TRIGGER_NOT_ADDED,
        property,
        value: 'read before the trigger was added to a function',
        limit: 'its resources exist once it is bound',
        fix: 'call fn.addTrigger(trigger) first (a pattern\'s `trigger` is always bound)',
      }]);
    }
    return this.bound.resources;
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
