import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { appStack, FIXTURES, functionAssets, tempProject } from './bundling-helpers';
import { FunctionCode, ServerlessFunction } from '../../../src';
import { BundleRegistry } from '../../../src/code/bundling/bundle-registry';
import { loadEsbuild } from '../../../src/code/bundling/esbuild-loader';

const ALPHA = path.join(FIXTURES, 'alpha.ts');

describe('fromNodejsEntry: errors at construction', () => {
  test('a missing entry: LBP_BUNDLING_ENTRY_NOT_FOUND', () => {
    const { stack } = appStack();
    expect(() => new ServerlessFunction(stack, 'F', { code: FunctionCode.fromNodejsEntry(path.join(FIXTURES, 'nope.ts')) }))
      .toThrow(/LBP_BUNDLING_ENTRY_NOT_FOUND\] Bundled\/F: entry is .*nope\.ts; the entry must be an existing file/);
  });

  test('a directory or a non-JavaScript file: LBP_BUNDLING_ENTRY_NOT_FOUND / LBP_BUNDLING_ENTRY_EXTENSION', () => {
    const { stack } = appStack();
    expect(() => new ServerlessFunction(stack, 'Dir', { code: FunctionCode.fromNodejsEntry(FIXTURES) }))
      .toThrow(/LBP_BUNDLING_ENTRY_NOT_FOUND/);
    const root = tempProject({ 'handler.py': 'def handler(e, c): pass\n' });
    expect(() => new ServerlessFunction(stack, 'Py', { code: FunctionCode.fromNodejsEntry(path.join(root, 'handler.py')) }))
      .toThrow(/LBP_BUNDLING_ENTRY_EXTENSION.*FunctionCode\.fromAsset/);
  });

  test('every JavaScript and TypeScript extension is accepted', () => {
    const exts = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'];
    const root = tempProject(Object.fromEntries(exts.map((e) => [`h${e}`, 'export const handler = async () => 1;\n'])));
    const { stack } = appStack();
    exts.forEach((e, i) => new ServerlessFunction(stack, `F${i}`, { code: FunctionCode.fromNodejsEntry(path.join(root, `h${e}`)) }));
    expect(Object.keys(functionAssets(stack))).toHaveLength(exts.length);
  });

  test('a handler export that is not an identifier: LBP_BUNDLING_HANDLER_EXPORT; `$main_2` passes', () => {
    const { stack } = appStack();
    expect(() => new ServerlessFunction(stack, 'Bad', { code: FunctionCode.fromNodejsEntry(ALPHA, { handlerExport: 'my-handler' }) }))
      .toThrow(/LBP_BUNDLING_HANDLER_EXPORT.*"my-handler"/);
    const ok = new ServerlessFunction(stack, 'Ok', { code: FunctionCode.fromNodejsEntry(ALPHA, { handlerExport: '$main_2' }) });
    expect(stack.resolve((ok.unqualifiedFunction.node.defaultChild as lambda.CfnFunction).handler)).toBe('index.$main_2');
  });

  test('a project root that does not exist: LBP_BUNDLING_PROJECT_ROOT', () => {
    const { stack } = appStack();
    expect(() => new ServerlessFunction(stack, 'F', {
      code: FunctionCode.fromNodejsEntry(ALPHA, { projectRoot: path.join(FIXTURES, 'missing-root') }),
    })).toThrow(/LBP_BUNDLING_PROJECT_ROOT/);
  });

  test('a loader that writes files beside the bundle: LBP_BUNDLING_LOADER; inline loaders pass', () => {
    const { stack } = appStack();
    expect(() => new ServerlessFunction(stack, 'File', {
      code: FunctionCode.fromNodejsEntry(ALPHA, { loader: { '.png': 'file', '.txt': 'text' } }),
    })).toThrow(/LBP_BUNDLING_LOADER\] Bundled\/File: loader\['\.png'\] is "file"/);
    expect(() => new ServerlessFunction(stack, 'Inline', {
      code: FunctionCode.fromNodejsEntry(ALPHA, { loader: { '.png': 'dataurl', '.txt': 'text' } }),
    })).not.toThrow();
  });

  test('every problem is reported at once', () => {
    const { stack } = appStack();
    expect(() => new ServerlessFunction(stack, 'F', {
      code: FunctionCode.fromNodejsEntry(path.join(FIXTURES, 'nope.py'), { handlerExport: '1x' }),
    })).toThrow(/3 problems in Bundled\/F:[\s\S]*ENTRY_NOT_FOUND[\s\S]*ENTRY_EXTENSION[\s\S]*HANDLER_EXPORT/);
  });

  test('a runtime of another family: the core rejects it (this code needs a NODEJS runtime)', () => {
    const { stack } = appStack();
    expect(() => new ServerlessFunction(stack, 'F', {
      runtime: lambda.Runtime.PYTHON_3_13,
      code: FunctionCode.fromNodejsEntry(ALPHA),
    })).toThrow(/needs a NODEJS runtime/);
  });
});

