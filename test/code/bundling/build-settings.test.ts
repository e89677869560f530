import * as path from 'path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { tempProject } from './bundling-helpers';
import { LatestRuntime, OutputFormat } from '../../../src';
import { ESM_REQUIRE_SHIM, nodeTarget, resolveBuildSettings } from '../../../src/code/bundling/build-settings';
import { findProjectRoot } from '../../../src/code/bundling/project-root';

describe('build settings', () => {
  test('Lambda defaults: node platform, CJS, tree shaking, module-first resolution, nothing external', () => {
    const s = resolveBuildSettings({}, '/project', undefined);
    expect(s.esbuildOptions).toMatchObject({
      absWorkingDir: '/project',
      bundle: true,
      platform: 'node',
      format: 'cjs',
      treeShaking: true,
      minify: false,
      sourcemap: false,
      mainFields: ['module', 'main'],
      write: false,
      metafile: true,
      target: nodeTarget(LatestRuntime.NODEJS),
    });
    expect(s.esbuildOptions.external).toBeUndefined();
    expect(s.bundleFileName).toBe('index.js');
  });

  test('the default target follows the runtime, and stays in sync with LatestRuntime.NODEJS', () => {
    expect(nodeTarget(lambda.Runtime.NODEJS_20_X)).toBe('node20');
    expect(nodeTarget(LatestRuntime.NODEJS)).toBe(`node${/^nodejs(\d+)/.exec(LatestRuntime.NODEJS.name)![1]}`);
    expect(nodeTarget(lambda.Runtime.PYTHON_3_13)).toBe(nodeTarget(LatestRuntime.NODEJS));
    expect(resolveBuildSettings({ target: 'es2022' }, '/p', lambda.Runtime.NODEJS_20_X).esbuildOptions.target).toBe('es2022');
  });

  test('ESM: .mjs output and the require shim before the user banner', () => {
    const s = resolveBuildSettings({ format: OutputFormat.ESM, banner: '/* mine */' }, '/p', undefined);
    expect(s.bundleFileName).toBe('index.mjs');
    expect(s.esbuildOptions.outExtension).toEqual({ '.js': '.mjs' });
    expect(s.esbuildOptions.banner).toEqual({ js: `${ESM_REQUIRE_SHIM}\n/* mine */` });
  });

  test('bundleAwsSdk: false adds @aws-sdk/* to the externals', () => {
    const s = resolveBuildSettings({ bundleAwsSdk: false, externalModules: ['sharp'] }, '/p', undefined);
    expect(s.esbuildOptions.external).toEqual(['@aws-sdk/*', 'sharp']);
  });

  test('the group key ignores the order of map options and changes with any setting', () => {
    const a = resolveBuildSettings({ define: { A: '1', B: '2' } }, '/p', undefined);
    const b = resolveBuildSettings({ define: { B: '2', A: '1' } }, '/p', undefined);
    expect(a.key).toBe(b.key);
    expect(resolveBuildSettings({ minify: true }, '/p', undefined).key).not.toBe(resolveBuildSettings({}, '/p', undefined).key);
    expect(resolveBuildSettings({}, '/q', undefined).key).not.toBe(resolveBuildSettings({}, '/p', undefined).key);
  });

  test('the project root is the nearest directory with a lock file above the entry', () => {
    const root = tempProject({ 'packages/api/package.json': '{}', 'packages/api/src/h.ts': '' });
    expect(findProjectRoot(path.join(root, 'packages/api/src/h.ts'))).toBe(root);
    expect(findProjectRoot(path.join(__dirname, 'x.ts'))).toBe(path.resolve(__dirname, '..', '..', '..'));
  });
});
