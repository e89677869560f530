import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { AssetSizes, isZipFile, sumOverFiles } from '../../code/asset-size';

const ZIPPED = new AssetSizes((full, stat) => {
  if (stat.isDirectory()) {
    return sumOverFiles(full, (name, file) => entrySize(name, fs.readFileSync(file))) + 22;
  }
  return isZipFile(full) ? stat.size : entrySize(path.basename(full), fs.readFileSync(full)) + 22;
});

/**
 * An estimate of the zipped size in bytes of a directory or file asset: each file deflated (as
 * CDK's asset zip does) plus the zip headers. A `.zip` file counts as it is. Undefined when it cannot
 * be read. Cached per path.
 *
 * @internal
 */
export function zippedSizeBytes(assetPath: string): number | undefined {
  return ZIPPED.of(assetPath);
}

/** Local header (30) + central directory entry (46) + the name twice + the deflated data. */
function entrySize(name: string, data: Buffer): number {
  const nameBytes = Buffer.byteLength(name, 'utf8');
  const deflated = Math.min(zlib.deflateRawSync(data).length, data.length);
  return 30 + 46 + 2 * nameBytes + deflated;
}
