/// One measured synth of the python benchmark, in a fresh process.
/// Usage: python-app.ts <ours|per-function> <N> <projects dir> <outdir> <cache dir>
/// N Python functions (projects fn0..fnN-1, all with the same requirements.txt) on bare
/// lambda.Function constructs, arm64, the newest Python runtime:
/// - ours: FunctionCode.fromPythonProject (one install per requirements set, cached in <cache dir>);
/// - per-function: what each function costs without sharing: the same pip command
///   (`pip install --platform ... --only-binary=:all: --implementation cp --python-version X.Y --target`)
///   run once per function into its own directory, then Code.fromAsset of that directory.
/// Prints {"ms": <construct + install + synth time>, "installs": <installer runs>, "functions": N}.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { FunctionCode, LatestRuntime, PythonInstaller } from '../../src';
import { installStats } from '../../src/code/python/private/dependency-cache';
import { pythonTarget } from '../../src/code/python/private/python-target';
import { findInstaller, installArgs } from '../../src/code/python/private/python-tools';

const [impl, nArg, projects, outdir, cacheDir] = process.argv.slice(2);
const n = Number(nArg);
const runtime = LatestRuntime.PYTHON;
const architecture = lambda.Architecture.ARM_64;

const t0 = performance.now();
const app = new App({ outdir });
const stack = new Stack(app, 'PythonBench', { env: { account: '123456789012', region: 'us-east-1' } });
let installs = 0;
for (let i = 0; i < n; i++) {
  const project = path.join(projects, `fn${i}`);
  let code: lambda.Code;
  if (impl === 'ours') {
    code = FunctionCode.fromPythonProject(project, { installer: PythonInstaller.PIP, cacheDirectory: cacheDir })
      .bind(stack, architecture, runtime).code;
  } else {
    const target = pythonTarget(runtime, architecture);
    const pip = findInstaller(PythonInstaller.PIP, target)!;
    const dir = path.join(cacheDir, `fn${i}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(project, dir, { recursive: true });
    const r = spawnSync(pip.program, installArgs(pip, target, dir, ['-r', path.join(project, 'requirements.txt')]), { encoding: 'utf8' });
    if (r.status !== 0) {
      throw new Error(`pip failed: ${r.stderr}`);
    }
    installs++;
    code = lambda.Code.fromAsset(dir);
  }
  new lambda.Function(stack, `Fn${i}`, { code, runtime, architecture, handler: 'index.handler' });
}
app.synth();
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, installs: impl === 'ours' ? installStats.installs : installs, functions: n }));
