import { TemplateResource } from '../template-index';
import { PathCandidate, PathContext } from './context';
import { endpointOf, textOf } from './endpoints';

/**
 * Invoke permissions no other path accounts for (e.g. `fn.addPermission` for a service the report does not
 * know): each is a path with invocation `unknown`. A permission is accounted for when a path into the same
 * function names the resource its SourceArn refers to (the path's source or wiring resource), or, for a
 * permission without a resolvable SourceArn, comes from the same service (its principal's first label).
 *
 * @internal
 */
export function permissionPaths(ctx: PathContext, known: PathCandidate[]): PathCandidate[] {
  const found: PathCandidate[] = [];
  for (const perm of ctx.index.ofType('AWS::Lambda::Permission')) {
    const fn = ctx.functionAt(perm.file, perm.properties?.FunctionName);
    const principal = textOf(perm.properties?.Principal);
    if (!fn || principal === 'alexa-appkit.amazon.com') {
      continue;
    }
    const named = ctx.index.resolve(perm.file, perm.properties?.SourceArn);
    const service = principal.split('.')[0];
    const covered = known.some((p) => p.fn === fn && (named
      ? p.related.some((r) => sameResource(r, named))
      : p.service === service || (principal === '*' && p.service === 'url')));
    if (covered) {
      continue;
    }
    const source = perm.properties?.SourceArn !== undefined
      ? endpointOf(ctx.index, perm.file, perm.properties.SourceArn, `invoker ${principal}`)
      : { endpoint: { kind: `invoker ${principal}`, name: principal } };
    found.push({
      source: source.endpoint,
      invocation: 'unknown',
      fn,
      wiring: perm,
      related: [perm],
      service,
      note: `A permission lets ${principal} invoke the function; how it invokes (synchronously or not) and where its failures go is not in the template.`,
    });
  }
  return found;
}

function sameResource(a: TemplateResource, b: TemplateResource): boolean {
  return a.file === b.file && a.logicalId === b.logicalId;
}
