import { Construct, IConstruct } from 'constructs';
import { freeChildId } from '../../validation/free-child-id';

/**
 * A construct under the function for one trigger's resources, with a stable id (`<base>`, then
 * `<base>2`, ... when the same source is added twice), so synthesis stays deterministic.
 *
 * @internal
 */
export function triggerScope(target: IConstruct, base: string): Construct {
  return new Construct(target, freeChildId(target, base));
}
