import { Annotations, Token } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { BlueprintValidationError, Problem } from './blueprint-error';

/**
 * Collects every problem in a construct's props, then throws once (so a user fixes them all in one
 * round). Values that are unresolved tokens are skipped, never guessed.
 *
 * @internal
 */
export class Validator {
  private readonly problems: Problem[] = [];

  /** @param scope the construct whose props are checked (removed again when the checks fail) */
  constructor(public readonly scope: IConstruct) {}

  /** Records a problem. */
  public fail(problem: Problem): void {
    this.problems.push(problem);
  }

  /**
   * Adds a warning (`Annotations.addWarningV2`) to the construct about `property`; `message` gets the
   * property's name as the user wrote it (a renaming validator renames it first). A validator whose
   * scope only names a place for errors (`placeNamed`: the construct does not exist yet) warns nothing.
   */
  public warn(id: string, property: string, message: (property: string) => string): void {
    if (Construct.isConstruct(this.scope)) {
      Annotations.of(this.scope).addWarningV2(id, message(property));
    }
  }

  /** Records `problem` when `condition` holds. */
  public failIf(condition: boolean, problem: Problem): void {
    if (condition) {
      this.fail(problem);
    }
  }

  /**
   * Checks that a number lies in [min, max] (and is whole, when `integer`). Skips undefined values and
   * unresolved tokens.
   */
  public range(
    code: string,
    property: string,
    value: number | undefined,
    min: number,
    max: number,
    opts: { unit?: string; integer?: boolean; source?: string; fix?: string } = {},
  ): void {
    if (value === undefined || Token.isUnresolved(value)) {
      return;
    }
    const unit = opts.unit ? ` ${opts.unit}` : '';
    const outOfRange = value < min || value > max;
    const notWhole = opts.integer === true && !Number.isInteger(value);
    if (outOfRange || notWhole) {
      this.fail({
        code,
        property,
        value: `${value}${unit}`,
        limit: `it must be ${opts.integer ? 'a whole number ' : ''}between ${min} and ${max}${unit}${opts.source ? ` (${opts.source})` : ''}`,
        fix: opts.fix ?? `set ${property} to a value from ${min} to ${max}${unit}`,
      });
    }
  }

  /**
   * A validator that records into this one under other property names: a pattern runs its function's
   * and its trigger's checks with it, so their problems are named by the path the user wrote
   * (`functionOptions.memorySize`) and reported with the pattern's own, at once. Its `throwIfAny`
   * does nothing: the owner throws.
   */
  public renaming(rename: (property: string) => string): Validator {
    return new RenamingValidator(this, rename);
  }

  /** True when nothing has been recorded so far. */
  public get ok(): boolean {
    return this.problems.length === 0;
  }

  /**
   * Throws a {@link BlueprintValidationError} listing every recorded problem, if any. Call it before
   * creating any child construct.
   */
  public throwIfAny(): void {
    if (this.problems.length > 0) {
      const error = new BlueprintValidationError(this.scope, this.problems);
      // Nothing half-made: validation runs before any child is created, so removing the (empty)
      // construct leaves the tree as it was and the id free for a corrected retry.
      this.scope.node.scope?.node.tryRemoveChild(this.scope.node.id);
      throw error;
    }
  }
}

class RenamingValidator extends Validator {
  constructor(private readonly owner: Validator, private readonly rename: (property: string) => string) {
    super(owner.scope);
  }

  public fail(problem: Problem): void {
    this.owner.fail(renamedProblem(problem, this.rename));
  }

  public warn(id: string, property: string, message: (property: string) => string): void {
    this.owner.warn(id, this.rename(property), message);
  }

  public get ok(): boolean {
    return this.owner.ok;
  }

  public throwIfAny(): void {
    // The owner collects every problem and throws once.
  }
}

/** Whether a value is a concrete (resolved) primitive the validators may look at. */
export function isConcrete<T>(value: T | undefined): value is T {
  return value !== undefined && !Token.isUnresolved(value);
}

/**
 * A problem named by the path its user wrote: the property, and the same path where the fix names it
 * (`functionOptions.alarms.errors.threshold ... Fix: set functionOptions.alarms.errors.threshold`).
 *
 * @internal
 */
export function renamedProblem(problem: Problem, rename: (property: string) => string): Problem {
  const property = rename(problem.property);
  if (property === problem.property || !property.endsWith(problem.property)) {
    return { ...problem, property };
  }
  const prefix = property.slice(0, property.length - problem.property.length);
  const first = problem.property.split(/[.[ ,]/)[0];
  if (!/^[A-Za-z_$][\w$]*$/.test(first)) {
    return { ...problem, property };
  }
  // The first segment where the fix names it as a property (a word of its own, not quoted).
  const named = new RegExp(`(^|[\\s(,;])(${first})(?=[.\\[\\s,;:)]|$)`, 'g');
  return { ...problem, property, fix: problem.fix.replace(named, `$1${prefix}$2`) };
}
