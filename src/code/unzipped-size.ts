import * as fs from 'fs';
import { AssetSizes, isZipFile, sumOverFiles } from './asset-size';

const UNZIPPED = new AssetSizes((full, stat) => {
  if (stat.isDirectory()) {
    return sumOverFiles(full, (_name, _file, fileStat) => fileStat.size);
  }
  return isZipFile(full) ? zipUncompressedSize(full) : stat.size;
});

/**
 * The unzipped size in bytes of what Lambda will extract from `assetPath`: the sum of file sizes of a
 * directory (symlinks followed, as CDK's asset staging does), or of the entries of a `.zip` file (read
 * from its central directory). Undefined when it cannot be known. Cached per path, so hundreds of
 * functions sharing a layer or an asset pay for one walk.
 *
 * @internal
 */
export function unzippedSizeBytes(assetPath: string): number | undefined {
  return UNZIPPED.of(assetPath);
}

/** Sums the uncompressed sizes in a zip's central directory (no extraction). */
function zipUncompressedSize(file: string): number | undefined {
  const buf = fs.readFileSync(file);
  // End of central directory record: signature 0x06054b50, at most 64 KiB of comment after it.
  const minStart = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= minStart; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      const entries = buf.readUInt16LE(i + 10);
      let offset = buf.readUInt32LE(i + 16);
      let total = 0;
      for (let n = 0; n < entries; n++) {
        if (buf.readUInt32LE(offset) !== 0x02014b50) {
          return undefined;
        }
        total += buf.readUInt32LE(offset + 24);
        const nameLen = buf.readUInt16LE(offset + 28);
        const extraLen = buf.readUInt16LE(offset + 30);
        const commentLen = buf.readUInt16LE(offset + 32);
        offset += 46 + nameLen + extraLen + commentLen;
      }
      return total;
    }
  }
  return undefined;
}
