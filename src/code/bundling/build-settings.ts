import * as crypto from 'crypto';
import * as path from 'path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsEntryOptions, OutputFormat } from './nodejs-entry-options';
import { LatestRuntime } from '../latest-runtime';

/** Where bundles would be written. Nothing is written there (`write: false`), but paths in source maps are relative to it. */
export const VIRTUAL_OUTDIR = '.lbp-bundles';

/** Lets `require` work inside ESM bundles (for CommonJS dependencies that call it dynamically). */
export const ESM_REQUIRE_SHIM =
  "import { createRequire as __lbpCreateRequire } from 'module';const require = __lbpCreateRequire(import.meta.url);";

/**
 * The esbuild settings shared by every entry of one build, and the key that groups entries into
 * builds (entries with equal keys are bundled in the same esbuild run).
 *
 * @internal
 */
export interface BuildSettings {
  readonly key: string;
  readonly projectRoot: string;
  readonly bundleFileName: string;
  readonly sourceMap: boolean;
  readonly esbuildOptions: { [key: string]: unknown };
}

/**
 * Resolves a function's bundling options (and its runtime, for the default target) to esbuild settings.
 *
 * @internal
 */
export function resolveBuildSettings(
  options: NodejsEntryOptions,
  projectRoot: string,
  runtime: lambda.Runtime | undefined,
): BuildSettings {
  const format = options.format ?? OutputFormat.CJS;
  const esm = format === OutputFormat.ESM;
  const external = [...(options.externalModules ?? [])];
  if (options.bundleAwsSdk === false && !external.includes('@aws-sdk/*')) {
    external.push('@aws-sdk/*');
  }
  const banner = [esm ? ESM_REQUIRE_SHIM : undefined, options.banner].filter((b) => b !== undefined).join('\n');
  const esbuildOptions: { [key: string]: unknown } = {
    absWorkingDir: projectRoot,
    outdir: path.join(projectRoot, VIRTUAL_OUTDIR),
    bundle: true,
    platform: 'node',
    format,
    target: options.target ?? nodeTarget(runtime),
    treeShaking: true,
    minify: options.minify ?? false,
    keepNames: options.keepNames ?? false,
    sourcemap: options.sourceMap ? 'linked' : false,
    sourcesContent: options.sourceMap ? options.sourcesContent ?? false : undefined,
    outExtension: esm ? { '.js': '.mjs' } : undefined,
    mainFields: options.mainFields ?? ['module', 'main'],
    external: external.length > 0 ? external.sort() : undefined,
    banner: banner ? { js: banner } : undefined,
    footer: options.footer ? { js: options.footer } : undefined,
    define: options.define && Object.keys(options.define).length > 0 ? sorted(options.define) : undefined,
    loader: options.loader && Object.keys(options.loader).length > 0 ? sorted(options.loader) : undefined,
    tsconfig: options.tsconfig ? path.resolve(options.tsconfig) : undefined,
    metafile: true,
    write: false,
    logLevel: 'silent',
  };
  for (const k of Object.keys(esbuildOptions)) {
    if (esbuildOptions[k] === undefined) {
      delete esbuildOptions[k];
    }
  }
  const key = crypto.createHash('sha256').update(JSON.stringify(esbuildOptions)).digest('hex');
  return {
    key,
    projectRoot,
    bundleFileName: esm ? 'index.mjs' : 'index.js',
    sourceMap: options.sourceMap ?? false,
    esbuildOptions,
  };
}

/** `node24` for `nodejs24.x`; the newest Node.js runtime's version for anything else. */
export function nodeTarget(runtime: lambda.Runtime | undefined): string {
  const match = /^nodejs(\d+)/.exec(runtime?.name ?? '') ?? /^nodejs(\d+)/.exec(LatestRuntime.NODEJS.name);
  return match ? `node${match[1]}` : 'node22';
}

function sorted(map: { [key: string]: string }): { [key: string]: string } {
  const out: { [key: string]: string } = {};
  for (const k of Object.keys(map).sort()) {
    out[k] = map[k];
  }
  return out;
}
