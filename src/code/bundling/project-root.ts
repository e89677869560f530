import * as fs from 'fs';
import * as path from 'path';

const LOCK_FILES = ['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock'];

/**
 * The default project root of an entry: the nearest directory above it holding a lock file, else a
 * package.json, else the entry's own directory. Bundle comments and source maps name sources relative
 * to it, so the bundle is the same on every machine that has the same checkout.
 *
 * @internal
 */
export function findProjectRoot(entry: string): string {
  const start = path.dirname(path.resolve(entry));
  return findUp(start, LOCK_FILES) ?? findUp(start, ['package.json']) ?? start;
}

function findUp(start: string, names: string[]): string | undefined {
  let dir = start;
  for (;;) {
    if (names.some((n) => fs.existsSync(path.join(dir, n)))) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}
