import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { BlueprintValidationError } from './blueprint-error';
import { ErrorCodes } from './error-codes';

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
  public fail(error: unknown, paths?: PropertyPaths): BlueprintValidationError {
    this.rollBack();
    if (error instanceof BlueprintValidationError) {
      return paths ? this.renamed(error, paths) : error;
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
   * The error of a child the owner created (a pattern's function, or a trigger under it), restated at
   * the owner with the property paths its user wrote (`functionOptions.memorySize`).
   */
  private renamed(error: BlueprintValidationError, paths: PropertyPaths): BlueprintValidationError {
    const own = this.owner.node.path;
    if (!error.constructPath.startsWith(`${own}/`)) {
      return error;
    }
    const depth = error.constructPath.slice(own.length + 1).split('/').length;
    const levels = depth === 1 ? [paths.child] : depth === 2 ? [paths.grandchild, paths.child] : [];
    if (levels.every((l) => l === undefined)) {
      return error;
    }
    const rename = renameByLevels(levels.filter((l): l is [string, string[]] => l !== undefined));
    return new BlueprintValidationError(this.owner, error.problems.map((p) => ({ ...p, property: rename(p.property) })));
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

/**
 * How a construct's props reach the children it creates, for naming a child's problem by the path
 * the user wrote.
 *
 * @internal
 */
export interface PropertyPaths {
  /** The prop the direct child received (e.g. `functionOptions`), and the property names under it. */
  readonly child?: [string, string[]];
  /** The prop the child's children received (e.g. `triggerOptions`), and the property names under it. */
  readonly grandchild?: [string, string[]];
}

/** Removes the children of `scope` that are not in `known`. */
function removeChildrenNotIn(scope: IConstruct, known: Set<IConstruct>): void {
  for (const child of scope.node.children) {
    if (!known.has(child)) {
      scope.node.tryRemoveChild(child.node.id);
    }
  }
}

/**
 * Names a child's problem by the path its owner's user wrote: the property is prefixed with the prop
 * of the first level that knows its first segment (a trigger's problem may name the function's
 * setting, e.g. its timeout, so the trigger's level comes first); unknown properties stay as they are.
 *
 * @internal
 */
export function renameByLevels(levels: [string, string[]][]): (property: string) => string {
  return (property: string) => {
    const first = property.split(/[.[ ,]/)[0];
    const level = levels.find((l) => l[1].includes(first));
    return level ? `${level[0]}.${property}` : property;
  };
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
