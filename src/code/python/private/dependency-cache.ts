import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isCompleteEntry, publishCacheEntry } from './cache-entry';
import { normaliseInstalledTree } from './normalise-tree';
import { PythonTarget } from './python-target';
import { InstallerCommand, installArgs, run } from './python-tools';

/** Bumped whenever the installed tree's layout or normalisation changes (it keys the cache). */
const CACHE_FORMAT = 'python-deps-v1';

/** How often dependencies were installed (not taken from the cache) in this process: for tests and benchmarks. @internal */
export const installStats = { installs: 0, checks: 0 };

/** Why an install failed. @internal */
export class InstallError extends Error {
  constructor(
    public readonly kind: 'no-wheel' | 'failed',
    public readonly detail: string,
    /** The packages without a wheel for the target (kind `no-wheel`). */
    public readonly packages: string[] = [],
  ) {
    super(detail);
  }
}

/** The cache root: the option, else `CDK_LAMBDA_BLUEPRINTS_PYTHON_CACHE`, else the OS temp dir. @internal */
export function cacheRoot(option?: string): string {
  const root = option ?? process.env.CDK_LAMBDA_BLUEPRINTS_PYTHON_CACHE ?? path.join(os.tmpdir(), 'cdk-lambda-blueprints', 'python');
  return path.resolve(root);
}

/** The requirements to install: their text (the cache key) and the file the installer reads. @internal */
export interface RequirementsInput {
  readonly text: string;
  /** A requirements file to pass with `-r` (relative lines resolve against its directory), or undefined to write `text`. */
  readonly file?: string;
  /** The directory relative paths in the requirements refer to. */
  readonly cwd: string;
}

/** The key of a dependency set: requirements, platform and Python version. @internal */
export function dependencyKey(requirements: string, target: PythonTarget): string {
  return crypto.createHash('sha256')
    .update([CACHE_FORMAT, target.machine, target.pythonVersion, target.abi, target.platformTags.join(','), target.uvPlatform, requirements].join('\0'))
    .digest('hex').slice(0, 32);
}

/**
 * The installed, normalised dependencies of `requirements` for `target`: from the cache when an
 * earlier install (in this synth or another) finished, else installed now. Installs go to a private
 * temporary directory renamed into place, so concurrent synths never see half a tree.
 *
 * @internal
 */
export function installDependencies(requirements: RequirementsInput, target: PythonTarget, installer: InstallerCommand, root: string): string {
  const key = dependencyKey(requirements.text, target);
  const dir = path.join(root, 'deps', key);
  if (isCompleteEntry(dir)) {
    return path.join(dir, 'site');
  }
  publishCacheEntry(dir, (tmp) => {
    const site = path.join(tmp, 'site');
    fs.mkdirSync(site);
    const reqFile = requirements.file ?? path.join(tmp, 'requirements.txt');
    if (!requirements.file) {
      fs.writeFileSync(reqFile, requirements.text);
    }
    installStats.installs++;
    const r = run(installer.program, installArgs(installer, target, site, ['-r', reqFile]), requirements.cwd);
    if (r.error || r.status !== 0) {
      throw installFailure(`${r.stderr ?? ''}\n${r.stdout ?? ''}\n${r.error ?? ''}`, requirements, target, installer);
    }
    normaliseInstalledTree(site);
    return `${JSON.stringify({
      format: CACHE_FORMAT,
      installer: installer.kind,
      pythonVersion: target.pythonVersion,
      platform: target.platformTags[0],
      requirements: requirements.text,
    }, null, 1)}\n`;
  });
  return path.join(dir, 'site');
}

const NO_WHEEL_PATTERNS = [
  /Could not find a version that satisfies the requirement ([^\s(]+)/g, // pip
  /No matching distribution found for ([^\s(]+)/g, // pip
  /Because (?:all versions of |only )?([A-Za-z0-9._\-[\]]+)(?:[=<>!~]=?[^\s]*)? (?:has|have) no (?:usable )?wheels/g, // uv
  /Because ([A-Za-z0-9._\-[\]]+==[^\s]+) has no wheels with a matching/g, // uv
];

/** The packages a failed install names as having no wheel for the target. */
function packagesWithoutWheel(output: string): string[] {
  const found = new Set<string>();
  for (const pattern of NO_WHEEL_PATTERNS) {
    for (const m of output.matchAll(pattern)) {
      found.add(m[1].replace(/[.,;:]+$/, ''));
    }
  }
  return [...found];
}

/**
 * Turns an installer failure into an InstallError. pip stops at the first package without a wheel,
 * so each top-level requirement is then checked alone (`--no-deps`) to name every such package.
 */
function installFailure(output: string, requirements: RequirementsInput, target: PythonTarget, installer: InstallerCommand): InstallError {
  const named = packagesWithoutWheel(output);
  if (named.length === 0) {
    const detail = output.trim().split('\n').filter((l) => l.trim().length > 0).slice(-6).join(' / ');
    return new InstallError('failed', detail || 'the installer exited with an error');
  }
  const lines = requirements.text.split('\n').filter((l) => l.length > 0 && !l.startsWith('-'));
  const packages = new Set(named);
  if (lines.length <= 30) {
    for (const line of lines) {
      const spec = line.split(/\s+--hash/)[0].trim();
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lbp-wheel-check-'));
      try {
        installStats.checks++;
        const r = run(installer.program, [...installArgs(installer, target, tmp, [spec]), '--no-deps'], requirements.cwd);
        if (r.status !== 0) {
          const alone = packagesWithoutWheel(`${r.stderr}\n${r.stdout}`);
          alone.forEach((p) => packages.add(p));
        }
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    }
  }
  // A package named once with its pin and once without is listed once, with the pin.
  const list = [...packages].filter((p) => ![...packages].some((q) => q !== p && q.startsWith(`${p}=`))).sort();
  return new InstallError('no-wheel', list.join(', '), list);
}
