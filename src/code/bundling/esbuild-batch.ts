import * as crypto from 'crypto';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { BuildSettings } from './build-settings';
import { EsbuildApi, EsbuildMessage, EsbuildResult } from './esbuild-api';
import { BlueprintValidationError } from '../../validation/blueprint-error';
import { ErrorCodes } from '../../validation/error-codes';

/** One entry of a batch: its output directory name and the entry file. @internal */
export interface BatchEntry {
  /** The name of the entry's output directory (stable: derived from the entry's path). */
  readonly outputKey: string;
  /** The entry file (absolute). */
  readonly entry: string;
  /** The function that uses it (named in errors). */
  readonly scope: IConstruct;
}

/**
 * One entry's bundle: its files (path relative to the bundle root -> contents), their hash, and the modules it
 * requires at run time because they were external (from esbuild's metafile). @internal
 */
export interface EntryBundle {
  readonly files: Map<string, Uint8Array>;
  readonly hash: string;
  readonly externalImports: string[];
}

/**
 * Bundles every entry of a batch in ONE in-process esbuild run (no child process per function: that
 * start-up was almost all of `NodejsFunction`'s cost). Nothing is written: each entry's output is
 * returned in memory, keyed by its output key, and every function's asset gets only its own files.
 * Entries are bundled independently (no code splitting), so an entry's bundle is the same whatever
 * else is in the batch.
 *
 * @internal
 */
export function runEsbuildBatch(esbuild: EsbuildApi, settings: BuildSettings, entries: BatchEntry[]): Map<string, EntryBundle> {
  const entryPoints: { [name: string]: string } = {};
  for (const e of [...entries].sort((a, b) => a.outputKey.localeCompare(b.outputKey))) {
    entryPoints[`${e.outputKey}/index`] = e.entry;
  }
  let result: EsbuildResult;
  try {
    result = esbuild.buildSync({ ...settings.esbuildOptions, entryPoints });
  } catch (err) {
    const errors = (err as { errors?: EsbuildMessage[] }).errors;
    throw buildFailed(settings, entries, errors ?? [{ text: String(err) }]);
  }
  if (result.errors.length > 0) {
    throw buildFailed(settings, entries, result.errors);
  }

  const outdir = settings.esbuildOptions.outdir as string;
  const bundles = new Map<string, Map<string, Uint8Array>>();
  for (const file of result.outputFiles ?? []) {
    const rel = path.relative(outdir, file.path).split(path.sep);
    const files = bundles.get(rel[0]) ?? new Map<string, Uint8Array>();
    files.set(rel.slice(1).join('/'), file.contents);
    bundles.set(rel[0], files);
  }
  const externals = externalImportsByKey(settings, outdir, result);
  const out = new Map<string, EntryBundle>();
  for (const [key, files] of bundles) {
    out.set(key, { files, hash: hashFiles(files), externalImports: [...(externals.get(key) ?? [])].sort() });
  }
  return out;
}

/** The external imports of each entry's output, by output key (esbuild's metafile names outputs from the working directory). */
function externalImportsByKey(settings: BuildSettings, outdir: string, result: EsbuildResult): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [outputPath, output] of Object.entries(result.metafile?.outputs ?? {})) {
    const key = path.relative(outdir, path.resolve(settings.projectRoot, outputPath)).split(path.sep)[0];
    const set = out.get(key) ?? new Set<string>();
    for (const i of output.imports) {
      if (i.external) {
        set.add(i.path);
      }
    }
    out.set(key, set);
  }
  return out;
}

function hashFiles(files: Map<string, Uint8Array>): string {
  const hash = crypto.createHash('sha256');
  for (const name of [...files.keys()].sort()) {
    hash.update(name).update('\0').update(files.get(name)!).update('\0');
  }
  return hash.digest('hex');
}

function buildFailed(settings: BuildSettings, entries: BatchEntry[], errors: EsbuildMessage[]): BlueprintValidationError {
  // Name the function whose entry holds the first error when we can tell; else the batch's first.
  const firstFile = errors.find((e) => e.location)?.location?.file;
  const culprit = entries.find((e) => firstFile !== undefined && path.resolve(settings.projectRoot, firstFile) === e.entry) ?? entries[0];
  const messages = errors.slice(0, 10).map((e) =>
    e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ${e.text}` : e.text);
  const more = errors.length > 10 ? ` (and ${errors.length - 10} more)` : '';
  return new BlueprintValidationError(culprit.scope, [{
    code: ErrorCodes.LBP_BUNDLING_BUILD_FAILED,
    property: 'entry',
    value: `${path.relative(settings.projectRoot, culprit.entry) || culprit.entry}, which esbuild could not bundle: ${messages.join('; ')}${more}`,
    limit: 'every entry of the app must bundle (they are bundled together, in one esbuild run)',
    fix: 'fix the source or the import esbuild names (install a missing dependency, or list it in externalModules)',
  }]);
}
