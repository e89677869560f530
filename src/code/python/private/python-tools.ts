import { spawnSync, SpawnSyncReturns } from 'child_process';
import { PythonInstaller } from '../python-installer';
import { PythonTarget } from './python-target';

/** A command that installs dependencies: the program and the arguments before the installer's own. @internal */
export interface InstallerCommand {
  readonly kind: 'pip' | 'uv';
  readonly program: string;
  readonly prefix: string[];
  /** Whether pip runs under the target's minor version (environment markers are then evaluated right). */
  readonly matchesTarget: boolean;
}

const probes = new Map<string, boolean>();

/** Whether `program args` runs and exits 0 (memoised per process). @internal */
export function canRun(program: string, args: string[]): boolean {
  const key = [program, ...args].join('\u0000');
  let ok = probes.get(key);
  if (ok === undefined) {
    const r = spawnSync(program, args, { stdio: 'ignore', windowsHide: true, env: process.env });
    ok = !r.error && r.status === 0;
    probes.set(key, ok);
  }
  return ok;
}

/** Forgets which tools were found (tests change the PATH). @internal */
export function resetToolProbes(): void {
  probes.clear();
}

/** Runs a tool and returns its result (never throws on a non-zero exit). @internal */
export function run(program: string, args: string[], cwd?: string): SpawnSyncReturns<string> {
  return spawnSync(program, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    windowsHide: true,
    // pip would otherwise warn about its own version, and about running as root, on every run.
    env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_ROOT_USER_ACTION: 'ignore', PIP_NO_INPUT: '1' },
  });
}

/** Whether uv is on the PATH. @internal */
export function hasUv(): boolean {
  return canRun('uv', ['--version']);
}

/**
 * The installer to use, or undefined when none can run. pip is run under `python3.X` (the target's
 * minor version) when that interpreter is on the PATH, because pip evaluates environment markers
 * (`; python_version < "3.12"`) with the interpreter that runs it.
 *
 * @internal
 */
export function findInstaller(choice: PythonInstaller, target: PythonTarget): InstallerCommand | undefined {
  if (choice !== PythonInstaller.PIP && hasUv()) {
    return { kind: 'uv', program: 'uv', prefix: ['pip', 'install'], matchesTarget: true };
  }
  if (choice === PythonInstaller.UV) {
    return undefined;
  }
  const interpreters = [`python${target.pythonVersion}`, 'python3', 'python'];
  for (const python of interpreters) {
    if (canRun(python, ['-m', 'pip', '--version'])) {
      return { kind: 'pip', program: python, prefix: ['-m', 'pip', 'install'], matchesTarget: python === interpreters[0] };
    }
  }
  return undefined;
}

/** The host interpreter (for reading pyproject.toml), or undefined. @internal */
export function findPython(): string | undefined {
  return ['python3', 'python'].find((p) => canRun(p, ['-c', 'import tomllib']));
}

/**
 * The arguments that install `requirements` for `target` into `outDir`: binary wheels for the
 * target's platform only, no bytecode (it would be compiled for the host's Python), no installer
 * metadata where the tool can skip it.
 *
 * @internal
 */
export function installArgs(installer: InstallerCommand, target: PythonTarget, outDir: string, requirements: string[]): string[] {
  if (installer.kind === 'uv') {
    return [
      ...installer.prefix, '--quiet', '--no-installer-metadata', '--no-compile-bytecode', '--only-binary', ':all:',
      '--python-platform', target.uvPlatform, '--python-version', target.pythonVersion,
      '--target', outDir, ...requirements,
    ];
  }
  return [
    ...installer.prefix, '--quiet', '--no-compile', '--only-binary=:all:', '--implementation', 'cp',
    '--python-version', target.pythonVersion, '--abi', target.abi,
    ...target.platformTags.flatMap((t) => ['--platform', t]),
    '--target', outDir, ...requirements,
  ];
}
