import { Construct, IConstruct } from 'constructs';

/**
 * A construct under the function for one trigger's resources, with a stable id (`<base>`, then
 * `<base>2`, ... when the same source is added twice), so synthesis stays deterministic.
 *
 * @internal
 */
export function triggerScope(target: IConstruct, base: string): Construct {
  const clean = base.replace(/[^A-Za-z0-9]/g, '');
  let id = clean;
  for (let n = 2; target.node.tryFindChild(id); n++) {
    id = `${clean}${n}`;
  }
  return new Construct(target, id);
}
