import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { FunctionCode, FunctionLayer, LatestRuntime, PythonInstaller, ServerlessFunction } from '../../../src';
import { installStats } from '../../../src/code/python/private/dependency-cache';
import { resetToolProbes } from '../../../src/code/python/private/python-tools';
import { nagFindings } from '../../helpers/nag';
import { testStack } from '../../helpers/template';

// Every install here reaches PyPI for pinned releases only: ujson 5.11.0 ships cp312-cp314 wheels
// for manylinux aarch64 and x86_64; ujson 5.10.0 has none for cp314; docopt 0.6.2 is an sdist only.
jest.setTimeout(180_000);

const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'python', 'orders');
const CACHE = fs.mkdtempSync(path.join(os.tmpdir(), 'lbp-python-cache-'));
const PIP = { installer: PythonInstaller.PIP, cacheDirectory: CACHE };

/** A fresh copy of a project directory with the given files. */
function project(overrides: { [name: string]: string }, from: string = FIXTURE): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lbp-python-project-'));
  fs.cpSync(from, dir, { recursive: true });
  for (const [name, content] of Object.entries(overrides)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** The function's resource, and the directory CDK staged its asset in. */
function synthesized(stack: Stack): { props: any; assetDir: string; hash: string } {
  const template = Template.fromStack(stack).toJSON();
  const fn = Object.values<any>(template.Resources).find((r) => r.Type === 'AWS::Lambda::Function');
  const hash = String(fn.Properties.Code.S3Key).replace(/\.zip$/, '');
  const app = stack.node.root as App;
  return { props: fn.Properties, assetDir: path.join(app.outdir, `asset.${hash}`), hash };
}

/** Every file under a directory, relative, sorted. */
function files(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        visit(full);
      } else {
        out.push(path.relative(dir, full).split(path.sep).join('/'));
      }
    }
  };
  visit(dir);
  return out.sort();
}

