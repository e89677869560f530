import { IConstruct } from 'constructs';

/**
 * A stand-in scope that only names a place for error messages (`Blueprints.applyTo`, a stack not made
 * yet, a class that is not a construct): a {@link Validator} on it never removes anything from the tree.
 *
 * @internal
 */
export function placeNamed(path: string): IConstruct {
  return { node: { path, id: path, scope: undefined } } as unknown as IConstruct;
}
