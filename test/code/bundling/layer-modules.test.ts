import * as path from 'path';
import { appStack, assetFiles, functionAssets, functionIdOf, tempProject } from './bundling-helpers';
import { FunctionCode, ServerlessFunction } from '../../../src';
import { BundleRegistry } from '../../../src/code/bundling/bundle-registry';
import { matchesModulePattern } from '../../../src/code/bundling/layer-provided-modules';

/** A project with a stand-in `@aws-lambda-powertools/logger` (so a bundled copy is recognisable) and three entries. */
function project(): string {
  return tempProject({
    'node_modules/@aws-lambda-powertools/logger/package.json': '{ "name": "@aws-lambda-powertools/logger", "main": "index.js" }\n',
    'node_modules/@aws-lambda-powertools/logger/index.js': 'exports.Logger = class { marker() { return "POWERTOOLS_BUNDLED_COPY"; } };\n',
    'uses-powertools.ts': 'import { Logger } from "@aws-lambda-powertools/logger";\nexport const handler = async () => new Logger().marker();\n',
    'also-uses-powertools.ts': 'import { Logger } from "@aws-lambda-powertools/logger";\nexport const handler = async () => `ALSO ${new Logger().marker()}`;\n',
    'plain.ts': 'export const handler = async () => "PLAIN_MARKER";\n',
  });
}

describe('modules a layer provides (the Powertools layer)', () => {
  test('a function with the Powertools layer requires @aws-lambda-powertools/* at run time, in the app\'s one esbuild run', () => {
    const root = project();
    const { app, stack } = appStack();
    new ServerlessFunction(stack, 'WithLayer', { code: FunctionCode.fromNodejsEntry(path.join(root, 'uses-powertools.ts')), powertools: {} });
    new ServerlessFunction(stack, 'Plain', { code: FunctionCode.fromNodejsEntry(path.join(root, 'plain.ts')) });

    const assets = functionAssets(stack);
    expect(BundleRegistry.of(stack).buildCount).toBe(1);
    const withLayer = assetFiles(app, assets[functionIdOf(stack, 'WithLayer')].hash)['index.js'];
    expect(withLayer).toContain('require("@aws-lambda-powertools/logger")');
    expect(withLayer).not.toContain('POWERTOOLS_BUNDLED_COPY');
    expect(assetFiles(app, assets[functionIdOf(stack, 'Plain')].hash)['index.js']).toContain('PLAIN_MARKER');
  });

  test('the layer does not change the bundle of an entry that does not import Powertools', () => {
    const root = project();
    const alone = appStack();
    new ServerlessFunction(alone.stack, 'Plain', { code: FunctionCode.fromNodejsEntry(path.join(root, 'plain.ts')) });
    const mixed = appStack();
    new ServerlessFunction(mixed.stack, 'WithLayer', { code: FunctionCode.fromNodejsEntry(path.join(root, 'uses-powertools.ts')), powertools: {} });
    new ServerlessFunction(mixed.stack, 'Plain', { code: FunctionCode.fromNodejsEntry(path.join(root, 'plain.ts')) });
    expect(functionAssets(mixed.stack)[functionIdOf(mixed.stack, 'Plain')].hash)
      .toBe(functionAssets(alone.stack)[functionIdOf(alone.stack, 'Plain')].hash);
  });

  test('an entry that imports Powertools without the layer keeps its own copy (only it is bundled again)', () => {
    const root = project();
    const { app, stack } = appStack();
    new ServerlessFunction(stack, 'WithLayer', { code: FunctionCode.fromNodejsEntry(path.join(root, 'uses-powertools.ts')), powertools: {} });
    new ServerlessFunction(stack, 'NoLayer', { code: FunctionCode.fromNodejsEntry(path.join(root, 'also-uses-powertools.ts')) });
    new ServerlessFunction(stack, 'EnvOnly', { code: FunctionCode.fromNodejsEntry(path.join(root, 'uses-powertools.ts')), powertools: { layer: false } });

    const assets = functionAssets(stack);
    expect(BundleRegistry.of(stack).buildCount).toBe(2);
    expect(assetFiles(app, assets[functionIdOf(stack, 'WithLayer')].hash)['index.js']).not.toContain('POWERTOOLS_BUNDLED_COPY');
    expect(assetFiles(app, assets[functionIdOf(stack, 'NoLayer')].hash)['index.js']).toContain('POWERTOOLS_BUNDLED_COPY');
    // The same entry as WithLayer, without the layer: its own asset, with the copy.
    const envOnly = assets[functionIdOf(stack, 'EnvOnly')].hash;
    expect(envOnly).not.toBe(assets[functionIdOf(stack, 'WithLayer')].hash);
    expect(assetFiles(app, envOnly)['index.js']).toContain('POWERTOOLS_BUNDLED_COPY');
  });

  test('an explicit externalModules entry still wins for a function without the layer', () => {
    const root = project();
    const { app, stack } = appStack();
    new ServerlessFunction(stack, 'Own', {
      code: FunctionCode.fromNodejsEntry(path.join(root, 'uses-powertools.ts'), { externalModules: ['@aws-lambda-powertools/*'] }),
    });
    const assets = functionAssets(stack);
    expect(BundleRegistry.of(stack).buildCount).toBe(1);
    expect(assetFiles(app, assets[functionIdOf(stack, 'Own')].hash)['index.js']).toContain('require("@aws-lambda-powertools/logger")');
  });

  test('pattern matching as esbuild\'s external: a wildcard, or a package and its subpaths', () => {
    expect(matchesModulePattern('@aws-lambda-powertools/logger', '@aws-lambda-powertools/*')).toBe(true);
    expect(matchesModulePattern('@aws-lambda-powertools/logger/middleware', '@aws-lambda-powertools/*')).toBe(true);
    expect(matchesModulePattern('@aws-lambda-powertool/logger', '@aws-lambda-powertools/*')).toBe(false);
    expect(matchesModulePattern('sharp', 'sharp')).toBe(true);
    expect(matchesModulePattern('sharp/lib', 'sharp')).toBe(true);
    expect(matchesModulePattern('sharpen', 'sharp')).toBe(false);
  });
});
