import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { BlueprintValidationError } from './blueprint-error';
import { ErrorCodes } from './error-codes';
import { renamedProblem } from './validator';

/**
 * Makes a construct's constructor (or a method that adds children, such as `addTrigger`) all or
 * nothing: when anything throws (our checks or aws-cdk-lib's), the constructs it added are removed
 * from the tree, so the same id can be used again, and the error becomes a
 * {@link BlueprintValidationError} with a stable code.
 *
 * ```ts
 * super(scope, id);
 * const guard = ConstructionGuard.forConstructor(this);
 * try { ... } catch (e) { throw guard.fail(e); }
 * ```
 *
 * What is recorded: the direct children of the stack (shared singletons such as the alarm topic)
 * and, for a method, every construct under the given roots. Statements added to existing policy
 * documents are not undone; that is why every construct validates before it creates anything.
 *
 * @internal
 */
export class ConstructionGuard {
  /** Guards the constructor of `construct` (call right after `super`). */
  public static forConstructor(construct: IConstruct): ConstructionGuard {
    return new ConstructionGuard(construct, [construct], true, false);
  }

  /**
   * Guards a method of `owner` that adds constructs under `roots` (deeply) or under the stack.
   */
  public static forMethod(owner: IConstruct, roots: IConstruct[]): ConstructionGuard {
    return new ConstructionGuard(owner, roots, false, true);
  }

  /**
   * Guards a method of `owner` that adds constructs directly under `roots` (each a construct that
   * guards itself, such as a ServerlessFunction) or under the stack. Cheaper than
   * {@link forMethod}: it records each root's direct children, not the whole subtree, so a group
   * that adds its hundredth function pays about what it paid for the first.
   */
  public static forShallowMethod(owner: IConstruct, roots: IConstruct[]): ConstructionGuard {
    return new ConstructionGuard(owner, roots, false, false);
  }

  private readonly stack?: Stack;
  private readonly stackChildren: Set<IConstruct>;
  private readonly rootChildren: Set<IConstruct>[];
  private readonly known: Set<IConstruct>;

  private constructor(
    private readonly owner: IConstruct,
    private readonly roots: IConstruct[],
    private readonly removeOwner: boolean,
    private readonly deep: boolean,
  ) {
    this.stack = findStack(owner);
    this.stackChildren = new Set(this.stack?.node.children ?? []);
    this.rootChildren = deep ? [] : roots.map((r) => new Set(r.node.children));
    this.known = new Set();
    if (!removeOwner && deep) {
      for (const root of roots) {
        for (const c of root.node.findAll()) {
          this.known.add(c);
        }
      }
    }
  }

  /**
   * Removes what was added since the guard was created and returns the error to throw: `error`
   * itself when it is a {@link BlueprintValidationError}, otherwise one coded `LBP_AWS_CDK` (an
   * error raised by aws-cdk-lib) or `LBP_PROP_TYPE` (a value of the wrong type, e.g. from
   * JavaScript or Python) that carries the original message.
   */
  public fail(error: unknown, rename?: (property: string) => string): BlueprintValidationError {
    this.rollBack();
    if (error instanceof BlueprintValidationError) {
      return rename ? this.renamed(error, rename) : error;
    }
    const message = error instanceof Error ? error.message : String(error);
    const typeError = error instanceof TypeError;
    const wrapped = new BlueprintValidationError(this.owner, [{
      code: typeError ? ErrorCodes.LBP_PROP_TYPE : ErrorCodes.LBP_AWS_CDK,
      property: 'props',
      value: `refused: ${message.split('\n')[0]}`,
      limit: typeError
        ? 'a value has the wrong type (e.g. undefined or a string where a number or Duration is expected)'
        : 'aws-cdk-lib rejected a value this construct forwards',
      fix: 'correct the value named in the message; every property and its type is listed in API.md',
    }]);
    (wrapped as { cause?: unknown }).cause = error;
    return wrapped;
  }

  /**
   * The error of a construct the owner created (a pattern's function, or a trigger under it), restated
   * at the owner with the property paths its user wrote (`functionOptions.memorySize`), in the fix too.
   * The owner says how its props reached that construct (`rename`).
   */
  private renamed(error: BlueprintValidationError, rename: (property: string) => string): BlueprintValidationError {
    if (!error.constructPath.startsWith(`${this.owner.node.path}/`)) {
      return error;
    }
    return new BlueprintValidationError(this.owner, error.problems.map((p) => renamedProblem(p, rename)));
  }

  private rollBack(): void {
    if (this.removeOwner) {
      this.owner.node.scope?.node.tryRemoveChild(this.owner.node.id);
    } else if (this.deep) {
      for (const root of this.roots) {
        removeNew(root, this.known);
      }
    } else {
      this.roots.forEach((root, i) => removeChildrenNotIn(root, this.rootChildren[i]));
    }
    if (this.stack) {
      removeChildrenNotIn(this.stack, this.stackChildren);
    }
  }
}

/** Removes the children of `scope` that are not in `known`. */
function removeChildrenNotIn(scope: IConstruct, known: Set<IConstruct>): void {
  for (const child of scope.node.children) {
    if (!known.has(child)) {
      scope.node.tryRemoveChild(child.node.id);
    }
  }
}

/** Removes the topmost constructs under `root` that are not in `known`. */
function removeNew(root: IConstruct, known: Set<IConstruct>): void {
  for (const child of [...root.node.children]) {
    if (!known.has(child)) {
      root.node.tryRemoveChild(child.node.id);
    } else {
      removeNew(child, known);
    }
  }
}

function findStack(c: IConstruct): Stack | undefined {
  try {
    return Stack.of(c);
  } catch {
    return undefined;
  }
}
