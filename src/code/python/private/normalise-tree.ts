import * as fs from 'fs';
import * as path from 'path';

/** The timestamp every staged file gets (the zip epoch, as cdk-assets also writes it). @internal */
export const FIXED_MTIME = new Date('1980-01-01T00:00:00Z');

/** Installation metadata that names the machine, the tool or the time of the install. */
const MACHINE_SPECIFIC_METADATA = new Set(['RECORD', 'INSTALLER', 'REQUESTED', 'direct_url.json']);

/**
 * Makes an installed `--target` tree the same on every machine: drops `bin/` (console scripts embed
 * the build interpreter's absolute path, and Lambda never runs them), `__pycache__` and `*.pyc`
 * (compiled for the host's Python), the installer's lock file and the machine-specific
 * `*.dist-info` files (RECORD, INSTALLER, REQUESTED, direct_url.json); then fixes every mode
 * (0644, or 0755 for executables and directories) and timestamp.
 *
 * @internal
 */
export function normaliseInstalledTree(root: string): void {
  fs.rmSync(path.join(root, 'bin'), { recursive: true, force: true });
  fs.rmSync(path.join(root, '.lock'), { force: true });
  walk(root, (file, isDir, parentName) => {
    const name = path.basename(file);
    if (isDir && name === '__pycache__') {
      fs.rmSync(file, { recursive: true, force: true });
      return false;
    }
    if (!isDir && (name.endsWith('.pyc') || name.endsWith('.pyo'))) {
      fs.rmSync(file, { force: true });
      return false;
    }
    if (!isDir && parentName.endsWith('.dist-info') && MACHINE_SPECIFIC_METADATA.has(name)) {
      fs.rmSync(file, { force: true });
      return false;
    }
    return true;
  });
  fixModesAndTimes(root);
}

/** Sets 0755 on directories and executables, 0644 on other files, and the fixed timestamp on all. @internal */
export function fixModesAndTimes(root: string): void {
  walk(root, (file, isDir) => {
    const st = fs.lstatSync(file);
    const mode = isDir || isExecutable(st.mode) ? 0o755 : 0o644;
    if (st.mode % 0o1000 !== mode) {
      fs.chmodSync(file, mode);
    }
    return true;
  });
  // Timestamps after modes, children before parents (writing a child changes its directory's mtime).
  const dirs: string[] = [];
  walk(root, (file, isDir) => {
    if (isDir) {
      dirs.push(file);
    } else {
      fs.utimesSync(file, FIXED_MTIME, FIXED_MTIME);
    }
    return true;
  });
  for (const dir of dirs.reverse()) {
    fs.utimesSync(dir, FIXED_MTIME, FIXED_MTIME);
  }
}

/** Whether a file mode has any execute bit (owner, group or other). @internal */
export function isExecutable(mode: number): boolean {
  return [0o100, 0o10, 0o1].some((bit) => Math.floor(mode / bit) % 2 === 1);
}

/**
 * Visits every entry under `root` in sorted order (symlinks are not followed); `visit` returns
 * false to skip a directory's children (or because it removed the entry).
 *
 * @internal
 */
export function walk(root: string, visit: (file: string, isDir: boolean, parentName: string) => boolean): void {
  const entries = fs.readdirSync(root, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const file = path.join(root, entry.name);
    const isDir = entry.isDirectory();
    if (visit(file, isDir, path.basename(root)) && isDir && fs.existsSync(file)) {
      walk(file, visit);
    }
  }
}
