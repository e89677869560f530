import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { FunctionCode } from '../../src';
import { unzippedSizeBytes } from '../../src/code/unzipped-size';
import { HANDLER_DIR, testStack } from '../helpers/template';

describe('FunctionCode', () => {
  test('fromAsset reports the unzipped size of a directory', () => {
    const stack = testStack();
    const config = FunctionCode.fromAsset(HANDLER_DIR).bind(stack, lambda.Architecture.ARM_64);
    expect(config.isImage).toBe(false);
    expect(config.unzippedSizeBytes).toBe(fs.statSync(path.join(HANDLER_DIR, 'index.js')).size);
  });

  test('fromAsset with bundling does not guess a size', () => {
    const stack = testStack();
    const config = FunctionCode.fromAsset(HANDLER_DIR, {
      bundling: { image: lambda.Runtime.NODEJS_LATEST.bundlingImage, command: ['true'] },
    }).bind(stack, lambda.Architecture.ARM_64);
    expect(config.unzippedSizeBytes).toBeUndefined();
  });

  test('images are built for the function architecture unless a platform is given', () => {
    const stack = testStack();
    const dir = path.join(__dirname, '..', 'fixtures', 'image');
    expect(FunctionCode.fromImageAsset(dir).bind(stack, lambda.Architecture.X86_64).isImage).toBe(true);
  });
});

describe('unzipped size', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unzipped-'));
  fs.mkdirSync(path.join(dir, 'src', 'nested'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'a.txt'), 'a'.repeat(1000));
  fs.writeFileSync(path.join(dir, 'src', 'nested', 'b.txt'), 'b'.repeat(2345));

  test('sums a directory tree', () => {
    expect(unzippedSizeBytes(path.join(dir, 'src'))).toBe(3345);
  });

  test('reads a zip central directory without extracting', () => {
    const zip = path.join(dir, 'code.zip');
    execFileSync('python3', ['-c', 'import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1],\'w\',zipfile.ZIP_DEFLATED)\nz.writestr(\'a.txt\',\'a\'*1000)\nz.writestr(\'n/b.txt\',\'b\'*2345)\nz.close()', zip]);
    expect(fs.statSync(zip).size).toBeLessThan(3345);
    expect(unzippedSizeBytes(zip)).toBe(3345);
  });

  test('unknown for a missing path or a corrupt zip', () => {
    expect(unzippedSizeBytes(path.join(dir, 'missing'))).toBeUndefined();
    const bad = path.join(dir, 'bad.zip');
    fs.writeFileSync(bad, 'not a zip at all, just some bytes that are long enough to search');
    expect(unzippedSizeBytes(bad)).toBeUndefined();
  });
});
