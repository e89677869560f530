import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { buildDependencies } from './private/build-dependencies';
import { isCompleteEntry, publishCacheEntry } from './private/cache-entry';
import { cacheRoot } from './private/dependency-cache';
import { pythonTarget, pythonVersionOf } from './private/python-target';
import { fixDirectoryTimes, linkTree } from './private/stage-function';
import { PythonRequirementsLayerOptions } from './python-requirements-layer-options';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';

/**
 * Installs a requirements file for a layer (or takes it from the cache) and returns the directory
 * holding `python/<packages>`, the layout Lambda puts on the runtime's path under `/opt`. Problems
 * are thrown as coded errors under `scope/id`, before the layer exists.
 *
 * @internal
 */
export function pythonLayerContent(
  scope: Construct,
  id: string,
  requirementsFile: string,
  runtime: lambda.Runtime,
  architecture: lambda.Architecture,
  options: PythonRequirementsLayerOptions,
): PythonLayerContent {
  // A placeholder for the messages' construct path; removed again (by the validator on failure).
  const probe = new Construct(scope, id);
  const v = new Validator(probe);
  const file = path.resolve(requirementsFile);
  v.failIf(!(fs.existsSync(file) && fs.statSync(file).isFile()), {
    code: ErrorCodes.LBP_PYTHON_PROJECT_NOT_FOUND,
    property: 'requirementsFile',
    value: file,
    limit: 'the requirements file must exist',
    fix: 'pass a requirements.txt, uv.lock, poetry.lock or pyproject.toml',
  });
  v.failIf(!pythonVersionOf(runtime), {
    code: ErrorCodes.LBP_PYTHON_RUNTIME,
    property: 'runtime',
    value: runtime.name,
    limit: 'a layer of Python packages is built for one Python runtime',
    fix: 'pass a Python runtime (e.g. LatestRuntime.PYTHON), or leave runtime unset',
  });
  v.throwIfAny();

  const root = cacheRoot(options.cacheDirectory);
  // Stacks excluded from bundling (`cdk synth --exclusively`) get an empty layer, as CDK does.
  const warnings: Array<[string, string]> = [];
  const site = Stack.of(scope).bundlingRequired
    ? buildDependencies(v, (wid, message) => warnings.push([wid, message]), file, pythonTarget(runtime, architecture), options, root)
    : undefined;
  v.throwIfAny();
  scope.node.tryRemoveChild(id);

  const key = crypto.createHash('sha256').update(`python-layer-v1\0${site ? path.basename(path.dirname(site)) : '-'}`).digest('hex').slice(0, 32);
  const dir = path.join(root, 'layers', key);
  if (!isCompleteEntry(dir)) {
    publishCacheEntry(dir, (tmp) => {
      const content = path.join(tmp, 'content', 'python');
      fs.mkdirSync(content, { recursive: true });
      if (site) {
        linkTree(site, content);
      }
      fixDirectoryTimes(path.join(tmp, 'content'));
      return '{"format":"python-layer-v1"}\n';
    });
  }
  return { path: path.join(dir, 'content'), warnings };
}

/** A layer's staged content and the warnings to put on the layer. @internal */
export interface PythonLayerContent {
  readonly path: string;
  readonly warnings: Array<[string, string]>;
}
