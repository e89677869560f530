import * as lambda from 'aws-cdk-lib/aws-lambda';

/**
 * What dependencies are installed for: a CPU architecture, a CPython minor version and the glibc
 * level of the runtime's operating system.
 *
 * @internal
 */
export interface PythonTarget {
  /** `aarch64` or `x86_64`. */
  readonly machine: 'aarch64' | 'x86_64';
  /** The minor version, e.g. `3.13`. */
  readonly pythonVersion: string;
  /** The CPython ABI tag, e.g. `cp313`. */
  readonly abi: string;
  /** Every manylinux tag the runtime accepts, newest first (pip needs them all, see below). */
  readonly platformTags: string[];
  /** uv's `--python-platform` value. */
  readonly uvPlatform: string;
}

const PYTHON_RUNTIME = /^python(\d+)\.(\d+)$/;

/** The minor version of a Python runtime (`python3.13` -> [3, 13]), or undefined for another family. @internal */
export function pythonVersionOf(runtime: lambda.Runtime): [number, number] | undefined {
  const m = PYTHON_RUNTIME.exec(runtime.name);
  return runtime.family === lambda.RuntimeFamily.PYTHON && m ? [Number(m[1]), Number(m[2])] : undefined;
}

/**
 * The install target of a Python runtime on an architecture.
 *
 * python3.12 and newer run on Amazon Linux 2023 (glibc 2.34), older ones on Amazon Linux 2 (glibc
 * 2.26): the same split as AWS's own builder (aws-lambda-builders). pip's `--platform` does not
 * imply lower glibc levels, so every level is listed: `manylinux2014` alone silently picks older
 * releases of packages that now ship only `manylinux_2_28` wheels.
 *
 * @internal
 */
export function pythonTarget(runtime: lambda.Runtime, architecture: lambda.Architecture): PythonTarget {
  const version = pythonVersionOf(runtime);
  if (!version) {
    throw new Error(`${runtime.name} is not a Python runtime`);
  }
  const [major, minor] = version;
  const machine = architecture.name === lambda.Architecture.X86_64.name ? 'x86_64' : 'aarch64';
  const maxGlibc = minor >= 12 ? 34 : 26;
  const platformTags: string[] = [];
  for (let g = maxGlibc; g >= 17; g--) {
    platformTags.push(`manylinux_2_${g}_${machine}`);
  }
  platformTags.push(`manylinux2014_${machine}`);
  if (machine === 'x86_64') {
    platformTags.push('manylinux_2_12_x86_64', 'manylinux2010_x86_64', 'manylinux_2_5_x86_64', 'manylinux1_x86_64');
  }
  return {
    machine,
    pythonVersion: `${major}.${minor}`,
    abi: `cp${major}${minor}`,
    platformTags,
    uvPlatform: minor >= 12 ? `${machine}-manylinux_2_34` : `${machine}-manylinux2014`,
  };
}
