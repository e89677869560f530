import { IConstruct } from 'constructs';

const provided = new WeakMap<IConstruct, string[]>();

/**
 * Records that a layer of `fn` provides `patterns` (esbuild `external` patterns, e.g. `@aws-lambda-powertools/*`):
 * a bundled Node.js entry of `fn` leaves them out of its bundle and requires them at run time.
 *
 * @internal
 */
export function provideModulesFromLayer(fn: IConstruct, patterns: string[]): void {
  provided.set(fn, [...new Set([...(provided.get(fn) ?? []), ...patterns])].sort());
}

/** The module patterns the layers of `fn` provide (empty when none). @internal */
export function layerProvidedModules(fn: IConstruct): string[] {
  return provided.get(fn) ?? [];
}

/**
 * Whether an import path is one esbuild's `external` pattern matches: a `*` pattern by its prefix and suffix,
 * else the package itself or a path inside it.
 *
 * @internal
 */
export function matchesModulePattern(importPath: string, pattern: string): boolean {
  const star = pattern.indexOf('*');
  if (star >= 0) {
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    return importPath.length >= prefix.length + suffix.length && importPath.startsWith(prefix) && importPath.endsWith(suffix);
  }
  return importPath === pattern || importPath.startsWith(`${pattern}/`);
}
