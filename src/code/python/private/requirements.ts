import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { findPython, hasUv, canRun, run } from './python-tools';

/** Files that list a project's dependencies, in the order they are looked for. @internal */
export const REQUIREMENTS_FILES = ['requirements.txt', 'uv.lock', 'poetry.lock', 'pyproject.toml'];

/** Why requirements could not be read: a coded problem for the caller's validator. @internal */
export class RequirementsError extends Error {
  constructor(public readonly kind: 'tool' | 'export', public readonly detail: string, public readonly fix: string) {
    super(detail);
  }
}

/** The dependencies of a project as requirement lines, and where they came from. @internal */
export interface ResolvedRequirements {
  /** The file read (absolute). */
  readonly source: string;
  /** The requirements as one `requirements.txt` text, comments and blank lines removed. */
  readonly text: string;
}

/** The requirements file of a project directory, or undefined when it has none. @internal */
export function findRequirementsFile(directory: string): string | undefined {
  return REQUIREMENTS_FILES.map((f) => path.join(directory, f)).find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
}

/**
 * Reads a requirements file, exporting lock files to requirement lines first (uv.lock with
 * `uv export`, poetry.lock with `poetry export`; a pyproject.toml without a lock gives its
 * `[project] dependencies`). Exports are cached under `cacheDir`, keyed by the files they read.
 *
 * @internal
 */
export function readRequirements(file: string, cacheDir: string): ResolvedRequirements {
  const name = path.basename(file);
  const dir = path.dirname(file);
  if (name === 'uv.lock' || name === 'poetry.lock' || name === 'pyproject.toml') {
    const inputs = ['pyproject.toml', name].map((f) => path.join(dir, f)).filter((f) => fs.existsSync(f));
    const key = crypto.createHash('sha256');
    key.update(`export-v1\0${name}\0`);
    for (const f of inputs) {
      key.update(path.basename(f)).update('\0').update(fs.readFileSync(f)).update('\0');
    }
    const cached = path.join(cacheDir, 'exports', `${key.digest('hex').slice(0, 32)}.txt`);
    if (fs.existsSync(cached)) {
      return { source: file, text: fs.readFileSync(cached, 'utf8') };
    }
    const text = clean(exportLock(name, file, dir));
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, cached);
    return { source: file, text };
  }
  return { source: file, text: clean(fs.readFileSync(file, 'utf8')) };
}

/** Requirement lines without comments, blank lines and line continuations, line endings normalised. */
function clean(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\\\n/g, ' ').split('\n')
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter((l) => l.length > 0);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function exportLock(name: string, file: string, dir: string): string {
  if (name === 'uv.lock') {
    if (!hasUv()) {
      throw new RequirementsError('tool', `${file} needs uv to export it, and uv is not on the PATH`,
        'install uv (https://docs.astral.sh/uv/), or export the lock yourself: uv export --frozen --no-dev --no-emit-project -o requirements.txt');
    }
    const r = run('uv', ['export', '--frozen', '--no-dev', '--no-emit-project', '--no-emit-workspace', '--no-editable',
      '--no-header', '--format', 'requirements.txt', '--quiet'], dir);
    return checked(r, `uv export in ${dir}`, 'run `uv lock` after changing pyproject.toml, then synthesize again');
  }
  if (name === 'poetry.lock') {
    if (!canRun('poetry', ['export', '--help'])) {
      throw new RequirementsError('tool', `${file} needs \`poetry export\`, which is not available (Poetry 2 needs the poetry-plugin-export plugin)`,
        'install Poetry and poetry-plugin-export, or export the lock yourself: poetry export -f requirements.txt -o requirements.txt');
    }
    const r = run('poetry', ['export', '--format', 'requirements.txt', '--without-hashes'], dir);
    return checked(r, `poetry export in ${dir}`, 'run `poetry lock` after changing pyproject.toml, then synthesize again');
  }
  // pyproject.toml without a lock: its [project] dependencies, resolved by the installer.
  const python = findPython();
  if (!python) {
    throw new RequirementsError('tool', `reading ${file} needs Python 3.11 or newer (tomllib) on the PATH`,
      'install Python 3.11+, or list the dependencies in requirements.txt');
  }
  const script = [
    'import json, sys, tomllib',
    'doc = tomllib.load(open(sys.argv[1], "rb"))',
    'project = doc.get("project", {})',
    'if "dependencies" not in project and "poetry" in doc.get("tool", {}):',
    '    sys.exit("a Poetry project without poetry.lock")',
    'print("\\n".join(project.get("dependencies", [])))',
  ].join('\n');
  const r = run(python, ['-c', script, file], dir);
  return checked(r, `reading ${file}`, 'lock the project (uv lock / poetry lock), or list the dependencies in requirements.txt');
}

function checked(r: ReturnType<typeof run>, what: string, fix: string): string {
  if (r.error || r.status !== 0) {
    const detail = (r.stderr || r.stdout || String(r.error ?? '')).trim().split('\n').slice(-5).join(' / ');
    throw new RequirementsError('export', `${what} failed: ${detail}`, fix);
  }
  return r.stdout;
}
