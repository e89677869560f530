import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { PythonInstaller } from '../../../src';
import { normaliseInstalledTree } from '../../../src/code/python/private/normalise-tree';
import { pythonTarget } from '../../../src/code/python/private/python-target';
import { installArgs } from '../../../src/code/python/private/python-tools';

describe('install target', () => {
  test('python3.12+ on arm64: every manylinux level from glibc 2.34 down to 2014 (Amazon Linux 2023)', () => {
    const t = pythonTarget(lambda.Runtime.PYTHON_3_13, lambda.Architecture.ARM_64);
    expect(t).toMatchObject({ machine: 'aarch64', pythonVersion: '3.13', abi: 'cp313', uvPlatform: 'aarch64-manylinux_2_34' });
    expect(t.platformTags[0]).toBe('manylinux_2_34_aarch64');
    expect(t.platformTags).toContain('manylinux_2_28_aarch64');
    expect(t.platformTags).toContain('manylinux_2_24_aarch64');
    expect(t.platformTags[t.platformTags.length - 1]).toBe('manylinux2014_aarch64');
    expect(t.platformTags.some((p) => p.includes('x86_64'))).toBe(false);
  });

  test('python3.11 and older stop at glibc 2.26 (Amazon Linux 2); x86_64 adds manylinux2010 and manylinux1', () => {
    const t = pythonTarget(lambda.Runtime.PYTHON_3_11, lambda.Architecture.X86_64);
    expect(t.platformTags[0]).toBe('manylinux_2_26_x86_64');
    expect(t.platformTags).not.toContain('manylinux_2_27_x86_64');
    expect(t.platformTags).toEqual(expect.arrayContaining(['manylinux2014_x86_64', 'manylinux2010_x86_64', 'manylinux1_x86_64']));
    expect(t.uvPlatform).toBe('x86_64-manylinux2014');
  });

  test('pip and uv arguments: binary only, the target platform and version, no bytecode, a target directory', () => {
    const t = pythonTarget(lambda.Runtime.PYTHON_3_12, lambda.Architecture.ARM_64);
    const pip = installArgs({ kind: 'pip', program: 'python3.12', prefix: ['-m', 'pip', 'install'], matchesTarget: true }, t, '/out', ['-r', 'r.txt']);
    expect(pip).toEqual(expect.arrayContaining(['--only-binary=:all:', '--no-compile', '--implementation', 'cp', '--python-version', '3.12', '--abi', 'cp312', '--target', '/out']));
    expect(pip.filter((a) => a === '--platform')).toHaveLength(t.platformTags.length);
    const uv = installArgs({ kind: 'uv', program: 'uv', prefix: ['pip', 'install'], matchesTarget: true }, t, '/out', ['-r', 'r.txt']);
    expect(uv.join(' ')).toContain('--no-installer-metadata --no-compile-bytecode --only-binary :all: --python-platform aarch64-manylinux_2_34 --python-version 3.12 --target /out');
    expect(PythonInstaller.AUTO).toBe('AUTO');
  });

  test('a runtime of another family has no target', () => {
    expect(() => pythonTarget(lambda.Runtime.NODEJS_22_X, lambda.Architecture.ARM_64)).toThrow(/not a Python runtime/);
  });
});

describe('normalising an installed tree', () => {
  test('drops what names the machine, the tool or the time; fixes modes and timestamps', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lbp-normalise-'));
    const write = (rel: string, content: string, mode = 0o664) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), content);
      fs.chmodSync(path.join(root, rel), mode);
    };
    write('bin/tool', '#!/tmp/venv/bin/python3\n', 0o775);
    write('.lock', '');
    write('pkg/__init__.py', 'x = 1\n');
    write('pkg/__pycache__/__init__.cpython-311.pyc', 'bytecode');
    write('pkg/native.so', 'elf', 0o775);
    write('pkg/old.pyc', 'bytecode');
    for (const f of ['RECORD', 'INSTALLER', 'REQUESTED', 'direct_url.json', 'METADATA', 'WHEEL']) {
      write(`pkg-1.0.dist-info/${f}`, f);
    }
    normaliseInstalledTree(root);

    const left: string[] = [];
    const visit = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
      const full = path.join(d, e.name);
      left.push(path.relative(root, full));
      if (e.isDirectory()) visit(full);
    });
    visit(root);
    expect(left.sort()).toEqual(['pkg', 'pkg-1.0.dist-info', 'pkg-1.0.dist-info/METADATA', 'pkg-1.0.dist-info/WHEEL', 'pkg/__init__.py', 'pkg/native.so']);
    expect(fs.statSync(path.join(root, 'pkg', '__init__.py')).mode % 0o1000).toBe(0o644);
    expect(fs.statSync(path.join(root, 'pkg', 'native.so')).mode % 0o1000).toBe(0o755);
    expect(fs.statSync(path.join(root, 'pkg')).mode % 0o1000).toBe(0o755);
    expect(fs.statSync(path.join(root, 'pkg', '__init__.py')).mtime.toISOString()).toBe('1980-01-01T00:00:00.000Z');
    expect(fs.statSync(path.join(root, 'pkg')).mtime.toISOString()).toBe('1980-01-01T00:00:00.000Z');
  });
});
