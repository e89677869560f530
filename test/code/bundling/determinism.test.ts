import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { appStack, assetFiles, functionAssets, functionIdOf, tempProject } from './bundling-helpers';
import { FunctionCode, OutputFormat, ServerlessFunction } from '../../../src';

const SOURCES = {
  'src/shared/util.ts': 'export const twice = (n: number): number => n * 2;\n',
  'src/orders.ts': "import { twice } from './shared/util';\nexport const handler = async () => ({ orders: twice(21) });\n",
  'src/users.ts': "import { twice } from './shared/util';\nexport const handler = async () => ({ users: twice(2) });\n",
  'src/reports.mts': 'export const handler = async () => "reports";\n',
};
const ENTRIES = ['src/orders.ts', 'src/users.ts', 'src/reports.mts'];

/** Synthesizes an app with one function per entry of `root`; returns hashes (by construct id) and the app. */
function synth(root: string, entries = ENTRIES, opts: { sourceMap?: boolean } = {}): { app: App; stack: Stack; hashes: { [id: string]: string } } {
  const { app, stack } = appStack();
  for (const entry of entries) {
    new ServerlessFunction(stack, path.basename(entry).replace(/\W/g, ''), {
      code: FunctionCode.fromNodejsEntry(path.join(root, entry), { sourceMap: opts.sourceMap, format: entry.endsWith('.mts') ? OutputFormat.ESM : undefined }),
    });
  }
  const assets = functionAssets(stack);
  const hashes: { [id: string]: string } = {};
  for (const entry of entries) {
    const id = path.basename(entry).replace(/\W/g, '');
    hashes[id] = assets[functionIdOf(stack, id)].hash;
  }
  return { app, stack, hashes };
}

describe('bundling is deterministic', () => {
  test('the same sources give byte-identical assets and the same hashes on every synth', () => {
    const root = tempProject(SOURCES);
    const first = synth(root, ENTRIES, { sourceMap: true });
    const second = synth(root, ENTRIES, { sourceMap: true });
    expect(second.hashes).toEqual(first.hashes);
    for (const hash of Object.values(first.hashes)) {
      expect(assetFiles(second.app, hash)).toEqual(assetFiles(first.app, hash));
    }
  });

  test('the same checkout in another directory (another machine) gives the same hashes', () => {
    const here = synth(tempProject(SOURCES), ENTRIES, { sourceMap: true });
    const elsewhere = synth(tempProject(SOURCES), ENTRIES, { sourceMap: true });
    expect(elsewhere.hashes).toEqual(here.hashes);
  });

  test('the asset manifest lists bundles in construct order in every checkout directory', () => {
    // Two settings groups (two esbuild runs) whose keys hash the directory: their order must not depend on it.
    const orders = Array.from({ length: 6 }, () => {
      const root = tempProject(SOURCES);
      const { app, stack } = appStack();
      new ServerlessFunction(stack, 'Orders', { code: FunctionCode.fromNodejsEntry(path.join(root, 'src/orders.ts')) });
      new ServerlessFunction(stack, 'Users', { code: FunctionCode.fromNodejsEntry(path.join(root, 'src/users.ts'), { sourceMap: true }) });
      const manifest = JSON.parse(fs.readFileSync(path.join(app.synth().directory, `${stack.artifactId}.assets.json`), 'utf8'));
      return Object.values<any>(manifest.files).map((f) => f.displayName).filter((n) => n.endsWith('/Code'));
    });
    for (const order of orders) {
      expect(order).toEqual(['Orders/Function/Code', 'Users/Function/Code']);
    }
  });

  test('registration order and the other entries of the batch do not change an entry\'s bundle', () => {
    const root = tempProject(SOURCES);
    const all = synth(root, ENTRIES).hashes;
    const reversed = synth(root, [...ENTRIES].reverse()).hashes;
    const alone = synth(root, ['src/users.ts']).hashes;
    expect(reversed).toEqual(all);
    expect(alone.usersts).toBe(all.usersts);
  });
});

describe('each function gets only its own output', () => {
  test('changing one entry changes only that function\'s asset', () => {
    const root = tempProject(SOURCES);
    const before = synth(root).hashes;
    fs.writeFileSync(path.join(root, 'src/orders.ts'),
      "import { twice } from './shared/util';\nexport const handler = async () => ({ orders: twice(42) });\n");
    const after = synth(root).hashes;
    expect(after.ordersts).not.toBe(before.ordersts);
    expect(after.usersts).toBe(before.usersts);
    expect(after.reportsmts).toBe(before.reportsmts);
  });

  test('changing a shared module changes only the functions that import it', () => {
    const root = tempProject(SOURCES);
    const before = synth(root).hashes;
    fs.writeFileSync(path.join(root, 'src/shared/util.ts'), 'export const twice = (n: number): number => n + n;\n');
    const after = synth(root).hashes;
    expect(after.ordersts).not.toBe(before.ordersts);
    expect(after.usersts).not.toBe(before.usersts);
    expect(after.reportsmts).toBe(before.reportsmts);
  });

  test('an asset holds its own bundle only', () => {
    const root = tempProject(SOURCES);
    const { app, hashes } = synth(root);
    expect(Object.keys(assetFiles(app, hashes.ordersts))).toEqual(['index.js']);
    expect(Object.keys(assetFiles(app, hashes.reportsmts))).toEqual(['index.mjs']);
    const orders = assetFiles(app, hashes.ordersts)['index.js'];
    expect(orders).toContain('orders:');
    expect(orders).not.toContain('users:');
    expect(new Set(Object.values(hashes)).size).toBe(3);
  });
});
