import { Duration } from 'aws-cdk-lib';
import { testFunction } from './fixtures';
import { TRIGGER_KINDS } from './trigger-kinds';
import { Trigger } from '../../src';
import { BlueprintValidationError } from '../../src/validation/blueprint-error';
import { ErrorCodes } from '../../src/validation/error-codes';
import { testStack } from '../helpers/template';

/**
 * The bound-once rule, for every trigger kind (`src/triggers/private/binding.ts`): a trigger object is
 * added to one function only, and what it created is read only after `addTrigger`. Each row builds a
 * valid trigger of one kind and names one of its bound-only getters.
 */
const KINDS = TRIGGER_KINDS;

const FN = { timeout: Duration.seconds(3) };

/** What `act` threw (fails when it threw nothing). */
function thrown(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, nothing was thrown');
}

test('the table covers every Trigger factory', () => {
  const factories = Object.getOwnPropertyNames(Trigger).filter((name) => typeof (Trigger as any)[name] === 'function');
  expect(KINDS.map(([kind]) => kind).sort()).toEqual(factories.sort());
});

describe.each(KINDS)('Trigger.%s', (_kind, make, getter) => {
  test('added to a second function: a BlueprintValidationError coded LBP_TRIGGER_REUSED naming both functions', () => {
    const stack = testStack();
    const trigger = make(stack);
    testFunction(stack, FN, 'First').addTrigger(trigger);
    const error = thrown(() => testFunction(stack, FN, 'Second').addTrigger(trigger));
    expect(error).toBeInstanceOf(BlueprintValidationError);
    expect((error as BlueprintValidationError).code).toBe(ErrorCodes.LBP_TRIGGER_REUSED);
    expect((error as Error).message).toMatch(/^\[LBP_TRIGGER_REUSED\] TestStack\/Second: .*already added to TestStack\/First.*one function only.*Fix: create one \w+Trigger per function/);
  });

  test(`reading ${getter} before addTrigger: a BlueprintValidationError coded LBP_TRIGGER_NOT_ADDED`, () => {
    const stack = testStack();
    const trigger = make(stack);
    const error = thrown(() => (trigger as any)[getter]);
    expect(error).toBeInstanceOf(BlueprintValidationError);
    expect((error as BlueprintValidationError).code).toBe(ErrorCodes.LBP_TRIGGER_NOT_ADDED);
    expect((error as Error).message).toMatch(new RegExp(`^\\[LBP_TRIGGER_NOT_ADDED\\] \\w+Trigger: ${getter} is read before .*fn\\.addTrigger\\(trigger\\) first`));
    // Once added, the same getter answers.
    testFunction(stack, FN).addTrigger(trigger);
    expect((trigger as any)[getter]).toBeDefined();
  });
});