describe('FunctionCode.fromPythonProject', () => {
  test('installs the compiled dependency for arm64 and the newest Python runtime, next to the handler', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Orders', { code: FunctionCode.fromPythonProject(FIXTURE, PIP) });
    const { props, assetDir } = synthesized(stack);

    expect(props.Runtime).toBe(LatestRuntime.PYTHON.name);
    expect(props.Architectures).toEqual(['arm64']);
    const listed = files(assetDir);
    const version = LatestRuntime.PYTHON.name.replace('python3.', '');
    expect(listed).toContain('index.py');
    expect(listed).toContain(`ujson.cpython-3${version}-aarch64-linux-gnu.so`);
    expect(listed.some((f) => f.startsWith('ujson-5.11.0.dist-info/'))).toBe(true);
    // Nothing machine-specific, no bytecode, no tests.
    expect(listed.filter((f) => /(^|\/)(RECORD|INSTALLER|REQUESTED|direct_url\.json)$|\.pyc$|__pycache__|^bin\/|^tests\//.test(f))).toEqual([]);
  });

  test('follows the architecture and the runtime given to the function', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Orders', {
      code: FunctionCode.fromPythonProject(FIXTURE, PIP),
      architecture: lambda.Architecture.X86_64,
      runtime: lambda.Runtime.PYTHON_3_12,
    });
    const { props, assetDir } = synthesized(stack);
    expect(props.Runtime).toBe('python3.12');
    expect(files(assetDir)).toContain('ujson.cpython-312-x86_64-linux-gnu.so');
  });

  test('the same project gives the same asset hash and bytes from two directories and two fresh caches', () => {
    const staged: { hash: string; dir: string }[] = [];
    for (let i = 0; i < 2; i++) {
      const dir = project({ '__pycache__/index.cpython-311.pyc': 'host bytecode', '.venv/lib/site.py': 'venv' });
      const cache = fs.mkdtempSync(path.join(os.tmpdir(), `lbp-python-fresh-${i}-`));
      const stack = testStack();
      new ServerlessFunction(stack, 'Orders', {
        code: FunctionCode.fromPythonProject(dir, { installer: PythonInstaller.PIP, cacheDirectory: cache }),
      });
      const { hash, assetDir } = synthesized(stack);
      staged.push({ hash, dir: assetDir });
    }
    expect(staged[0].hash).toEqual(staged[1].hash);
    const [a, b] = staged.map((s) => files(s.dir));
    expect(a).toEqual(b);
    for (const f of a) {
      expect(fs.readFileSync(path.join(staged[1].dir, f)).equals(fs.readFileSync(path.join(staged[0].dir, f)))).toBe(true);
    }
    expect(a.some((f) => f.startsWith('.venv') || f.includes('__pycache__'))).toBe(false);
  });

  test('functions sharing requirements install once per synth, and an unchanged second synth installs nothing', () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'lbp-python-shared-'));
    const handlers = [0, 1, 2].map((i) => project({ 'index.py': `def handler(event, context):\n    return ${i}\n` }));
    const synth = () => {
      const stack = testStack();
      handlers.forEach((dir, i) => new ServerlessFunction(stack, `Fn${i}`, {
        code: FunctionCode.fromPythonProject(dir, { installer: PythonInstaller.PIP, cacheDirectory: cache }),
      }));
      return Template.fromStack(stack);
    };
    const before = installStats.installs;
    synth();
    expect(installStats.installs - before).toBe(1);
    synth();
    expect(installStats.installs - before).toBe(1);
    expect(fs.readdirSync(path.join(cache, 'deps'))).toHaveLength(1);
    expect(fs.existsSync(path.join(cache, 'deps', fs.readdirSync(path.join(cache, 'deps'))[0], '.complete.json'))).toBe(true);
  });

  test('a pyproject.toml without a lock gives its [project] dependencies (the same cache entry as requirements.txt)', () => {
    const dir = project({ 'pyproject.toml': '[project]\nname = "orders"\nversion = "1.0.0"\ndependencies = ["ujson==5.11.0"]\n' });
    fs.rmSync(path.join(dir, 'requirements.txt'));
    const stack = testStack();
    new ServerlessFunction(stack, 'Orders', { code: FunctionCode.fromPythonProject(dir, PIP) });
    const before = installStats.installs;
    const { assetDir } = synthesized(stack);
    expect(installStats.installs - before).toBe(0);
    expect(files(assetDir).some((f) => f.endsWith('-aarch64-linux-gnu.so'))).toBe(true);
  });

  test('a directory without requirements is the handler alone', () => {
    const dir = project({});
    fs.rmSync(path.join(dir, 'requirements.txt'));
    const stack = testStack();
    new ServerlessFunction(stack, 'Plain', { code: FunctionCode.fromPythonProject(dir, PIP) });
    expect(files(synthesized(stack).assetDir)).toEqual(['index.py']);
  });

  test('the user\'s exclude patterns are kept out too', () => {
    const dir = project({ 'docs/notes.md': 'notes', 'events/sample.json': '{}' });
    const stack = testStack();
    new ServerlessFunction(stack, 'Orders', { code: FunctionCode.fromPythonProject(dir, { ...PIP, exclude: ['docs', '*.json'] }) });
    const listed = files(synthesized(stack).assetDir);
    expect(listed.filter((f) => f.startsWith('docs/') || f.endsWith('.json'))).toEqual([]);
  });

  test('stacks excluded from bundling install nothing and get the sources alone', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'Excluded');
    const dir = project({ 'requirements.txt': 'ujson==5.11.0\nsix==1.17.0\n' });
    const before = installStats.installs;
    new ServerlessFunction(stack, 'Orders', { code: FunctionCode.fromPythonProject(dir, PIP) });
    Template.fromStack(stack);
    expect(installStats.installs).toBe(before);
  });

  test('pip under another Python than the runtime\'s warns about environment markers', () => {
    const dir = project({ 'requirements.txt': 'six==1.17.0; python_version < "3"\n' });
    const stack = testStack();
    new ServerlessFunction(stack, 'Orders', {
      code: FunctionCode.fromPythonProject(dir, PIP),
      runtime: lambda.Runtime.PYTHON_3_9,
    });
    const warning = Match.stringLikeRegexp('environment markers');
    if (spawnSync('python3.9', ['-m', 'pip', '--version']).status === 0) {
      Annotations.fromStack(stack).hasNoWarning('/TestStack/Orders', warning);
    } else {
      Annotations.fromStack(stack).hasWarning('/TestStack/Orders', warning);
    }
  });

  test('passes the five cdk-nag packs, with a Python layer', () => {
    const stack = testStack();
    const layer = FunctionLayer.fromPythonRequirements(stack, 'Deps', path.join(FIXTURE, 'requirements.txt'), PIP);
    new ServerlessFunction(stack, 'Orders', { code: FunctionCode.fromPythonProject(FIXTURE, PIP), layers: [layer] });
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('FunctionCode.fromPythonProject errors', () => {
  const synthError = (props: () => ConstructorParameters<typeof ServerlessFunction>[2]): string => {
    const stack = testStack();
    try {
      new ServerlessFunction(stack, 'Orders', props());
    } catch (e) {
      expect(stack.node.tryFindChild('Orders')).toBeUndefined();
      return (e as Error).message;
    }
    throw new Error('expected a validation error');
  };

  test('names every package without a wheel for the target and the ways out (LBP_PYTHON_NO_WHEEL)', () => {
    const dir = project({ 'requirements.txt': 'ujson==5.10.0\ndocopt==0.6.2\n' });
    const message = synthError(() => ({ code: FunctionCode.fromPythonProject(dir, PIP) }));
    expect(message).toContain('[LBP_PYTHON_NO_WHEEL]');
    expect(message).toContain('docopt==0.6.2');
    expect(message).toContain('ujson==5.10.0');
    expect(message).toContain('aarch64');
    expect(message).toContain('fromImageAsset');
    expect(message).toContain('layer');
  });

  test('just inside: the same pin installs for a runtime it has wheels for', () => {
    const dir = project({ 'requirements.txt': 'ujson==5.10.0\n' });
    const stack = testStack();
    new ServerlessFunction(stack, 'Orders', { code: FunctionCode.fromPythonProject(dir, PIP), runtime: lambda.Runtime.PYTHON_3_12 });
    expect(files(synthesized(stack).assetDir)).toContain('ujson.cpython-312-aarch64-linux-gnu.so');
  });

  test('a runtime of another family is refused, and nothing is installed', () => {
    const before = installStats.installs;
    const message = synthError(() => ({ code: FunctionCode.fromPythonProject(FIXTURE, PIP), runtime: lambda.Runtime.NODEJS_22_X }));
    expect(message).toContain('[LBP_IMAGE_SETTING]');
    expect(message).toContain('PYTHON runtime');
    expect(installStats.installs).toBe(before);
  });

  test('a missing directory or requirements file (LBP_PYTHON_PROJECT_NOT_FOUND)', () => {
    expect(synthError(() => ({ code: FunctionCode.fromPythonProject(path.join(FIXTURE, 'missing'), PIP) })))
      .toContain('[LBP_PYTHON_PROJECT_NOT_FOUND]');
    expect(synthError(() => ({ code: FunctionCode.fromPythonProject(FIXTURE, { ...PIP, requirementsFile: 'prod.txt' }) })))
      .toMatch(/LBP_PYTHON_PROJECT_NOT_FOUND.*requirementsFile/);
  });

  test('an installer failure that is not a missing wheel names the installer and the line (LBP_PYTHON_INSTALL_FAILED)', () => {
    const dir = project({ 'requirements.txt': 'six=>=1.16\n' });
    const message = synthError(() => ({ code: FunctionCode.fromPythonProject(dir, PIP) }));
    expect(message).toContain('[LBP_PYTHON_INSTALL_FAILED]');
    expect(message).toContain('the pip install');
    expect(message).toContain('six=>=1.16');
  });

  test('a pyproject.toml that cannot be read as dependencies (LBP_PYTHON_EXPORT_FAILED)', () => {
    const dir = project({ 'pyproject.toml': '[tool.poetry]\nname = "x"\n' });
    fs.rmSync(path.join(dir, 'requirements.txt'));
    const message = synthError(() => ({ code: FunctionCode.fromPythonProject(dir, PIP) }));
    expect(message).toContain('[LBP_PYTHON_EXPORT_FAILED]');
    expect(message).toContain('a Poetry project without poetry.lock');
  });

  describe('without tools on the PATH', () => {
    const savedPath = process.env.PATH;
    beforeEach(() => {
      process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), 'lbp-empty-path-'));
      resetToolProbes();
    });
    afterEach(() => {
      process.env.PATH = savedPath;
      resetToolProbes();
    });

    test('no pip and no uv (LBP_PYTHON_TOOL_MISSING)', () => {
      const dir = project({ 'requirements.txt': 'ujson==5.11.0\nsix==1.16.0\n' });
      const message = synthError(() => ({ code: FunctionCode.fromPythonProject(dir, { cacheDirectory: CACHE }) }));
      expect(message).toContain('[LBP_PYTHON_TOOL_MISSING]');
      expect(message).toContain('install uv');
    });

    test('uv asked for but missing, and a uv.lock without uv (LBP_PYTHON_TOOL_MISSING)', () => {
      const dir = project({ 'requirements.txt': 'six==1.16.0\n' });
      expect(synthError(() => ({ code: FunctionCode.fromPythonProject(dir, { installer: PythonInstaller.UV, cacheDirectory: CACHE }) })))
        .toMatch(/LBP_PYTHON_TOOL_MISSING.*uv \(not on the PATH\)/);
      const locked = project({ 'uv.lock': 'version = 1\n', 'pyproject.toml': '[project]\nname = "x"\nversion = "1"\n' });
      fs.rmSync(path.join(locked, 'requirements.txt'));
      expect(synthError(() => ({ code: FunctionCode.fromPythonProject(locked, { cacheDirectory: CACHE }) })))
        .toMatch(/LBP_PYTHON_TOOL_MISSING.*uv export/);
      const poetry = project({ 'poetry.lock': '# lock\n', 'pyproject.toml': '[tool.poetry]\nname = "x"\n' });
      fs.rmSync(path.join(poetry, 'requirements.txt'));
      expect(synthError(() => ({ code: FunctionCode.fromPythonProject(poetry, { cacheDirectory: CACHE }) })))
        .toMatch(/LBP_PYTHON_TOOL_MISSING.*poetry export/);
    });
  });
});

