import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** The marker written last into a finished cache entry. @internal */
export const COMPLETE_MARKER = '.complete.json';

/** Whether `dir` holds a finished cache entry (its marker was written before it was renamed into place). @internal */
export function isCompleteEntry(dir: string): boolean {
  return fs.existsSync(path.join(dir, COMPLETE_MARKER));
}

/**
 * Fills the cache entry `dir` in a private temporary directory, writes the marker `fill` returns and
 * renames the directory into place, so concurrent synths never see half a tree. When another synth
 * finished the same entry first, its entry stays; a stale incomplete one is replaced. The temporary
 * directory is removed whatever happens.
 *
 * @internal
 */
export function publishCacheEntry(dir: string, fill: (tmp: string) => string): void {
  const tmp = `${dir}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  fs.mkdirSync(tmp, { recursive: true });
  try {
    const marker = fill(tmp);
    fs.writeFileSync(path.join(tmp, COMPLETE_MARKER), marker);
    try {
      fs.renameSync(tmp, dir);
    } catch {
      if (!isCompleteEntry(dir)) {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.renameSync(tmp, dir);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
