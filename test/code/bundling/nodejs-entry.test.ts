import * as path from 'path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { appStack, assetFiles, FIXTURES, functionAssets, functionIdOf, tempProject } from './bundling-helpers';
import { FunctionCode, LatestRuntime, OutputFormat, ServerlessFunction } from '../../../src';
import { BundleRegistry } from '../../../src/code/bundling/bundle-registry';
import { nagFindings } from '../../helpers/nag';

const ALPHA = path.join(FIXTURES, 'alpha.ts');
const BETA = path.join(FIXTURES, 'beta.ts');

describe('FunctionCode.fromNodejsEntry', () => {
  test('bundles a TypeScript entry into index.js with the handler, the newest Node.js runtime and tree shaking', () => {
    const { app, stack } = appStack();
    new ServerlessFunction(stack, 'Alpha', { code: FunctionCode.fromNodejsEntry(ALPHA) });

    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: LatestRuntime.NODEJS.name,
      Code: { S3Key: Match.stringLikeRegexp('^[0-9a-f]{64}\\.zip$') },
    });
    const fn = functionAssets(stack)[functionIdOf(stack, 'Alpha')];
    const files = assetFiles(app, fn.hash);
    expect(Object.keys(files)).toEqual(['index.js']);
    expect(files['index.js']).toContain('ALPHA_MARKER');
    expect(files['index.js']).toContain('hello, ');
    expect(files['index.js']).toContain('module.exports');
    // the shared module's unused export is tree-shaken away
    expect(files['index.js']).not.toContain('TREE_SHAKEN_AWAY');
    // nothing machine-specific: paths in comments are relative to the project root
    expect(files['index.js']).not.toContain(FIXTURES);
    expect(files['index.js']).toContain('// test/fixtures/bundling/alpha.ts');
  });

  test('bundles every entry of the app in one esbuild run, each function getting only its own bundle', () => {
    const { app, stack } = appStack();
    new ServerlessFunction(stack, 'Alpha', { code: FunctionCode.fromNodejsEntry(ALPHA) });
    new ServerlessFunction(stack, 'Beta', { code: FunctionCode.fromNodejsEntry(BETA, { handlerExport: 'main' }) });
    new ServerlessFunction(stack, 'AlphaAgain', { code: FunctionCode.fromNodejsEntry(ALPHA) });

    const assets = functionAssets(stack);
    expect(BundleRegistry.of(stack).buildCount).toBe(1);
    const alpha = assets[functionIdOf(stack, 'Alpha')];
    const beta = assets[functionIdOf(stack, 'Beta')];
    expect(beta.handler).toBe('index.main');
    expect(alpha.hash).not.toBe(beta.hash);
    // the same entry with the same settings gives the same asset
    expect(assets[functionIdOf(stack, 'AlphaAgain')].hash).toBe(alpha.hash);

    const alphaFiles = assetFiles(app, alpha.hash);
    const betaFiles = assetFiles(app, beta.hash);
    expect(Object.keys(betaFiles)).toEqual(['index.js']);
    expect(alphaFiles['index.js']).not.toContain('BETA_MARKER');
    expect(betaFiles['index.js']).toContain('BETA_MARKER');
    expect(betaFiles['index.js']).not.toContain('ALPHA_MARKER');
  });

  test('entries with different settings are bundled in one run per settings group', () => {
    const { stack } = appStack();
    new ServerlessFunction(stack, 'A', { code: FunctionCode.fromNodejsEntry(ALPHA) });
    new ServerlessFunction(stack, 'B', { code: FunctionCode.fromNodejsEntry(BETA, { handlerExport: 'main' }) });
    new ServerlessFunction(stack, 'C', { code: FunctionCode.fromNodejsEntry(ALPHA, { minify: true }) });
    new ServerlessFunction(stack, 'D', { code: FunctionCode.fromNodejsEntry(BETA, { minify: true, handlerExport: 'main' }) });
    functionAssets(stack);
    // handlerExport does not change the bundle; minify does
    expect(BundleRegistry.of(stack).buildCount).toBe(2);
  });

  test('ESM: the bundle is index.mjs with a require shim for CommonJS dependencies', () => {
    const { app, stack } = appStack();
    new ServerlessFunction(stack, 'Esm', { code: FunctionCode.fromNodejsEntry(ALPHA, { format: OutputFormat.ESM }) });
    const fn = functionAssets(stack)[functionIdOf(stack, 'Esm')];
    expect(fn.handler).toBe('index.handler');
    const files = assetFiles(app, fn.hash);
    expect(Object.keys(files)).toEqual(['index.mjs']);
    expect(files['index.mjs']).toMatch(/^import \{ createRequire as __lbpCreateRequire \} from 'module';/);
    expect(files['index.mjs']).toContain('export {');
  });

  test('source maps: index.js.map with relative sources, and NODE_OPTIONS=--enable-source-maps', () => {
    const { app, stack } = appStack();
    new ServerlessFunction(stack, 'Mapped', { code: FunctionCode.fromNodejsEntry(ALPHA, { sourceMap: true }) });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { NODE_OPTIONS: '--enable-source-maps' } },
    });
    const files = assetFiles(app, functionAssets(stack)[functionIdOf(stack, 'Mapped')].hash);
    expect(Object.keys(files)).toEqual(['index.js', 'index.js.map']);
    expect(files['index.js']).toContain('//# sourceMappingURL=index.js.map');
    const map = JSON.parse(files['index.js.map']);
    expect([...map.sources].sort()).toEqual(['../../test/fixtures/bundling/alpha.ts', '../../test/fixtures/bundling/shared/greet.ts']);
    expect(map.sourcesContent).toBeUndefined();
  });

  test('minify, define, banner, footer and inline loaders reach esbuild', () => {
    const root = tempProject({
      'src/handler.ts': [
        "import sql from './query.sql';",
        'declare const STAGE: string;',
        'export const handler = async () => ({ sql, stage: STAGE, longVariableName: 1 });',
      ].join('\n'),
      'src/query.sql': 'SELECT 1',
    });
    const { app, stack } = appStack();
    new ServerlessFunction(stack, 'Opts', {
      code: FunctionCode.fromNodejsEntry(path.join(root, 'src', 'handler.ts'), {
        minify: true,
        define: { STAGE: '"prod"' },
        banner: '/* BANNER */',
        footer: '/* FOOTER */',
        loader: { '.sql': 'text' },
      }),
    });
    const js = assetFiles(app, functionAssets(stack)[functionIdOf(stack, 'Opts')].hash)['index.js'];
    expect(js.startsWith('/* BANNER */')).toBe(true);
    expect(js.trimEnd().endsWith('/* FOOTER */')).toBe(true);
    expect(js).toContain('SELECT 1');
    expect(js).toContain('"prod"');
    expect(js.split('\n').length).toBeLessThan(6);
  });

  test('the AWS SDK is bundled by default; bundleAwsSdk: false and externalModules leave imports to the runtime', () => {
    const root = tempProject({
      'node_modules/@aws-sdk/client-fake/package.json': '{ "name": "@aws-sdk/client-fake", "main": "index.js" }',
      'node_modules/@aws-sdk/client-fake/index.js': 'exports.FakeClient = class FakeClient { id() { return "FAKE_SDK_CODE"; } };',
      'handler.js': "const { FakeClient } = require('@aws-sdk/client-fake');\n"
        + "const sharp = require('sharp');\nexports.handler = async () => [new FakeClient().id(), sharp];\n",
    });
    const { app, stack } = appStack();
    new ServerlessFunction(stack, 'Bundled', {
      code: FunctionCode.fromNodejsEntry(path.join(root, 'handler.js'), { externalModules: ['sharp'] }),
    });
    new ServerlessFunction(stack, 'External', {
      code: FunctionCode.fromNodejsEntry(path.join(root, 'handler.js'), { bundleAwsSdk: false, externalModules: ['sharp'] }),
    });
    const assets = functionAssets(stack);
    const bundled = assetFiles(app, assets[functionIdOf(stack, 'Bundled')].hash)['index.js'];
    expect(bundled).toContain('FAKE_SDK_CODE');
    expect(bundled).not.toContain('require("@aws-sdk/client-fake")');
    expect(bundled).toContain('require("sharp")');
    const external = assetFiles(app, assets[functionIdOf(stack, 'External')].hash)['index.js'];
    expect(external).not.toContain('FAKE_SDK_CODE');
    expect(external).toContain('require("@aws-sdk/client-fake")');
    expect(external).toContain('require("sharp")');
  });

  test('targets the Node.js version of the function runtime', () => {
    const root = tempProject({ 'handler.js': 'exports.handler = async (e) => e?.a ?? 1;\n' });
    const { app, stack } = appStack();
    new ServerlessFunction(stack, 'Old', {
      runtime: lambda.Runtime.NODEJS_12_X,
      code: FunctionCode.fromNodejsEntry(path.join(root, 'handler.js')),
    });
    new ServerlessFunction(stack, 'New', { code: FunctionCode.fromNodejsEntry(path.join(root, 'handler.js')) });
    const assets = functionAssets(stack);
    const old = assetFiles(app, assets[functionIdOf(stack, 'Old')].hash)['index.js'];
    const current = assetFiles(app, assets[functionIdOf(stack, 'New')].hash)['index.js'];
    // Node 12 has no optional chaining or nullish coalescing: esbuild lowers them
    expect(old).not.toContain('?.');
    expect(current).toContain('?.');
  });

  test('a function with a bundled entry has no unacknowledged cdk-nag findings', () => {
    const { stack } = appStack();
    new ServerlessFunction(stack, 'Alpha', { code: FunctionCode.fromNodejsEntry(ALPHA) });
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('apps with nested Stages', () => {
  test('entries in a nested Stage and in the app are bundled in one esbuild run', () => {
    const app = new App();
    const top = new Stack(app, 'Top', { env: { account: '123456789012', region: 'us-east-1' } });
    const stage = new Stage(app, 'Prod');
    const nested = new Stack(stage, 'Api', { env: { account: '123456789012', region: 'us-east-1' } });
    new ServerlessFunction(top, 'Alpha', { code: FunctionCode.fromNodejsEntry(ALPHA) });
    new ServerlessFunction(nested, 'Beta', { code: FunctionCode.fromNodejsEntry(BETA, { handlerExport: 'main' }) });
    const assembly = app.synth();
    expect(BundleRegistry.of(top).buildCount).toBe(1);
    const nestedTemplate = assembly.getNestedAssembly(stage.artifactId).getStackByName(nested.stackName).template;
    const fn = Object.values<any>(nestedTemplate.Resources).find((r) => r.Type === 'AWS::Lambda::Function');
    expect(fn.Properties.Code.S3Key).toMatch(/^[0-9a-f]{64}\.zip$/);
    expect(fn.Properties.Handler).toBe('index.main');
  });
});