describe('fromNodejsEntry: errors at synth', () => {
  test('esbuild errors: LBP_BUNDLING_BUILD_FAILED names the function, the file, the line and the message', () => {
    const root = tempProject({
      'good.ts': 'export const handler = async () => 1;\n',
      'bad.ts': 'export const handler = async () => {\n  return 1 +;\n};\n',
    });
    const { app, stack } = appStack();
    new ServerlessFunction(stack, 'Good', { code: FunctionCode.fromNodejsEntry(path.join(root, 'good.ts')) });
    new ServerlessFunction(stack, 'Bad', { code: FunctionCode.fromNodejsEntry(path.join(root, 'bad.ts')) });
    expect(() => app.synth()).toThrow(/\[LBP_BUNDLING_BUILD_FAILED\] Bundled\/Bad\/Function: entry is bad\.ts, which esbuild could not bundle: bad\.ts:2:12: Unexpected ";"/);
  });

  test('an unresolvable import: LBP_BUNDLING_BUILD_FAILED with the fix', () => {
    const root = tempProject({ 'h.ts': "import { x } from 'not-installed-anywhere';\nexport const handler = async () => x;\n" });
    const { app, stack } = appStack();
    new ServerlessFunction(stack, 'F', { code: FunctionCode.fromNodejsEntry(path.join(root, 'h.ts')) });
    expect(() => app.synth()).toThrow(/LBP_BUNDLING_BUILD_FAILED.*Could not resolve "not-installed-anywhere".*externalModules/);
  });

  test('esbuild missing: LBP_BUNDLING_ESBUILD_MISSING names the install command', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'lbp-no-esbuild-'));
    const { stack } = appStack();
    expect(() => loadEsbuild(stack, empty, [empty]))
      .toThrow(/\[LBP_BUNDLING_ESBUILD_MISSING\] Bundled: esbuild is not found from .*Fix: .*`npm install --save-dev esbuild@0`.*Python and Java/);
    // the boundary: found from a directory whose node_modules has it
    expect(loadEsbuild(stack, process.cwd(), [process.cwd()]).version).toMatch(/^0\./);
  });

  test('stacks excluded from bundling are not bundled (esbuild is not even run), like any CDK bundled asset', () => {
    const root = tempProject({ 'bad.ts': 'this is not javascript\n' });
    const { app, stack } = appStack({ 'aws:cdk:bundling-stacks': ['OtherStack'] });
    new ServerlessFunction(stack, 'F', { code: FunctionCode.fromNodejsEntry(path.join(root, 'bad.ts')) });
    expect(() => app.synth()).not.toThrow();
    expect(BundleRegistry.of(stack).buildCount).toBe(0);
    // the template still has the function, with a placeholder asset
    expect(Object.values(functionAssets(stack))[0].handler).toBe('index.handler');
  });

  test('a stack matching the bundling-stacks patterns is bundled', () => {
    const { app, stack } = appStack({ 'aws:cdk:bundling-stacks': ['Bundled'] });
    new ServerlessFunction(stack, 'F', { code: FunctionCode.fromNodejsEntry(ALPHA) });
    app.synth();
    expect(BundleRegistry.of(stack).buildCount).toBe(1);
  });
});
