import { IConstruct } from 'constructs';

/**
 * The first child id of `scope` free for `base` (letters and digits kept): `<base>`, then `<base>2`, `<base>3`, ...
 * Deterministic: the same constructs added in the same order get the same ids (and logical ids).
 *
 * @internal
 */
export function freeChildId(scope: IConstruct, base: string): string {
  const clean = base.replace(/[^A-Za-z0-9]/g, '');
  let id = clean;
  for (let n = 2; scope.node.tryFindChild(id); n++) {
    id = `${clean}${n}`;
  }
  return id;
}
