import * as fs from 'fs';
import * as path from 'path';
import { Annotations, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import type { CodeCheck, FunctionCodeConfig } from '../function-code';
import { buildDependencies } from './private/build-dependencies';
import { cacheRoot } from './private/dependency-cache';
import { pythonTarget, pythonVersionOf } from './private/python-target';
import { findRequirementsFile } from './private/requirements';
import { DEFAULT_EXCLUDES, listSources, stageFunction } from './private/stage-function';
import { PythonProjectOptions } from './python-project-options';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';
import { LatestRuntime } from '../latest-runtime';
import { unzippedSizeBytes } from '../unzipped-size';

/**
 * Checks a Python project (its directory and requirements file exist) into `v`, resolving and
 * installing nothing; its build installs the dependencies for the function's platform (or takes them
 * from the cache) and stages the handler's sources on top, as one deterministic asset directory.
 *
 * @internal
 */
export function checkPythonProject(
  v: Validator,
  directory: string,
  options: PythonProjectOptions,
  architecture: lambda.Architecture,
  runtime: lambda.Runtime | undefined,
): CodeCheck {
  const dir = path.resolve(directory);
  const isDir = fs.existsSync(dir) && fs.statSync(dir).isDirectory();
  v.failIf(!isDir, {
    code: ErrorCodes.LBP_PYTHON_PROJECT_NOT_FOUND,
    property: 'directory',
    value: dir,
    limit: 'the Python project must be an existing directory holding the handler module',
    fix: 'pass the directory of the handler (e.g. path.join(__dirname, "handlers", "orders"))',
  });
  const requirementsFile = options.requirementsFile
    ? path.resolve(dir, options.requirementsFile)
    : (isDir ? findRequirementsFile(dir) : undefined);
  v.failIf(requirementsFile !== undefined && !(fs.existsSync(requirementsFile) && fs.statSync(requirementsFile).isFile()), {
    code: ErrorCodes.LBP_PYTHON_PROJECT_NOT_FOUND,
    property: 'requirementsFile',
    value: requirementsFile ?? '',
    limit: 'the requirements file must exist',
    fix: 'pass a requirements.txt, uv.lock, poetry.lock or pyproject.toml (relative to the directory), or leave requirementsFile unset',
  });
  const base = { isImage: false, runtimeFamily: lambda.RuntimeFamily.PYTHON };
  return {
    ...base,
    contentsKnown: false,
    build: (scope) => buildPythonProject(scope, dir, requirementsFile, options, architecture, runtime ?? LatestRuntime.PYTHON),
  };
}

function buildPythonProject(
  scope: IConstruct,
  dir: string,
  requirementsFile: string | undefined,
  options: PythonProjectOptions,
  architecture: lambda.Architecture,
  effectiveRuntime: lambda.Runtime,
): FunctionCodeConfig {
  const base = { isImage: false, runtimeFamily: lambda.RuntimeFamily.PYTHON };
  const exclude = options.exclude ?? [];
  // A runtime of another family is reported by the function's own checks; nothing is installed for it.
  // Stacks excluded from bundling (`cdk synth --exclusively`) get the sources alone, as CDK does.
  if (!pythonVersionOf(effectiveRuntime) || !Stack.of(scope).bundlingRequired) {
    return {
      ...base,
      code: lambda.Code.fromAsset(dir, { exclude: [...DEFAULT_EXCLUDES, ...exclude] }),
      // Without its installed dependencies the handler is looked for only when there are none.
      assetDirectory: requirementsFile ? undefined : dir,
    };
  }

  const root = cacheRoot(options.cacheDirectory);
  const target = pythonTarget(effectiveRuntime, architecture);
  const warn = (id: string, message: string) => Annotations.of(scope).addWarningV2(id, message);
  const v = new Validator(scope);
  const site = requirementsFile ? buildDependencies(v, warn, requirementsFile, target, options, root) : undefined;
  v.throwIfAny();

  const sources = listSources(dir, exclude, [root]);
  const asset = stageFunction(dir, sources, site, root);
  return {
    ...base,
    // Hashed from the staged tree's paths and contents (CDK's source fingerprint): the same
    // requirements, platform and sources give the same asset on any machine and in any directory.
    code: lambda.Code.fromAsset(asset),
    assetDirectory: asset,
    unzippedSizeBytes: unzippedSizeBytes(asset),
  };
}
