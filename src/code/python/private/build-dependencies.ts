import * as path from 'path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Validator } from '../../../validation/validator';
import { PythonInstallOptions } from '../python-install-options';
import { PythonInstaller } from '../python-installer';
import { installDependencies, InstallError } from './dependency-cache';
import { PythonTarget } from './python-target';
import { findInstaller } from './python-tools';
import { readRequirements, RequirementsError } from './requirements';
import { AnnotationIds } from '../../../validation/annotation-ids';
import { ErrorCodes } from '../../../validation/error-codes';

/**
 * Reads a requirements file (exporting lock files) and installs it for `target`, or takes the
 * installed tree from the cache. Records coded problems on `v` and returns undefined on failure;
 * warnings go to `warn`.
 *
 * @internal
 */
export function buildDependencies(
  v: Validator,
  warn: (id: string, message: string) => void,
  requirementsFile: string,
  target: PythonTarget,
  options: PythonInstallOptions,
  root: string,
): string | undefined {
  let text: string;
  try {
    text = readRequirements(requirementsFile, root).text;
  } catch (e) {
    if (!(e instanceof RequirementsError)) {
      throw e;
    }
    v.fail({
      code: e.kind === 'tool' ? ErrorCodes.LBP_PYTHON_TOOL_MISSING : ErrorCodes.LBP_PYTHON_EXPORT_FAILED,
      property: 'requirements',
      value: requirementsFile,
      limit: e.detail,
      fix: e.fix,
    });
    return undefined;
  }
  if (text.length === 0) {
    return undefined;
  }
  const choice = options.installer ?? PythonInstaller.AUTO;
  const installer = findInstaller(choice, target);
  if (!installer) {
    v.fail({
      code: ErrorCodes.LBP_PYTHON_TOOL_MISSING,
      property: 'installer',
      value: choice === PythonInstaller.UV ? 'uv (not on the PATH)' : `${choice}: neither uv nor pip (python3 -m pip) can run`,
      limit: 'dependencies are installed on this machine (no Docker) with uv or pip',
      fix: 'install uv (https://docs.astral.sh/uv/getting-started/installation/) or Python 3 with pip, and put it on the PATH',
    });
    return undefined;
  }
  if (!installer.matchesTarget && /;/.test(text)) {
    warn(AnnotationIds.PYTHON_HOST_MARKERS,
      `pip runs under ${installer.program}, not python${target.pythonVersion}: environment markers in ${requirementsFile} `
      + `(e.g. "; python_version < ...") are evaluated for this machine's Python. Install uv, or python${target.pythonVersion}, to evaluate them for the runtime.`);
  }
  try {
    const cwd = path.dirname(requirementsFile);
    const isPlain = !/(uv\.lock|poetry\.lock|pyproject\.toml)$/.test(requirementsFile);
    return installDependencies({ text, file: isPlain ? requirementsFile : undefined, cwd }, target, installer, root);
  } catch (e) {
    if (!(e instanceof InstallError)) {
      throw e;
    }
    const platform = `Linux ${target.machine} (${target.platformTags[0]} or older), CPython ${target.pythonVersion}`;
    if (e.kind === 'no-wheel') {
      v.fail({
        code: ErrorCodes.LBP_PYTHON_NO_WHEEL,
        property: 'requirements',
        value: `${requirementsFile}: no binary wheel for ${platform} of ${e.packages.join(', ')}`,
        limit: 'only wheels built for the function\'s platform run on Lambda, and nothing is compiled on this machine (it would be built for the host)',
        fix: 'pin a version that ships a wheel for this platform (PyPI "Download files"), pick a runtime or architecture it has wheels for, '
          + 'use FunctionCode.fromImageAsset (the image build compiles it), or ship it in a layer built elsewhere (FunctionLayer.fromLayerVersionArn)',
      });
    } else {
      v.fail({
        code: ErrorCodes.LBP_PYTHON_INSTALL_FAILED,
        property: 'requirements',
        value: requirementsFile,
        limit: `the ${installer.kind} install for ${platform} failed: ${e.detail}`,
        fix: 'fix the requirement the installer names (a typo, a version conflict, or no network access to the package index)',
      });
    }
    return undefined;
  }
}

/** Whether a runtime can take these packages: a Python runtime. @internal */
export function isPythonRuntime(runtime: lambda.Runtime): boolean {
  return runtime.family === lambda.RuntimeFamily.PYTHON;
}