describe('FunctionLayer.fromPythonRequirements', () => {
  const requirements = path.join(FIXTURE, 'requirements.txt');

  test('puts the packages under python/ and records its runtime and architecture', () => {
    const stack = testStack();
    const layer = FunctionLayer.fromPythonRequirements(stack, 'Deps', requirements, { ...PIP, description: 'ujson' });
    expect(layer.compatibleRuntimes!.map((r) => r.name)).toEqual([LatestRuntime.PYTHON.name]);
    expect(layer.compatibleArchitectures!.map((a) => a.name)).toEqual(['arm64']);
    expect(layer.unzippedSizeBytes).toBeGreaterThan(100_000);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::LayerVersion', {
      CompatibleRuntimes: [LatestRuntime.PYTHON.name],
      CompatibleArchitectures: ['arm64'],
      Description: 'ujson',
    });
    const key = Object.values<any>(template.toJSON().Resources).find((r) => r.Type === 'AWS::Lambda::LayerVersion').Properties.Content.S3Key;
    const listed = files(path.join((stack.node.root as App).outdir, `asset.${String(key).replace(/\.zip$/, '')}`));
    expect(listed.every((f) => f.startsWith('python/'))).toBe(true);
    expect(listed.some((f) => /^python\/ujson\.cpython-3\d+-aarch64-linux-gnu\.so$/.test(f))).toBe(true);
  });

  test('the existing layer checks apply: another architecture or runtime is refused', () => {
    const stack = testStack();
    const layer = FunctionLayer.fromPythonRequirements(stack, 'Deps', requirements, PIP);
    const handler = project({});
    fs.rmSync(path.join(handler, 'requirements.txt'));
    expect(() => new ServerlessFunction(stack, 'OnX86', {
      code: FunctionCode.fromPythonProject(handler, PIP), architecture: lambda.Architecture.X86_64, layers: [layer],
    })).toThrow(/LBP_LAYER_ARCHITECTURE/);
    expect(() => new ServerlessFunction(stack, 'OnOlder', {
      code: FunctionCode.fromPythonProject(handler, PIP), runtime: lambda.Runtime.PYTHON_3_12, layers: [layer],
    })).toThrow(/LBP_LAYER_RUNTIME/);
    // Just inside: the layer's own runtime and architecture.
    new ServerlessFunction(stack, 'Matching', { code: FunctionCode.fromPythonProject(handler, PIP), layers: [layer] });
  });

  test('the environment-marker warning lands on the layer', () => {
    const dir = project({ 'requirements.txt': 'six==1.17.0; python_version < "3"\n' });
    const stack = testStack();
    FunctionLayer.fromPythonRequirements(stack, 'Deps', path.join(dir, 'requirements.txt'), { ...PIP, runtime: lambda.Runtime.PYTHON_3_9 });
    const warning = Match.stringLikeRegexp('environment markers');
    if (spawnSync('python3.9', ['-m', 'pip', '--version']).status !== 0) {
      Annotations.fromStack(stack).hasWarning('/TestStack/Deps', warning);
    } else {
      Annotations.fromStack(stack).hasNoWarning('/TestStack/Deps', warning);
    }
  });

  test('x86_64 and an older runtime, when asked for', () => {
    const stack = testStack();
    const layer = FunctionLayer.fromPythonRequirements(stack, 'Deps', requirements, {
      ...PIP, runtime: lambda.Runtime.PYTHON_3_12, architecture: lambda.Architecture.X86_64,
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::LayerVersion', {
      CompatibleRuntimes: ['python3.12'], CompatibleArchitectures: ['x86_64'],
    });
    expect(layer.compatibleRuntimes![0].name).toBe('python3.12');
  });

  test('errors: a runtime that is not Python, a missing file, a package without a wheel', () => {
    const stack = testStack();
    expect(() => FunctionLayer.fromPythonRequirements(stack, 'Node', requirements, { ...PIP, runtime: lambda.Runtime.NODEJS_22_X }))
      .toThrow(/\[LBP_PYTHON_RUNTIME\] TestStack\/Node: runtime is nodejs22\.x/);
    expect(() => FunctionLayer.fromPythonRequirements(stack, 'Missing', path.join(FIXTURE, 'nope.txt'), PIP))
      .toThrow(/LBP_PYTHON_PROJECT_NOT_FOUND/);
    const noWheel = project({ 'requirements.txt': 'docopt==0.6.2\n' });
    expect(() => FunctionLayer.fromPythonRequirements(stack, 'NoWheel', path.join(noWheel, 'requirements.txt'), PIP))
      .toThrow(/LBP_PYTHON_NO_WHEEL.*docopt==0\.6\.2/);
    // Nothing half-made: the ids are free again.
    expect(stack.node.children.map((c) => c.node.id)).toEqual([]);
  });
});
