import { MetadataEntry } from './assembly-reader';
import { Json, StackTemplate } from './template-index';

/** The construct path of a nested stack from that of its resource in the parent (`X.NestedStack/X.NestedStackResource`). */
const NESTED_STACK_RESOURCE = /\.NestedStack\/[^/]*\.NestedStackResource$/;

/**
 * Writes the construct path of each resource into its template metadata (`aws:cdk:path`) where the app left it
 * out (path metadata off, as in apps synthesized outside the CDK CLI), from the `aws:cdk:logicalId` entries of
 * the stack's metadata. Nested stacks' resources are in the parent artifact's metadata: each entry goes to the
 * template whose stack path is the longest prefix of its construct path.
 *
 * @param templates the stack's template first, then its nested templates (each after the one it is nested in)
 * @internal
 */
export function fillConstructPaths(stackPath: string, templates: StackTemplate[], metadata: Map<string, MetadataEntry[]>): void {
  const prefixes = new Map<string, string>();
  for (const t of templates) {
    const prefix = t.nestedIn ? nestedStackPath(templates, t.nestedIn, prefixes, metadata) : stackPath;
    if (prefix !== undefined) {
      prefixes.set(t.file, prefix);
    }
  }
  for (const [constructPath, entries] of metadata) {
    for (const entry of entries) {
      if (entry.type === 'aws:cdk:logicalId' && typeof entry.data === 'string') {
        const resource = resourceAt(templates, prefixes, constructPath, entry.data);
        if (resource && typeof resource.Metadata?.['aws:cdk:path'] !== 'string') {
          resource.Metadata = { ...(resource.Metadata ?? {}), 'aws:cdk:path': constructPath };
        }
      }
    }
  }
}

/** The construct path of a nested stack: from its resource's path metadata, else from the parent's logical-id entries. */
function nestedStackPath(templates: StackTemplate[], nestedIn: NonNullable<StackTemplate['nestedIn']>, prefixes: Map<string, string>,
  metadata: Map<string, MetadataEntry[]>): string | undefined {
  const parent = templates.find((t) => t.file === nestedIn.file);
  const declared = parent?.template?.Resources?.[nestedIn.logicalId]?.Metadata?.['aws:cdk:path'];
  if (typeof declared === 'string') {
    return declared.replace(NESTED_STACK_RESOURCE, '');
  }
  const parentPrefix = prefixes.get(nestedIn.file);
  for (const [constructPath, entries] of metadata) {
    if (parentPrefix !== undefined && constructPath.startsWith(`${parentPrefix}/`) && NESTED_STACK_RESOURCE.test(constructPath)
      && entries.some((e) => e.type === 'aws:cdk:logicalId' && e.data === nestedIn.logicalId)) {
      return constructPath.replace(NESTED_STACK_RESOURCE, '');
    }
  }
  return undefined;
}

/** The resource `logicalId` of the template whose stack path is the longest prefix of `constructPath`. */
function resourceAt(templates: StackTemplate[], prefixes: Map<string, string>, constructPath: string, logicalId: string): Json {
  let best: { length: number; resource: Json } | undefined;
  for (const t of templates) {
    const prefix = prefixes.get(t.file);
    const resource = t.template?.Resources?.[logicalId];
    if (prefix !== undefined && resource !== null && typeof resource === 'object' && constructPath.startsWith(`${prefix}/`)
      && (best === undefined || prefix.length > best.length)) {
      best = { length: prefix.length, resource };
    }
  }
  return best?.resource;
}
