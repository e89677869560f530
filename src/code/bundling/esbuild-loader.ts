import * as path from 'path';
import { IConstruct } from 'constructs';
import { EsbuildApi } from './esbuild-api';
import { BlueprintValidationError } from '../../validation/blueprint-error';
import { ErrorCodes } from '../../validation/error-codes';

/** The esbuild range this library is tested with (its JS API is stable across 0.x minors we use). */
export const ESBUILD_INSTALL_COMMAND = 'npm install --save-dev esbuild@0';

const loaded = new Map<string, EsbuildApi>();

/**
 * esbuild, resolved at synth time from the user's project (like `NodejsFunction` does): esbuild is
 * not a jsii module and ships per-platform binaries, so it cannot be a dependency of this library.
 * Looked up from the project root, then the working directory, then this library's own location.
 * Throws `LBP_BUNDLING_ESBUILD_MISSING`, naming the command to install it, when none has it.
 *
 * @internal
 */
export function loadEsbuild(scope: IConstruct, projectRoot: string, searchPaths?: string[]): EsbuildApi {
  const paths = searchPaths ?? [projectRoot, process.cwd(), __dirname];
  const cacheKey = paths.join(path.delimiter);
  const cached = loaded.get(cacheKey);
  if (cached) {
    return cached;
  }
  let resolved: string | undefined;
  try {
    resolved = require.resolve('esbuild', { paths });
  } catch {
    resolved = undefined;
  }
  if (!resolved) {
    throw new BlueprintValidationError(scope, [{
      code: ErrorCodes.LBP_BUNDLING_ESBUILD_MISSING,
      property: 'esbuild',
      value: `not found from ${paths.join(', ')}`,
      limit: 'FunctionCode.fromNodejsEntry bundles with esbuild, resolved from your project at synth time',
      fix: `install it in the project that runs \`cdk synth\`: \`${ESBUILD_INSTALL_COMMAND}\` `
        + '(Python and Java projects too: run it in the directory holding cdk.json, or set projectRoot to where node_modules/esbuild is)',
    }]);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const api = require(resolved) as EsbuildApi;
  loaded.set(cacheKey, api);
  return api;
}
