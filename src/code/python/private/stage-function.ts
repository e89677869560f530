import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { IgnoreStrategy } from 'aws-cdk-lib';
import { isCompleteEntry, publishCacheEntry } from './cache-entry';
import { FIXED_MTIME, isExecutable } from './normalise-tree';

/** What never belongs in a function's asset (see PythonProjectOptions.exclude). @internal */
export const DEFAULT_EXCLUDES = [
  '.venv', 'venv', '.git', '.hg', '__pycache__', '*.pyc', '*.pyo', '.pytest_cache', '.mypy_cache', '.ruff_cache',
  '.tox', '.nox', '.coverage', 'htmlcov', '*.egg-info', 'tests', 'test', 'test_*.py', '*_test.py', 'conftest.py',
  'node_modules', 'cdk.out', '.DS_Store', '.idea', '.vscode',
];

const STAGE_FORMAT = 'python-function-v1';

/** The handler's files: relative paths (with `/`) in sorted order, excluded ones left out. @internal */
export function listSources(directory: string, exclude: string[], skip: string[]): string[] {
  const ignore = IgnoreStrategy.glob(directory, [...DEFAULT_EXCLUDES, ...exclude]);
  const out: string[] = [];
  const visit = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (ignore.ignores(full) || skip.some((s) => full === s || full.startsWith(`${s}${path.sep}`))) {
        continue;
      }
      const stat = fs.statSync(full); // follows symlinks, as the copy below does
      if (stat.isDirectory()) {
        visit(full);
      } else if (stat.isFile()) {
        out.push(path.relative(directory, full).split(path.sep).join('/'));
      }
    }
  };
  visit(directory);
  return out;
}

/**
 * The staged asset directory of a Python function: the installed dependencies (hard links into the
 * cache, no copy) with the handler's sources on top, every timestamp and mode fixed. Keyed by the
 * dependency set and the sources' paths and contents, so an unchanged function is staged once and
 * then reused by later synths.
 *
 * @internal
 */
export function stageFunction(directory: string, sources: string[], site: string | undefined, root: string): string {
  const hash = crypto.createHash('sha256').update(`${STAGE_FORMAT}\0${site ? path.basename(path.dirname(site)) : '-'}\0`);
  for (const rel of sources) {
    const content = fs.readFileSync(path.join(directory, rel));
    const executable = isExecutable(fs.statSync(path.join(directory, rel)).mode);
    hash.update(`${rel}\0${executable ? 'x' : '-'}\0${content.length}\0`).update(content);
  }
  const key = hash.digest('hex').slice(0, 32);
  const dir = path.join(root, 'functions', key);
  if (isCompleteEntry(dir)) {
    return path.join(dir, 'asset');
  }
  publishCacheEntry(dir, (tmp) => {
    const asset = path.join(tmp, 'asset');
    fs.mkdirSync(asset, { recursive: true });
    if (site) {
      linkTree(site, asset);
    }
    for (const rel of sources) {
      const to = path.join(asset, ...rel.split('/'));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      // A handler file shadowing a dependency's: unlink first, never write through a hard link into the cache.
      fs.rmSync(to, { force: true });
      fs.copyFileSync(path.join(directory, rel), to);
      const executable = isExecutable(fs.statSync(path.join(directory, rel)).mode);
      fs.chmodSync(to, executable ? 0o755 : 0o644);
      fs.utimesSync(to, FIXED_MTIME, FIXED_MTIME);
    }
    fixDirectoryTimes(asset);
    return `${JSON.stringify({ format: STAGE_FORMAT, sources: sources.length })}\n`;
  });
  return path.join(dir, 'asset');
}

/**
 * Mirrors `from` into `to` with hard links (a copy when linking fails, e.g. across file systems).
 *
 * @internal
 */
export function linkTree(from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) {
      fs.mkdirSync(dst, { recursive: true });
      fs.chmodSync(dst, 0o755);
      linkTree(src, dst);
    } else if (entry.isSymbolicLink()) {
      fs.symlinkSync(fs.readlinkSync(src), dst);
    } else {
      try {
        fs.linkSync(src, dst);
      } catch {
        fs.copyFileSync(src, dst);
        fs.utimesSync(dst, FIXED_MTIME, FIXED_MTIME);
      }
    }
  }
}

/** Sets the fixed timestamp on every directory, deepest first. @internal */
export function fixDirectoryTimes(root: string): void {
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      fixDirectoryTimes(path.join(root, entry.name));
    }
  }
  fs.utimesSync(root, FIXED_MTIME, FIXED_MTIME);
}
