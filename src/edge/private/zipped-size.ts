import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const cache = new Map<string, number | undefined>();

/**
 * An estimate of the zipped size in bytes of a directory or file asset: each file deflated (as
 * CDK's asset zip does) plus the zip headers. A `.zip` file counts as it is. Undefined when it cannot
 * be read. Cached per path.
 *
 * @internal
 */
export function zippedSizeBytes(assetPath: string): number | undefined {
  const full = path.resolve(assetPath);
  if (cache.has(full)) {
    return cache.get(full);
  }
  let size: number | undefined;
  try {
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      size = directoryZipSize(full, '') + 22;
    } else if (full.toLowerCase().endsWith('.zip')) {
      size = stat.size;
    } else {
      size = entrySize(path.basename(full), fs.readFileSync(full)) + 22;
    }
  } catch {
    size = undefined;
  }
  cache.set(full, size);
  return size;
}

function directoryZipSize(dir: string, prefix: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    const name = `${prefix}${entry.name}`;
    if (fs.statSync(child).isDirectory()) {
      total += directoryZipSize(child, `${name}/`);
    } else {
      total += entrySize(name, fs.readFileSync(child));
    }
  }
  return total;
}

/** Local header (30) + central directory entry (46) + the name twice + the deflated data. */
function entrySize(name: string, data: Buffer): number {
  const nameBytes = Buffer.byteLength(name, 'utf8');
  const deflated = Math.min(zlib.deflateRawSync(data).length, data.length);
  return 30 + 46 + 2 * nameBytes + deflated;
}
