import { Construct } from 'constructs';

/**
 * A construct under the function to hold one trigger's resources: `Schedule`, then `Schedule2`, ...
 * so the same kind of trigger can be added more than once.
 *
 * @internal
 */
export function triggerScope(target: Construct, base: string): Construct {
  let id = base;
  for (let i = 2; target.node.tryFindChild(id); i++) {
    id = `${base}${i}`;
  }
  return new Construct(target, id);
}
