import * as fs from 'fs';
import * as path from 'path';

/**
 * One size of asset paths (a directory, a `.zip` file or another file), measured once per path: hundreds of
 * functions sharing a layer or an asset pay for one walk. Undefined when the path cannot be read.
 *
 * @internal
 */
export class AssetSizes {
  private readonly cache = new Map<string, number | undefined>();

  /** @param measure the size of one resolved path, given its `fs.statSync` (links followed). */
  constructor(private readonly measure: (full: string, stat: fs.Stats) => number | undefined) {}

  /** The size of `assetPath` (resolved against the working directory). */
  public of(assetPath: string): number | undefined {
    const full = path.resolve(assetPath);
    if (this.cache.has(full)) {
      return this.cache.get(full);
    }
    let size: number | undefined;
    try {
      size = this.measure(full, fs.statSync(full));
    } catch {
      size = undefined;
    }
    this.cache.set(full, size);
    return size;
  }
}

/** Whether a path names a `.zip` file (which Lambda extracts as it is). @internal */
export function isZipFile(full: string): boolean {
  return full.toLowerCase().endsWith('.zip');
}

/**
 * The sum of `size` over every file below `dir`, symlinks followed (as CDK's asset staging does);
 * `name` is the file's path inside the asset, `/`-separated.
 *
 * @internal
 */
export function sumOverFiles(dir: string, size: (name: string, file: string, stat: fs.Stats) => number, prefix = ''): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    const name = `${prefix}${entry.name}`;
    const stat = fs.statSync(child);
    total += stat.isDirectory() ? sumOverFiles(child, size, `${name}/`) : size(name, child, stat);
  }
  return total;
}
